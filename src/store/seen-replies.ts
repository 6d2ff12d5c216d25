import type { DB } from "./db.js";

/**
 * A public reply by one of the brand's accounts that xtriage found on X (in a fetched page, or as
 * the post a customer answered) rather than sent itself: an agent answered from X's own app.
 */
export interface SeenReply {
  /** X's id of the reply. */
  id: string;
  /** The mention it answers. */
  repliedToId: string;
  text: string;
  createdAt: string;
}

/**
 * Logs replies seen on X as sent replies, so the case counts as answered everywhere (queue, SLA,
 * reports, the warning before a second public reply), just as if it had been sent through xtriage.
 * A reply xtriage sent itself (same remote id) or one already logged is left alone, and a case that
 * is still `new` becomes `replied`. The agent is the one whose configured signature the text carries.
 */
export function seenRepliesRepo(db: DB, agentSignatures: Record<string, { signature?: string }>) {
  const signatures = Object.entries(agentSignatures)
    .filter((entry): entry is [string, { signature: string }] => Boolean(entry[1].signature?.trim()))
    .map(([agent, { signature }]) => ({ agent, signature: signature.trim() }));
  const caseOf = db.prepare<[string], { status: string }>("SELECT status FROM mentions WHERE id = ?");
  const logged = db
    .prepare<[string, string], number>("SELECT 1 FROM actions WHERE mention_id = ? AND remote_id = ? LIMIT 1")
    .pluck();
  const insertReply = db.prepare(`
    INSERT INTO actions (mention_id, kind, agent, text, reason, target, remote_id, state, created_at, updated_at)
    VALUES (@mentionId, 'reply', @agent, @text, 'seen on X', '', @remoteId, 'sent', @at, @now)`);
  // the earliest answer is the first response, whichever way it was sent
  const markAnswered = db.prepare(`
    UPDATE mentions SET
      first_response_at = CASE WHEN first_response_at IS NULL OR first_response_at > @at THEN @at
                               ELSE first_response_at END,
      status = CASE WHEN status = 'new' THEN 'replied' ELSE status END,
      status_changed_at = CASE WHEN status = 'new' THEN @now ELSE status_changed_at END,
      version = version + 1
    WHERE id = @mentionId`);

  function agentOf(text: string): string {
    const trimmed = text.trimEnd();
    return signatures.find(({ signature }) => trimmed.endsWith(signature))?.agent ?? "";
  }

  return {
    /** Logs the reply; false when the mention it answers is not stored (yet). */
    record(reply: SeenReply, now: string): boolean {
      if (!caseOf.get(reply.repliedToId)) return false;
      if (logged.get(reply.repliedToId, reply.id) !== undefined) return true;
      const params = { mentionId: reply.repliedToId, at: reply.createdAt, now };
      insertReply.run({ ...params, agent: agentOf(reply.text), text: reply.text, remoteId: reply.id });
      markAnswered.run(params);
      return true;
    },
  };
}
