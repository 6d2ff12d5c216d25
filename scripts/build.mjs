// Bundles the CLI into dist/ (ESM, code-split so each command loads lazily) and the
// developer scripts into dist/scripts/. better-sqlite3's JavaScript is bundled too (14 files fewer
// to load at start-up); its compiled addon stays in node_modules and is loaded by path (src/store/db.ts).
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
const { version } = JSON.parse(readFileSync("package.json", "utf8"));
// the config checks, so a parsed config cached by a build with other checks is checked again
const configRules = createHash("sha256")
  .update(readFileSync("src/config-schema.ts"))
  .update(readFileSync("src/generated/config-validator.js"))
  .digest("hex")
  .slice(0, 12);

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
  define: { __XTRIAGE_VERSION__: JSON.stringify(version), __XTRIAGE_CONFIG_RULES__: JSON.stringify(configRules) },
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

const split = await build({
  ...common,
  plugins: [lazyChildProcess],
  // the import worker sits beside the chunks: src/commands/import-source.ts finds it as ./import-worker.js
  entryPoints: { main: "src/main.ts", "chunks/import-worker": "src/commands/import-worker.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
});

/** The split build's file for a module it loads on demand, relative to dist/. */
function chunkOf(path) {
  for (const [file, meta] of Object.entries(split.metafile.outputs)) {
    if (meta.entryPoint && resolve(meta.entryPoint) === path) return `./${relative("dist", file)}`;
  }
  throw new Error(`no chunk of the split build holds ${path}`);
}

/**
 * `xtriage list` is what scripts run most: it gets a bundle of its own, one file instead of a dozen
 * chunks (~8 ms less to start). What it loads on demand is bundled in too, except third-party
 * packages and stateless leaves of ours, which it takes from the split build's chunks (no class
 * or module is loaded twice). Our other modules cannot be reached from it: they become a stand-in
 * that fails loudly, rather than a second copy of, say, the error classes.
 */
function standalone(command, inline, leaves) {
  const ours = new Set(inline.map((f) => resolve(f)));
  const shared = new Set(leaves.map((f) => resolve(f)));
  return {
    name: "standalone",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== "dynamic-import" || args.pluginData === "resolving") return undefined;
        const found = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: "resolving",
        });
        if (found.errors.length > 0) return { errors: found.errors };
        if (found.path.includes(`${sep}node_modules${sep}`) || shared.has(found.path)) {
          return { path: chunkOf(found.path), external: true };
        }
        if (ours.has(found.path)) return { path: found.path };
        return { path: found.path, namespace: "unreachable" };
      });
      b.onLoad({ filter: /.*/, namespace: "unreachable" }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`internal: ${relative(".", args.path)} is not part of the ${command} bundle`)});`,
        loader: "js",
      }));
    },
  };
}

await build({
  ...common,
  plugins: [
    lazyChildProcess,
    // the config validator holds no state either, and only runs when there is a config file; the
    // report store only runs once, when `list` is the first command to open a database from before
    // the report cache (src/context.ts)
    standalone(
      "list",
      ["src/commands/list.ts", "src/config.ts", "src/store/db.ts"],
      ["src/config-schema.ts", "src/store/report.ts"],
    ),
  ],
  entryPoints: { list: "src/main.ts" },
  outdir: "dist",
});

// bin/xtriage.js reads the command name with this before it loads a bundle
await build({ ...common, banner: {}, entryPoints: { route: "src/route.ts" }, outdir: "dist", sourcemap: false });

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
