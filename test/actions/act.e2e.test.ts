import { type ChildProcess, spawn } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/sandbox/server.js";
import { BIN, baseEnv, type RunResult, runBin, SCENARIO, tempDir } from "../helpers/cli.js";
import { sqlOn } from "../helpers/db.js";

// The built binary acting on cases against the sandbox X API on 127.0.0.1.
let box: Sandbox;
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;

beforeEach(async () => {
  box = await startSandbox({ port: 0, dmClosed: ["helen_expat"] });
  t = tempDir();
  env = {
    ...baseEnv(t.dir),
    ...box.env(),
    XTRIAGE_CONFIG: join(SCENARIO, "config.yaml"),
    XTRIAGE_AGENT: "laura",
  };
  const fetched = await runBin(["fetch", "--quiet"], env);
  expect(fetched.code, fetched.stderr).toBe(0);
});
afterEach(async () => {
  await box.close();
  t.cleanup();
});

const xt = (args: string[], extra: Record<string, string> = {}) => runBin(args, { ...env, ...extra });

const query = <T>(sql: string, ...params: unknown[]): T[] => sqlOn<T>(env.XTRIAGE_DB!, sql, ...params);

/** A genuine mention nobody has answered yet, by `username` (or the first genuine Spanish one). */
function caseOf(username?: string): { id: string; username: string; author_id: string; conversation_id: string } {
  const rows = query<{ id: string; username: string; author_id: string; conversation_id: string }>(
    `SELECT m.id, a.username, m.author_id, m.conversation_id FROM mentions m JOIN authors a ON a.id = m.author_id
     WHERE m.source = 'mentions' AND m.label = 'genuine' AND m.first_response_at IS NULL ${username ? "AND a.username = ?" : "AND m.lang = 'es'"}
     ORDER BY m.priority DESC LIMIT 1`,
    ...(username ? [username] : []),
  );
  expect(rows[0]).toBeDefined();
  return rows[0]!;
}

const actions = (id: string) =>
  query<{ kind: string; state: string; remote_id: string | null; agent: string; text: string }>(
    "SELECT kind, state, remote_id, agent, text FROM actions WHERE mention_id = ? ORDER BY id",
    id,
  );
/** The id of the case's first action in `state` (the brand's replies seen on X are logged before any). */
const actionIn = (mentionId: string, state: string) =>
  String(
    query<{ id: number }>(
      "SELECT id FROM actions WHERE mention_id = ? AND state = ? ORDER BY id LIMIT 1",
      mentionId,
      state,
    )[0]!.id,
  );
const status = (id: string) =>
  query<{ status: string; assignee: string | null; first_response_at: string | null }>(
    "SELECT status, assignee, first_response_at FROM mentions WHERE id = ?",
    id,
  )[0]!;

