import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { firstReplyMinutes, knownFate, type SamplePost, sampleFigures } from "../../src/core/competitors.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/server.js";
import { baseEnv, run, runBin, SCENARIO, tempDir } from "../helpers/cli.js";
import { ACCOUNT_ID, buildScenario, MADRID_HOURS, NOW } from "./scenario.js";

// `report competitors` against the bundled scenario's competitors.jsonl, served by the sandbox over
// real HTTP to the real twitter-api-v2 client; our own side is the report tests' hand-built desk.
// Every expected figure is computed by hand from fixtures/scenario/scenario.yaml (keys c_*), wall clock,
// target 60 min, ceiling 300 min. Clock 2026-11-20 12:00 UTC: posts after 07:00 are too young to judge.

let box: Sandbox;
let dir: string;
let cleanup: () => void;
let env: Record<string, string>;

const COMPETITORS = "competitors:\n  - { handle: vozplus, name: VozPlus }\n  - redmax_mx\n  - '@Lumitel'\n";

function writeConfig(competitors = COMPETITORS): string {
  const path = join(dir, "config.yaml");
  writeFileSync(
    path,
    `accounts:\n  - handle: marca\n    id: "${ACCOUNT_ID}"\n    sla: { first_response_minutes: 60, ceiling_minutes: 300 }\n${MADRID_HOURS}${competitors}`,
  );
  return path;
}

beforeEach(async () => {
  box = await startSandbox({ port: 0 });
  ({ dir, cleanup } = tempDir("xtriage-competitors-"));
  env = { ...baseEnv(dir, { XTRIAGE_NOW: NOW, XTRIAGE_CONFIG: writeConfig() }), ...box.env() };
  buildScenario(join(dir, "test.db"));
});
afterEach(async () => {
  await box.close();
  cleanup();
});

const competitors = (args: string[], extra: Record<string, string> = {}, tty = false) =>
  run(["report", "competitors", ...args], { ...env, ...extra }, { tty });

