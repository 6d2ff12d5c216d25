import type { Command } from "commander";
import type { Context } from "../context.js";
import { NotFoundError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import { customerStore } from "../store/actions.js";
import { act, examples } from "./options.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("user")
    .argument("<who>", "@handle or user id")
    .summary("a customer's whole history with the brand: posts, actions, follow-ups, labels, outcomes")
    .option("--json", "print everything as one JSON object")
    .addHelpText("after", examples(["xtriage user @anaprz_mad", "xtriage user @anaprz_mad --json | jq .actions"]))
    .action(act(ctx, (who: string, opts: { json?: boolean }) => runUser(ctx, who, opts)));
}

export async function runUser(ctx: Context, who: string, opts: { json?: boolean }): Promise<number> {
  const store = customerStore(await ctx.db());
  const author = store.find(who);
  if (!author) throw new NotFoundError(`no customer ${sanitizeText(who)} in the database`);
  const posts = store.posts(author.id);
  const actions = store.actions(author.id);
  const followups = store.followups(author.id);
  const labels = countBy(posts.map((p) => p.label ?? "unscored"));
  const outcomes = countBy(posts.map((p) => p.status));
  const agentVerdicts = countBy(actions.filter((a) => a.kind === "ignore").map((a) => a.reason));
  if (opts.json) {
    writeJson(ctx.io, {
      author: { ...author, verified: author.verified === 1 },
      posts,
      actions,
      followups,
      labels,
      outcomes,
      ignored_as: agentVerdicts,
    });
    return 0;
  }
  const clean = (s: string) => sanitizeText(s, "line");
  const out: string[] = [
    `@${clean(author.username)} (${clean(author.name)}) · ${author.followers.toLocaleString("en")} followers${author.verified ? " · verified" : ""}`,
    `  ${posts.length} posts · labels ${describe(labels)} · outcomes ${describe(outcomes)}`,
    "",
    "Posts",
  ];
  for (const p of posts) {
    out.push(
      `  ${p.created_at.slice(0, 16).replace("T", " ")} ${p.id} [${p.status}${p.assignee ? ` · ${clean(p.assignee)}` : ""}] ${clean(p.text).slice(0, 160)}`,
    );
  }
  out.push("", "Actions");
  if (actions.length === 0) out.push("  none yet");
  for (const a of actions) {
    const detail = [a.target && `to ${a.target}`, a.reason && `(${a.reason})`, a.text && `“${a.text}”`]
      .filter(Boolean)
      .map((s) => clean(String(s)));
    out.push(
      `  ${a.created_at.slice(0, 16).replace("T", " ")} ${clean(a.agent)} ${a.kind} [${a.state}] on ${a.mention_id} ${detail.join(" ")}`,
    );
  }
  out.push("", "Follow-ups");
  if (followups.length === 0) out.push("  none");
  for (const f of followups) {
    out.push(
      `  #${f.id} due ${f.due_at.slice(0, 16).replace("T", " ")} ${f.done_at ? "done" : "open"} ${clean(f.agent)} ${clean(f.note)}`,
    );
  }
  ctx.io.out.write(`${out.join("\n")}\n`);
  return 0;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

function describe(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ") || "none"
  );
}
