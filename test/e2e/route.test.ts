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

  it("holds list's own code and loads no chunk of ours (no second copy of any class)", () => {
    expect(existsSync(bundle)).toBe(true);
    const code = readFileSync(bundle, "utf8");
    expect(code).toContain("async function runList(");
    // every chunk it may load is a third-party package or the config validator, never our modules
    const chunks = [...code.matchAll(/import\("\.\/chunks\/([^"]+)"\)/g)].map((m) => m[1]!);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const source = readFileSync(join(ROOT, "dist", "chunks", chunk), "utf8");
      const modules = [...source.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]!);
      const ours = modules.filter(
        (m) => m.startsWith("src/") && m !== "src/config-schema.ts" && !m.startsWith("src/generated/"),
      );
      expect(ours, chunk).toEqual([]);
    }
    expect(code).not.toMatch(/from "\.\/chunks\//);
  });
});
