import { spawn } from "node:child_process";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { snowflakeTime } from "../../src/core/snowflake.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/server.js";
import { BIN, baseEnv, runBin, runOnTerminal, SCENARIO, tempDir } from "../helpers/cli.js";
import { allTweets, scenarioPages } from "../helpers/formats.js";

// The built binary fetching over real HTTP from the sandbox on 127.0.0.1, through twitter-api-v2.
let box: Sandbox;
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
const scenarioMentions = allTweets(scenarioPages()).length;
const MENTIONS = "/2/users/1187342600510951424/mentions";

beforeEach(async () => {
  box = await startSandbox({ port: 0 });
  t = tempDir();
  env = { ...baseEnv(t.dir), ...box.env() };
});
afterEach(async () => {
  await box.close();
  t.cleanup();
});

const fetch = (args: string[] = [], extra: Record<string, string> = {}) =>
  runBin(["fetch", "--json", ...args], { ...env, ...extra });

function db() {
  return new Database(env.XTRIAGE_DB!, { readonly: true });
}
function scalar(sql: string): unknown {
  const d = db();
  const value = d.prepare(sql).pluck().get();
  d.close();
  return value;
}
const count = (sql: string) => scalar(sql) as number;
const mentionRequests = () => box.requests.filter((r) => r.path.endsWith("/mentions"));

