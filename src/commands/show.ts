import type { Command } from "commander";
import type { Context } from "../context.js";
import { priorityAfterWaiting } from "../core/score/priority.js";
import type { SlaClock } from "../core/sla.js";
import { NotFoundError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import { shortAge } from "../io/time.js";
import {
  type ActionRow,
  type AuthorRow,
  actionsRepo,
  authorsRepo,
  type MentionRow,
  mentionsRepo,
} from "../store/mentions.js";
import { postUrl, scoreExtras, signed } from "./mention-fields.js";
import { act, examples, parseId } from "./options.js";
import { queueClocks } from "./sla-clocks.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("show")
    .argument("<id>", "post id (or its x.com URL)")
    .summary("show one mention: the post, its author, scores with reasons, the thread, the actions")
    .option("--json", "print everything as one JSON object")
    .addHelpText(
      "after",
      examples(["xtriage show 1861234567890123456", "xtriage show 1861234567890123456 --json | jq .reasons"]),
    )
    .action(act(ctx, (id: string, opts: { json?: boolean }) => runShow(ctx, id, opts)));
}

interface ThreadEntry {
  id: string;
  kind: "post" | "mention" | "reply" | "dm";
  author: string;
  created_at: string;
  text: string;
  current: boolean;
}

export async function runShow(ctx: Context, idOrUrl: string, opts: { json?: boolean }): Promise<number> {
  const id = parseId(idOrUrl);
  const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
  const mentions = mentionsRepo(db);
  const authors = authorsRepo(db);
  const actions = actionsRepo(db);
  const row = mentions.get(id);
  if (!row) throw new NotFoundError(`no mention with id ${id}`, "xtriage list --status all shows what is stored");
  const now = ctx.now();
  const author = authors.get(row.author_id);
  const extras = scoreExtras(row);
  const answered = row.first_response_at !== null || row.status === "resolved" || row.status === "ignored";
  const effective = answered
    ? (row.priority ?? 0)
    : waitingPriority(queueClocks(db, config, now, ctx.env).clockFor(row.account_id), row, now);
  const thread = threadOf(row.conversation_id, row.id, mentions, authors, actions);
  const history = actions.forMention(row.id);

  if (opts.json) {
    writeJson(ctx.io, {
      id: row.id,
      url: postUrl(row),
      text: row.text,
      lang: row.lang,
      created_at: row.created_at,
      status: row.status,
      assignee: row.assignee,
      source: row.source,
      conversation_id: row.conversation_id,
      metrics: JSON.parse(row.metrics),
      author: author ? authorJson(author) : { id: row.author_id },
      scores: {
        priority: effective,
        base_priority: row.priority,
        urgency: row.urgency,
        reach: row.reach,
        troll: row.troll,
        label: row.label,
        complaint: row.complaint,
        sentiment: row.sentiment,
        answer_for_audience: extras.answerForAudience ?? false,
      },
      hashtags: extras.hashtags ?? [],
      reasons: extras.reasons ?? [],
      thread,
      actions: history.map(actionJson),
    });
    return 0;
  }

  const chalk = await paint(ctx);
  const out: string[] = [];
  const who = row.username ? `@${row.username}` : row.author_id;
  const name = author?.name ? ` (${clean(author.name)})` : "";
  out.push(
    `${chalk.bold(clean(who))}${name} · ${shortAge(row.created_at, now)} ago · ${row.lang || "?"} · ${row.status}${
      row.assignee ? ` · claimed by ${clean(row.assignee)}` : ""
    }`,
  );
  out.push("", indent(sanitizeText(row.text, "multiline")), "", chalk.dim(postUrl(row)), "");
  if (author) out.push(...authorCard(author, now, chalk.bold("Author")));
  out.push("", chalk.bold("Scores"));
  out.push(
    `  priority ${effective}${effective !== row.priority ? ` (base ${row.priority}, raised by waiting)` : ""}` +
      `  urgency ${row.urgency}  reach ${row.reach}  troll ${fmt(row.troll)} (${row.label})` +
      `  complaint ${fmt(row.complaint)}  sentiment ${fmt(row.sentiment)}`,
  );
  if (extras.answerForAudience)
    out.push(`  ${chalk.yellow("a troll with a large audience: answer once, calmly, for them")}`);
  if (extras.hashtags?.length) {
    const tags = extras.hashtags.map(
      (h) => `#${clean(h.tag)}${h.crisis ? " (crisis)" : h.popular ? " (popular)" : ""}`,
    );
    out.push(`  hashtags ${tags.join(" ")}`);
  }
  if (extras.reasons?.length) {
    out.push("", chalk.bold("Reasons"));
    for (const r of extras.reasons)
      out.push(`  ${r.field.padEnd(9)} ${signed(r.weight).padStart(6)}  ${clean(r.text)}`);
  }
  if (thread.length > 1) {
    out.push("", chalk.bold("Thread"));
    for (const t of thread) {
      const marker = t.current ? chalk.cyan("▶") : " ";
      out.push(`${marker} ${clean(t.author)} · ${shortAge(t.created_at, now)} · ${clean(t.text).slice(0, 200)}`);
    }
  }
  out.push("", chalk.bold("Actions"));
  if (history.length === 0) out.push("  none yet");
  for (const a of history) out.push(`  ${actionLine(a, now)}`);
  ctx.io.out.write(`${out.join("\n")}\n`);
  return 0;
}

