// Bundles the CLI into dist/ (ESM, code-split so each command loads lazily) and the
// developer scripts into dist/scripts/. better-sqlite3's JavaScript is bundled too (14 files fewer
// to load at start-up); its compiled addon stays in node_modules and is loaded by path (src/store/db.ts).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external: ["*.node"],
  // Bundled CommonJS dependencies still call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __xtCreateRequire } from 'node:module'; const require = __xtCreateRequire(import.meta.url);",
  },
  logLevel: "warning",
  define: { __XTRIAGE_VERSION__: JSON.stringify(version) },
};

/**
 * commander requires node:child_process at load, and with it net, stream and more (~3 ms of every
 * start), only to spawn executable subcommands, which xtriage has none of: it gets a stand-in that
 * loads the real module on first use.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes("node_modules/commander/") ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: "js",
    }));
  },
};

await build({
  ...common,
  plugins: [lazyChildProcess],
  // the import worker sits beside the chunks: src/commands/import-source.ts finds it as ./import-worker.js
  entryPoints: { main: "src/main.ts", "chunks/import-worker": "src/commands/import-worker.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

// bin/xtriage.js answers --version from this without loading the CLI
mkdirSync("dist", { recursive: true });
writeFileSync("dist/version.js", `export const version = ${JSON.stringify(version)};\n`);
// Node looks up the nearest package.json for every module it loads: make it a tiny one
writeFileSync("dist/package.json", '{"type":"module"}\n');

const scripts = readdirSync("scripts").filter((f) => f.endsWith(".ts"));
if (scripts.length > 0) {
  await build({
    ...common,
    // the scripts open databases without the addon path: keep better-sqlite3 whole (its `bindings`
    // lookup needs CommonJS's __filename)
    external: ["better-sqlite3"],
    entryPoints: scripts.map((f) => `scripts/${f}`),
    outdir: "dist/scripts",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  });
}
