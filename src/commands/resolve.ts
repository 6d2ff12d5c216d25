import type { Command } from "commander";
import type { Context } from "../context.js";
import { type CaseAction, IGNORE_REASONS } from "../core/queue.js";
import { UsageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { caseStore } from "../store/actions.js";
import { act, parseId } from "./options.js";

interface StateOptions {
  reason?: string;
  note?: string;
  force?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  if (program.commands.some((c) => c.name() === "resolve")) return; // one module, three commands
  program
    .command("resolve")
    .argument("<id>", "the case (post id or x.com URL)")
    .summary("close a case: the customer's problem is solved")
    .option("--note <text>", "why, for the log")
    .option("--force", "even if another agent holds it")
    .option("--json", "print the result as JSON")
    .action(act(ctx, (id: string, opts: StateOptions) => runState(ctx, "resolve", id, opts)));
  program
    .command("ignore")
    .argument("<id>", "the case (post id or x.com URL)")
    .summary("close a case without answering: a troll, spam or noise")
    .requiredOption("--reason <reason>", `one of ${IGNORE_REASONS.join(", ")}`)
    .option("--force", "even if another agent holds it")
    .option("--json", "print the result as JSON")
    .action(act(ctx, (id: string, opts: StateOptions) => runState(ctx, "ignore", id, opts)));
  program
    .command("reopen")
    .argument("<id>", "the case (post id or x.com URL)")
    .summary("open a resolved or ignored case again")
    .option("--note <text>", "why, for the log")
    .option("--force", "even if another agent holds it")
    .option("--json", "print the result as JSON")
    .action(act(ctx, (id: string, opts: StateOptions) => runState(ctx, "reopen", id, opts)));
}

export async function runState(
  ctx: Context,
  kind: Extract<CaseAction, "resolve" | "ignore" | "reopen">,
  idOrUrl: string,
  opts: StateOptions,
): Promise<number> {
  const id = parseId(idOrUrl);
  if (kind === "ignore" && !IGNORE_REASONS.includes(opts.reason as (typeof IGNORE_REASONS)[number])) {
    throw new UsageError(`--reason must be one of ${IGNORE_REASONS.join(", ")}`);
  }
  const store = caseStore(await ctx.db(), ctx.now);
  const result = store.act(
    {
      mentionId: id,
      kind,
      agent: ctx.agent(),
      ...(opts.reason ? { reason: opts.reason } : {}),
      ...(opts.note ? { text: opts.note } : {}),
    },
    opts.force === true,
  );
  if (opts.json) writeJson(ctx.io, { mention_id: id, action_id: result.actionId, status: result.status });
  else if (!ctx.io.quiet) ctx.io.err.write(`case ${id} is now ${result.status}\n`);
  return 0;
}
