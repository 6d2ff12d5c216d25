import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleFor, commandName } from "../../src/route.js";
import { ROOT } from "../helpers/cli.js";

describe("which command a command line names", () => {
  it.each([
    [["list", "--json"], "list"],
    [["--db", "x.db", "queue"], "queue"],
    [["--no-color", "--config", "c.yaml", "--agent", "ana", "show", "1"], "show"],
    [["--db=list", "fetch"], "fetch"],
    [["--json"], undefined],
    [[], undefined],
  ])("%j names %s", (argv, name) => {
    expect(commandName(argv)).toBe(name);
  });

  it("sends list and queue to their own bundle, everything else to the whole CLI", () => {
    expect(bundleFor(["list", "--limit", "5"])).toBe("list");
    expect(bundleFor(["--db", "list", "queue"])).toBe("list");
    expect(bundleFor(["--db", "queue", "show", "1"])).toBe("main");
    expect(bundleFor(["--help"])).toBe("main");
    expect(bundleFor([])).toBe("main");
  });
});

describe("the list bundle (built)", () => {
  const bundle = join(ROOT, "dist", "list.js");

  it("holds list's own code and loads no chunk of ours but stateless leaves (no second copy of any class)", () => {
    expect(existsSync(bundle)).toBe(true);
    const code = readFileSync(bundle, "utf8");
    expect(code).toContain("async function runList(");
    // every chunk it may load, and every chunk those import, holds third-party packages or one of
    // our stateless leaves: the config validator, the report store (only run once, after an upgrade)
    const leaves = ["src/config-schema.ts", "src/store/report.ts", "src/store/report-buckets.ts"];
    const pending = [...code.matchAll(/import\("\.\/chunks\/([^"]+)"\)/g)].map((m) => m[1]!);
    expect(pending.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    while (pending.length > 0) {
      const chunk = pending.pop()!;
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      const source = readFileSync(join(ROOT, "dist", "chunks", chunk), "utf8");
      const modules = [...source.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]!);
      const ours = modules.filter(
        (m) => m.startsWith("src/") && !leaves.includes(m) && !m.startsWith("src/generated/"),
      );
      expect(ours, chunk).toEqual([]);
      for (const m of source.matchAll(/(?:from|import) "\.\/([^"]+\.js)"/g)) pending.push(m[1]!);
    }
    expect([...seen].some((c) => c.startsWith("report-"))).toBe(true);
    expect(code).not.toMatch(/from "\.\/chunks\//);
  });
});

describe("the import command (built)", () => {
  const chunks = join(ROOT, "dist", "chunks");
  const MODEL = "src/core/score/model.ts";

  /** Every module in the chunk and in the chunks it imports statically (what loading it evaluates). */
  function staticModules(start: string): Set<string> {
    const modules = new Set<string>();
    const pending = [start];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const chunk = pending.pop()!;
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      const source = readFileSync(join(chunks, chunk), "utf8");
      for (const m of source.matchAll(/^\/\/ (\S+)$/gm)) modules.add(m[1]!);
      for (const m of source.matchAll(/(?:from|import) "\.\/([^"]+\.js)"/g)) pending.push(m[1]!);
    }
    return modules;
  }

  it("loads the learned model on the worker only: the main thread scores from the worker's evidence", () => {
    const command = readdirSync(chunks).find((f) => /^import-[A-Z0-9]+\.js$/.test(f));
    expect(command).toBeDefined();
    const code = readFileSync(join(chunks, command!), "utf8");
    // what the main thread of a worker import loads: the command, then these three on demand
    const loaded = [command!];
    for (const name of ["import-source", "ingest", "with-evidence"]) {
      const target = code.match(new RegExp(`import\\("\\./(${name}-[A-Z0-9]+\\.js)"\\)`))?.[1];
      expect(target, name).toBeDefined();
      loaded.push(target!);
    }
    for (const chunk of loaded) expect([...staticModules(chunk)], chunk).not.toContain(MODEL);
    expect([...staticModules("import-worker.js")]).toContain(MODEL);
  });
});
