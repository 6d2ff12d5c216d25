import { existsSync, readFileSync } from "node:fs";
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
