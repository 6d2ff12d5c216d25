import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTriage, type TriageOptions } from "../../src/commands/triage.js";
import { createContext } from "../../src/context.js";
import { InterruptedError, NotFoundError } from "../../src/errors.js";
import { testIO } from "../../src/io/iostreams.js";
import type { TriageUi } from "../../src/io/triage-terminal.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/server.js";
import { caseStore } from "../../src/store/actions.js";
import { baseEnv, run, SCENARIO, tempDir } from "../helpers/cli.js";
import { sqlOn } from "../helpers/db.js";

// The session driven in-process by a scripted person, against the sandbox X API on 127.0.0.1.
let box: Sandbox;
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;

beforeEach(async () => {
  box = await startSandbox({ port: 0 });
  t = tempDir();
  env = { ...baseEnv(t.dir), ...box.env(), XTRIAGE_CONFIG: join(SCENARIO, "config.yaml"), XTRIAGE_AGENT: "laura" };
  const fetched = await run(["fetch", "--quiet"], env);
  expect(fetched.code, fetched.stderr).toBe(0);
});
afterEach(async () => {
  await box.close();
  t.cleanup();
});

type Step = { key: string } | { choose: string } | { edit: string } | { ask: string } | { confirm: boolean };

/** A person following a script; when it runs out they press Ctrl-C. Records what they were shown. */
function scripted(steps: Step[], onKey?: (screen: string) => void) {
  const screens: string[] = [];
  const headers: string[] = [];
  const said: string[] = [];
  const next = <K extends string>(kind: K): Extract<Step, Record<K, unknown>>[K] => {
    const step = steps.shift();
    if (!step) throw new InterruptedError();
    if (!(kind in step)) throw new Error(`expected ${kind}, script has ${JSON.stringify(step)}`);
    return (step as Record<string, unknown>)[kind] as never;
  };
  const ui: TriageUi = {
    // full case screens (with the key line); the header redrawn while an action asks questions is not one
    draw: (s) => {
      if (s.includes("[r]eply")) screens.push(s);
      else headers.push(s);
    },
    say: (s) => said.push(s),
    async key(keys) {
      onKey?.(screens.at(-1) ?? "");
      const k = next("key");
      if (keys.length > 0 && !keys.includes(k)) throw new Error(`key ${k} not offered (${keys.join("")})`);
      return k;
    },
    choose: async (_m, choices) => {
      const v = next("choose");
      if (!choices.some((c) => c.value === v)) throw new Error(`no choice ${v}`);
      return v;
    },
    edit: async (_m, _initial, measure) => {
      const text = next("edit");
      said.push(`measure: ${measure(text)}`);
      return text;
    },
    ask: async () => next("ask"),
    confirm: async () => next("confirm"),
  };
  return { ui, screens, headers, said };
}

async function triage(ui: TriageUi, opts: TriageOptions = {}, agent = "laura") {
  const io = testIO({ tty: true });
  const ctx = createContext(io.io, () => ({}), { ...env, XTRIAGE_AGENT: agent });
  try {
    return await runTriage(ctx, opts, ui);
  } finally {
    await ctx.close();
  }
}

const query = <T>(sql: string, ...params: unknown[]): T[] => sqlOn<T>(env.XTRIAGE_DB!, sql, ...params);

const caseOnScreen = (screen: string) => /^@(\w+)/.exec(screen)?.[1];
async function firstListed(args: string[] = []): Promise<{ id: string; username: string; lang: string }> {
  const rows = JSON.parse((await run(["list", "--json", "--assignee", "none", ...args], env)).stdout);
  const top = rows[0] as { id: string; author: string; lang: string };
  return { id: top.id, username: top.author.replace(/^@/, ""), lang: top.lang };
}

