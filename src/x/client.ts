import type { PostPricing, Resources, XEndpoint } from "./cost.js";
import type { ResolvedCredentials } from "./credentials.js";
import type { XAppUsage, XDmPage, XTweetPage, XUser } from "./types.js";

/** The x-rate-limit-* headers of one response (reset in epoch seconds). */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  reset: number;
}

/** One HTTP call to X, for the `api_calls` cost ledger. Failed attempts are reported too. */
export interface CallReport {
  endpoint: XEndpoint;
  /** HTTP status; 0 when no answer came (timeout, connection error). */
  status: number;
  resources: Resources;
  rateLimit?: RateLimitInfo;
  durationMs: number;
  /** The typed error's message when the call failed. */
  error?: string;
  /** For POST /2/tweets: what the caller said prices the post (a link, a summoned reply). */
  pricing?: PostPricing;
}

export interface PageOptions {
  sinceId?: string;
  untilId?: string;
  /** RFC 3339. */
  startTime?: string;
  endTime?: string;
  /** Per page; default 100 (mentions 5..100, search 10..100). */
  maxResults?: number;
  /** Stop after this many pages (default: walk to the end). */
  maxPages?: number;
  /** Start at this page: a `next_token` from an earlier page (walks that size each page themselves). */
  paginationToken?: string;
  /**
   * Only the post fields a sample needs (SAMPLE_TWEET_FIELDS) and no expansions: no users or
   * referenced posts come back, so a page costs its posts only.
   */
  lean?: boolean;
}

export interface DmPageOptions {
  maxResults?: number;
  maxPages?: number;
}

/**
 * What xtriage needs from X. Pages are raw v2 bodies (keep them as the raw JSON). Every failure is a
 * typed error from ./errors.js (for the page walkers: thrown while iterating, never at the call).
 */
export interface XClient {
  readonly credentials: ResolvedCredentials;
  /** The authenticated user (the brand). User-context credentials only. */
  me(): Promise<XUser>;
  /**
   * The app's post reads this billing cycle (GET /2/usage/tweets). App-only bearer only; it returns
   * no posts, users or DM events, and reads are billed per resource returned, so it costs nothing.
   */
  appUsage(): Promise<XAppUsage>;
  /**
   * Walks the mentions timeline newest first, one raw page per step (pagination_token).
   * Throws a typed error if a page fails: the walk is then incomplete, keep the old since_id.
   */
  mentionsPages(userId: string, options?: PageOptions): AsyncGenerator<XTweetPage, void, undefined>;
  /** Walks recent search (7 days) newest first (next_token). */
  searchPages(query: string, options?: PageOptions): AsyncGenerator<XTweetPage, void, undefined>;
  /** The user, or null when X says there is no such user (a 200 with `errors`). */
  userByUsername(username: string): Promise<XUser | null>;
  /**
   * Posts a reply; X allows it only to posts that mention the brand. `pricing` goes into the call's
   * report: X bills a reply with a link, or one to a post that summoned the brand, at its own rate.
   */
  reply(text: string, inReplyToId: string, pricing: PostPricing): Promise<{ id: string; text: string }>;
  sendDm(participantId: string, text: string): Promise<{ dmConversationId: string; dmEventId: string }>;
  /** The brand's DM events (30 days), newest first. */
  dmEvents(options?: DmPageOptions): AsyncGenerator<XDmPage, void, undefined>;
}

/** Self-serve limit for recent search queries. */
export const MAX_QUERY_LENGTH = 512;

/** What a lean page asks for: enough to time and join posts and replies, nothing billed besides them. */
export const SAMPLE_TWEET_FIELDS = [
  "created_at",
  "author_id",
  "conversation_id",
  "in_reply_to_user_id",
  "referenced_tweets",
  "lang",
];
/** Fields and expansions xtriage asks for on mentions and search (the scenario format's set). */
export const TWEET_FIELDS = [
  ...SAMPLE_TWEET_FIELDS,
  "public_metrics",
  "entities",
  "note_tweet",
  "edit_history_tweet_ids",
];
export const TWEET_EXPANSIONS = ["author_id", "referenced_tweets.id", "in_reply_to_user_id"];
export const USER_FIELDS = [
  "username",
  "name",
  "public_metrics",
  "verified",
  "verified_type",
  "created_at",
  "description",
  "location",
  "protected",
];
export const DM_EVENT_FIELDS = [
  "id",
  "text",
  "event_type",
  "created_at",
  "dm_conversation_id",
  "sender_id",
  "participant_ids",
];
