import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticPages } from "../../scripts/bench-data.js";
import { firstLineParses } from "../../src/commands/import-source.js";
import { BIN, baseEnv, runBin, SCENARIO, tempDir } from "../helpers/cli.js";

// The built binary (npm test builds dist/ first): the worker thread exists only there.
let t: { dir: string; cleanup(): void };
let mixed: string;
let large: string;

beforeAll(async () => {
  t = tempDir();
  // The scenario, then part of it again (the same posts: unchanged), one post changed by X (updated),
  // a bad line, and synthetic pages: the same post twice in one file, and thousands of authors.
  const lines = ["pages.jsonl", "later.jsonl", "others.jsonl"].flatMap((f) =>
    readFileSync(join(SCENARIO, f), "utf8")
      .split("\n")
      .filter((l) => l.trim()),
  );
  const changed = JSON.parse(lines[0]!);
  changed.data[0].public_metrics.like_count += 1000;
  const synthetic = join(t.dir, "synthetic.jsonl");
  await writeSyntheticPages(synthetic, 3000, 11);
  const pages = readFileSync(synthetic, "utf8").split("\n").filter(Boolean);
  mixed = join(t.dir, "mixed.jsonl");
  writeFileSync(
    mixed,
    [...lines, pages[0], ...lines.slice(0, 2), JSON.stringify(changed), '{"data": [', ...pages, ""].join("\n"),
  );
  large = join(t.dir, "large.jsonl");
  await writeSyntheticPages(large, 15_000, 5);
});
afterAll(() => t.cleanup());

function envFor(name: string, worker: "on" | "off") {
  return baseEnv(t.dir, { XTRIAGE_DB: join(t.dir, `${name}.db`), XTRIAGE_IMPORT_WORKER: worker });
}

/** Every row of the tables import writes, in a stable order. */
function dump(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return ["mentions", "authors", "referenced_posts", "mention_hashtags"].flatMap((table) =>
      db
        .prepare(`SELECT * FROM ${table} ORDER BY 1, 2`)
        .all()
        .map((row) => `${table} ${JSON.stringify(row)}`),
    );
  } finally {
    db.close();
  }
}

describe("import on a worker thread", () => {
  it("stores the same rows and reports the same summary as the single-thread path", async () => {
    const one = await runBin(["import", mixed, "--json"], envFor("one", "off"));
    const two = await runBin(["import", mixed, "--json"], envFor("two", "on"));
    expect(one.code).toBe(1); // the bad line
    expect(two.code).toBe(1);
    const summary = JSON.parse(two.stdout);
    expect(summary).toEqual(JSON.parse(one.stdout));
    expect(summary.bad_lines).toHaveLength(1);
    expect(summary.updated).toBe(1);
    expect(summary.unchanged).toBeGreaterThan(100);
    const rows = dump(join(t.dir, "two.db"));
    expect(rows.filter((r) => r.startsWith("mentions ")).length).toBe(summary.imported);
    expect(rows).toEqual(dump(join(t.dir, "one.db")));
    // re-importing through the worker ends with the same rows (the changed post goes back to its
    // first version and forward again: two updates)
    const again = await runBin(["import", mixed, "--json"], envFor("two", "on"));
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, updated: 2 });
    expect(dump(join(t.dir, "two.db"))).toEqual(rows);
  });

  it("--strict through the worker writes nothing", async () => {
    const env = envFor("strict", "on");
    const res = await runBin(["import", mixed, "--strict"], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("nothing was imported");
    expect(dump(env.XTRIAGE_DB!).filter((r) => r.startsWith("mentions "))).toEqual([]);
  });

  it("a crash mid-import leaves whole batches, and importing again completes the same data", async () => {
    const env = envFor("crash", "on");
    const clean = envFor("clean", "on");
    expect((await runBin(["import", large], clean)).code).toBe(0);
    const child = spawn(process.execPath, [BIN, "import", large], { env, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const stored = () => {
      try {
        const db = new Database(env.XTRIAGE_DB!, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT count(*) AS n FROM mentions").get() as { n: number }).n;
        } finally {
          db.close();
        }
      } catch {
        return 0; // not created or not migrated yet
      }
    };
    while (stored() === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;

    const db = new Database(env.XTRIAGE_DB!);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const n = (db.prepare("SELECT count(*) AS n FROM mentions").get() as { n: number }).n;
    // batches of 5,000 posts commit whole (the synthetic pages hold 100 posts each)
    expect(n % 5000).toBe(0);
    expect(n).toBeLessThan(15_000);
    // every stored mention has its hashtags: no half-written post
    const orphans = db
      .prepare(
        "SELECT count(*) AS n FROM mentions m WHERE m.hashtags <> '[]' AND NOT EXISTS (SELECT 1 FROM mention_hashtags h WHERE h.mention_id = m.id)",
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    db.close();

    const resumed = await runBin(["import", large, "--json"], env);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ imported: 15_000 - n, unchanged: n });
    expect(dump(env.XTRIAGE_DB!)).toEqual(dump(clean.XTRIAGE_DB!));
  });

  it("refuses an unknown XTRIAGE_IMPORT_WORKER value", async () => {
    const res = await runBin(["import", mixed], baseEnv(t.dir, { XTRIAGE_IMPORT_WORKER: "sometimes" }));
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("XTRIAGE_IMPORT_WORKER must be on, off or auto");
  });
});

describe("firstLineParses: which files the worker may read", () => {
  const write = (name: string, text: string) => {
    const path = join(t.dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("accepts JSONL, after blank lines too, and a last line without a newline", () => {
    expect(firstLineParses(write("a.jsonl", '{"data": []}\n{"data": []}\n'), 1024)).toBe(true);
    expect(firstLineParses(write("b.jsonl", '\n  \n{"data": []}\n'), 1024)).toBe(true);
    expect(firstLineParses(write("c.jsonl", '{"data": []}'), 1024)).toBe(true);
  });

  it("rejects a pretty-printed document, a bad first line, and a first line over the limit", () => {
    expect(firstLineParses(write("d.json", '{\n  "data": []\n}\n'), 1024)).toBe(false);
    expect(firstLineParses(write("e.jsonl", '{"data": [\n{"data": []}\n'), 1024)).toBe(false);
    expect(firstLineParses(write("f.jsonl", `{"text": "${"x".repeat(200_000)}"}\n`), 100_000)).toBe(false);
  });
});
