import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../src/store/migrations.js";
import { baseEnv, runBin, SCENARIO, tempDir } from "../helpers/cli.js";
import { sqlOn } from "../helpers/db.js";

// A database from before the report cache (schema 2) holding the scenario, opened by the built binary.
let t: { dir: string; cleanup(): void };
let current: Record<string, string>;
let old: Record<string, string>;
const REPORT_CACHE_SCHEMA = 3;

/** The scenario's rows copied into a database built with the migrations before the report cache. */
function preCacheCopy(from: string, to: string): void {
  const db = new Database(to);
  for (let v = 1; v < REPORT_CACHE_SCHEMA; v++) db.exec(migrations[v - 1]!);
  db.pragma(`user_version = ${REPORT_CACHE_SCHEMA - 1}`);
  db.exec(`ATTACH '${from}' AS src`);
  for (const table of ["authors", "mentions", "mention_hashtags", "referenced_posts"]) {
    db.exec(`INSERT INTO ${table} SELECT * FROM src.${table}`);
  }
  db.exec("DETACH src");
  db.close();
}

const count = (path: string, table: string) => sqlOn<{ n: number }>(path, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

beforeAll(async () => {
  t = tempDir();
  current = baseEnv(t.dir);
  const res = await runBin(["import", join(SCENARIO, "pages.jsonl")], current);
  expect(res.code, res.stderr).toBe(0);
  old = { ...current, XTRIAGE_DB: join(t.dir, "old.db") };
  preCacheCopy(current.XTRIAGE_DB!, old.XTRIAGE_DB!);
});
afterAll(() => t.cleanup());

describe("opening a database from before the report cache", () => {
  it("fills the cache once, even when list (its own bundle) is the first command, and says so", async () => {
    expect(count(old.XTRIAGE_DB!, "mentions")).toBe(count(current.XTRIAGE_DB!, "mentions"));
    const first = await runBin(["list", "--json", "--limit", "3"], old);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toHaveLength(3);
    expect(first.stderr).toMatch(/database upgraded; filling the report cache \(once\)/);
    const hours = count(old.XTRIAGE_DB!, "report_buckets");
    expect(hours).toBeGreaterThan(0);
    // as many cached hours as the import of the same posts left behind
    expect(hours).toBe(count(current.XTRIAGE_DB!, "report_buckets"));

    const again = await runBin(["list", "--json", "--limit", "3"], old);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/report cache/);
  });

  it("reports from the filled cache exactly what a database built by import reports", async () => {
    const args = ["report", "--json", "--since", "30d"];
    const upgraded = await runBin(args, old);
    const imported = await runBin(args, current);
    expect(upgraded.code, upgraded.stderr).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(upgraded.stdout)).toEqual(JSON.parse(imported.stdout));
    // every scenario post falls in the last 30 days
    expect(JSON.parse(upgraded.stdout).volume.total).toBe(count(old.XTRIAGE_DB!, "mentions"));
  });
});
