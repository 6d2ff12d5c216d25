import type { Command } from "commander";
import type { Context } from "../context.js";
import { dueAfter } from "../core/queue.js";
import { Exit, NotFoundError, UsageError } from "../errors.js";
import { type FieldDef, writeFieldHelp, writeJson, writeRecords } from "../io/output.js";
import { caseStore, type FollowupRow, followupStore } from "../store/actions.js";
import { act, addOutputOptions, examples, outputFlags, parseId, parseInteger } from "./options.js";

interface AddOptions {
  in?: string;
  at?: string;
  note?: string;
  json?: boolean;
}

interface ListOptions {
  due?: boolean;
  check?: boolean;
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  fields?: string;
}

const FIELDS: FieldDef<FollowupRow>[] = [
  { name: "id", get: (f) => f.id, kind: "number" },
  { name: "due_at", get: (f) => f.due_at, kind: "time" },
  { name: "case", get: (f) => f.mention_id },
  { name: "user", get: (f) => (f.username ? `@${f.username}` : "") },
  { name: "agent", get: (f) => f.agent },
  { name: "status", get: (f) => f.status },
  { name: "note", get: (f) => f.note },
  { name: "done_at", get: (f) => f.done_at ?? "" },
];

export function register(program: Command, ctx: Context): void {
  const followup = program
    .command("followup")
    .summary("follow up on a case days later: add, list (--due --check for cron), done");
  followup
    .command("add")
    .argument("<id>", "the case (post id or x.com URL)")
    .option("--in <duration>", "due after 90m, 12h, 3d, 2w")
    .option("--at <date>", "due at this date or time (ISO 8601)")
    .option("--note <text>", "what to check")
    .option("--json", "print the result as JSON")
    .addHelpText("after", examples(['xtriage followup add 1861234567890123456 --in 3d --note "¿volvió la fibra?"']))
    .action(act(ctx, (id: string, opts: AddOptions) => runFollowupAdd(ctx, id, opts)));
  addOutputOptions(
    followup
      .command("list")
      .summary("open follow-ups, soonest first")
      .option("--due", "only those due now")
      .option("--check", "exit 7 when any listed follow-up is due (for cron)"),
  ).action(act(ctx, (opts: ListOptions) => runFollowupList(ctx, opts)));
  followup
    .command("done")
    .argument("<fid>", "the follow-up id (followup list shows it)", parseInteger("fid", 1))
    .option("--json", "print the result as JSON")
    .action(act(ctx, (fid: number, opts: { json?: boolean }) => runFollowupDone(ctx, fid, opts)));
}

export async function runFollowupAdd(ctx: Context, idOrUrl: string, opts: AddOptions): Promise<number> {
  const id = parseId(idOrUrl);
  if ((opts.in === undefined) === (opts.at === undefined))
    throw new UsageError("followup add needs --in or --at (one of them)");
  const now = ctx.now();
  const due = opts.in !== undefined ? dueAfter(opts.in, now) : parseDate(opts.at!);
  if (!due) throw new UsageError("--in takes a duration like 90m, 12h, 3d or 2w");
  const db = await ctx.db();
  const agent = ctx.agent();
  const note = opts.note ?? "";
  const fid = db
    .transaction(() => {
      caseStore(db, ctx.now).log({ mentionId: id, kind: "followup", agent, text: note, reason: due.toISOString() });
      return followupStore(db).add(id, due.toISOString(), note, agent, now.toISOString());
    })
    .immediate();
  if (opts.json) writeJson(ctx.io, { id: fid, mention_id: id, due_at: due.toISOString(), note });
  else ctx.io.out.write(`${fid}\n`);
  return 0;
}

function parseDate(value: string): Date | undefined {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError("--at takes a date like 2026-11-23 or 2026-11-23T09:00:00Z");
  return new Date(t);
}

export async function runFollowupList(ctx: Context, opts: ListOptions): Promise<number> {
  if (writeFieldHelp(ctx.io, FIELDS, outputFlags(opts as Record<string, unknown>))) return 0;
  const store = followupStore(await ctx.db());
  const nowIso = ctx.now().toISOString();
  const rows = opts.due ? store.due(nowIso) : store.open();
  await writeRecords(ctx.io, rows, {
    defs: FIELDS,
    tableFields: ["id", "due_at", "case", "user", "agent", "note"],
    flags: outputFlags(opts as Record<string, unknown>),
    now: ctx.now(),
  });
  const due = rows.filter((r) => r.due_at <= nowIso).length;
  if (opts.check && due > 0) {
    if (!ctx.io.quiet) ctx.io.err.write(`${due} follow-up${due === 1 ? " is" : "s are"} due\n`);
    return Exit.attention;
  }
  return 0;
}

export async function runFollowupDone(ctx: Context, fid: number, opts: { json?: boolean }): Promise<number> {
  const store = followupStore(await ctx.db());
  const row = store.get(fid);
  if (!row) throw new NotFoundError(`no follow-up ${fid}`, "xtriage followup list shows them");
  const changed = store.done(fid, ctx.now().toISOString());
  if (opts.json) writeJson(ctx.io, { id: fid, done: true, already: !changed });
  else if (!changed && !ctx.io.quiet) ctx.io.err.write(`follow-up ${fid} was already done\n`);
  return 0;
}