describe("fetch from the sandbox", () => {
  it("scores each post in the context of every older one, though X's pages come newest first", async () => {
    const res = await fetch();
    expect(res.code, res.stderr).toBe(0);
    /** Per post, what its context gives: repeated contact and hashtags used by many in the 24 h before it. */
    const contextParts = (file: string) => {
      const d = new Database(file, { readonly: true });
      const rows = d.prepare<[], { id: string; score_json: string }>("SELECT id, score_json FROM mentions ORDER BY id");
      const parts = rows.all().map((r) => {
        const [, hashtags, reasons] = JSON.parse(r.score_json) as [number, unknown[], unknown[]];
        const words = reasons.filter(
          (x) => typeof x === "string" && /contacts in the last 24 h|popular hashtag/.test(x),
        );
        return { id: r.id, hashtags, words };
      });
      d.close();
      return parts;
    };
    const fetched = contextParts(env.XTRIAGE_DB!);
    // the same posts imported oldest first: each scored after all that came before it
    const oldestFirst = join(t.dir, "oldest-first.jsonl");
    const pages = scenarioPages().reverse();
    writeFileSync(oldestFirst, pages.map((p) => JSON.stringify({ ...p, data: [...p.data].reverse() })).join("\n"));
    const imported = join(t.dir, "imported.db");
    expect((await runBin(["import", oldestFirst, "--quiet"], { ...env, XTRIAGE_DB: imported })).code).toBe(0);
    expect(fetched).toEqual(contextParts(imported));
    // the context is really there: repeated contact and popular hashtags show in the reasons
    const words = fetched.flatMap((r) => r.words).join("\n");
    expect(words).toMatch(/contacts in the last 24 h/);
    expect(words).toMatch(/complaint with popular hashtag/);
  });

  it("first fetch walks every page and stores every mention, scored; drops the retweet", async () => {
    const res = await fetch();
    expect(res.code, res.stderr).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(summary.sources[0]).toMatchObject({ account: "fibranova", source: "mentions", fetched: scenarioMentions });
    expect(summary.sources[0].pages).toBe(Math.ceil(scenarioMentions / 100));
    expect(mentionRequests()).toHaveLength(Math.ceil(scenarioMentions / 100));
    expect(mentionRequests().every((r) => r.query.max_results === "100")).toBe(true);
    expect(count("SELECT count(*) FROM mentions")).toBe(scenarioMentions - 1);
    expect(count("SELECT count(*) FROM mentions WHERE priority IS NULL")).toBe(0);
    expect(count("SELECT count(*) FROM mentions WHERE source = 'mentions'")).toBe(scenarioMentions - 1);
    expect(count("SELECT count(*) FROM api_calls WHERE endpoint = '/2/users/:id/mentions'")).toBe(
      Math.ceil(scenarioMentions / 100),
    );
    expect(count("SELECT since_id FROM sync_state WHERE source = 'mentions'")).toBeTruthy();
  });

  it("a fetch with nothing new makes exactly one request", async () => {
    await fetch();
    const before = mentionRequests().length;
    const res = await fetch();
    expect(res.code).toBe(0);
    expect(mentionRequests().length - before).toBe(1);
    expect(mentionRequests().at(-1)!.query.since_id).toBeTruthy();
    expect(JSON.parse(res.stdout).sources[0]).toMatchObject({ fetched: 0, imported: 0 });
  });

  it("an incremental fetch gets only what arrived since, without touching triage state", async () => {
    await fetch();
    const rw = new Database(env.XTRIAGE_DB!);
    rw.exec("UPDATE mentions SET status = 'replied', assignee = 'laura'");
    rw.close();
    box.setClock("2026-11-20T14:00:00Z");
    const res = await fetch();
    expect(res.code, res.stderr).toBe(0);
    const source = JSON.parse(res.stdout).sources[0];
    expect(source.fetched).toBeGreaterThanOrEqual(15);
    expect(source.imported).toBe(source.fetched);
    expect(count("SELECT count(*) FROM mentions WHERE status = 'new'")).toBe(source.imported);
    expect(count("SELECT count(*) FROM mentions WHERE status = 'replied' AND assignee = 'laura'")).toBe(
      scenarioMentions - 1,
    );
  });

  it("runs the configured search queries too, with their own cursor", async () => {
    const res = await fetch(["--query", "fibranova -is:retweet"]);
    expect(res.code, res.stderr).toBe(0);
    const [, search] = JSON.parse(res.stdout).sources;
    expect(search.source).toBe("search:fibranova -is:retweet");
    expect(search.fetched).toBeGreaterThan(0);
    expect(box.requests.some((r) => r.path === "/2/tweets/search/recent")).toBe(true);
    expect(count("SELECT count(*) FROM sync_state")).toBe(2);
  });

  it("refuses a config whose account id is an unquoted number (YAML rounds it), before any request", async () => {
    const config = join(t.dir, "config.yaml");
    const scenario = readFileSync(join(SCENARIO, "config.yaml"), "utf8");
    const unquoted = scenario.replace('id: "1187342600510951424"', "id: 1187342600510951424");
    expect(unquoted).not.toBe(scenario);
    writeFileSync(config, unquoted);
    const res = await fetch(["--config", config]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`config file ${config}: accounts.0.id is a number`);
    expect(res.stderr).toContain("precision is lost");
    // the hint quotes the digits as written, not YAML's rounded 1187342600510951400
    expect(res.stderr).toContain('write id: "1187342600510951424"');
    expect(box.requests).toHaveLength(0);
  });

  it("records a gap and exits 7 when more than 800 mentions arrived since the last fetch", async () => {
    await fetch();
    for (let i = 0; i < 805; i++) {
      box.advanceClock(1000);
      box.injectMention({ text: `sin servicio ${i}`, authorUsername: `flood_${i % 50}` });
    }
    const res = await fetch();
    expect(res.code).toBe(7);
    expect(res.stderr).toMatch(/gap in @fibranova mentions: more than 800 mentions/);
    expect(count("SELECT gaps FROM sync_state WHERE source = 'mentions'")).toBe(1);
  });

  const SEARCH = ["--query", "fibranova -@fibranova -is:retweet"];
  const onDay = (day: number) => {
    const at = `2026-11-${day}T12:00:00.000Z`;
    box.setClock(at);
    return { XTRIAGE_NOW: at };
  };

  it("a search fetched every two days never reports a gap, however old its newest hit", async () => {
    for (const day of [20, 22, 24, 26, 28, 30]) {
      const res = await fetch(SEARCH, onDay(day));
      expect(res.code, `day ${day}: ${res.stderr}`).toBe(0);
      expect(res.stderr).not.toContain("gap");
    }
    // the newest hit is still from the scenario's week, more than 7 days before the last fetch
    const sinceId = String(scalar("SELECT since_id FROM sync_state WHERE source LIKE 'search:%'"));
    expect(Date.parse("2026-11-30T12:00:00Z") - snowflakeTime(sinceId)).toBeGreaterThan(7 * 86_400_000);
    expect(count("SELECT gaps FROM sync_state WHERE source LIKE 'search:%'")).toBe(0);
  });

  it("a search last fetched more than 7 days ago reports the gap once, then exits 0 again", async () => {
    expect((await fetch(SEARCH, onDay(20))).code).toBe(0);
    const late = await fetch(SEARCH, onDay(28));
    expect(late.code).toBe(7);
    expect(late.stderr).toMatch(
      /gap in @fibranova search:fibranova -@fibranova -is:retweet: the last successful fetch was more than 7 days ago \(2026-11-20T12:00:00\.000Z\).* to 2026-11-21T12:00:00\.000Z are missing/,
    );
    expect(count("SELECT gaps FROM sync_state WHERE source LIKE 'search:%'")).toBe(1);
    const next = await fetch(SEARCH, onDay(29));
    expect(next.code, next.stderr).toBe(0);
    expect(count("SELECT gaps FROM sync_state WHERE source LIKE 'search:%'")).toBe(1);
  });

  it("two overlapping fetches never both fetch: the second exits 0 saying so", async () => {
    box.faults.add([{ path: MENTIONS, kind: "slow", delayMs: 1500 }]);
    const first = fetch();
    await new Promise((r) => setTimeout(r, 600));
    const second = await fetch();
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("another fetch is running");
    expect((await first).code).toBe(0);
    expect(count("SELECT count(*) FROM mentions")).toBe(scenarioMentions - 1);
  });

  it("after kill -9 in the middle of a walk, the next fetch resumes cleanly: nothing lost, nothing twice", async () => {
    // page 2 answers slowly; kill the process while it waits for it, after page 1 was stored
    box.faults.add([
      { path: MENTIONS, kind: "slow", delayMs: 0, times: 1 },
      { path: MENTIONS, kind: "slow", delayMs: 5000 },
    ]);
    const child = spawn(process.execPath, [BIN, "fetch"], { env, stdio: "ignore" });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && mentionRequests().length < 2) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("close", r));
    expect(count("SELECT count(*) FROM mentions")).toBe(100);
    expect(count("SELECT count(since_id) FROM sync_state")).toBe(0);
    box.faults.clear();
    const res = await fetch();
    expect(res.code, res.stderr).toBe(0);
    expect(count("SELECT count(*) FROM mentions")).toBe(scenarioMentions - 1);
    expect(JSON.parse(res.stdout).sources[0]).toMatchObject({ unchanged: 100 });
  });
});