describe("starting", () => {
  it("refuses without a terminal, naming the scriptable commands (exit 2)", async () => {
    const res = await run(["triage"], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("needs a terminal");
    expect(res.stderr).toMatch(/xtriage next, show, reply, dm/);
  });

  it("shows the highest-priority case, claimed for the agent, and holds no transaction while waiting", async () => {
    const top = await firstListed();
    let claimedWhileWaiting: unknown;
    let wroteMeanwhile = false;
    const s = scripted([{ key: "q" }], () => {
      claimedWhileWaiting = query<{ assignee: string }>("SELECT assignee FROM mentions WHERE id = ?", top.id)[0];
      // another agent (or cron) can write while the session waits for a key
      const other = new Database(env.XTRIAGE_DB!, { timeout: 0 });
      other
        .prepare("INSERT INTO followups (mention_id, due_at, note, agent, created_at) VALUES (?, ?, '', 'x', ?)")
        .run(top.id, "2026-12-01", "2026-11-20");
      other.close();
      wroteMeanwhile = true;
    });
    expect(await triage(s.ui)).toBe(0);
    expect(caseOnScreen(s.screens[0]!)).toBe(top.username);
    expect(claimedWhileWaiting).toEqual({ assignee: "laura" });
    expect(wroteMeanwhile).toBe(true);
    // quitting gives back a claim the session took and did nothing with
    expect(query("SELECT assignee FROM mentions WHERE id = ?", top.id)).toEqual([{ assignee: null }]);
  });

  it("honours the filters", async () => {
    const s = scripted([{ key: "q" }]);
    await triage(s.ui, { lang: "en" });
    const top = await firstListed(["--lang", "en"]);
    expect(caseOnScreen(s.screens[0]!)).toBe(top.username);
    expect(s.screens[0]).toMatch(/ · en · /);
  });

  it("narrows to a brand account (by handle or id) and says when nothing is waiting", async () => {
    const s = scripted([{ key: "u" }, { key: "x" }, { key: "q" }]);
    await triage(s.ui, { account: "@FibraNova" });
    const top = await firstListed();
    expect(s.said[0]).toBe(`https://x.com/${top.username}/status/${top.id}`);
    const byId = scripted([{ key: "q" }]);
    await triage(byId.ui, { account: "1187342600510951424" });
    expect(caseOnScreen(byId.screens[0]!)).toBe(top.username);
    const none = scripted([]);
    expect(await triage(none.ui, { account: "fibranova", lang: "xx" })).toBe(0);
    expect(none.screens).toEqual([]);
    expect(none.said).toEqual(["No case waiting for you. Nice work."]);
  });

  it("refuses an unknown account as report does (exit 3, the same message), claiming nothing", async () => {
    const none = scripted([]);
    const err = await triage(none.ui, { account: "fibranova,nobody" }).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.exitCode).toBe(3);
    expect(none.said).toEqual([]);
    const viaTriage = await run(["triage", "--account", "nobody"], env, { tty: true });
    const viaReport = await run(["report", "--account", "nobody"], env);
    expect(viaTriage.code).toBe(3);
    expect(viaTriage.stderr).toMatch(/no account @nobody/);
    expect(viaTriage.stderr).toBe(viaReport.stderr);
    expect(viaReport.code).toBe(3);
    expect(query("SELECT count(*) AS n FROM actions WHERE reason <> 'seen on X'")).toEqual([{ n: 0 }]);
  });

  it("skipping or quitting leaves the customer free: a colleague is offered the same cases", async () => {
    const top = await firstListed();
    const laura = scripted([{ key: "n" }, { key: "q" }]);
    expect(await triage(laura.ui)).toBe(0);
    expect(caseOnScreen(laura.screens[0]!)).toBe(top.username);
    const diego = scripted([{ key: "n" }, { key: "q" }]);
    expect(await triage(diego.ui, {}, "diego")).toBe(0);
    expect(diego.screens.map(caseOnScreen)).toEqual(laura.screens.map(caseOnScreen));
    const next = await run(["next", "--json"], { ...env, XTRIAGE_AGENT: "diego" });
    expect(JSON.parse(next.stdout)).toMatchObject({ id: top.id, assignee: "diego" });
  });

  it("Ctrl-C leaves with the interruption (exit 130) and gives the claim back", async () => {
    const top = await firstListed();
    const s = scripted([]);
    const err = await triage(s.ui).catch((e) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect(err.exitCode).toBe(130);
    expect(query("SELECT assignee FROM mentions WHERE id = ?", top.id)).toEqual([{ assignee: null }]);
    expect(query("SELECT kind FROM actions WHERE kind NOT IN ('claim', 'release') AND reason <> 'seen on X'")).toEqual(
      [],
    );
  });
});

describe("acting on a case", () => {
  it("replies: template picker, live length, the linter's verdict, confirmation, then the outbox", async () => {
    const top = await firstListed();
    const s = scripted([
      { key: "r" },
      { choose: "" },
      { edit: "Hola {user}, ya lo estamos revisando." },
      { confirm: true },
      { key: " " },
      { key: "q" },
    ]);
    expect(await triage(s.ui)).toBe(0);
    expect(box.received.tweets).toHaveLength(1);
    const tweet = box.received.tweets[0]!;
    expect(tweet.inReplyToTweetId).toBe(top.id);
    expect(tweet.text).toBe(`Hola @${top.username}, ya lo estamos revisando. ^LM`);
    expect(s.said).toContain(`measure: ${tweet.text.length}/280`);
    expect(s.said).toContain("linter: ok");
    expect(query("SELECT kind, state, remote_id FROM actions WHERE mention_id = ? AND kind = 'reply'", top.id)).toEqual(
      [{ kind: "reply", state: "sent", remote_id: tweet.id }],
    );
    expect(query("SELECT status FROM mentions WHERE id = ?", top.id)).toEqual([{ status: "replied" }]);
    // the next case came up after the reply
    expect(s.screens).toHaveLength(2);
    // while answering, the case's header stays in view
    expect(caseOnScreen(s.headers[0]!)).toBe(top.username);
    expect(s.headers[0]).toMatch(/^SLA /m);
    expect(caseOnScreen(s.screens[1]!)).not.toBeUndefined();
  });

  it("keeps the claim of a case it answered when Ctrl-C comes right after", async () => {
    const top = await firstListed();
    const s = scripted([{ key: "r" }, { choose: "" }, { edit: "Hola {user}, lo miramos ya." }, { confirm: true }]);
    await expect(triage(s.ui)).rejects.toBeInstanceOf(InterruptedError);
    expect(query("SELECT status, assignee FROM mentions WHERE id = ?", top.id)).toEqual([
      { status: "replied", assignee: "laura" },
    ]);
  });

  it("sends nothing when the person says no at the confirmation", async () => {
    const top = await firstListed();
    const s = scripted([
      { key: "r" },
      { choose: "" },
      { edit: "Hola {user}, lo miramos." },
      { confirm: false },
      { key: "q" },
    ]);
    await triage(s.ui);
    expect(box.received.tweets).toEqual([]);
    expect(query("SELECT kind FROM actions WHERE mention_id = ? AND kind = 'reply'", top.id)).toEqual([]);
    expect(s.said).toContain("not sent");
  });

  it("shows the linter's refusal and sends nothing (no confirmation asked)", async () => {
    const s = scripted([
      { key: "r" },
      { choose: "" },
      { edit: "Hola {user}, pásanos tu DNI y el número de tarjeta." },
      { key: "c" },
      { key: "q" },
    ]);
    await triage(s.ui);
    expect(box.received.tweets).toEqual([]);
    expect(s.said.join("\n")).toMatch(/blocked: .*identity document/);
  });

  it("moves to DM: the DM and the public invitation reach the sandbox", async () => {
    const top = await firstListed();
    const s = scripted([
      { key: "d" },
      { choose: "" },
      { edit: "Hola {user}, ¿nos pasas tu número de cliente?" },
      { confirm: true },
      { key: " " },
      { key: "q" },
    ]);
    await triage(s.ui);
    expect(box.received.dms).toHaveLength(1);
    expect(box.received.dms[0]!.text).toBe(`Hola @${top.username}, ¿nos pasas tu número de cliente? ^LM`);
    expect(box.received.tweets).toHaveLength(1);
    expect(query("SELECT status FROM mentions WHERE id = ?", top.id)).toEqual([{ status: "dm" }]);
  });

  it("ignores as a troll, escalates, resolves, logs a follow-up and skips, without asking to confirm", async () => {
    const s = scripted([
      { key: "f" },
      { ask: "2d" },
      { ask: "check the router" },
      { key: " " },
      { key: "i" },
      { key: "t" },
      { key: " " },
      { key: "e" },
      { ask: "billing" },
      { ask: "double charge" },
      { key: " " },
      { key: "s" },
      { ask: "" },
      { key: " " },
      { key: "n" },
      { key: "q" },
    ]);
    expect(await triage(s.ui)).toBe(0);
    const ids = s.screens.map((sc) => caseOnScreen(sc));
    expect(ids.length).toBe(6);
    const log = query<{ kind: string; reason: string; target: string; agent: string }>(
      "SELECT kind, reason, target, agent FROM actions WHERE kind NOT IN ('claim', 'release') AND reason <> 'seen on X' ORDER BY id",
    );
    expect(log.map((a) => a.kind)).toEqual(["followup", "ignore", "escalate", "resolve"]);
    expect(log[1]!.reason).toBe("troll");
    expect(log[2]!.target).toBe("billing");
    // one confirmation of the escalation, not two
    expect(s.said.filter((l) => /escalated to billing/.test(l))).toHaveLength(1);
    expect(log.every((a) => a.agent === "laura")).toBe(true);
    expect(query("SELECT count(*) AS n FROM followups")).toEqual([{ n: 1 }]);
    expect(box.received.tweets).toEqual([]);
    // the skipped case went back to the queue
    const skippedScreen = s.screens.at(-2)!;
    const skippedUser = caseOnScreen(skippedScreen);
    const held = query<{ assignee: string | null }>(
      "SELECT m.assignee FROM mentions m JOIN authors a ON a.id = m.author_id WHERE a.username = ? AND m.status = 'new'",
      skippedUser,
    );
    expect(held.some((h) => h.assignee === null)).toBe(true);
  });
});

describe("a colleague takes the case on screen", () => {
  const postOf = (screen: string) => screen.split("\n")[1];

  /** While the first case is on screen, diego takes it (`claim --force`) or closes it (`resolve --force`). */
  function colleague(what: (store: ReturnType<typeof caseStore>) => void) {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const db = new Database(env.XTRIAGE_DB!);
      try {
        what(caseStore(db, () => new Date("2026-11-20T12:00:00Z")));
      } finally {
        db.close();
      }
    };
  }

  it.each([
    ["resolve", [{ key: "s" }, { ask: "" }]],
    ["escalate", [{ key: "e" }, { ask: "billing" }, { ask: "" }]],
    ["reply", [{ key: "r" }, { choose: "" }, { edit: "Hola {user}, lo miramos ya." }]],
  ] as const)("acting (%s) says who has it and moves on to the next case", async (_kind, steps) => {
    const top = await firstListed();
    const take = colleague((store) => store.claim(top.id, "diego", true));
    const s = scripted([...steps, { key: " " }, { key: "q" }], take);
    expect(await triage(s.ui)).toBe(0);
    const said = s.said.join("\n");
    expect(said).toContain("diego took this case meanwhile; on to the next one");
    expect(said).not.toContain("--force");
    expect(s.screens).toHaveLength(2);
    expect(postOf(s.screens[1]!)).not.toBe(postOf(s.screens[0]!));
    expect(query("SELECT status, assignee FROM mentions WHERE id = ?", top.id)).toEqual([
      { status: "new", assignee: "diego" },
    ]);
    expect(
      query(
        "SELECT kind FROM actions WHERE agent = 'laura' AND kind NOT IN ('claim', 'release') AND reason <> 'seen on X'",
      ),
    ).toEqual([]);
    expect(box.received.tweets).toEqual([]);
  });

  it("a case closed by a colleague meanwhile is left at the next redraw", async () => {
    const top = await firstListed();
    const close = colleague((store) => store.act({ mentionId: top.id, kind: "resolve", agent: "diego" }, true));
    const s = scripted([{ key: "u" }, { key: " " }, { key: " " }, { key: "q" }], close);
    expect(await triage(s.ui)).toBe(0);
    expect(s.said).toContain("this case was resolved meanwhile; on to the next one");
    expect(s.screens).toHaveLength(2);
    expect(postOf(s.screens[1]!)).not.toBe(postOf(s.screens[0]!));
  });
});

