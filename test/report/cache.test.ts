import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/sandbox/server.js";
import { wholeHours } from "../../src/store/report-buckets.js";
import { baseEnv, run, SCENARIO, tempDir } from "../helpers/cli.js";
import { sqlOn } from "../helpers/db.js";

// The per-hour report cache (migration 3) against reports computed from scratch, after the writes
// that can change a cached hour: replies and DMs through the sandbox X API, resolve, reopen, claim,
// a config change, and mentions inserted and deleted behind the triggers' back (as an import would).
let box: Sandbox;
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
let config: string;

beforeEach(async () => {
  box = await startSandbox({ port: 0 });
  t = tempDir("xtriage-report-cache-");
  config = join(t.dir, "config.yaml");
  copyFileSync(join(SCENARIO, "config.yaml"), config);
  env = { ...baseEnv(t.dir), ...box.env(), XTRIAGE_CONFIG: config, XTRIAGE_AGENT: "laura" };
  const fetched = await run(["fetch", "--quiet"], env);
  expect(fetched.code, fetched.stderr).toBe(0);
});
afterEach(async () => {
  await box.close();
  t.cleanup();
});

const sql = <T>(query: string, ...params: unknown[]): T[] => sqlOn<T>(env.XTRIAGE_DB!, query, ...params);

const VARIANTS = [
  ["--since", "30d"],
  ["--since", "30d", "--by", "agent"],
  ["--since", "30d", "--by", "lang"],
  ["--since", "30d", "--by", "hashtag"],
  ["--since", "7d", "--by", "day"],
  ["--since", "30d", "--account", "fibranova"],
  ["--since", "2026-11-18T09:30:00Z", "--until", "2026-11-20T10:15:00Z"],
];

async function reports(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const args of VARIANTS) {
    const res = await run(["report", "--json", ...args], env);
    expect(res.code, res.stderr).toBe(0);
    out.push(JSON.parse(res.stdout));
  }
  return out;
}

/** Hours served from the cache keep their row; a rebuilt hour gets a new one. */
const cachedRows = () =>
  new Map(
    sql<{ start: string; id: number }>("SELECT start, rowid AS id FROM report_buckets").map((r) => [r.start, r.id]),
  );

/** The reports with the cache as it is must equal the reports computed with an empty cache. */
async function expectSameAsFromScratch(): Promise<{ kept: number }> {
  const before = cachedRows();
  const cached = await reports();
  const after = cachedRows();
  const kept = [...before].filter(([start, id]) => after.get(start) === id).length;
  sql("DELETE FROM report_buckets");
  sql("DELETE FROM report_state");
  const scratch = await reports();
  expect(cached).toEqual(scratch);
  return { kept };
}

/** A waiting genuine case nobody has claimed, by priority. */
const waitingCase = (skip = 0) =>
  sql<{ id: string; created_at: string }>(
    `SELECT id, created_at FROM mentions WHERE status = 'new' AND label = 'genuine' AND source = 'mentions'
     AND assignee IS NULL
     ORDER BY priority DESC LIMIT 1 OFFSET ?`,
    skip,
  )[0]!;

