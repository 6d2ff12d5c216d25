import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Context } from "../context.js";
import { NotFoundError, UsageError, XtriageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { confirmRemote } from "../io/prompter.js";
import { sanitizeText } from "../io/sanitize.js";
import { caseStore } from "../store/actions.js";
import type { MentionRow } from "../store/mentions.js";
import { act, examples, parseId } from "./options.js";
import {
  isFromSearch,
  type ReplyOptions,
  readDraft,
  replyPricing,
  reportLint,
  sendThroughOutbox,
  signing,
  templateText,
  templateVars,
} from "./reply.js";

export interface DmOptions extends ReplyOptions {
  invite?: string;
  public?: boolean;
  inviteAnyway?: boolean;
}

export function register(program: Command, ctx: Context): void {
  program
    .command("dm")
    .argument("<id>", "the post whose author gets the DM (id or x.com URL)")
    .summary("move a case to DM: the DM itself, then a short public reply inviting to it")
    .description(
      "Send the customer a direct message, then (unless --no-public) a short public reply from the\n" +
        "dm_invite template saying you wrote to them. If the customer does not accept DMs, nothing is\n" +
        "posted and the case stays as it was (--invite-anyway posts the public invitation regardless).",
    )
    .option("--text <text>", "the DM ({user} {agent} {signature} {case} are filled)")
    .option("--text-file <file>", "read the DM from a file, or - for standard input")
    .option("--template <name>", "the DM from a template in the config")
    .option("--invite <template>", "template of the public invitation (default dm_invite, or dm_invite_en for English)")
    .option("--no-public", "send the DM only, no public invitation")
    .option("--invite-anyway", "post the public invitation even if the DM is refused")
    .option("--dry-run", "check and print both texts; send nothing, record nothing")
    .option("-y, --yes", "confirm without asking (needed when not on a terminal)")
    .option("--force", "even if the case already has a DM or is claimed by another agent")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      examples([
        'xtriage dm 1861234567890123456 --text "Hola, soy {agent}. ¿Nos dices tu número de cliente? {signature}" --yes',
        "xtriage dm 1861234567890123456 --template billing --no-public --dry-run",
      ]),
    )
    .action(act(ctx, (id: string, opts: DmOptions) => runDm(ctx, id, opts)));
}

function inviteTemplate(config: Config, row: MentionRow, name: string | undefined): string {
  if (name) return templateText(config, name);
  const english = row.lang === "en" && config.templates.dm_invite_en;
  const t = english ? config.templates.dm_invite_en : config.templates.dm_invite;
  if (!t) throw new UsageError("no dm_invite template in the config", "pass --invite <template>, or --no-public");
  return t.text;
}

