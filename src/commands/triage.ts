import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Context } from "../context.js";
import { CLOSED_STATUSES, type IGNORE_REASONS } from "../core/queue.js";
import { ConflictError, InterruptedError, UsageError, XtriageError } from "../errors.js";
import { canPrompt } from "../io/iostreams.js";
import { renderCaseHeader, renderCaseScreen } from "../io/triage-screen.js";
import { type CapturedIO, captureIO, type TriageUi, terminalTriageUi } from "../io/triage-terminal.js";
import { type CaseStore, caseStore } from "../store/actions.js";
import type { DB } from "../store/db.js";
import { type MentionRow, mentionsRepo } from "../store/mentions.js";
import { syncRepo } from "../store/sync.js";
import { loadCaseScreen } from "../triage/case-data.js";
import { type Picked, pickNextCase, type TriageFilter } from "../triage/pick.js";
import { runDm } from "./dm.js";
import { runEscalate } from "./escalate.js";
import { runFollowupAdd } from "./followup.js";
import { postUrl } from "./mention-fields.js";
import { act, brandAccounts, examples, parseInteger, splitList } from "./options.js";
import { runReply, templateVars } from "./reply.js";
import { runState } from "./resolve.js";
import { type AccountClocks, queueClocks } from "./sla-clocks.js";

export interface TriageOptions {
  lang?: string;
  label?: string;
  minPriority?: number;
  account?: string;
}

const SCRIPTABLE = "xtriage next, show, reply, dm, escalate, followup add, resolve, ignore";
const ACTION_KEYS = ["r", "d", "e", "f", "s", "i", "n", "u", "q"] as const;
const IGNORE_KEYS: Record<string, (typeof IGNORE_REASONS)[number]> = { t: "troll", p: "spam", o: "noise" };

export function register(program: Command, ctx: Context): void {
  program
    .command("triage")
    .summary("work the queue from the keyboard, one case at a time")
    .description(
      "An interactive session: the next case (highest priority, claimed for you)\n" +
        "with its author, scores, SLA clock and conversation, and one key per action.\n" +
        "Only what reaches X (a reply, a DM) asks for confirmation. Needs a terminal;\n" +
        `in scripts use ${SCRIPTABLE}.`,
    )
    .option("--lang <list>", "only these languages, comma-separated (es,en)")
    .option("--label <list>", "only troll, genuine or unsure, comma-separated")
    .option("--min-priority <n>", "only priority at least n (0-100)", parseInteger("--min-priority", 0, 100))
    .option("--account <list>", "only mentions of these brand accounts (handle or id)")
    .addHelpText("after", examples(["xtriage triage", "xtriage triage --lang es --label genuine --min-priority 50"]))
    .action(act(ctx, (opts: TriageOptions) => runTriage(ctx, opts)));
}

/** The session: pick, show, act, repeat. `ui` is the terminal unless a test hands in another. */
export async function runTriage(ctx: Context, opts: TriageOptions, ui?: TriageUi): Promise<number> {
  if (!ui && !canPrompt(ctx.io)) {
    throw new UsageError("triage is interactive and needs a terminal", `in scripts use ${SCRIPTABLE}`);
  }
  const filter = parseFilter(opts);
  const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
  if (opts.account) {
    filter.accountIds = brandAccounts(splitList(opts.account), config, syncRepo(db).accounts()).map((a) => a.id);
  }
  const session: Session = {
    ctx,
    ui: ui ?? terminalTriageUi(ctx.io),
    db,
    config,
    clocks: queueClocks(db, config, ctx.now(), ctx.env),
    store: caseStore(db, ctx.now),
    captured: captureIO(ctx.io),
    skipped: new Set(),
    touched: new Set(),
  };
  for (;;) {
    const picked = pickNextCase(db, session.store, session.clocks, ctx.agent(), filter, session.skipped, ctx.now());
    if (!picked) {
      session.ui.say("No case waiting for you. Nice work.");
      return 0;
    }
    let outcome: Outcome;
    try {
      outcome = await workCase(session, picked);
    } catch (e) {
      if (e instanceof InterruptedError) giveBack(session, picked);
      throw e;
    }
    if (outcome === "quit") return 0;
  }
}

function parseFilter(opts: TriageOptions): TriageFilter {
  const labels = opts.label ? splitList(opts.label) : undefined;
  const bad = labels?.find((l) => !["troll", "genuine", "unsure"].includes(l));
  if (bad) throw new UsageError(`unknown label: ${bad}`, "labels: troll, genuine, unsure");
  return {
    ...(opts.lang ? { langs: splitList(opts.lang) } : {}),
    ...(labels ? { labels } : {}),
    ...(opts.minPriority !== undefined ? { minPriority: opts.minPriority } : {}),
  };
}

interface Session {
  ctx: Context;
  ui: TriageUi;
  db: DB;
  config: Config;
  /** Each account's SLA clock: the wait shown and ranked on, as in `list` and the report. */
  clocks: AccountClocks;
  store: CaseStore;
  captured: CapturedIO;
  skipped: Set<string>;
  /** Cases this session acted on: their claim stays, whatever happens next. */
  touched: Set<string>;
}