describe("fetch when X misbehaves", () => {
  it("waits for a short rate-limit window, then completes", async () => {
    box.faults.add([{ path: MENTIONS, status: 429, resetInSeconds: 1 }]);
    const res = await fetch();
    expect(res.code, res.stderr).toBe(0);
    expect(count("SELECT count(*) FROM mentions")).toBe(scenarioMentions - 1);
  });

  it.each([
    ["a rate-limit window with --no-wait", { path: MENTIONS, status: 429 }, ["--no-wait"], /rate limit/i],
    ["a monthly usage cap", { path: MENTIONS, kind: "usage-cap" }, [], /usage cap/i],
    ["credits depleted (402)", { path: MENTIONS, status: 402 }, [], /credit/i],
  ] as const)("stops at once with exit 5 on %s, cursor unmoved", async (_what, fault, args, message) => {
    box.faults.add([{ ...fault, times: -1 }]);
    const res = await fetch([...args]);
    expect(res.code).toBe(5);
    expect(res.stderr).toMatch(message);
    expect(count("SELECT count(since_id) FROM sync_state")).toBe(0);
  });

  it("a rate-limit window longer than --max-wait exits 5 naming --max-wait", async () => {
    box.faults.add([{ path: MENTIONS, status: 429, resetInSeconds: 600, times: -1 }]);
    const res = await fetch(["--max-wait", "1"]);
    expect(res.code).toBe(5);
    expect(res.stderr).toContain("raise --max-wait");
  });

  it("an empty --query is a usage error (exit 2) before anything is fetched", async () => {
    const res = await fetch(["--query", ""]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("--query");
    expect(box.requests).toEqual([]);
  });

  it("retries a 500 and a 503 with backoff, then completes", async () => {
    box.faults.add([
      { path: MENTIONS, status: 500 },
      { path: MENTIONS, status: 503 },
    ]);
    const res = await fetch();
    expect(res.code, res.stderr).toBe(0);
    expect(count("SELECT count(*) FROM mentions")).toBe(scenarioMentions - 1);
    expect(count("SELECT count(*) FROM api_calls WHERE status >= 500")).toBe(2);
  });

  it("never hangs: a response slower than the timeout fails with exit 5", async () => {
    box.faults.add([{ path: MENTIONS, kind: "slow", delayMs: 20_000, times: -1 }]);
    const started = Date.now();
    const res = await fetch([], { XTRIAGE_X_TIMEOUT_MS: "300" });
    expect(res.code).toBe(5);
    expect(res.stderr).toMatch(/time/i);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("exits 4 with what to check when X refuses the credentials", async () => {
    const res = await fetch([], { X_ACCESS_SECRET: "wrong" });
    expect(res.code).toBe(4);
    expect(res.stderr).toMatch(/^xtriage: /m);
    expect(res.stderr).not.toContain("sandbox-access-secret");
  });

  it("stops before spending more than --budget (exit 5), keeping what it fetched", async () => {
    const res = await fetch(["--budget", "1.00"]);
    expect(res.code).toBe(5);
    expect(res.stderr).toContain("--budget");
    const summary = JSON.parse(res.stdout);
    expect(summary.spent_usd).toBeLessThanOrEqual(1.0);
    expect(summary.sources[0].complete).toBe(false);
    expect(count("SELECT count(*) FROM mentions")).toBeGreaterThan(0);
    expect(count("SELECT count(since_id) FROM sync_state")).toBe(0);
  });

  it("never asks for a page the rest of the budget could not pay for, even at worst", async () => {
    // worst case per post returned: itself, two referenced posts, two users (scenario prices)
    const worstPerPost = 3 * 0.005 + 2 * 0.01;
    const budget = 1.5;
    const res = await fetch(["--budget", String(budget)]);
    expect(res.code, res.stderr).toBe(5);
    const sizes = mentionRequests().map((r) => Number(r.query.max_results));
    const d = db();
    const costs = d
      .prepare("SELECT cost_usd FROM api_calls WHERE endpoint LIKE '%mentions%' ORDER BY id")
      .pluck()
      .all() as number[];
    d.close();
    expect(costs).toHaveLength(sizes.length);
    expect(sizes.length).toBeGreaterThan(2);
    let spent = 0;
    sizes.forEach((size, i) => {
      expect(size * worstPerPost, `page ${i + 1} asked for ${size} posts`).toBeLessThanOrEqual(budget - spent + 1e-9);
      spent += costs[i]!;
    });
    // the pages shrink as the money runs out, rather than stopping at the first size that no longer fits
    expect(Math.min(...sizes)).toBeLessThan(sizes[0]!);
  });
});

describe("fetch on a terminal", () => {
  it("shows progress on stderr and prints nothing else; with --sandbox no X account is needed", () => {
    const res = runOnTerminal(["--sandbox", "fetch"], baseEnv(t.dir));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/@fibranova mentions: page 3, \d+ posts/);
    expect(res.stdout).toMatch(/279 new/);
  });
});

describe("the sandbox command", () => {
  it("serves in the foreground, prints the base URL and the environment, stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [BIN, "sandbox", "--port", "0"], { env: baseEnv(t.dir) });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !out.includes("X_ACCESS_SECRET")) await new Promise((r) => setTimeout(r, 50));
    const baseUrl = out.split("\n")[0]!;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(out).toContain(`export X_API_BASE_URL=${baseUrl}`);
    const state = (await (await globalThis.fetch(`${baseUrl}/_sandbox`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(state)).toContain("fibranova");
    child.kill("SIGTERM");
    expect(await new Promise((r) => child.on("close", r))).toBe(0);
  });
});

describe("credentials from the 0600 file", () => {
  const credentialEnv = () => {
    const { X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET, ...rest } = env;
    return { ...rest, XTRIAGE_CREDENTIALS: join(t.dir, "credentials") };
  };

  it("refuses a credentials file others can read", async () => {
    writeFileSync(join(t.dir, "credentials"), "X_API_BEARER_TOKEN=sandbox-bearer\n", { mode: 0o644 });
    chmodSync(join(t.dir, "credentials"), 0o644);
    const res = await runBin(["fetch"], credentialEnv());
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("chmod 600");
    expect(res.stderr).not.toContain("sandbox-bearer");
  });

  it("saves rotated OAuth 2.0 tokens back into the file, still 0600", async () => {
    const path = join(t.dir, "credentials");
    writeFileSync(
      path,
      "# xtriage\nX_OAUTH2_ACCESS_TOKEN=expired-token\nX_OAUTH2_REFRESH_TOKEN=sandbox-refresh-token\nX_API_CLIENT_ID=sandbox-client-id\n",
      { mode: 0o600 },
    );
    const res = await runBin(["fetch", "--quiet"], credentialEnv());
    expect(res.code, res.stderr).toBe(0);
    const saved = readFileSync(path, "utf8");
    expect(saved).toContain("# xtriage");
    expect(saved).toContain("X_API_CLIENT_ID=sandbox-client-id");
    expect(saved).not.toMatch(/^X_OAUTH2_ACCESS_TOKEN=expired-token$/m);
    expect(saved).toMatch(/^X_OAUTH2_REFRESH_TOKEN=(?!sandbox-refresh-token$)\S+$/m);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // the saved pair works: a second run needs no refresh
    const again = await runBin(["fetch", "--quiet"], credentialEnv());
    expect(again.code, again.stderr).toBe(0);
    expect(count("SELECT count(*) FROM api_calls WHERE endpoint = '/2/oauth2/token'")).toBe(1);
  });

  it("keeps OAuth 2.0 tokens rotated from the environment in a new 0600 file, which wins until the environment changes", async () => {
    const { X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET, ...rest } = env;
    const cronEnv = {
      ...rest,
      X_OAUTH2_ACCESS_TOKEN: "expired-token",
      X_OAUTH2_REFRESH_TOKEN: "sandbox-refresh-token",
      X_API_CLIENT_ID: "sandbox-client-id",
    };
    const path = join(t.dir, "config", "xtriage", "credentials");
    const refreshes = () => count("SELECT count(*) FROM api_calls WHERE endpoint = '/2/oauth2/token'");
    const first = await runBin(["auth", "status"], cronEnv);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`saved in ${path} (0600)`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const saved = readFileSync(path, "utf8");
    expect(saved).toMatch(/^X_OAUTH2_REFRESH_TOKEN=(?!sandbox-refresh-token$)\S+$/m);
    expect(saved).not.toContain("expired-token");
    expect(saved).not.toMatch(/=sandbox-refresh-token$/m);
    expect(refreshes()).toBe(1);

    // cron runs again with the same, now stale, environment: the saved pair is used, no refresh
    const again = await runBin(["fetch", "--quiet"], cronEnv);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe("");
    expect(refreshes()).toBe(1);

    // two hours later the saved access token expires: refreshed from the file, still ahead of the environment
    writeFileSync(path, saved.replace(/^X_OAUTH2_ACCESS_TOKEN=.*$/m, "X_OAUTH2_ACCESS_TOKEN=expired-too"), {
      mode: 0o600,
    });
    const later = await runBin(["auth", "status"], cronEnv);
    expect(later.code, later.stderr).toBe(0);
    expect(refreshes()).toBe(2);
    const rotatedAgain = readFileSync(path, "utf8");
    expect(rotatedAgain).not.toContain("expired-too");
    expect(rotatedAgain).not.toContain(saved.match(/^X_OAUTH2_REFRESH_TOKEN=(.*)$/m)![1]!);
    const status = await runBin(["auth", "status"], cronEnv);
    expect(status.stdout).toContain("already rotated; using its successor from the credentials file");

    // a pair put in the environment after that (the app authorised again) wins over the file
    const fresh = {
      ...cronEnv,
      X_OAUTH2_ACCESS_TOKEN: rotatedAgain.match(/^X_OAUTH2_ACCESS_TOKEN=(.*)$/m)![1]!,
      X_OAUTH2_REFRESH_TOKEN: rotatedAgain.match(/^X_OAUTH2_REFRESH_TOKEN=(.*)$/m)![1]!,
    };
    writeFileSync(path, rotatedAgain.replace(/^X_OAUTH2_ACCESS_TOKEN=.*$/m, "X_OAUTH2_ACCESS_TOKEN=bad"), {
      mode: 0o600,
    });
    const fromEnv = await runBin(["auth", "status"], fresh);
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).not.toContain("already rotated");
    expect(refreshes()).toBe(2);
  });
});

describe("auth status and cost", () => {
  it("auth status names the credential set and confirms it with X, without secrets", async () => {
    const res = await runBin(["auth", "status"], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("OAuth 1.0a user context");
    expect(res.stdout).toContain("authenticated as @fibranova");
    for (const secret of Object.values(box.env()).filter((v) => v.startsWith("sandbox-"))) {
      expect(res.stdout).not.toContain(secret);
    }
    const none = await runBin(["auth", "status"], baseEnv(t.dir));
    expect(none.code).toBe(4);
  });

  it("auth status checks an app-only bearer token with a call that returns nothing billable", async () => {
    const { X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET, ...rest } = env;
    const usage = () => box.requests.filter((r) => r.path === "/2/usage/tweets");
    const bad = await runBin(["auth", "status"], { ...rest, X_API_BEARER_TOKEN: "bad" });
    expect(bad.code).toBe(4);
    expect(bad.stdout).toContain("X refuses them: X rejected the credentials (401 on GET /2/usage/tweets)");
    expect(usage()).toHaveLength(1);

    const good = await runBin(["auth", "status", "--json"], { ...rest, X_API_BEARER_TOKEN: "sandbox-bearer" });
    expect(good.code, good.stderr).toBe(0);
    const result = JSON.parse(good.stdout);
    expect(result).toMatchObject({ credentials: "app-only", checked_with: "GET /2/usage/tweets", accepted: true });
    expect(result.usage).toEqual({ posts_read: 0, cap: 3_000_000 });
    expect(good.stdout).not.toContain("sandbox-bearer");
    expect(usage().map((r) => r.auth)).toEqual(["none", "app"]);
    expect(scalar("SELECT sum(cost_usd) FROM api_calls WHERE endpoint = '/2/usage/tweets'")).toBe(0);
    expect(count("SELECT count(*) FROM api_calls WHERE endpoint = '/2/usage/tweets'")).toBe(2);
  });

  it("auth status without credentials says that nothing could be checked, and why", async () => {
    const none = await runBin(["auth", "status"], baseEnv(t.dir));
    expect(none.code).toBe(4);
    expect(none.stdout).toContain("not checked: there are no credentials to check");
    expect(none.stdout).not.toContain("app-only");
    expect(none.stderr).toContain("no X credentials found");
  });

  it("cost reports calls by day and endpoint from the ledger", async () => {
    await fetch();
    const res = await runBin(["cost", "--json"], env);
    const lines = JSON.parse(res.stdout) as { endpoint: string; calls: number; cost_usd: number }[];
    const mentions = lines.find((l) => l.endpoint === "GET /2/users/:id/mentions")!;
    expect(mentions.calls).toBe(Math.ceil(scenarioMentions / 100));
    expect(mentions.cost_usd).toBeGreaterThan(0);
  });
});
