// Bundles the CLI into dist/ (ESM, code-split so each command loads lazily) and the
// developer scripts into dist/scripts/. better-sqlite3 stays external: it is a native addon.
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
  external: ["better-sqlite3"],
  // Bundled CommonJS dependencies still call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __xtCreateRequire } from 'node:module'; const require = __xtCreateRequire(import.meta.url);",
  },
  logLevel: "warning",
  define: { __XTRIAGE_VERSION__: JSON.stringify(version) },
};

await build({
  ...common,
  entryPoints: { main: "src/main.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

// bin/xtriage.js answers --version from this without loading the CLI
mkdirSync("dist", { recursive: true });
writeFileSync("dist/version.js", `export const version = ${JSON.stringify(version)};\n`);

const scripts = readdirSync("scripts").filter((f) => f.endsWith(".ts"));
if (scripts.length > 0) {
  await build({
    ...common,
    entryPoints: scripts.map((f) => `scripts/${f}`),
    outdir: "dist/scripts",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  });
}