export async function runDm(ctx: Context, idOrUrl: string, opts: DmOptions): Promise<number> {
  const id = parseId(idOrUrl);
  const [db, config, { mentionsRepo }, { composeReply, DUPLICATE_WINDOW_MS, fillTemplate, lintReply }] =
    await Promise.all([ctx.db(), ctx.config(), import("../store/mentions.js"), import("../core/lint.js")]);
  const row = mentionsRepo(db).get(id);
  if (!row) throw new NotFoundError(`no mention with id ${id}`, "xtriage list --status all shows what is stored");
  const draft = await readDraft(ctx, config, opts);
  if (draft === undefined) throw new UsageError("dm needs --text, --text-file or --template");
  const store = caseStore(db, ctx.now);
  const vars = templateVars(ctx, config, row);
  const now = ctx.now();
  const agent = ctx.agent();
  const force = opts.force === true;
  store.checkRemote({ mentionId: id, kind: "dm", agent }, force);
  if (opts.public !== false) store.checkRemote({ mentionId: id, kind: "reply", agent }, force);
  const dmText = appendSignature(fillTemplate(draft, vars), vars.signature);
  const signed = signing(ctx, config);
  reportLint(ctx, lintReply({ text: dmText, customer: vars.user, ...signed, now, channel: "dm" }), id);
  const withPublic = opts.public !== false;
  const invite = withPublic ? composeReply(inviteTemplate(config, row, opts.invite), vars) : undefined;
  if (invite !== undefined) {
    if (isFromSearch(row)) {
      throw new UsageError(
        "this post was found by search: X allows no API reply to it",
        "pass --no-public to send only the DM, and invite them by hand",
      );
    }
    const recent = store.recentReplies(new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString());
    reportLint(ctx, lintReply({ text: invite, customer: vars.user, ...signed, recent, now }), id);
  }

  if (opts.dryRun) {
    if (opts.json) writeJson(ctx.io, { mention_id: id, state: "dry-run", dm: dmText, invite: invite ?? null });
    else
      ctx.io.out.write(
        `DM: ${sanitizeText(dmText, "multiline")}\n${invite ? `public: ${sanitizeText(invite)}\n` : ""}`,
      );
    if (!ctx.io.quiet) ctx.io.err.write("dry run: nothing sent\n");
    return 0;
  }
  const question = `Send a DM to @${row.username}${invite ? " and post the public invitation" : ""}?`;
  if (
    !(await confirmRemote(ctx.io, opts.yes, question, {
      preview: `\nDM: ${dmText}${invite ? `\npublic: ${invite}` : ""}\n`,
      prompter: ctx.prompter(),
      dryRun: true,
    }))
  ) {
    ctx.io.err.write("not sent\n");
    return 0;
  }
  const x = await ctx.x();
  const dmAction = store.beginRemote({ mentionId: id, kind: "dm", agent, text: dmText, target: row.author_id }, force);
  let dm: { remoteId: string } | undefined;
  let dmError: unknown;
  try {
    dm = await sendThroughOutbox(store, dmAction, async () => {
      const r = await x.sendDm(row.author_id, dmText);
      return { remoteId: r.dmEventId };
    });
  } catch (e) {
    dmError = e;
  }
  if (dmError && !(invite && opts.inviteAnyway)) throw explainDmError(dmError, row);
  if (dmError) ctx.io.err.write(`the DM was not sent: ${(dmError as Error).message}; posting the invitation anyway\n`);

  let replyId: string | undefined;
  let replyAction: number | undefined;
  if (invite) {
    const pricing = await replyPricing(db, config, row, invite);
    replyAction = store.beginRemote({ mentionId: id, kind: "reply", agent, text: invite }, force);
    const sent = await sendThroughOutbox(store, replyAction, async () => ({
      remoteId: (await x.reply(invite, id, pricing)).id,
    }));
    replyId = sent.remoteId;
  }
  if (opts.json) {
    writeJson(ctx.io, {
      mention_id: id,
      dm: { action_id: dmAction, state: dm ? "sent" : "failed", remote_id: dm?.remoteId ?? null },
      reply: replyAction ? { action_id: replyAction, state: "sent", remote_id: replyId } : null,
    });
  } else {
    ctx.io.out.write(`${dm?.remoteId ?? ""}${replyId ? `\t${replyId}` : ""}\n`);
    if (!ctx.io.quiet)
      ctx.io.err.write(
        `${dm ? "DM sent" : "DM refused"} to @${sanitizeText(row.username ?? "")}${replyId ? "; invitation posted" : ""}\n`,
      );
  }
  return dmError ? 4 : 0;
}

function appendSignature(text: string, signature: string): string {
  const trimmed = text.trim();
  return signature && !trimmed.includes(signature) ? `${trimmed} ${signature}` : trimmed;
}

function explainDmError(e: unknown, row: MentionRow): unknown {
  const reason = (e as { reason?: string }).reason;
  if (reason === "dm-refused") {
    return new XtriageError(
      `@${row.username} does not accept DMs from the brand: nothing was sent and the case is unchanged`,
      4,
      "answer in public without asking for data, or pass --invite-anyway to ask them to open their DMs",
    );
  }
  return e;
}
