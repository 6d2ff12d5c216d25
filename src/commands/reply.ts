import { readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import type { Command } from "commander";
import { agentProfile, type Config } from "../config.js";
import type { Context } from "../context.js";
import type { LintInput, LintResult, TemplateVars } from "../core/lint.js";
import { NotFoundError, UsageError, XtriageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { confirmRemote } from "../io/prompter.js";
import { sanitizeText } from "../io/sanitize.js";
import { type CaseStore, caseStore } from "../store/actions.js";
import type { DB } from "../store/db.js";
import type { MentionRow } from "../store/mentions.js";
import { decodeScoreExtras } from "../store/score-json.js";
import type { XClient } from "../x/client.js";
import type { PostPricing } from "../x/cost.js";
import { act, examples, parseId } from "./options.js";

export interface TextOptions {
  text?: string;
  textFile?: string;
  template?: string;
}

export interface ReplyOptions extends TextOptions {
  dryRun?: boolean;
  yes?: boolean;
  force?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): void {
  program
    .command("reply")
    .argument("<id>", "the post to answer (id or x.com URL)")
    .summary("answer a case in public, through the outbox (never posts twice)")
    .description(
      "Post a public reply to a mention. The text is checked first (the customer's @mention, 280\n" +
        "weighted characters, template variables, your signature, no personal or bank data asked in\n" +
        "public, no duplicate of a recent reply). The action is recorded pending before X is called and\n" +
        "sent after, so a crash leaves it visible in `xtriage outbox` and nothing re-sends it by itself.",
    )
    .option("--text <text>", "the reply ({user} {agent} {signature} {case} are filled)")
    .option("--text-file <file>", "read the reply from a file, or - for standard input")
    .option("--template <name>", "a template from the config (xtriage templates list)")
    .option("--dry-run", "check and print the reply; send nothing, record nothing")
    .option("-y, --yes", "confirm without asking (needed when not on a terminal)")
    .option("--force", "reply even if the case already has a reply or is claimed by another agent")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      examples([
        'xtriage reply 1861234567890123456 --text "Hola {user}, ya lo estamos mirando. {signature}" --yes',
        "xtriage reply 1861234567890123456 --template outage_es --dry-run",
      ]),
    )
    .action(act(ctx, (id: string, opts: ReplyOptions) => runReply(ctx, id, opts)));
}

/** The draft from exactly one of --text, --text-file (a file, or - for standard input) or --template. */
export async function readDraft(
  ctx: Context,
  config: Config,
  opts: TextOptions,
  flags = "--text, --text-file or --template",
): Promise<string | undefined> {
  const given = [opts.text, opts.textFile, opts.template].filter((v) => v !== undefined);
  if (given.length > 1) throw new UsageError(`give only one of ${flags}`);
  if (opts.text !== undefined) return opts.text;
  if (opts.textFile === "-") return (await readAll(ctx.io.in)).trim();
  if (opts.textFile !== undefined) {
    try {
      return readFileSync(opts.textFile, "utf8").trim();
    } catch (e) {
      throw new UsageError(`cannot read ${opts.textFile}: ${(e as Error).message}`);
    }
  }
  if (opts.template !== undefined) return templateText(config, opts.template);
  return undefined;
}

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export function templateText(config: Config, name: string): string {
  const t = config.templates[name];
  if (!t) {
    const known = Object.keys(config.templates);
    throw new NotFoundError(
      `no template named ${name}`,
      known.length ? `templates: ${known.join(", ")}` : "add templates to the config file",
    );
  }
  return t.text;
}

export function templateVars(ctx: Context, config: Config, row: { id: string; username: string | null }): TemplateVars {
  const agent = ctx.agent();
  const profile = agentProfile(config, agent);
  return { user: row.username ?? "", agent: profile?.name ?? agent, signature: profile?.signature ?? "", case: row.id };
}

/**
 * What the linter checks about signing: the agent's signature, or, when the config signs its agents'
 * replies, that this agent (not in the config, or in it without one) would post unsigned.
 */
export function signing(ctx: Context, config: Config): Pick<LintInput, "signature" | "unsignedAgent"> {
  const agent = ctx.agent();
  const signature = agentProfile(config, agent)?.signature?.trim() ?? "";
  const signed = Object.entries(config.agents)
    .filter(([, p]) => p.signature?.trim())
    .map(([name]) => name);
  if (signature || signed.length === 0) return { signature };
  return { signature, unsignedAgent: { agent: sanitizeText(agent), agents: signed } };
}

/** Lint problems on stderr; errors stop the action (exit 1) and name the better action. */
export function reportLint(ctx: Context, lint: LintResult, caseId: string): void {
  for (const w of lint.warnings) {
    if (!ctx.io.quiet)
      ctx.io.err.write(`warning: ${w.message}${w.suggest ? ` (${w.suggest.replace("<id>", caseId)})` : ""}\n`);
  }
  if (lint.ok) return;
  for (const e of lint.errors) ctx.io.err.write(`blocked: ${e.message}\n`);
  const suggest = lint.errors.find((e) => e.suggest)?.suggest?.replace("<id>", caseId);
  throw new XtriageError("the reply was not sent", 1, suggest);
}

/** X answers replies only to posts that mention the brand: a search result goes to a human. */
export function intentUrl(inReplyTo: string, text: string): string {
  return `https://x.com/intent/post?in_reply_to=${inReplyTo}&text=${encodeURIComponent(text)}`;
}

export function isFromSearch(row: Pick<MentionRow, "source">): boolean {
  return row.source.startsWith("search");
}

/**
 * How X bills a reply to `row` (x-api.md §5), for the cost ledger: a link costs the most; a reply to
 * a post whose author summoned the brand costs less than a plain post.
 */
export async function replyPricing(
  db: DB,
  config: Config,
  row: Pick<MentionRow, "source" | "text" | "quoted_id">,
  text: string,
): Promise<PostPricing> {
  const [{ containsLink, mentionsUser }, { syncRepo }, { authorsRepo }] = await Promise.all([
    import("../core/lint.js"),
    import("../store/sync.js"),
    import("../store/mentions.js"),
  ]);
  const brand = [...config.accounts, ...syncRepo(db).accounts()];
  const quotedAuthor = row.quoted_id ? authorsRepo(db).referenced(row.quoted_id)?.author_id : undefined;
  // Summoned (x-api.md §2.4): the post is in the brand's mentions timeline, @mentions a brand
  // account, or quotes one of the brand's posts.
  const summonedReply =
    row.source === "mentions" ||
    brand.some((a) => mentionsUser(row.text, a.handle)) ||
    (quotedAuthor !== undefined && brand.some((a) => a.id === quotedAuthor));
  return { containsUrl: containsLink(text), summonedReply };
}

/**
 * Send one remote action through the outbox: pending (checked, in a transaction) → X → sent. An X
 * refusal marks it failed; no answer at all (timeout, cut-off, 5xx) leaves it pending, since it may
 * have been posted: `xtriage outbox` shows it and nothing re-sends it by itself.
 */
export async function sendThroughOutbox<T extends { remoteId: string }>(
  store: CaseStore,
  actionId: number,
  send: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await send();
  } catch (e) {
    // X answered with a refusal (4xx): nothing was posted. No answer, or a 5xx: it may have been.
    const { XNetworkError, XServerError } = await import("../x/errors.js");
    if (!(e instanceof XNetworkError || e instanceof XServerError)) store.failRemote(actionId, (e as Error).message);
    throw e;
  }
  store.completeRemote(actionId, result.remoteId);
  return result;
}