/** "next": go on to the next case; "quit": end the session. */
type Outcome = "next" | "quit";

/** One case: draw it, read a key, act; until the case is done, skipped, or the session ends. */
async function workCase(s: Session, picked: Picked): Promise<Outcome> {
  for (;;) {
    const row = mentionsRepo(s.db).get(picked.row.id);
    if (!row) return "next";
    const lost = lostCase(s, row.id);
    if (lost) {
      s.ui.say(lost);
      await pause(s);
      return "next";
    }
    const now = s.ctx.now();
    const data = loadCaseScreen(s.db, s.clocks, row, picked.effective, now);
    const draw = () => s.ui.draw(renderCaseScreen(data, look(s, now)));
    draw();
    // a resized terminal gets the screen again at its new size while the session waits for a key
    const stopRedrawing = s.ctx.io.onResize(draw);
    let key: string;
    try {
      key = await s.ui.key(ACTION_KEYS);
    } finally {
      stopRedrawing();
    }
    if (key === "q") {
      giveBack(s, picked);
      return "quit";
    }
    if (key === "n") {
      giveBack(s, picked);
      s.skipped.add(row.id);
      return "next";
    }
    if (key === "u") {
      s.ui.say(postUrl(row));
      await pause(s);
      continue;
    }
    s.ui.draw(renderCaseHeader(data, look(s, now)));
    if (await runAction(s, key, row)) return "next";
  }
}

/** How the screen is drawn now: the terminal's current size (at most 100 columns), read at each draw. */
function look(s: Session, now: Date) {
  const size = s.ctx.io.terminalSize();
  return { now, color: s.ctx.io.colorErr, width: Math.min(size.columns, 100), height: size.rows };
}

/** Give the claim back when this session took it and did nothing with the case. */
function giveBack(s: Session, picked: Picked): void {
  if (!picked.claimedNow || s.touched.has(picked.row.id)) return;
  try {
    s.store.release(picked.row.id, s.ctx.agent(), false);
  } catch {
    // someone else acted on it meanwhile: theirs now, nothing to give back
  }
}

/** Why the case on screen is no longer this session's to work (another agent took or closed it), if so. */
function lostCase(s: Session, id: string): string | undefined {
  const row = s.store.get(id);
  if (!row) return "this case is gone; on to the next one";
  if (row.assignee !== null && row.assignee !== s.ctx.agent()) {
    return `${row.assignee} took this case meanwhile; on to the next one`;
  }
  if (CLOSED_STATUSES.includes(row.status)) return `this case was ${row.status} meanwhile; on to the next one`;
  return undefined;
}

/**
 * Runs one action through the scriptable command's own code; true when the case is done with (the
 * session moves on). Errors the person can act on are shown, and the case stays on screen.
 */
async function runAction(s: Session, key: string, row: MentionRow): Promise<boolean> {
  const ctx = { ...s.ctx, io: s.captured.io };
  s.captured.take();
  try {
    const done = await ACTIONS[key]!(s, ctx, row);
    const { err } = s.captured.take();
    if (err.trim()) s.ui.say(err.trim());
    if (done) {
      s.touched.add(row.id);
      await pause(s);
    }
    return done;
  } catch (e) {
    if (e instanceof InterruptedError || !(e instanceof XtriageError)) throw e;
    const { err } = s.captured.take();
    // a colleague took or closed the case: the command's "--force" hint is not for this session
    const lost = e instanceof ConflictError ? lostCase(s, row.id) : undefined;
    if (lost) {
      s.ui.say(lost);
      await pause(s);
      return true;
    }
    s.ui.say([err.trim(), `${e.message}${e.hint ? ` (${e.hint})` : ""}`].filter(Boolean).join("\n"));
    await pause(s);
    return false;
  }
}

/** Let the person read the result before the screen is redrawn. */
async function pause(s: Session): Promise<void> {
  s.ui.say("press any key");
  await s.ui.key([]);
}

type Action = (s: Session, ctx: Context, row: MentionRow) => Promise<boolean>;

const ACTIONS: Record<string, Action> = {
  r: replyFlow,
  d: dmFlow,
  async e(s, ctx, row) {
    const to = (await s.ui.ask("Escalate to (an agent or a team):")).trim();
    if (!to) return false;
    const note = (await s.ui.ask("Note for them (optional):")).trim();
    await runEscalate(ctx, row.id, { to, ...(note ? { note } : {}) }); // it confirms on its own
    return true;
  },
  async f(s, ctx, row) {
    const due = (await s.ui.ask("Follow up in (90m, 12h, 3d, 2w):", "3d")).trim();
    const note = (await s.ui.ask("What to check (optional):")).trim();
    await runFollowupAdd(ctx, row.id, { in: due, ...(note ? { note } : {}) });
    s.touched.add(row.id);
    s.ui.say(`follow-up in ${due} logged`);
    await pause(s);
    return false;
  },
  async s(session, ctx, row) {
    const note = (await session.ui.ask("Resolved: a note for the log (optional):")).trim();
    await runState(ctx, "resolve", row.id, note ? { note } : {});
    return true;
  },
  async i(s, ctx, row) {
    s.ui.say("Ignore as: [t]roll  s[p]am  n[o]ise  [c]ancel");
    const key = await s.ui.key([...Object.keys(IGNORE_KEYS), "c"]);
    const reason = IGNORE_KEYS[key];
    if (!reason) return false;
    await runState(ctx, "ignore", row.id, { reason });
    return true;
  },
};

