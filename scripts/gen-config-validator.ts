/**
 * Writes src/generated/config-validator.js from the config schema (see config-validator-source.ts).
 *
 *   npm run gen
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { configValidatorSource } from "./config-validator-source.js";

const root = resolve(import.meta.dirname, "../..");
const target = join(root, "src", "generated", "config-validator.js");
writeFileSync(target, configValidatorSource());
process.stderr.write(`wrote ${target}\n`);
