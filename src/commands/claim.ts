import type { Command } from "commander";
import type { Context } from "../context.js";
import { ConflictError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import { type CaseRow, caseStore } from "../store/actions.js";
import { act, examples, parseId } from "./options.js";

interface ClaimOptions {
  force?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  if (program.commands.some((c) => c.name() === "claim")) return; // one module, three commands
  program
    .command("claim")
    .argument("<id>", "the case (post id or x.com URL)")
    .summary("take a case: other agents cannot act on it without --force")
    .option("--force", "take it even if another agent holds it")
    .option("--json", "print the case as JSON")
    .action(act(ctx, (id: string, opts: ClaimOptions) => runClaim(ctx, id, opts)));
  program
    .command("release")
    .argument("<id>", "the case (post id or x.com URL)")
    .summary("give a case back to the queue")
    .option("--force", "release it even if another agent holds it")
    .option("--json", "print the case as JSON")
    .action(act(ctx, (id: string, opts: ClaimOptions) => runRelease(ctx, id, opts)));
  program
    .command("next")
    .summary("claim the highest-priority unclaimed case for you and show it (piped: its id)")
    .option("--json", "print the case as JSON")
    .addHelpText("after", examples(["xtriage next", "id=$(xtriage next) && xtriage show $id"]))
    .action(act(ctx, (opts: ClaimOptions) => runNext(ctx, opts)));
}

function print(ctx: Context, row: CaseRow, json: boolean | undefined): void {
  if (json) writeJson(ctx.io, { id: row.id, username: row.username, status: row.status, assignee: row.assignee });
  else ctx.io.out.write(`${row.id}\n`);
}

export async function runClaim(ctx: Context, idOrUrl: string, opts: ClaimOptions): Promise<number> {
  const store = caseStore(await ctx.db(), ctx.now);
  const row = store.claim(parseId(idOrUrl), ctx.agent(), opts.force === true);
  print(ctx, row, opts.json);
  return 0;
}

export async function runRelease(ctx: Context, idOrUrl: string, opts: ClaimOptions): Promise<number> {
  const store = caseStore(await ctx.db(), ctx.now);
  const row = store.release(parseId(idOrUrl), ctx.agent(), opts.force === true);
  print(ctx, row, opts.json);
  return 0;
}

/** Claims the first waiting, unclaimed case whose customer is not another agent's (sticky owner). */
export async function runNext(ctx: Context, opts: ClaimOptions): Promise<number> {
  const db = await ctx.db();
  const { mentionsRepo } = await import("../store/mentions.js");
  const store = caseStore(db, ctx.now);
  const agent = ctx.agent();
  const candidates = [
    ...mentionsRepo(db).list({ statuses: ["new", "pending"], assignee: "none", order: "priority", limit: 200 }),
  ];
  for (const m of candidates) {
    const owner = store.lastHandler(m.author_id);
    if (owner && owner !== agent) continue;
    let claimed: CaseRow;
    try {
      claimed = store.claim(m.id, agent, false);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e; // another agent took it first: try the next one
      continue;
    }
    if (!ctx.io.quiet && !opts.json) ctx.io.err.write(`claimed @${sanitizeText(m.username ?? m.author_id)}\n`);
    // a person at a terminal gets the case to work on; scripts (piped) keep reading the bare id
    if (ctx.io.stdoutIsTTY && !opts.json) return (await import("./show.js")).runShow(ctx, claimed.id, {});
    print(ctx, claimed, opts.json);
    return 0;
  }
  if (!ctx.io.quiet) ctx.io.err.write("no unclaimed case waiting\n");
  return 0;
}