describe("the real @inquirer prompts inside the flow (@inquirer/testing)", () => {
  type Answer = (events: { type(text: string): void; keypress(key: string): void }, screen: string) => void;

  /** The terminal UI with its prompts rendered on @inquirer/testing's screen; single keys are scripted. */
  async function renderedUi(keys: string[], answers: Answer[]) {
    const { render } = await import("@inquirer/testing");
    const { terminalTriageUi } = await import("../../src/io/triage-terminal.js");
    const promptScreens: string[] = [];
    const runner = async <A>(prompt: (config: object) => Promise<A>, config: object): Promise<A> => {
      const r = await render(prompt as never, config as never);
      const answer = answers.shift();
      if (!answer) throw new InterruptedError();
      promptScreens.push(r.getScreen());
      answer(r.events, r.getScreen());
      return (await r.answer) as A;
    };
    const io = testIO({ tty: true });
    const ui: TriageUi = {
      ...terminalTriageUi(io.io, runner as never),
      draw: () => {},
      say: () => {},
      key: async (offered) => {
        const k = keys.shift();
        if (k === undefined) throw new InterruptedError();
        if (offered.length > 0 && !offered.includes(k)) throw new Error(`key ${k} not offered (${offered.join("")})`);
        return k;
      },
    };
    return { ui, promptScreens };
  }

  it("picks a template, edits it with the live length, confirms with y: one reply reaches X", async () => {
    const top = await firstListed();
    const { ui, promptScreens } = await renderedUi(
      ["r", " ", "q"],
      [
        // the template picker: "(write it myself)" first, then the case's language's templates
        (events, screen) => {
          expect(screen).toContain("(write it myself)");
          expect(screen).toMatch(/outage_es/);
          events.keypress("enter");
        },
        // the editor starts from the draft ("Hola {user}, "), with the weighted length beside it
        (events, screen) => {
          expect(screen).toMatch(/Hola \{user\}, +\(\d+\/280\)/);
          events.type("lo revisamos ya.");
          events.keypress("enter");
        },
        (events, screen) => {
          expect(screen).toMatch(/Post this reply to @\w+ in public\?/);
          events.type("y");
          events.keypress("enter");
        },
      ],
    );
    expect(await triage(ui)).toBe(0);
    expect(promptScreens).toHaveLength(3);
    expect(box.received.tweets).toHaveLength(1);
    expect(box.received.tweets[0]!.inReplyToTweetId).toBe(top.id);
    expect(box.received.tweets[0]!.text).toBe(`Hola @${top.username}, lo revisamos ya. ^LM`);
  });

  it("answering no at the real confirmation sends nothing", async () => {
    const { ui } = await renderedUi(
      ["r", "q"],
      [
        (events) => events.keypress("enter"),
        (events) => {
          events.type("lo revisamos ya.");
          events.keypress("enter");
        },
        (events) => {
          events.type("n");
          events.keypress("enter");
        },
      ],
    );
    expect(await triage(ui)).toBe(0);
    expect(box.received.tweets).toHaveLength(0);
    expect(query("SELECT count(*) AS n FROM actions WHERE kind = 'reply' AND reason <> 'seen on X'")).toEqual([
      { n: 0 },
    ]);
  });
});
