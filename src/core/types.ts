/**
 * The domain's plain data shapes. X ids are always strings (64-bit snowflakes never pass through
 * a JS number). Times are ISO-8601 UTC strings.
 */

export interface Author {
  id: string;
  username: string;
  name: string;
  description: string;
  location: string;
  /** Account creation time, ISO-8601; empty when X did not send it. */
  createdAt: string;
  followers: number;
  following: number;
  posts: number;
  listed: number;
  verified: boolean;
  verifiedType: string;
  protected: boolean;
}

export interface PostMetrics {
  retweets: number;
  replies: number;
  likes: number;
  quotes: number;
  impressions: number;
}

/** One post as xtriage understands it, whatever format it arrived in. */
export interface Post {
  id: string;
  /** Full text: the `note_tweet` text when X sent one. */
  text: string;
  /** X's language code; empty or "und" when X gave none. */
  lang: string;
  createdAt: string;
  authorId: string;
  conversationId: string;
  inReplyToUserId: string;
  /** Id of the post this one replies to, if any. */
  repliedToId: string;
  quotedId: string;
  isRetweet: boolean;
  /** Hashtags without '#', as written. */
  hashtags: string[];
  /** @handles mentioned, without '@', lower-cased. */
  mentions: string[];
  urls: string[];
  metrics: PostMetrics;
}

export type Label = "troll" | "genuine" | "unsure";

export type ScoreField = "troll" | "complaint" | "sentiment" | "reach" | "urgency" | "priority";

/** One rule or feature that moved a number, in words a community manager understands. */
export interface Reason {
  field: ScoreField;
  /** Signed contribution, in the unit of the field (0..1 fields: fraction; 0..100 fields: points). */
  weight: number;
  text: string;
}

export interface HashtagScore {
  tag: string;
  popular: boolean;
  crisis: boolean;
}

export interface Score {
  troll: number;
  label: Label;
  complaint: number;
  sentiment: number;
  reach: number;
  urgency: number;
  priority: number;
  hashtags: HashtagScore[];
  /** True for a troll with a large audience: answer once, calmly, for the audience. */
  answerForAudience: boolean;
  /** Language used for scoring (X's, or detected). */
  lang: string;
  reasons: Reason[];
}

/** What the scorer knows besides the post and its author. */
export interface ScoreContext {
  now: Date;
  /** Lower-cased hashtag → distinct authors using it around the brand in the last 24 h. */
  hashtagAuthors24h: ReadonlyMap<string, number>;
  /** The author's history with the brand. */
  history: AuthorHistory;
  config: ScoringConfig;
}

export interface AuthorHistory {
  contacts24h: number;
  pastTrollLabels: number;
  pastGenuineLabels: number;
}

export interface ScoringConfig {
  /** Lower-cased handles without '@'. */
  vipHandles: string[];
  /** Lower-cased hashtags without '#'. */
  crisisHashtags: string[];
  /** Distinct authors in 24 h from which a hashtag counts as popular. */
  popularHashtagAuthors: number;
  /** Extra words per language and intent, merged with the built-in lists. */
  words: Record<string, Record<string, string[]>>;
  /** Overrides for named weights and thresholds. */
  weights: Record<string, number>;
}
