import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/sandbox/server.js";
import { BIN, baseEnv, runBin, SCENARIO, tempDir } from "../helpers/cli.js";
import { sqlOn } from "../helpers/db.js";

// A person at an 80x24 terminal (tmux) works three cases against the sandbox: a reply, a move to
// DM, an ignore. Keys go in with send-keys; what is on screen comes back with capture-pane.
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const socket = `xtriage-test-${process.pid}`;
let box: Sandbox;
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;

beforeEach(async () => {
  box = await startSandbox({ port: 0 });
  t = tempDir();
  env = {
    ...baseEnv(t.dir),
    ...box.env(),
    XTRIAGE_CONFIG: join(SCENARIO, "config.yaml"),
    XTRIAGE_AGENT: "laura",
    NO_COLOR: "1",
  };
  const fetched = await runBin(["fetch", "--quiet"], env);
  expect(fetched.code, fetched.stderr).toBe(0);
});
afterEach(async () => {
  tmux("kill-server");
  await box.close();
  t.cleanup();
});

function tmux(...args: string[]): string {
  return spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" }).stdout ?? "";
}

const screen = () => tmux("capture-pane", "-p", "-t", "triage");

/** Wait until the screen matches, or fail showing the screen. */
async function waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (pattern.test(s)) return s;
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const keys = (...k: string[]) => tmux("send-keys", "-t", "triage", ...k);
const type = (text: string) => tmux("send-keys", "-t", "triage", "-l", text);
const userOn = (s: string) => /^@(\w+) /m.exec(s)?.[1];

const query = <T>(sql: string, ...params: unknown[]): T[] => sqlOn<T>(env.XTRIAGE_DB!, sql, ...params);
/** Waiting cases with an owner ("id owner"): fetch gives customers back to who answered them before. */
const ownedWaiting = () =>
  query<{ owned: string }>(
    "SELECT id || ' ' || assignee AS owned FROM mentions WHERE status = 'new' AND assignee IS NOT NULL ORDER BY id",
  ).map((r) => r.owned);

const KEY_LINE = /\[r\]eply \[d\]m/;

/** Start `xtriage triage` in a detached tmux session (80x24 unless told); returns the file its exit code lands in. */
function launch(size = { columns: 80, rows: 24 }): string {
  const rc = join(t.dir, `rc-${Date.now()}`);
  const script = join(t.dir, "run.sh");
  const exports = Object.entries(env)
    .map(([k, v]) => `export ${k}='${v.replace(/'/g, "'\\''")}'`)
    .join("\n");
  writeFileSync(script, `${exports}\n'${process.execPath}' '${BIN}' triage\necho $? > '${rc}'\n`);
  tmux("new-session", "-d", "-s", "triage", "-x", String(size.columns), "-y", String(size.rows), `sh '${script}'`);
  return rc;
}

async function exitCode(rc: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(rc) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return readFileSync(rc, "utf8").trim();
}

