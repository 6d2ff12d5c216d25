import type { Command } from "commander";
import type { Context } from "../context.js";
import { ConflictError, NotFoundError, UsageError, XtriageError } from "../errors.js";
import { type FieldDef, writeFieldHelp, writeJson, writeRecords } from "../io/output.js";
import { confirmRemote } from "../io/prompter.js";
import { type CaseStore, caseStore } from "../store/actions.js";
import type { DB } from "../store/db.js";
import type { ActionRow, MentionRow } from "../store/mentions.js";
import { act, addOutputOptions, outputFlags, parseInteger } from "./options.js";
import { replyPricing, sendThroughOutbox } from "./reply.js";

const FIELDS: FieldDef<ActionRow>[] = [
  { name: "id", get: (a) => a.id, kind: "number" },
  { name: "state", get: (a) => a.state },
  { name: "kind", get: (a) => a.kind },
  { name: "case", get: (a) => a.mention_id },
  { name: "agent", get: (a) => a.agent },
  { name: "created_at", get: (a) => a.created_at, kind: "time" },
  { name: "text", get: (a) => a.text, flexible: true },
  { name: "error", get: (a) => a.error ?? "" },
];

interface RetryOptions {
  yes?: boolean;
  force?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  const outbox = addOutputOptions(
    program
      .command("outbox")
      .summary("replies and DMs not confirmed sent: pending (maybe posted) and failed")
      .description(
        "A pending action was recorded before calling X and never confirmed: the process died or X did\n" +
          "not answer, so it may or may not have been posted. Nothing re-sends it by itself; check the\n" +
          "conversation on X, then `outbox retry <action> --force` if it really was not posted.",
      ),
  ).action(act(ctx, (opts: Record<string, unknown>) => runOutbox(ctx, opts)));
  outbox
    .command("retry")
    .argument("<action>", "the action id (outbox lists them)", parseInteger("action", 1))
    .option("-y, --yes", "confirm without asking (needed when not on a terminal)")
    .option("--force", "retry a pending action (it may already be on X)")
    .option("--json", "print the result as JSON")
    .action(act(ctx, (id: number, opts: RetryOptions) => runOutboxRetry(ctx, id, opts)));
}

export async function runOutbox(ctx: Context, opts: Record<string, unknown>): Promise<number> {
  if (writeFieldHelp(ctx.io, FIELDS, outputFlags(opts))) return 0;
  const rows = caseStore(await ctx.db(), ctx.now).outbox();
  await writeRecords(ctx.io, rows, {
    defs: FIELDS,
    tableFields: ["id", "state", "kind", "case", "agent", "created_at", "text", "error"],
    flags: outputFlags(opts),
    now: ctx.now(),
  });
  return 0;
}

export async function runOutboxRetry(ctx: Context, actionId: number, opts: RetryOptions): Promise<number> {
  const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
  const store = caseStore(db, ctx.now);
  const action = store.action(actionId);
  if (!action) throw new NotFoundError(`no action ${actionId}`, "xtriage outbox lists them");
  const kind = action.kind;
  if (kind !== "reply" && kind !== "dm") throw new UsageError(`action ${actionId} is a ${kind}, not sent to X`);
  if (action.state === "sent") throw new ConflictError(`action ${actionId} was already sent (${action.remote_id})`);
  if (action.state === "pending" && !opts.force) {
    throw new ConflictError(
      `action ${actionId} is pending: it may already be on X`,
      "check the conversation on X; pass --force to send it again",
    );
  }
  const force = opts.force === true;
  // The rules `reply` and `dm` apply: no second reply to a case without --force, no duplicate text.
  store.checkRemote({ mentionId: action.mention_id, kind, agent: ctx.agent() }, force);
  const row = kind === "reply" ? await replyTarget(db, action) : undefined;
  if (row) await checkNotDuplicate(ctx, store, action);
  if (
    !(await confirmRemote(ctx.io, opts.yes, `Send action ${actionId} (${kind}) again?`, {
      preview: `\n${action.text}\n`,
      prompter: ctx.prompter(),
    }))
  )
    return 0;
  const pricing = row ? await replyPricing(db, config, row, action.text) : undefined;
  store.retryRemote(actionId, ctx.agent(), force);
  const x = await ctx.x();
  const sent = await sendThroughOutbox(store, actionId, async () =>
    pricing
      ? { remoteId: (await x.reply(action.text, action.mention_id, pricing)).id }
      : { remoteId: (await x.sendDm(action.target, action.text)).dmEventId },
  );
  if (opts.json) writeJson(ctx.io, { action_id: actionId, state: "sent", remote_id: sent.remoteId });
  else ctx.io.out.write(`${sent.remoteId}\n`);
  return 0;
}

async function replyTarget(db: DB, action: ActionRow): Promise<MentionRow> {
  const { mentionsRepo } = await import("../store/mentions.js");
  const row = mentionsRepo(db).get(action.mention_id);
  if (!row) throw new NotFoundError(`no mention with id ${action.mention_id}`);
  return row;
}

/** The linter's duplicate rule, as `reply` runs it: X refuses a text the brand posted recently. */
async function checkNotDuplicate(ctx: Context, store: CaseStore, action: ActionRow): Promise<void> {
  const { DUPLICATE_WINDOW_MS, duplicateIssue } = await import("../core/lint.js");
  const now = ctx.now();
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  const duplicate = duplicateIssue(action.text, store.recentReplies(since, action.id), now);
  if (!duplicate) return;
  ctx.io.err.write(`blocked: ${duplicate.message}\n`);
  throw new XtriageError(
    `action ${action.id} was not sent`,
    1,
    `reply again in other words: xtriage reply ${action.mention_id} --text …`,
  );
}
