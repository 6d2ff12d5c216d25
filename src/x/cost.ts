/**
 * Pay-per-use price table (USD, x-api.md §5, docs snapshot 2026-08-22) and the cost of one call.
 * Reads are billed per resource returned, writes per request. Keys match the config's `prices:`.
 */
export const DEFAULT_PRICES = {
  post_read: 0.005,
  user_read: 0.01,
  dm_event_read: 0.01,
  /** Mentions of the authenticated user through the user's own app. */
  owned_read: 0.001,
  post_create: 0.015,
  post_create_with_url: 0.2,
  summoned_reply: 0.01,
  dm_create: 0.015,
} as const;

export type PriceKey = keyof typeof DEFAULT_PRICES;
export type PriceTable = Record<PriceKey, number>;

export type XEndpoint =
  | "GET /2/users/me"
  | "GET /2/users/:id/mentions"
  | "GET /2/tweets/search/recent"
  | "GET /2/users/by/username/:username"
  | "GET /2/dm_events"
  | "POST /2/tweets"
  | "POST /2/dm_conversations/with/:participant_id/messages"
  | "POST /2/oauth2/token"
  | "GET /2/usage/tweets";

/** What one call returned (reads) or created (writes). */
export interface Resources {
  posts: number;
  users: number;
  dmEvents: number;
}

export interface CostOptions {
  prices?: Partial<Record<string, number>>;
  /** Mentions read with the brand's own user token on its own app: the owned-read rate. */
  ownedRead?: boolean;
  /** For POST /2/tweets: the post is a reply to a post that mentioned the brand. */
  summonedReply?: boolean;
  /** For POST /2/tweets: the text carries a link (the most expensive write). */
  containsUrl?: boolean;
}

/** What prices one POST /2/tweets beyond its count (x-api.md §5): a link costs most, a summoned reply least. */
export type PostPricing = Pick<CostOptions, "containsUrl" | "summonedReply">;

/** The default table with the user's overrides for known keys (unknown keys are ignored). */
export function priceTable(overrides: Partial<Record<string, number>> = {}): PriceTable {
  const table: PriceTable = { ...DEFAULT_PRICES };
  for (const key of Object.keys(table) as PriceKey[]) {
    const value = overrides[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) table[key] = value;
  }
  return table;
}

/** Estimated cost in USD, before X's 24-hour de-duplication (so an upper bound). */
export function estimateCost(endpoint: XEndpoint, resources: Resources, options: CostOptions = {}): number {
  const p = priceTable(options.prices);
  const userReads = resources.users * p.user_read;
  let cost: number;
  switch (endpoint) {
    case "GET /2/users/:id/mentions":
      cost = resources.posts * (options.ownedRead ? p.owned_read : p.post_read) + userReads;
      break;
    case "GET /2/tweets/search/recent":
      cost = resources.posts * p.post_read + userReads;
      break;
    case "GET /2/users/me":
    case "GET /2/users/by/username/:username":
      cost = userReads + resources.posts * p.post_read;
      break;
    case "GET /2/dm_events":
      cost = resources.dmEvents * p.dm_event_read + userReads;
      break;
    case "POST /2/tweets": {
      const each = options.containsUrl
        ? p.post_create_with_url
        : options.summonedReply
          ? p.summoned_reply
          : p.post_create;
      cost = resources.posts * each;
      break;
    }
    case "POST /2/dm_conversations/with/:participant_id/messages":
      cost = resources.dmEvents * p.dm_create;
      break;
    case "POST /2/oauth2/token":
    // usage statistics: no post, user or DM event comes back, so nothing is billed per resource
    case "GET /2/usage/tweets":
      cost = 0;
      break;
  }
  // Round to micro-dollars so sums in the ledger stay exact enough.
  return Math.round(cost * 1e6) / 1e6;
}