describe.skipIf(!hasTmux)("triage in tmux", () => {
  it("replies to one case, moves one to DM, ignores one, then quits", async () => {
    const ownedBefore = ownedWaiting();
    const rc = launch();
    // case 1: a public reply
    let s = await waitFor(KEY_LINE);
    const first = userOn(s)!;
    expect(first).toBeTruthy();
    expect(s).toMatch(/SLA {5}(overdue|\d)/);
    keys("r");
    await waitFor(/Reply with/);
    keys("Enter"); // (write it myself)
    await waitFor(/Reply:/);
    type("ya lo estamos revisando.");
    await waitFor(/\d+\/280/);
    keys("Enter");
    await waitFor(/in public\? \(y\/N\)/);
    type("y");
    keys("Enter");
    await waitFor(/press any key/);
    keys("Space");

    // case 2: move to DM
    s = await waitFor(new RegExp(`^@(?!${first} )\\w+ [\\s\\S]*\\[r\\]eply`, "m"));
    const second = userOn(s)!;
    keys("d");
    await waitFor(/DM with/);
    keys("Enter");
    await waitFor(/DM:/);
    type("¿nos pasas tu número de cliente?");
    keys("Enter");
    await waitFor(/public invitation\? \(y\/N\)/);
    type("y");
    keys("Enter");
    await waitFor(/press any key/);
    keys("Space");

    // case 3: ignore as noise, then quit on the fourth
    s = await waitFor(new RegExp(`^@(?!(?:${first}|${second}) )\\w+ [\\s\\S]*\\[r\\]eply`, "m"));
    const third = userOn(s)!;
    keys("i");
    await waitFor(/\[t\]roll/);
    keys("o");
    await waitFor(/now ignored[\s\S]*press any key/);
    keys("Space");
    s = await waitFor(new RegExp(`^@(?!(?:${first}|${second}|${third}) )\\w+ [\\s\\S]*\\[r\\]eply`, "m"));
    for (const line of s.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
    keys("q");
    expect(await exitCode(rc)).toBe("0");

    const caseOf = (username: string) =>
      query<{ id: string; status: string }>(
        `SELECT m.id, m.status FROM mentions m JOIN authors a ON a.id = m.author_id
         WHERE a.username = ? AND m.status <> 'new' ORDER BY m.id`,
        username,
      );
    const [c1] = caseOf(first);
    const [c2] = caseOf(second);
    const [c3] = caseOf(third);
    expect(c1?.status).toBe("replied");
    expect(c2?.status).toBe("dm");
    expect(c3?.status).toBe("ignored");
    expect(query("SELECT reason FROM actions WHERE mention_id = ? AND kind = 'ignore'", c3!.id)).toEqual([
      { reason: "noise" },
    ]);

    // the sandbox received the reply, the DM and the public invitation to it; nothing else
    const tweets = box.received.tweets;
    expect(tweets.map((tw) => tw.inReplyToTweetId)).toEqual([c1!.id, c2!.id]);
    expect(tweets[0]!.text).toBe(`Hola @${first}, ya lo estamos revisando. ^LM`);
    expect(box.received.dms).toHaveLength(1);
    expect(box.received.dms[0]!.text).toBe(`Hola @${second}, ¿nos pasas tu número de cliente? ^LM`);
    const sent = query<{ kind: string; state: string }>(
      "SELECT kind, state FROM actions WHERE kind IN ('reply', 'dm') AND reason <> 'seen on X' ORDER BY id",
    );
    expect(sent).toEqual([
      { kind: "reply", state: "sent" },
      { kind: "dm", state: "sent" },
      { kind: "reply", state: "sent" },
    ]);
    // the fourth case, left untouched on quit, went back to the queue: no waiting case gained an owner
    expect(ownedWaiting().filter((owned) => !ownedBefore.includes(owned))).toEqual([]);
  }, 60_000);

  it("a skipped case and a quit one stay free: a colleague's next gets the case skipped", async () => {
    const rc = launch();
    const first = userOn(await waitFor(KEY_LINE))!;
    keys("n");
    await waitFor(new RegExp(`^@(?!${first} )\\w+ [\\s\\S]*\\[r\\]eply`, "m"));
    keys("q");
    expect(await exitCode(rc)).toBe("0");
    const next = await runBin(["next", "--json"], { ...env, XTRIAGE_AGENT: "diego" });
    expect(next.code, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ username: first, assignee: "diego" });
  }, 60_000);

  it("a case a colleague takes meanwhile: says who has it, moves on; an escalation is confirmed once", async () => {
    const rc = launch();
    const first = userOn(await waitFor(KEY_LINE))!;
    const [held] = query<{ id: string }>(
      "SELECT m.id FROM mentions m JOIN authors a ON a.id = m.author_id WHERE a.username = ? AND m.assignee = 'laura'",
      first,
    );
    const took = await runBin(["claim", held!.id, "--force"], { ...env, XTRIAGE_AGENT: "diego" });
    expect(took.code, took.stderr).toBe(0);
    const escalate = async () => {
      keys("e");
      await waitFor(/Escalate to/);
      type("billing");
      keys("Enter");
      await waitFor(/Note for them/);
      keys("Enter");
    };
    await escalate();
    const lost = await waitFor(/took this case meanwhile[\s\S]*press any key/);
    expect(lost).toMatch(/diego took this case meanwhile; on to the next one/);
    expect(lost).not.toMatch(/--force/);
    keys("Space");
    const second = userOn(await waitFor(new RegExp(`^@(?!${first} )\\w+ [\\s\\S]*\\[r\\]eply`, "m")))!;
    await escalate();
    const done = await waitFor(/escalated to billing[\s\S]*press any key/);
    expect(done.match(/escalated to billing/g)).toHaveLength(1);
    keys("Space");
    await waitFor(new RegExp(`^@(?!${second} )\\w+ [\\s\\S]*\\[r\\]eply`, "m"));
    keys("q");
    expect(await exitCode(rc)).toBe("0");
    expect(query("SELECT status, assignee FROM mentions WHERE id = ?", held!.id)).toEqual([
      { status: "new", assignee: "diego" },
    ]);
    expect(query("SELECT agent, target FROM actions WHERE kind = 'escalate'")).toEqual([
      { agent: "laura", target: "billing" },
    ]);
  }, 60_000);

  it("Ctrl-C leaves with exit 130, at the case screen or inside a prompt, with nothing half-written", async () => {
    const ownedBefore = ownedWaiting();
    let rc = launch();
    await waitFor(KEY_LINE);
    keys("C-c");
    expect(await exitCode(rc)).toBe("130");

    rc = launch();
    await waitFor(KEY_LINE);
    keys("r");
    await waitFor(/Reply with/);
    // NO_COLOR: neither the case screen nor the prompt paints anything
    expect(tmux("capture-pane", "-p", "-e", "-t", "triage")).not.toMatch(/\u001b\[[0-9;]*m/);
    keys("Enter");
    await waitFor(/Reply:/);
    type("a half-written reply");
    keys("C-c");
    expect(await exitCode(rc)).toBe("130");
    expect(box.received.tweets).toEqual([]);
    expect(query("SELECT kind FROM actions WHERE kind NOT IN ('claim', 'release') AND reason <> 'seen on X'")).toEqual(
      [],
    );
    expect(ownedWaiting()).toEqual(ownedBefore);
  }, 60_000);

  it("follows a resize: shrunk from 120x40 to 80x24, the screen is redrawn to fit, header on top", async () => {
    const rc = launch({ columns: 120, rows: 40 });
    let s = await waitFor(KEY_LINE);
    const user = userOn(s)!;
    // at 120 columns the screen is 100 wide (the post wraps there)
    expect(Math.max(...s.split("\n").map((l) => [...l.trimEnd()].length))).toBeGreaterThan(80);
    tmux("resize-window", "-t", "triage", "-x", "80", "-y", "24");
    const fits = (screen: string) => {
      const lines = screen.split("\n");
      return lines[0]!.startsWith(`@${user} `) && KEY_LINE.test(screen) && /^SLA {5}/m.test(screen);
    };
    // redrawn at the new size without a key press...
    s = await waitFor(new RegExp(`^@${user} [\\s\\S]*\\[r\\]eply`));
    expect(fits(s), s).toBe(true);
    // ...and at every redraw after it
    keys("u");
    await waitFor(/press any key/);
    keys("Space");
    await new Promise((r) => setTimeout(r, 300));
    s = await waitFor(KEY_LINE);
    expect(fits(s), s).toBe(true);
    keys("q");
    expect(await exitCode(rc)).toBe("0");
  }, 60_000);
});