/** Template picker → editing with the live weighted length → the linter's verdict → confirm → send. */
async function replyFlow(s: Session, ctx: Context, row: MentionRow): Promise<boolean> {
  const { composeReply, weightedLength } = await import("../core/lint.js");
  const vars = templateVars(s.ctx, s.config, row);
  let draft = await pickTemplate(s, row, "Reply with", "Hola {user}, ");
  for (;;) {
    draft = await s.ui.edit("Reply:", draft, (text) => `${weightedLength(composeReply(text, vars))}/280`);
    if (!draft.trim()) return false;
    const check = await verdict(s, () => runReply(ctx, row.id, { text: draft, dryRun: true, json: true }));
    if (!check) {
      s.ui.say("[e]dit again  [c]ancel");
      if ((await s.ui.key(["e", "c"])) === "e") continue;
      return false;
    }
    const preview = JSON.parse(check) as { state: string; text: string; intent_url?: string; weighted_length?: number };
    if (preview.state === "intent") {
      s.ui.say(`X allows no API reply to a post found by search; post it yourself:\n${preview.intent_url}`);
      await pause(s);
      return false;
    }
    s.ui.say(`\n${preview.text}\n(${preview.weighted_length}/280)`);
    if (!(await s.ui.confirm(`Post this reply to @${row.username} in public?`))) {
      s.ui.say("not sent");
      return false;
    }
    await runReply(ctx, row.id, { text: draft, yes: true, json: true });
    s.ui.say(`replied to @${row.username}`);
    return true;
  }
}

/** The DM text → the checks (DM and public invitation) → confirm → send both. */
async function dmFlow(s: Session, ctx: Context, row: MentionRow): Promise<boolean> {
  const { composeReply, weightedLength } = await import("../core/lint.js");
  const vars = templateVars(s.ctx, s.config, row);
  let draft = await pickTemplate(s, row, "DM with", "Hola {user}, ");
  for (;;) {
    draft = await s.ui.edit("DM:", draft, (text) => `${weightedLength(composeReply(text, vars))} characters`);
    if (!draft.trim()) return false;
    const check = await verdict(s, () => runDm(ctx, row.id, { text: draft, dryRun: true, json: true }));
    if (!check) {
      s.ui.say("[e]dit again  [c]ancel");
      if ((await s.ui.key(["e", "c"])) === "e") continue;
      return false;
    }
    const preview = JSON.parse(check) as { dm: string; invite: string | null };
    s.ui.say(`\nDM: ${preview.dm}${preview.invite ? `\npublic: ${preview.invite}` : ""}`);
    const question = `Send a DM to @${row.username}${preview.invite ? " and post the public invitation" : ""}?`;
    if (!(await s.ui.confirm(question))) {
      s.ui.say("not sent");
      return false;
    }
    const code = await runDm(ctx, row.id, { text: draft, yes: true, json: true });
    s.ui.say(code === 0 ? `moved to DM with @${row.username}` : "the DM was refused");
    return code === 0;
  }
}

/** A dry run of the command: its JSON on success; its warnings and refusal shown, undefined when blocked. */
async function verdict(s: Session, dryRun: () => Promise<number>): Promise<string | undefined> {
  try {
    await dryRun();
    const { out, err } = s.captured.take();
    // the dry run's own "nothing sent" note is not news here; its warnings are
    const warnings = err.split("\n").filter((l) => l.trim() && !l.startsWith("dry run:"));
    s.ui.say(warnings.length ? warnings.join("\n") : "linter: ok");
    return out;
  } catch (e) {
    // a conflict (the case taken, closed, or already answered) is not fixed by editing the text
    if (!(e instanceof XtriageError) || e instanceof InterruptedError || e instanceof ConflictError) throw e;
    const { err } = s.captured.take();
    s.ui.say([err.trim(), `${e.message}${e.hint ? ` (${e.hint})` : ""}`].filter(Boolean).join("\n"));
    return undefined;
  }
}

/** Templates in the case's language first; the draft starts from the one picked, or `blank`. */
async function pickTemplate(s: Session, row: MentionRow, message: string, blank: string): Promise<string> {
  const entries = Object.entries(s.config.templates);
  const fits = entries.filter(([, t]) => !t.lang || t.lang === row.lang);
  const others = entries.filter(([, t]) => t.lang && t.lang !== row.lang);
  const choices = [
    { value: "", name: "(write it myself)" },
    ...[...fits, ...others].map(([name, t]) => ({ value: name, name: `${name}: ${t.text.slice(0, 50)}` })),
  ];
  if (choices.length === 1) return blank;
  const picked = await s.ui.choose(message, choices);
  return picked ? (s.config.templates[picked]?.text ?? blank) : blank;
}