async function json(args: string[] = []) {
  const res = await competitors(["--json", ...args]);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

const rowOf = (doc: { rows: { account: string; clock: string }[] }, account: string, clock = "wall") =>
  doc.rows.find((r) => r.account === account && r.clock === clock) as Record<string, unknown>;
const searches = () => box.requests.filter((r) => r.path === "/2/tweets/search/recent");

function ledger(): { command: string; status: number; posts: number; users: number; cost_usd: number }[] {
  const db = new Database(env.XTRIAGE_DB!, { readonly: true });
  const rows = db
    .prepare(
      "SELECT command, status, posts, users, cost_usd FROM api_calls WHERE endpoint = '/2/tweets/search/recent' ORDER BY id",
    )
    .all() as ReturnType<typeof ledger>;
  db.close();
  return rows;
}

describe("report competitors: figures", () => {
  it("samples each competitor in the last 24 h and computes its first response times", async () => {
    const doc = await json(["--since", "24h"]);
    expect(doc.period).toEqual({ since: "2026-11-19T12:00:00.000Z", until: "2026-11-20T07:00:00.000Z" });
    // VozPlus: 8 mentions (the retweet and 09:15's too-young post left out): answered after 12 (v1),
    // 45 (v2), 40 (v6, through its author's follow-up v6b in the thread), 36 (v6b), 690 (v3, overnight)
    // and 18 (v4) minutes; the thank-you and the troll unanswered. Its reply to a post that did not
    // mention it (ruth_valencia) answers nothing here.
    expect(rowOf(doc, "@vozplus")).toMatchObject({
      name: "VozPlus",
      side: "competitor",
      source: "sample",
      posts: 8,
      answered: 6,
      answered_share: 0.75,
      median_minutes: 38,
      p90_minutes: 690,
      within_target: 5,
      within_target_share: 0.8333,
      within_ceiling: 5,
      within_ceiling_share: 0.8333,
      from: "2026-11-19T13:10:00.000Z",
      to: "2026-11-20T06:30:00.000Z",
      mentions_read: 8,
      replies_read: 7,
      left_out: 0,
      cut_short: false,
      note: "every mention in the window",
    });
    // RedMax: 5 mentions, answered after 210, 720, 50 and 300 (at the ceiling: within) minutes
    expect(rowOf(doc, "@redmax_mx")).toMatchObject({
      name: null,
      posts: 5,
      answered: 4,
      answered_share: 0.8,
      median_minutes: 255,
      p90_minutes: 720,
      within_target: 1,
      within_target_share: 0.25,
      within_ceiling: 3,
      within_ceiling_share: 0.75,
    });
  });

  it("says so for a competitor with no mentions in the window, and costs nothing for it", async () => {
    const doc = await json(["--since", "24h"]);
    expect(rowOf(doc, "@lumitel")).toMatchObject({
      posts: 0,
      answered: 0,
      answered_share: null,
      median_minutes: null,
      p90_minutes: null,
      from: null,
      replies_read: 0,
      cut_short: false,
      note: "no mentions in the window",
    });
    const lumitel = searches().filter((r) => r.query.query?.includes("lumitel"));
    expect(lumitel.map((r) => r.query.query)).toEqual(["@lumitel -from:lumitel -is:retweet"]);
  });

  it("puts our own figures for the same window beside them, wall clock and business hours", async () => {
    const doc = await json(["--since", "24h"]);
    // m1..m7 were created in the window; answered after 5, 30, 120, 360 and 620 wall minutes
    // (20 business minutes for m1: 21:50 → 08:10 Madrid)
    expect(rowOf(doc, "@marca", "wall")).toMatchObject({
      side: "us",
      source: "database",
      posts: 7,
      answered: 5,
      answered_share: 0.7143,
      median_minutes: 120,
      p90_minutes: 620,
      within_target_share: 0.4,
      within_ceiling_share: 0.6,
      from: "2026-11-19T12:00:00.000Z",
      to: "2026-11-20T07:00:00.000Z",
    });
    expect(rowOf(doc, "@marca", "business")).toMatchObject({
      posts: 7,
      answered: 5,
      median_minutes: 30,
      p90_minutes: 360,
      within_target_share: 0.6,
      within_ceiling_share: 0.8,
    });
  });

  it("over 7 days reads older mentions too, from search's own 7-day edge", async () => {
    const doc = await json(["--since", "7d"]);
    // + v8 (8 min), v9 (50), v10 unanswered
    expect(rowOf(doc, "@vozplus")).toMatchObject({
      posts: 11,
      answered: 8,
      answered_share: 0.7273,
      median_minutes: 38,
      p90_minutes: 690,
      within_target_share: 0.875,
    });
    // + r6 (420), r7 unanswered
    expect(rowOf(doc, "@redmax_mx")).toMatchObject({ posts: 7, answered: 5, median_minutes: 300, p90_minutes: 720 });
    // 35, 150, 15; rob_benidorm unanswered
    expect(rowOf(doc, "@lumitel")).toMatchObject({
      posts: 4,
      answered: 3,
      median_minutes: 35,
      p90_minutes: 150,
      within_target_share: 0.6667,
      within_ceiling_share: 1,
    });
    // m8 and m10 join our side: 9 posts, m10 answered after 30 minutes
    expect(rowOf(doc, "@marca")).toMatchObject({ posts: 9, answered: 6 });
    // at the edge start_time is left to X (exactly 7 days would be stale on arrival)
    const first = searches()[0]!;
    expect(first.query.start_time).toBeUndefined();
    expect(first.query.end_time).toBe("2026-11-20T07:00:00.000Z");
  });

  it("takes the newest --sample mentions, and their replies from the oldest of them on", async () => {
    const doc = await json(["--since", "24h", "--sample", "3"]);
    // v4 (18), v3 (690), v6b (36)
    expect(rowOf(doc, "@vozplus")).toMatchObject({
      posts: 3,
      answered: 3,
      median_minutes: 36,
      p90_minutes: 690,
      from: "2026-11-19T19:34:00.000Z",
      note: "newest 3 mentions",
    });
    const voz = searches().filter((r) => r.query.query?.includes("vozplus"));
    expect(voz.map((r) => [r.query.query, r.query.max_results, r.query.start_time])).toEqual([
      ["@vozplus -from:vozplus -is:retweet", "10", "2026-11-19T12:00:00.000Z"],
      // search's smallest page is 10 posts: 8 came back ($0.04); VozPlus's part is a third of the
      // $0.50 (three competitors), so the $0.1267 left of its $0.1667 pays 25 more
      ["from:vozplus is:reply", "25", "2026-11-19T19:34:00.000Z"],
    ]);
  });

  it("asks only for the fields it needs (no expansions, no user reads) and ledgers every call", async () => {
    const doc = await json(["--since", "24h"]);
    for (const r of searches()) {
      expect(r.query.expansions).toBeUndefined();
      expect(r.query["user.fields"]).toBeUndefined();
      expect(r.query["tweet.fields"]).toContain("referenced_tweets");
    }
    // 8 + 7 (VozPlus) + 5 + 4 (RedMax) + 0 (Lumitel) posts at $0.005
    const calls = ledger();
    expect(calls).toHaveLength(5);
    expect(calls.every((c) => c.command === "competitors" && c.status === 200 && c.users === 0)).toBe(true);
    expect(calls.map((c) => c.posts)).toEqual([8, 7, 5, 4, 0]);
    expect(doc.budget).toEqual({ limit_usd: 0.5, spent_usd: 0.12, cut_short: false });
  });
});

describe("report competitors: budget", () => {
  it("stops before a page it cannot pay for, prints what it has, says so and exits 5", async () => {
    // $0.10 pays one 10-post mentions page and one 10-post replies page: VozPlus, and no more
    const res = await competitors(["--since", "24h", "--budget", "0.10", "--json"]);
    expect(res.code).toBe(5);
    expect(res.stderr).toMatch(/stopped: the next search page could cost more than the --budget of \$0\.10/);
    const doc = JSON.parse(res.stdout);
    expect(searches().map((r) => [r.query.query, r.query.max_results])).toEqual([
      ["@vozplus -from:vozplus -is:retweet", "10"],
      ["from:vozplus is:reply", "12"],
    ]);
    expect(rowOf(doc, "@vozplus")).toMatchObject({ posts: 8, answered: 6, median_minutes: 38, cut_short: false });
    for (const handle of ["@redmax_mx", "@lumitel"]) {
      expect(rowOf(doc, handle)).toMatchObject({ posts: 0, cut_short: true, note: "not sampled: the budget ran out" });
    }
    expect(doc.budget).toEqual({ limit_usd: 0.1, spent_usd: 0.075, cut_short: true });
    expect(ledger().reduce((s, c) => s + c.cost_usd, 0)).toBeCloseTo(0.075, 6);
  });

  it("shares the budget: a busy first competitor does not starve the others", async () => {
    // 60 more mentions of VozPlus, old enough to judge (before 07:00): alone they would cost $0.30 of the $0.40
    for (let i = 0; i < 60; i++) {
      box.injectMention({
        text: `@vozplus otra vez sin línea en casa, van ${i + 2} días`,
        authorUsername: `cliente_voz_${i}`,
        createdAt: new Date(Date.parse("2026-11-20T06:50:00Z") - i * 5 * 60_000).toISOString(),
      });
    }
    const res = await competitors(["--since", "24h", "--budget", "0.40", "--json"]);
    expect(res.code).toBe(5); // VozPlus's sample is cut short
    const doc = JSON.parse(res.stdout);
    for (const handle of ["@redmax_mx", "@lumitel"]) {
      expect(rowOf(doc, handle).note, handle).not.toBe("not sampled: the budget ran out");
    }
    // RedMax's whole 24 h sample, as with the default budget
    expect(rowOf(doc, "@redmax_mx")).toMatchObject({ posts: 5, cut_short: false });
    expect(rowOf(doc, "@vozplus")).toMatchObject({ cut_short: true });
    const voz = searches().filter((r) => r.query.query?.includes("vozplus"));
    // its part: a third of $0.40 ($0.1333), less a 10-post replies page kept back: 16 mentions
    expect(voz[0]!.query.max_results).toBe("16");
    expect(doc.budget.spent_usd).toBeLessThanOrEqual(0.4);
  });

  it("buys nothing when the budget cannot pay for a mentions page and a replies page", async () => {
    const res = await competitors(["--since", "24h", "--budget", "0.05"]);
    expect(res.code).toBe(5);
    expect(searches()).toHaveLength(0);
    expect(res.stdout.split("\n").filter((l) => l.includes("not sampled: the budget ran out"))).toHaveLength(3);
  });

  it("cuts a sample short when more mentions remain than the budget allows", async () => {
    // over 7 days VozPlus has 11 mentions: a 10-post page leaves one unread
    const res = await competitors(["--since", "7d", "--budget", "0.10", "--json"]);
    expect(res.code).toBe(5);
    expect(rowOf(JSON.parse(res.stdout), "@vozplus")).toMatchObject({
      posts: 10,
      cut_short: true,
      note: "newest 10 mentions; cut short by the budget",
    });
  });
});

describe("report competitors: X errors", () => {
  it("waits out a 429 from X and carries on", async () => {
    box.faults.add([{ path: "/2/tweets/search/recent", status: 429, resetInSeconds: 1 }]);
    const res = await competitors(["--since", "24h", "--json"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/X rate limit reached: waiting \d+ s/);
    expect(rowOf(JSON.parse(res.stdout), "@vozplus")).toMatchObject({ posts: 8, answered: 6 });
    expect(ledger().map((c) => c.status)).toEqual([429, 200, 200, 200, 200, 200]);
  });

  it("exits 5 on a 429 with --no-wait", async () => {
    box.faults.add([{ path: "/2/tweets/search/recent", status: 429, resetInSeconds: 600 }]);
    const res = await competitors(["--since", "24h", "--no-wait"]);
    expect(res.code).toBe(5);
    expect(res.stderr).toMatch(/rate limit reached on GET \/2\/tweets\/search\/recent/);
    expect(res.stdout).toBe("");
  });
});

describe("report competitors: usage and output", () => {
  it("refuses to run with no competitors configured (exit 2), naming the config key", async () => {
    env.XTRIAGE_CONFIG = writeConfig("");
    const res = await competitors([]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/no competitors in the config/);
    expect(res.stderr).toMatch(/competitors:/);
    expect(searches()).toHaveLength(0);
  });

  it.each([
    [["--since", "8d"], /reaches back 7 days/],
    [["--since", "3h"], /further than the 5h SLA ceiling/],
    [["--sample", "0"], /--sample must be a whole number/],
    [["--budget", "lots"], /--budget takes an amount/],
    [["--json", "--md"], /choose one output format/],
    [["--by", "agent"], /report competitors does not take --by/],
  ])("rejects %j with exit 2", async (args, message) => {
    const res = await competitors(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(searches()).toHaveLength(0);
  });

  it("--json is one document: period, SLA, sample size, budget, rows and notes", async () => {
    const doc = await json(["--since", "24h"]);
    expect(Object.keys(doc)).toEqual([
      "generated_at",
      "period",
      "sla",
      "sample_per_competitor",
      "budget",
      "rows",
      "notes",
    ]);
    expect(doc.sla).toEqual({ target_minutes: 60, ceiling_minutes: 300 });
    expect(doc.sample_per_competitor).toBe(50);
    expect(doc.rows.map((r: { account: string; clock: string }) => `${r.account}/${r.clock}`)).toEqual([
      "@marca/wall",
      "@marca/business",
      "@vozplus/wall",
      "@redmax_mx/wall",
      "@lumitel/wall",
    ]);
    expect(Object.keys(doc.rows[0]).sort()).toEqual(Object.keys(doc.rows[2]).sort());
    expect(doc.notes.join(" ")).toMatch(/sample.*wall-clock/);
  });

  it("pipes tab-separated rows, a table on a terminal with the caveats on stderr, CSV and Markdown", async () => {
    const tsv = await competitors(["--since", "24h"]);
    expect(tsv.code).toBe(0);
    expect(tsv.stderr).toBe("");
    expect(tsv.stdout.split("\n")[2]).toBe(
      "@vozplus\twall\t8\t6\t0.75\t38\t690\t0.83\t0.83\tevery mention in the window",
    );
    const table = await competitors(["--since", "24h"], {}, true);
    expect(table.stdout).toMatch(
      /ACCOUNT\s+CLOCK\s+POSTS\s+ANSWERED\s+ANSWERED%\s+MEDIAN\s+P90\s+IN 1H\s+IN 5H\s+NOTE/,
    );
    expect(table.stdout).toMatch(/@redmax_mx\s+wall\s+5\s+4\s+80%\s+4h15m\s+12h\s+25%\s+75%/);
    expect(table.stderr).toMatch(/from a sample .* wall-clock times/);
    const csv = await competitors(["--since", "24h", "--csv"]);
    expect(csv.stdout.split("\r\n")[0]).toMatch(/^account,name,side,clock,source,posts,answered,answered_share,/);
    expect(csv.stdout).toContain("'@vozplus,VozPlus,competitor,wall,sample,8,6,0.75,38,690,");
    const md = await competitors(["--since", "24h", "--md"]);
    expect(md.stdout).toContain("| @vozplus (VozPlus) | wall | 8 | 6 (75%) | 38m | 11h30m | 83.3% | 83.3% |");
    expect(md.stdout).toMatch(/- Competitor figures come from a sample/);
  });
});

describe("the built binary", () => {
  it("runs report competitors against the sandbox (the subcommand and its lazy imports survive bundling)", async () => {
    const res = await runBin(["report", "competitors", "--since", "24h", "--json"], env);
    expect(res.code, res.stderr).toBe(0);
    expect(rowOf(JSON.parse(res.stdout), "@vozplus")).toMatchObject({ posts: 8, answered: 6, median_minutes: 38 });
    expect(rowOf(JSON.parse(res.stdout), "@marca", "business")).toMatchObject({ posts: 7, median_minutes: 30 });
  });
});

describe("competitor posts stay out of the brand's own data", () => {
  it("a fetch with the scenario's search queries stores none of them", async () => {
    env.XTRIAGE_CONFIG = join(SCENARIO, "config.yaml");
    env.XTRIAGE_DB = join(dir, "fetch.db");
    const res = await run(["fetch", "--json"], env);
    expect(res.code, res.stderr).toBe(0);
    const db = new Database(env.XTRIAGE_DB, { readonly: true });
    const stored = db
      .prepare(
        "SELECT count(*) FROM mentions WHERE text LIKE '%@vozplus%' OR text LIKE '%@redmax_mx%' OR text LIKE '%@lumitel%'",
      )
      .pluck()
      .get();
    const total = db.prepare("SELECT count(*) FROM mentions").pluck().get() as number;
    db.close();
    expect(stored).toBe(0);
    expect(total).toBeGreaterThan(250);
  });
});

describe("the competitors config key", () => {
  it("takes handles or { handle, name }, without the @, each once", async () => {
    const path = join(dir, "c.yaml");
    writeFileSync(
      path,
      "competitors: ['@VozPlus', { handle: vozplus, name: Other }, { handle: lumitel, name: Lumi }]\n",
    );
    expect((await loadConfig(path, {})).competitors).toEqual([
      { handle: "vozplus" },
      { handle: "lumitel", name: "Lumi" },
    ]);
    writeFileSync(path, "competitors: ['not a handle']\n");
    await expect(loadConfig(path, {})).rejects.toThrow(/competitors\.0: must match pattern/);
    writeFileSync(path, "competitors: [{ handle: x, nmae: X }]\n");
    await expect(loadConfig(path, {})).rejects.toThrow(/unknown key "nmae"/);
  });
});

describe("joining a sample's mentions and replies", () => {
  const post = (id: string, at: string, more: Partial<SamplePost> = {}): SamplePost => ({
    id,
    created_at: `2026-11-19T${at}:00.000Z`,
    conversation_id: id,
    ...more,
  });
  const mention = post("1", "10:00", { author_id: "a" });
  const followUp = post("2", "10:05", { author_id: "a", conversation_id: "1" });
  const replyTo = (id: string, at: string, target: SamplePost, to = "a") =>
    post(id, at, {
      conversation_id: target.conversation_id!,
      in_reply_to_user_id: to,
      referenced_tweets: [{ type: "replied_to", id: target.id }],
    });

  it("a direct reply answers a post; a later reply to its author in the thread answers it too", () => {
    const minutes = firstReplyMinutes([mention, followUp], [replyTo("9", "10:30", followUp)]);
    expect(Object.fromEntries(minutes)).toEqual({ "1": 30, "2": 25 });
  });

  it("takes the first reply, ignores replies before the post and replies to someone else", () => {
    const other = post("3", "10:01", { author_id: "b", conversation_id: "1" });
    const replies = [
      replyTo("7", "11:00", mention),
      replyTo("8", "10:20", mention),
      replyTo("6", "10:02", mention), // before the follow-up: answers the mention only
      replyTo("5", "10:40", other, "b"),
    ];
    expect(Object.fromEntries(firstReplyMinutes([mention, followUp, other], replies))).toEqual({
      "1": 2,
      "2": 15,
      "3": 39,
    });
  });

  it("leaves out mentions older than the oldest reply read when the replies walk stopped early", () => {
    const ms = Date.parse("2026-11-19T10:03:00.000Z");
    expect(knownFate([mention, followUp], ms).map((p) => p.id)).toEqual(["2"]);
    expect(knownFate([mention, followUp], null).map((p) => p.id)).toEqual(["1", "2"]);
  });

  it("summarises like our own report: shares of the answered, answered share of the sample", () => {
    const late = post("4", "12:00", { author_id: "c" });
    const figures = sampleFigures([mention, followUp, late], [replyTo("9", "10:30", followUp)], {
      target: 28,
      ceiling: 300,
    });
    expect(figures).toEqual({
      posts: 3,
      answered_share: 0.6667,
      answered: 2,
      median_minutes: 27.5,
      p90_minutes: 30,
      within_target: 1,
      within_target_share: 0.5,
      within_ceiling: 2,
      within_ceiling_share: 1,
    });
  });
});
