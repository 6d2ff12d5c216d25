import type { Command } from "commander";
import type { Context } from "../context.js";
import { NotFoundError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { confirmRemote } from "../io/prompter.js";
import { sanitizeText } from "../io/sanitize.js";
import { customerStore } from "../store/actions.js";
import { act, examples } from "./options.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("forget")
    .argument("<who>", "@handle or user id")
    .summary("delete a customer's data everywhere: posts, actions, follow-ups, profile (right to erasure)")
    .option("-y, --yes", "confirm without asking (needed when not on a terminal)")
    .option("--json", "print what was deleted as JSON")
    .addHelpText("after", examples(["xtriage forget @someone --yes"]))
    .action(act(ctx, (who: string, opts: { yes?: boolean; json?: boolean }) => runForget(ctx, who, opts)));
}

export async function runForget(ctx: Context, who: string, opts: { yes?: boolean; json?: boolean }): Promise<number> {
  const store = customerStore(await ctx.db());
  const author = store.find(who);
  if (!author) throw new NotFoundError(`no customer ${sanitizeText(who)} in the database`);
  const question = `Delete everything stored about @${sanitizeText(author.username)}? This cannot be undone`;
  if (!(await confirmRemote(ctx.io, opts.yes, question, { prompter: ctx.prompter() }))) return 0;
  const deleted = store.forget(author);
  if (opts.json) writeJson(ctx.io, { id: author.id, username: author.username, deleted });
  else if (!ctx.io.quiet) {
    const parts = Object.entries(deleted).map(([table, n]) => `${table} ${n}`);
    ctx.io.err.write(`forgot @${sanitizeText(author.username)}: ${parts.join(", ")}\n`);
  }
  return 0;
}
