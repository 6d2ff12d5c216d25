import type { Command } from "commander";
import type { Context } from "../context.js";
import type { FieldDef } from "../io/output.js";
import { writeFieldHelp, writeRecords } from "../io/output.js";
import type { CostLine } from "../store/sync.js";
import { act, addOutputOptions, examples, parseSince } from "./options.js";

const fields: FieldDef<CostLine>[] = [
  { name: "day", get: (r) => r.day },
  { name: "endpoint", get: (r) => r.endpoint },
  { name: "calls", kind: "number", get: (r) => r.calls },
  { name: "errors", kind: "number", get: (r) => r.errors },
  { name: "posts", kind: "number", get: (r) => r.posts },
  { name: "users", kind: "number", get: (r) => r.users },
  { name: "dm_events", kind: "number", get: (r) => r.dm_events },
  { name: "cost_usd", kind: "number", get: (r) => r.cost_usd, plain: (v) => (v as number).toFixed(4) },
];

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command("cost")
    .summary("estimated X API spend, by day and endpoint, from the call ledger")
    .description(
      "Every call to X is recorded with what it returned and its estimated cost (pay-per-use prices,\n" +
        "overridable under prices: in the config). Estimates are upper bounds: X bills a resource once a day.",
    )
    .option("--since <when>", "from 24h, 7d, 30d … or a date (default 30d)")
    .option("--until <when>", "up to this duration ago or date (default now)");
  addOutputOptions(cmd)
    .addHelpText("after", examples(["xtriage cost", "xtriage cost --since 7d --json | jq 'map(.cost_usd) | add'"]))
    .action(act(ctx, (opts: { since?: string; until?: string }) => runCost(ctx, opts)));
}

export async function runCost(
  ctx: Context,
  opts: { since?: string; until?: string; json?: boolean; ndjson?: boolean; csv?: boolean; fields?: string },
): Promise<number> {
  const flags = {
    json: opts.json,
    ndjson: opts.ndjson,
    csv: opts.csv,
    ...(opts.fields ? { fields: opts.fields } : {}),
  };
  if (writeFieldHelp(ctx.io, fields, flags)) return 0;
  const now = ctx.now();
  const since = parseSince(opts.since ?? "30d", now);
  const until = opts.until ? parseSince(opts.until, now, "--until") : new Date(now.getTime() + 1000).toISOString();
  const [db, { ledgerRepo }] = await Promise.all([ctx.db(), import("../store/sync.js")]);
  const lines = ledgerRepo(db).report(since, until);
  await writeRecords(ctx.io, lines, {
    defs: fields,
    flags,
    tableFields: fields.map((f) => f.name),
    now,
  });
  if (ctx.io.stdoutIsTTY && !ctx.io.quiet) {
    const total = lines.reduce((sum, l) => sum + l.cost_usd, 0);
    ctx.io.err.write(
      lines.length ? `total: $${total.toFixed(4)} (estimated)\n` : "no calls to X recorded in this period\n",
    );
  }
  return 0;
}