describe("reply", () => {
  it("arrives as a reply in the right conversation, recorded sent with the remote id", async () => {
    const c = caseOf();
    const res = await xt(["reply", c.id, "--text", "Hola {user}, ya lo estamos revisando.", "--yes", "--json"]);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(box.received.tweets).toHaveLength(1);
    const tweet = box.received.tweets[0]!;
    expect(tweet.inReplyToTweetId).toBe(c.id);
    expect(tweet.conversationId).toBe(c.conversation_id);
    expect(tweet.text).toBe(`Hola @${c.username}, ya lo estamos revisando. ^LM`);
    expect(out).toMatchObject({ state: "sent", remote_id: tweet.id, mention_id: c.id });
    expect(actions(c.id)).toEqual([
      { kind: "reply", state: "sent", remote_id: tweet.id, agent: "laura", text: tweet.text },
    ]);
    expect(status(c.id)).toMatchObject({
      status: "replied",
      assignee: "laura",
      first_response_at: "2026-11-20T12:00:00.000Z",
    });
  });

  it("--dry-run sends and records nothing; without --yes and no terminal it exits 2 naming --yes", async () => {
    const c = caseOf();
    const dry = await xt(["reply", c.id, "--template", "outage_es", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`@${c.username}`);
    const unconfirmed = await xt(["reply", c.id, "--template", "outage_es"]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("--yes");
    expect(box.received.tweets).toHaveLength(0);
    expect(box.requests.filter((r) => r.method === "POST")).toHaveLength(0);
    expect(actions(c.id)).toEqual([]);
  });

  it("two concurrent replies on one case produce exactly one post; the loser exits 6", async () => {
    const c = caseOf();
    const runs = await Promise.all([
      xt(["reply", c.id, "--text", "Lo miramos ya.", "--yes"]),
      xt(["reply", c.id, "--text", "Lo revisamos ahora.", "--yes"], { XTRIAGE_AGENT: "diego" }),
    ]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 6]);
    expect(box.received.tweets).toHaveLength(1);
    expect(actions(c.id).filter((a) => a.kind === "reply")).toHaveLength(1);
    const loser = runs.find((r) => r.code === 6)!;
    expect(loser.stderr).toMatch(/laura|diego/);
  });

  it("a second public reply needs --force", async () => {
    const c = caseOf();
    expect((await xt(["reply", c.id, "--text", "Primera respuesta.", "--yes"])).code).toBe(0);
    const again = await xt(["reply", c.id, "--text", "Segunda respuesta.", "--yes"]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain("--force");
    expect((await xt(["reply", c.id, "--text", "Segunda respuesta.", "--yes", "--force"])).code).toBe(0);
    expect(box.received.tweets).toHaveLength(2);
  });

  it("the linter blocks asking for bank data in public (exit 1, proposes dm) and sends nothing", async () => {
    const c = caseOf();
    const res = await xt(["reply", c.id, "--text", "Pásanos tu IBAN y lo revisamos.", "--yes"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("blocked");
    expect(res.stderr).toContain(`xtriage dm ${c.id}`);
    expect(box.received.tweets).toHaveLength(0);
    expect(actions(c.id)).toEqual([]);
  });

  it("a post found by search gets an intent link, not an API reply", async () => {
    const [row] = query<{ id: string }>("SELECT id FROM mentions WHERE source LIKE 'search:%' LIMIT 1");
    const res = await xt(["reply", row!.id, "--text", "Hola {user}, ¿podemos ayudarte?", "--yes"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^https://x\\.com/intent/post\\?in_reply_to=${row!.id}&text=`));
    expect(box.received.tweets).toHaveLength(0);
    expect(actions(row!.id)).toEqual([]);
  });

  it("a case claimed by another agent cannot be answered without --force (exit 6 names the holder)", async () => {
    const c = caseOf();
    expect((await xt(["claim", c.id], { XTRIAGE_AGENT: "diego" })).code).toBe(0);
    const res = await xt(["reply", c.id, "--text", "Lo miramos.", "--yes"]);
    expect(res.code).toBe(6);
    expect(res.stderr).toContain("claimed by diego");
    expect(box.received.tweets).toHaveLength(0);
  });
});

/**
 * A proxy in front of the sandbox that forwards everything but never delivers X's answer to the
 * post: the reply is on X, and the test kills the process before it can record that.
 */
async function swallowingProxy(target: string, onPosted: () => void): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      if (req.method === "POST" && req.url?.startsWith("/2/tweets")) {
        answer.resume();
        answer.on("end", onPosted);
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function spawnBin(args: string[], childEnv: Record<string, string>): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<RunResult>((r) =>
    child.on("close", (code, signal) => r({ code: code ?? (signal ? 137 : 1), stdout, stderr })),
  );
  return { child, done };
}

describe("the outbox", () => {
  it("kill -9 between send and record leaves one pending action and no second post on rerun", async () => {
    const c = caseOf();
    let child: ChildProcess | undefined;
    const proxy = await swallowingProxy(box.baseUrl, () => child?.kill("SIGKILL"));
    try {
      const run = spawnBin(["reply", c.id, "--text", "Lo estamos mirando.", "--yes"], {
        ...env,
        X_API_BASE_URL: proxy.url,
      });
      child = run.child;
      const killed = await run.done;
      expect(killed.code).toBe(137);
    } finally {
      proxy.server.close();
    }
    expect(box.received.tweets).toHaveLength(1);
    expect(actions(c.id).map((a) => a.state)).toEqual(["pending"]);
    const outbox = await xt(["outbox", "--json"]);
    expect(outbox.code).toBe(0);
    expect(JSON.parse(outbox.stdout)).toMatchObject([{ state: "pending", kind: "reply", case: c.id }]);

    const rerun = await xt(["reply", c.id, "--text", "Lo estamos mirando.", "--yes"]);
    expect(rerun.code).toBe(6);
    expect(rerun.stderr).toContain("pending");
    const retry = await xt(["outbox", "retry", actionIn(c.id, "pending"), "--yes"]);
    expect(retry.code).toBe(6);
    expect(box.received.tweets).toHaveLength(1);
    expect(actions(c.id).map((a) => a.state)).toEqual(["pending"]);
  });
});

describe("dm", () => {
  it("sends the DM and the public invitation; the case moves to dm", async () => {
    const c = caseOf();
    const res = await xt([
      "dm",
      c.id,
      "--text",
      "Hola, soy {agent}. ¿Nos pasas tu número de cliente?",
      "--yes",
      "--json",
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(box.received.dms).toHaveLength(1);
    expect(JSON.stringify(box.received.dms[0])).toContain("Hola, soy Laura. ¿Nos pasas tu número de cliente? ^LM");
    expect(JSON.stringify(box.received.dms[0])).toContain(c.author_id);
    expect(box.received.tweets).toHaveLength(1);
    expect(box.received.tweets[0]!.inReplyToTweetId).toBe(c.id);
    expect(box.received.tweets[0]!.text).toContain("DM");
    expect(actions(c.id).map((a) => [a.kind, a.state])).toEqual([
      ["dm", "sent"],
      ["reply", "sent"],
    ]);
    expect(status(c.id)).toMatchObject({ status: "dm", assignee: "laura" });
  });

  it("--no-public sends only the DM and leaves the case in dm", async () => {
    const c = caseOf();
    const res = await xt(["dm", c.id, "--template", "billing", "--no-public", "--yes"]);
    expect(res.code, res.stderr).toBe(0);
    expect(box.received.dms).toHaveLength(1);
    expect(box.received.tweets).toHaveLength(0);
    expect(status(c.id)).toMatchObject({ status: "dm", first_response_at: "2026-11-20T12:00:00.000Z" });
  });

  it("a customer who refuses DMs: clear message, exit 4, no public invitation, case unchanged", async () => {
    const c = caseOf("helen_expat");
    const before = status(c.id);
    const res = await xt(["dm", c.id, "--text", "Hi, could you share your account number here?", "--yes"]);
    expect(res.code).toBe(4);
    expect(res.stderr).toContain("does not accept DMs");
    expect(box.received.dms).toHaveLength(0);
    expect(box.received.tweets).toHaveLength(0);
    expect(status(c.id)).toEqual(before);
    expect(actions(c.id).map((a) => [a.kind, a.state])).toEqual([["dm", "failed"]]);
  });
});

describe("outbox retry and concurrent state changes", () => {
  it("a refused reply (402) is recorded failed, listed, and sent by outbox retry", async () => {
    const c = caseOf();
    box.faults.add([{ path: "/2/tweets", method: "POST", kind: "credits-depleted" }]);
    const res = await xt(["reply", c.id, "--text", "Lo miramos.", "--yes"]);
    expect(res.code).toBe(5);
    expect(box.received.tweets).toHaveLength(0);
    expect(actions(c.id).map((a) => a.state)).toEqual(["failed"]);
    expect(status(c.id).status).toBe("new");
    const listed = JSON.parse((await xt(["outbox", "--json"])).stdout);
    expect(listed).toMatchObject([{ state: "failed", case: c.id }]);
    const retry = await xt(["outbox", "retry", String(listed[0].id), "--yes"]);
    expect(retry.code, retry.stderr).toBe(0);
    expect(box.received.tweets).toHaveLength(1);
    expect(box.received.tweets[0]!.inReplyToTweetId).toBe(c.id);
    expect(actions(c.id).map((a) => a.state)).toEqual(["sent"]);
    expect(status(c.id).status).toBe("replied");
    expect(JSON.parse((await xt(["outbox", "--json"])).stdout)).toEqual([]);
  });

  it("retrying a failed reply to a case answered since needs --force (exit 6), as reply does", async () => {
    const c = caseOf();
    box.faults.add([{ path: "/2/tweets", method: "POST", kind: "rate-limit" }]);
    const limited = await xt(["reply", c.id, "--text", "Lo miramos ahora.", "--yes"]);
    expect(limited.code).toBe(5);
    expect(limited.stderr).not.toContain("--max-wait");
    const failed = actionIn(c.id, "failed");
    expect(limited.stderr).toContain(`xtriage outbox retry ${failed}`);
    box.faults.clear();
    expect((await xt(["reply", c.id, "--text", "Ya lo estamos revisando.", "--yes"])).code).toBe(0);
    expect(actions(c.id).map((a) => a.state)).toEqual(["failed", "sent"]);

    const retry = await xt(["outbox", "retry", failed, "--yes"]);
    expect(retry.code).toBe(6);
    expect(retry.stderr).toContain("already has a public reply");
    expect(retry.stderr).toContain("--force");
    expect(box.received.tweets).toHaveLength(1);
    expect(actions(c.id).map((a) => a.state)).toEqual(["failed", "sent"]);

    const forced = await xt(["outbox", "retry", failed, "--yes", "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(box.received.tweets).toHaveLength(2);
    expect(actions(c.id).map((a) => a.state)).toEqual(["sent", "sent"]);
  });

  it("retrying a failed reply whose text the brand has posted since is blocked by the linter (exit 1)", async () => {
    const c = caseOf();
    box.setClock("2026-11-20T12:30:00Z");
    const again = box.injectMention({ text: "¿y lo de esta mañana?", authorUsername: c.username });
    expect((await xt(["fetch", "--quiet"])).code).toBe(0);
    box.faults.add([{ path: "/2/tweets", method: "POST", kind: "rate-limit" }]);
    expect((await xt(["reply", c.id, "--text", "Hola {user}, lo miramos.", "--yes"])).code).toBe(5);
    box.faults.clear();
    expect((await xt(["reply", again.id, "--text", "Hola {user}, lo miramos.", "--yes"])).code).toBe(0);

    const retry = await xt(["outbox", "retry", actionIn(c.id, "failed"), "--yes"]);
    expect(retry.code).toBe(1);
    expect(retry.stderr).toContain("identical to a reply sent at");
    expect(retry.stderr).toContain(`xtriage reply ${c.id}`);
    expect(box.received.tweets).toHaveLength(1);
    expect(actions(c.id).map((a) => a.state)).toEqual(["failed"]);
  });

  it("outbox retry of an unknown action exits 3; without --yes off a terminal it names only --yes", async () => {
    const missing = await xt(["outbox", "retry", "999", "--yes"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("no action 999");
    const c = caseOf();
    box.faults.add([{ path: "/2/tweets", method: "POST", kind: "credits-depleted" }]);
    expect((await xt(["reply", c.id, "--text", "Lo miramos.", "--yes"])).code).toBe(5);
    const unconfirmed = await xt(["outbox", "retry", actionIn(c.id, "failed")]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("--yes");
    expect(unconfirmed.stderr).not.toContain("--dry-run");
  });

  it("two agents resolving one case at once: exactly one wins, the other exits 6", async () => {
    const c = caseOf();
    const runs = await Promise.all([xt(["resolve", c.id]), xt(["resolve", c.id], { XTRIAGE_AGENT: "diego" })]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 6]);
    expect(runs.find((r) => r.code === 6)!.stderr).toMatch(/already resolved \(by (laura|diego)\)/);
    expect(actions(c.id).filter((a) => a.kind === "resolve")).toHaveLength(1);
  });
});

describe("the cost ledger", () => {
  it("prices a summoned reply, a reply with a link and a DM invitation at their own rates", async () => {
    const [plain, linked, dmCase] = query<{ id: string }>(
      `SELECT m.id FROM mentions m WHERE m.source = 'mentions' AND m.label = 'genuine' AND m.first_response_at IS NULL
       AND m.author_id NOT IN (SELECT id FROM authors WHERE username = 'helen_expat') AND m.assignee IS NULL
       ORDER BY m.priority DESC LIMIT 3`,
    );
    expect((await xt(["reply", plain!.id, "--text", "Hola {user}, lo miramos.", "--yes"])).code).toBe(0);
    const withLink = await xt([
      "reply",
      linked!.id,
      "--text",
      "Hola {user}, estado: https://fibranova.es/estado",
      "--yes",
    ]);
    expect(withLink.code, withLink.stderr).toBe(0);
    expect((await xt(["dm", dmCase!.id, "--template", "billing", "--yes"])).code).toBe(0);
    const posts = query<{ command: string; cost_usd: number }>(
      "SELECT command, cost_usd FROM api_calls WHERE method = 'POST' ORDER BY id",
    );
    expect(posts).toEqual([
      { command: "reply", cost_usd: 0.01 },
      { command: "reply", cost_usd: 0.2 },
      { command: "dm", cost_usd: 0.015 },
      { command: "dm", cost_usd: 0.01 },
    ]);
    const cost = await xt(["cost", "--since", "7d", "--json"]);
    expect(cost.code, cost.stderr).toBe(0);
    const lines = JSON.parse(cost.stdout) as { endpoint: string; calls: number; cost_usd: number }[];
    expect(lines.find((l) => l.endpoint === "POST /2/tweets")).toMatchObject({ calls: 3, cost_usd: 0.22 });
    expect(lines.find((l) => l.endpoint.startsWith("POST /2/dm_conversations"))).toMatchObject({
      calls: 1,
      cost_usd: 0.015,
    });
  });
});

describe("sticky owner on fetch", () => {
  it("a customer's new post, fetched later, goes to the agent who last handled them", async () => {
    const c = caseOf();
    const replied = await xt(["reply", c.id, "--text", "Hola {user}, lo revisamos ahora mismo.", "--yes"]);
    expect(replied.code, replied.stderr).toBe(0);
    box.setClock("2026-11-20T15:00:00Z");
    const followUp = box.injectMention({ text: "sigo igual, ¿alguna novedad?", authorUsername: c.username });
    const stranger = box.injectMention({ text: "¿tenéis fibra en Toledo?", authorUsername: "nuevo_cliente_tol" });
    const fetched = await xt(["fetch", "--quiet"], { XTRIAGE_AGENT: "cron" });
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(status(followUp.id).assignee).toBe("laura");
    expect(status(stranger.id).assignee).toBeNull();
  });
});
