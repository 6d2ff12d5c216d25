import type { Command } from "commander";
import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { caseStore } from "../store/actions.js";
import { act, examples, parseId } from "./options.js";

interface EscalateOptions {
  to?: string;
  note?: string;
  force?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  program
    .command("escalate")
    .argument("<id>", "the case (post id or x.com URL)")
    .summary("hand a case to a colleague or a team; it becomes theirs")
    .requiredOption("--to <person|role>", "who takes it (an agent name, or a role such as billing)")
    .option("--note <text>", "what they need to know")
    .option("--force", "even if another agent holds it")
    .option("--json", "print the result as JSON")
    .addHelpText("after", examples(['xtriage escalate 1861234567890123456 --to billing --note "double charge"']))
    .action(act(ctx, (id: string, opts: EscalateOptions) => runEscalate(ctx, id, opts)));
}

export async function runEscalate(ctx: Context, idOrUrl: string, opts: EscalateOptions): Promise<number> {
  const id = parseId(idOrUrl);
  const to = opts.to?.trim();
  if (!to) throw new UsageError("escalate needs --to <person|role>");
  const result = caseStore(await ctx.db(), ctx.now).act(
    { mentionId: id, kind: "escalate", agent: ctx.agent(), target: to, ...(opts.note ? { text: opts.note } : {}) },
    opts.force === true,
  );
  if (opts.json) writeJson(ctx.io, { mention_id: id, action_id: result.actionId, status: result.status, assignee: to });
  else if (!ctx.io.quiet) ctx.io.err.write(`case ${id} escalated to ${to}\n`);
  return 0;
}