describe("report cache", () => {
  it("fills the cache on the first report and serves the next one from it, figures unchanged", async () => {
    expect(sql("SELECT * FROM report_buckets")).toEqual([]);
    await reports();
    const rows = sql<{ n: number }>("SELECT count(*) AS n FROM report_buckets")[0]!.n;
    expect(rows).toBeGreaterThan(10);
    const { kept } = await expectSameAsFromScratch();
    expect(kept).toBe(rows);
  });

  it("is filled by an import, so the first report after it reads every whole hour from the cache", async () => {
    env = { ...env, XTRIAGE_DB: join(t.dir, "imported.db") };
    const imported = await run(["import", join(SCENARIO, "pages.jsonl")], env);
    expect(imported.code, imported.stderr).toBe(0);
    const hours = sql<{ n: number }>("SELECT count(DISTINCT substr(created_at, 1, 13)) AS n FROM mentions")[0]!.n;
    const cached = sql<{ n: number }>("SELECT count(*) AS n FROM report_buckets")[0]!.n;
    // every hour but the one of the newest post, which is still partial
    expect(cached).toBe(hours - 1);
    expect(cached).toBeGreaterThan(10);
    const { kept } = await expectSameAsFromScratch();
    expect(kept).toBe(cached);
  });

  it("agrees with a report from scratch after a reply, a DM, resolve, reopen and a claim", async () => {
    await reports();
    const a = waitingCase();
    const b = waitingCase(1);
    const c = waitingCase(2);
    const replied = await run(["reply", a.id, "--text", "Hola {user}, lo revisamos ya.", "--yes"], env);
    expect(replied.code, replied.stderr).toBe(0);
    const dm = await run(["dm", b.id, "--text", "Hola, ¿nos das tu número de cliente?", "--yes"], env, {});
    expect(dm.code, dm.stderr).toBe(0);
    const hourOf = (iso: string) => iso.slice(0, 13);
    // the answered cases' hours were dropped; other hours stayed cached
    expect(cachedRows().has(hourOf(a.created_at))).toBe(false);
    expect((await expectSameAsFromScratch()).kept).toBeGreaterThan(0);

    expect((await run(["resolve", a.id], env)).code).toBe(0);
    expect((await run(["claim", c.id], { ...env, XTRIAGE_AGENT: "diego" })).code).toBe(0);
    await expectSameAsFromScratch();
    expect((await run(["reopen", a.id], env)).code).toBe(0);
    const { kept } = await expectSameAsFromScratch();
    expect(kept).toBeGreaterThan(0);
  });

  it("holds no minutes: a change of business hours changes the figures the same way as from scratch", async () => {
    const replied = await run(["reply", waitingCase().id, "--text", "Hola {user}, lo revisamos ya.", "--yes"], env);
    expect(replied.code, replied.stderr).toBe(0);
    const before = (await reports())[0] as { open_queue: { oldest: { waited_minutes: number } } };
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace('start: "08:00", end: "22:00"', 'start: "10:00", end: "18:00"'),
    );
    const { kept } = await expectSameAsFromScratch();
    expect(kept).toBeGreaterThan(0);
    const after = (await reports())[0] as typeof before;
    expect(after.open_queue.oldest.waited_minutes).toBeLessThan(before.open_queue.oldest.waited_minutes);
  });

  it("finds mentions inserted without a trigger (as import does), and deletes", async () => {
    await reports();
    const [old] = sql<Record<string, unknown>>(
      "SELECT * FROM mentions WHERE first_response_at IS NULL ORDER BY created_at LIMIT 1 OFFSET 3",
    );
    const hour = String(old!.created_at).slice(0, 13);
    expect(cachedRows().has(hour)).toBe(true);
    // a late import: answered post in an hour already cached, with a hashtag
    sql(
      `INSERT INTO mentions (id, account_id, author_id, text, lang, created_at, source, raw_json, fetched_at, label,
         status, first_response_at)
       VALUES ('1999000000000000001', ?, '42', 'tarde', 'es', ?, 'import', '{}', ?, 'genuine', 'replied', ?)`,
      old!.account_id,
      `${hour}:59:59.000Z`,
      `${hour}:59:59.000Z`,
      new Date(Date.parse(`${hour}:59:59.000Z`) + 7 * 60_000).toISOString(),
    );
    sql(
      "INSERT INTO mention_hashtags (mention_id, tag, author_id, created_at) VALUES ('1999000000000000001', 'tarde', '42', ?)",
      `${hour}:59:59.000Z`,
    );
    const withLate = await expectSameAsFromScratch();
    expect(withLate.kept).toBeGreaterThan(0);
    const r = await run(["report", "--json", "--since", "30d"], env);
    expect(JSON.parse(r.stdout).hashtags.map((h: { tag: string }) => h.tag)).toContain("tarde");

    sql("DELETE FROM mentions WHERE id = ?", old!.id);
    await expectSameAsFromScratch();
  });

  it("checks each hour's fingerprint when the counts cannot account for a change", async () => {
    await reports();
    const [m] = sql<{ id: string; created_at: string }>(
      "SELECT id, created_at FROM mentions WHERE status = 'new' ORDER BY created_at LIMIT 1 OFFSET 5",
    );
    const hour = m!.created_at.slice(0, 13);
    expect(cachedRows().has(hour)).toBe(true);
    // a delete behind the cache's back (its trigger gone): the counts no longer add up
    const db = new Database(env.XTRIAGE_DB!);
    db.exec("DROP TRIGGER report_buckets_mention_delete");
    db.prepare("DELETE FROM mention_hashtags WHERE mention_id = ?").run(m!.id);
    db.prepare("DELETE FROM mentions WHERE id = ?").run(m!.id);
    db.close();
    const before = cachedRows();
    const res = await run(["report", "--json", "--since", "30d"], env);
    expect(res.code).toBe(0);
    const after = cachedRows();
    expect(after.get(hour)).not.toBe(before.get(hour));
    expect([...before].filter(([start, id]) => after.get(start) === id).length).toBeGreaterThan(0);
    await expectSameAsFromScratch();
  });
});

describe("wholeHours", () => {
  it("takes the whole UTC hours inside a period, compared as the queries compare strings", () => {
    expect(wholeHours("2026-11-19T12:00:00.000Z", "2026-11-20T12:00:00.001Z")).toEqual({
      first: "2026-11-19T13",
      end: "2026-11-20T12",
    });
    expect(wholeHours("2026-11-19T12:30:00.000Z", "2026-11-19T14:10:00.000Z")).toEqual({
      first: "2026-11-19T13",
      end: "2026-11-19T14",
    });
    expect(wholeHours("2026-11-19T12:30:00.000Z", "2026-11-19T13:59:59.999Z")).toBeNull();
    expect(wholeHours("not a date", "2026-11-19T13:59:59.999Z")).toBeNull();
  });
});