export async function runReply(ctx: Context, idOrUrl: string, opts: ReplyOptions): Promise<number> {
  const id = parseId(idOrUrl);
  const [db, config, { mentionsRepo }, { composeReply, DUPLICATE_WINDOW_MS, lintReply }] = await Promise.all([
    ctx.db(),
    ctx.config(),
    import("../store/mentions.js"),
    // the linter brings twitter-text: loaded for a reply, not for every start that registers this command
    import("../core/lint.js"),
  ]);
  const row = mentionsRepo(db).get(id);
  if (!row) throw new NotFoundError(`no mention with id ${id}`, "xtriage list --status all shows what is stored");
  if (!row.username) throw new UsageError(`the author of ${id} has no known handle to @mention`, "run fetch again");
  const draft = await readDraft(ctx, config, opts);
  if (draft === undefined) throw new UsageError("reply needs --text, --text-file or --template");
  const store = caseStore(db, ctx.now);
  const vars = templateVars(ctx, config, row);
  const text = composeReply(draft, vars);
  const force = opts.force === true;
  if (!isFromSearch(row)) store.checkRemote({ mentionId: id, kind: "reply", agent: ctx.agent() }, force);
  const now = ctx.now();
  const lint = lintReply({
    text,
    customer: row.username ?? "",
    ...signing(ctx, config),
    recent: store.recentReplies(new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString()),
    now,
    target: { label: row.label, followers: row.followers, answerForAudience: answerForAudience(row) },
  });
  reportLint(ctx, lint, id);

  if (isFromSearch(row)) return printIntent(ctx, row, text, opts);

  if (opts.dryRun) {
    if (opts.json) writeJson(ctx.io, { mention_id: id, state: "dry-run", text, weighted_length: lint.weightedLength });
    else ctx.io.out.write(`${sanitizeText(text, "multiline")}\n`);
    if (!ctx.io.quiet) ctx.io.err.write(`dry run: nothing sent (${lint.weightedLength}/280)\n`);
    return 0;
  }
  if (
    !(await confirmRemote(ctx.io, opts.yes, `Post this reply to @${row.username} in public?`, {
      preview: `\n${text}\n(${lint.weightedLength}/280)\n`,
      prompter: ctx.prompter(),
      dryRun: true,
    }))
  ) {
    ctx.io.err.write("not sent\n");
    return 0;
  }
  const pricing = await replyPricing(db, config, row, text);
  const actionId = store.beginRemote({ mentionId: id, kind: "reply", agent: ctx.agent(), text }, force);
  const x: XClient = await ctx.x();
  const sent = await sendThroughOutbox(store, actionId, async () => {
    const r = await x.reply(text, id, pricing);
    return { remoteId: r.id };
  }).catch((e) => rethrowReplyError(e, row, text, actionId));
  const url = `https://x.com/i/web/status/${sent.remoteId}`;
  if (opts.json)
    writeJson(ctx.io, { action_id: actionId, mention_id: id, state: "sent", remote_id: sent.remoteId, url, text });
  else ctx.io.out.write(`${sent.remoteId}\n`);
  if (!ctx.io.quiet && !opts.json) ctx.io.err.write(`replied to @${sanitizeText(row.username ?? "")}: ${url}\n`);
  return 0;
}

