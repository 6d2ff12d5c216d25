import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import { configSchema } from "../src/config-schema.js";

const UCS2LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';

/**
 * The config validator as standalone code, compiled from the schema ahead of time: compiling it
 * with Ajv at run time cost ~25 ms (plus loading Ajv) on every command that reads the config.
 * Ajv emits one CommonJS require even in ESM mode; it becomes an import the bundler can follow
 * (whose default is the CommonJS exports object under Node and esbuild, the function under Vite).
 */
export function configValidatorSource(): string {
  const ajv = new Ajv({ allErrors: false, allowUnionTypes: true, code: { source: true, esm: true, lines: true } });
  const code = standalone.default(ajv, ajv.compile(configSchema));
  const esm = code.includes(UCS2LENGTH_REQUIRE)
    ? `import ucs2length from "ajv/dist/runtime/ucs2length.js";\n${code.replaceAll(UCS2LENGTH_REQUIRE, "(ucs2length.default ?? ucs2length)")}`
    : code;
  return `// Generated from src/config-schema.ts by \`npm run gen\` (scripts/gen-config-validator.ts). Do not edit.\n${esm}\n`;
}
