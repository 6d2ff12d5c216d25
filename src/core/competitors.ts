/**
 * Competitor benchmark from a search sample: which of a competitor's mentions it answered in
 * public, and how fast. Pure: posts in, figures out (the same summaries as our own report).
 */
import { type ResponseSummary, share, summarizeResponses } from "./report.js";

/** A post as recent search returns it with the sample's fields (no expansions). */
export interface SamplePost {
  id: string;
  created_at?: string;
  author_id?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: string; id: string }[];
}

export interface SampleFigures extends ResponseSummary {
  /** Mentions in the sample. */
  posts: number;
  answered_share: number | null;
}

const createdMs = (post: SamplePost) => (post.created_at ? Date.parse(post.created_at) : Number.NaN);

function repliedTo(post: SamplePost): string | undefined {
  return post.referenced_tweets?.find((ref) => ref.type === "replied_to")?.id;
}

/**
 * Minutes from each mention to the competitor's first public reply to it, by mention id. A reply
 * answers a mention when it replies to that post, or when it comes later in the same conversation
 * and replies to the mention's author (the customer wrote again in their thread and that got the
 * answer). Unanswered mentions are absent.
 */
export function firstReplyMinutes(
  mentions: readonly SamplePost[],
  replies: readonly SamplePost[],
): Map<string, number> {
  const byTarget = new Map<string, number[]>();
  const byConversation = new Map<string, SamplePost[]>();
  for (const reply of replies) {
    const at = createdMs(reply);
    if (Number.isNaN(at)) continue;
    const target = repliedTo(reply);
    if (target) byTarget.set(target, [...(byTarget.get(target) ?? []), at]);
    if (reply.conversation_id) {
      byConversation.set(reply.conversation_id, [...(byConversation.get(reply.conversation_id) ?? []), reply]);
    }
  }
  const out = new Map<string, number>();
  for (const mention of mentions) {
    const from = createdMs(mention);
    if (Number.isNaN(from)) continue;
    const times = [...(byTarget.get(mention.id) ?? [])];
    for (const reply of byConversation.get(mention.conversation_id ?? "") ?? []) {
      if (reply.in_reply_to_user_id !== undefined && reply.in_reply_to_user_id === mention.author_id) {
        times.push(createdMs(reply));
      }
    }
    const first = Math.min(...times.filter((t) => t > from));
    if (Number.isFinite(first)) out.set(mention.id, (first - from) / 60_000);
  }
  return out;
}

/**
 * The mentions whose fate is known when the replies were read only back to `readBackToMs` (the
 * oldest reply read, when the walk stopped early): an older mention may have an answer not read.
 * With every reply read (null), all of them.
 */
export function knownFate(mentions: readonly SamplePost[], readBackToMs: number | null): SamplePost[] {
  if (readBackToMs === null) return [...mentions];
  return mentions.filter((m) => createdMs(m) >= readBackToMs);
}

/** Response figures of a sample, against our SLA (the competitor's own is unknown). */
export function sampleFigures(
  mentions: readonly SamplePost[],
  replies: readonly SamplePost[],
  sla: { target: number; ceiling: number },
): SampleFigures {
  const minutes = [...firstReplyMinutes(mentions, replies).values()];
  return {
    posts: mentions.length,
    answered_share: share(minutes.length, mentions.length),
    ...summarizeResponses(minutes, () => sla),
  };
}
