import { spawn } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, baseEnv, runBin, SCENARIO, tempDir } from "../helpers/cli.js";

// The confirmation before a remote action, answered by a person on a real pseudo-terminal.
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
beforeEach(async () => {
  t = tempDir();
  env = { ...baseEnv(t.dir), XTRIAGE_CONFIG: join(SCENARIO, "config.yaml"), XTRIAGE_AGENT: "laura" };
  const fetched = await runBin(["--sandbox", "fetch", "--quiet"], env);
  expect(fetched.code, fetched.stderr).toBe(0);
});
afterEach(() => t.cleanup());

/** Runs the binary under `script` (a pty) and types `answer` once the question is on screen. */
function onTerminal(args: string[], answer: string): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env: { ...env, TERM: "xterm" } });
  let screen = "";
  let answered = false;
  child.stdout.on("data", (d: Buffer) => {
    screen += d.toString();
    if (!answered && /\(y\/N\)/.test(screen)) {
      answered = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, screen })));
}

function caseId(): string {
  const db = new Database(env.XTRIAGE_DB!, { readonly: true });
  const id = db
    .prepare(
      "SELECT id FROM mentions WHERE label = 'genuine' AND source = 'mentions' AND first_response_at IS NULL AND assignee IS NULL ORDER BY priority DESC LIMIT 1",
    )
    .pluck()
    .get() as string;
  db.close();
  return id;
}

function actions(id: string): { kind: string; state: string }[] {
  const db = new Database(env.XTRIAGE_DB!, { readonly: true });
  const rows = db.prepare("SELECT kind, state FROM actions WHERE mention_id = ?").all(id) as {
    kind: string;
    state: string;
  }[];
  db.close();
  return rows;
}

describe("confirming a reply at the terminal", () => {
  it("shows the exact text, asks, and sends on y", async () => {
    const id = caseId();
    const res = await onTerminal(["--sandbox", "reply", id, "--text", "Hola {user}, lo revisamos ya."], "y");
    expect(res.code, res.screen).toBe(0);
    expect(res.screen).toMatch(/Hola @\w+, lo revisamos ya\./);
    expect(actions(id)).toEqual([{ kind: "reply", state: "sent" }]);
  });

  it("sends nothing when the answer is no", async () => {
    const id = caseId();
    const res = await onTerminal(["--sandbox", "reply", id, "--text", "Hola {user}, lo revisamos ya."], "n");
    expect(res.screen).toMatch(/\(y\/N\)/);
    expect(actions(id)).toEqual([]);
  });
});
