#!/usr/bin/env node
// Tiny launcher: check the Node version, then load the bundled CLI.
const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  process.stderr.write(`xtriage needs Node.js 20 or newer; this is ${process.version}\n`);
  process.exit(1);
}
import("../dist/main.js");