const clean = (s: string) => sanitizeText(s, "line");
const fmt = (v: number | null) => (v === null ? "?" : v.toFixed(2));
const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");

async function paint(ctx: Context) {
  const { Chalk } = await import("chalk");
  return new Chalk({ level: ctx.io.colorOut ? 1 : 0 });
}

function authorCard(a: AuthorRow, now: Date, title: string): string[] {
  const facts = [
    `@${clean(a.username)}`,
    clean(a.name),
    `${a.followers.toLocaleString("en")} followers`,
    `following ${a.following.toLocaleString("en")}`,
    `${a.posts.toLocaleString("en")} posts`,
    `listed ${a.listed}`,
    a.verified ? `verified${a.verified_type ? ` (${clean(a.verified_type)})` : ""}` : "",
    a.created_at ? `joined ${a.created_at.slice(0, 10)} (${shortAge(a.created_at, now)} ago)` : "",
  ].filter(Boolean);
  const lines = [`${title}  ${facts.join(" · ")}`];
  if (a.description) lines.push(`        bio: ${clean(a.description)}`);
  if (a.location) lines.push(`        location: ${clean(a.location)}`);
  return lines;
}

function authorJson(a: AuthorRow) {
  return {
    id: a.id,
    username: a.username,
    name: a.name,
    description: a.description,
    location: a.location,
    created_at: a.created_at,
    followers: a.followers,
    following: a.following,
    posts: a.posts,
    listed: a.listed,
    verified: a.verified === 1,
    verified_type: a.verified_type,
  };
}

function actionJson(a: ActionRow) {
  return {
    id: a.id,
    kind: a.kind,
    agent: a.agent,
    state: a.state,
    text: a.text,
    reason: a.reason,
    target: a.target,
    remote_id: a.remote_id,
    error: a.error,
    created_at: a.created_at,
  };
}

function actionLine(a: ActionRow, now: Date): string {
  const detail = [
    a.target && `to ${a.target}`,
    a.reason && `(${a.reason})`,
    a.text && `“${a.text}”`,
    a.error && `error: ${a.error}`,
  ]
    .filter(Boolean)
    .map((s) => clean(String(s)));
  return `${a.created_at.slice(0, 16).replace("T", " ")} (${shortAge(a.created_at, now)} ago) ${clean(a.agent)} ${a.kind} [${a.state}] ${detail.join(" ")}`;
}

/** The conversation as one timeline: posts it refers to, mentions in it, and our replies and DMs. */
function threadOf(
  conversationId: string,
  currentId: string,
  mentions: ReturnType<typeof mentionsRepo>,
  authors: ReturnType<typeof authorsRepo>,
  actions: ReturnType<typeof actionsRepo>,
): ThreadEntry[] {
  if (!conversationId) return [];
  const handle = (authorId: string) => {
    const a = authors.get(authorId);
    return a?.username ? `@${a.username}` : authorId;
  };
  const entries: ThreadEntry[] = [];
  const seen = new Set<string>();
  for (const r of authors.referencedInConversation(conversationId)) {
    seen.add(r.id);
    entries.push({
      id: r.id,
      kind: "post",
      author: handle(r.author_id),
      created_at: r.created_at,
      text: r.text,
      current: false,
    });
  }
  for (const m of mentions.conversation(conversationId)) {
    if (seen.has(m.id)) continue;
    entries.push({
      id: m.id,
      kind: "mention",
      author: m.username ? `@${m.username}` : m.author_id,
      created_at: m.created_at,
      text: m.text,
      current: m.id === currentId,
    });
  }
  for (const a of actions.repliesInConversation(conversationId)) {
    if (a.state !== "sent" && a.state !== "done") continue;
    entries.push({
      id: a.remote_id ?? `action-${a.id}`,
      kind: a.kind === "dm" ? "dm" : "reply",
      author: a.agent,
      created_at: a.created_at,
      text: a.text,
      current: false,
    });
  }
  return entries.sort((x, y) => x.created_at.localeCompare(y.created_at));
}

/** The priority shown: the stored one raised by the wait on the account's SLA clock, as in `list`. */
function waitingPriority(clock: SlaClock, row: MentionRow, now: Date): number {
  const created = Date.parse(row.created_at);
  const waited = Number.isNaN(created) ? 0 : clock.waited(created, now.getTime());
  return Math.round(priorityAfterWaiting(row.priority ?? 0, waited, clock));
}
