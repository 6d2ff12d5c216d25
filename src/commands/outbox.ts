import type { Command } from "commander";
import type { Context } from "../context.js";
import { ConflictError, UsageError } from "../errors.js";
import { type FieldDef, writeJson, writeRecords } from "../io/output.js";
import { confirmRemote } from "../io/prompter.js";
import { caseStore } from "../store/actions.js";
import type { ActionRow } from "../store/mentions.js";
import { act, addOutputOptions, outputFlags, parseInteger } from "./options.js";
import { sendThroughOutbox } from "./reply.js";

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
  const db = await ctx.db();
  const store = caseStore(db, ctx.now);
  const action = store.action(actionId);
  if (!action) throw new UsageError(`no action ${actionId}`, "xtriage outbox lists them");
  if (action.kind !== "reply" && action.kind !== "dm")
    throw new UsageError(`action ${actionId} is a ${action.kind}, not sent to X`);
  if (action.state === "sent") throw new ConflictError(`action ${actionId} was already sent (${action.remote_id})`);
  if (action.state === "pending" && !opts.force) {
    throw new ConflictError(
      `action ${actionId} is pending: it may already be on X`,
      "check the conversation on X; pass --force to send it again",
    );
  }
  if (
    !(await confirmRemote(
      ctx.io,
      opts.yes,
      `Send action ${actionId} (${action.kind}) again?`,
      `\n${action.text}\n`,
      ctx.prompter(),
    ))
  )
    return 0;
  store.retryRemote(actionId);
  const x = await ctx.x();
  const sent = await sendThroughOutbox(store, actionId, async () =>
    action.kind === "reply"
      ? { remoteId: (await x.reply(action.text, action.mention_id)).id }
      : { remoteId: (await x.sendDm(action.target, action.text)).dmEventId },
  );
  if (opts.json) writeJson(ctx.io, { action_id: actionId, state: "sent", remote_id: sent.remoteId });
  else ctx.io.out.write(`${sent.remoteId}\n`);
  return 0;
}
