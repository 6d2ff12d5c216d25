#!/usr/bin/env node
// Tiny launcher: check the Node version, then load the bundled CLI.
import { bundleFor } from "../dist/route.js";

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  process.stderr.write(`xtriage needs Node.js 20 or newer; this is ${process.version}\n`);
  process.exit(1);
}
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  // scripts ask this often; answer without loading the CLI
  const { version } = await import("../dist/version.js");
  process.stdout.write(`${version}\n`);
} else {
  // `list` has a bundle of its own (faster to start); every other command is in main
  await import(`../dist/${bundleFor(args)}.js`);
}