function answerForAudience(row: MentionRow): boolean {
  return decodeScoreExtras(row.score_json).answerForAudience === true;
}

function printIntent(ctx: Context, row: MentionRow, text: string, opts: ReplyOptions): number {
  const url = intentUrl(row.id, text);
  if (opts.json) writeJson(ctx.io, { mention_id: row.id, state: "intent", intent_url: url, text });
  else ctx.io.out.write(`${url}\n`);
  if (!ctx.io.quiet) {
    ctx.io.err.write(
      "this post was found by search and does not mention the brand: X allows no API reply to it.\n" +
        "Open the link above to post the reply yourself (nothing was sent or recorded).\n",
    );
  }
  return 0;
}

async function rethrowReplyError(e: unknown, row: MentionRow, text: string, actionId: number): Promise<never> {
  const { XForbiddenError, XRateLimitError } = await import("../x/errors.js");
  if (e instanceof XRateLimitError) {
    throw e.withHint(`the reply is kept as failed: once the window resets, xtriage outbox retry ${actionId}`);
  }
  if (e instanceof XForbiddenError && e.reason === "not-summoned") {
    throw new XtriageError(e.message, e.exitCode, `post it yourself: ${intentUrl(row.id, text)}`);
  }
  if (e instanceof XForbiddenError && e.reason === "duplicate") {
    throw new XtriageError(e.message, e.exitCode, "change the wording and try again");
  }
  throw e;
}
