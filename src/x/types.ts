/**
 * X API v2 wire shapes, as xtriage reads them. Only the fields xtriage uses are named; everything
 * else X sends is kept (index signature) so the raw JSON can be stored untouched.
 * Ids are 64-bit snowflakes: always strings.
 */

export interface XEntityRange {
  start: number;
  end: number;
}

export interface XEntities {
  hashtags?: (XEntityRange & { tag: string })[];
  mentions?: (XEntityRange & { username: string; id?: string })[];
  urls?: (XEntityRange & { url: string; expanded_url?: string; display_url?: string })[];
  cashtags?: (XEntityRange & { tag: string })[];
}

export interface XReferencedTweet {
  type: "replied_to" | "quoted" | "retweeted";
  id: string;
}

export interface XTweet {
  id: string;
  text: string;
  edit_history_tweet_ids: string[];
  author_id?: string;
  created_at?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: XReferencedTweet[];
  lang?: string;
  entities?: XEntities;
  note_tweet?: { text: string; entities?: XEntities };
  public_metrics?: Record<string, number>;
  [field: string]: unknown;
}

export interface XUser {
  id: string;
  name: string;
  username: string;
  created_at?: string;
  description?: string;
  location?: string;
  protected?: boolean;
  verified?: boolean;
  verified_type?: string;
  public_metrics?: Record<string, number>;
  receives_your_dm?: boolean;
  [field: string]: unknown;
}

/** An error object inside a 200 (partial errors) or a problem+json body. */
export interface XProblem {
  title: string;
  type: string;
  detail?: string;
  status?: number;
  value?: string;
  parameter?: string;
  resource_type?: string;
  resource_id?: string;
  [field: string]: unknown;
}

export interface XIncludes {
  users?: XUser[];
  tweets?: XTweet[];
}

export interface XPageMeta {
  result_count: number;
  newest_id?: string;
  oldest_id?: string;
  next_token?: string;
  previous_token?: string;
}

/** One raw page of a timeline or a search, exactly as X sent it. */
export interface XTweetPage {
  data?: XTweet[];
  includes?: XIncludes;
  meta: XPageMeta;
  errors?: XProblem[];
}

export interface XDmEvent {
  id: string;
  event_type: string;
  text?: string;
  sender_id?: string;
  dm_conversation_id?: string;
  created_at?: string;
  participant_ids?: string[];
  [field: string]: unknown;
}

export interface XDmPage {
  data?: XDmEvent[];
  includes?: { users?: XUser[] };
  meta: { result_count: number; next_token?: string; previous_token?: string };
  errors?: XProblem[];
}

/** GET /2/usage/tweets `data`: the spec says integers, X's own example shows strings. */
export interface XAppUsage {
  project_id?: string;
  project_usage?: number | string;
  project_cap?: number | string;
  cap_reset_day?: number;
  [field: string]: unknown;
}
