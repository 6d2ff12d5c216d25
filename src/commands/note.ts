import type { Command } from "commander";
import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { caseStore } from "../store/actions.js";
import { act, parseId } from "./options.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("note")
    .argument("<id>", "the case (post id or x.com URL)")
    .argument("<text...>", "the note")
    .summary("add a private note to a case's log (never sent to X)")
    .option("--json", "print the result as JSON")
    .action(
      act(ctx, (id: string, words: string[], opts: { json?: boolean }) => runNote(ctx, id, words.join(" "), opts)),
    );
}

export async function runNote(ctx: Context, idOrUrl: string, text: string, opts: { json?: boolean }): Promise<number> {
  const id = parseId(idOrUrl);
  if (!text.trim()) throw new UsageError("the note is empty");
  const actionId = caseStore(await ctx.db(), ctx.now).log({ mentionId: id, kind: "note", agent: ctx.agent(), text });
  if (opts.json) writeJson(ctx.io, { mention_id: id, action_id: actionId });
  return 0;
}
