import type { XDmEvent, XIncludes, XProblem, XTweet, XUser } from "../x/types.js";
import { resourceNotFound } from "./problems.js";

/** Fields X always returns, whatever `*.fields` asks for. */
const DEFAULT_TWEET_FIELDS = ["id", "text", "edit_history_tweet_ids"];
const DEFAULT_USER_FIELDS = ["id", "name", "username"];
const DEFAULT_DM_EVENT_FIELDS = ["id", "event_type", "text"];

export interface FieldSelection {
  tweetFields: ReadonlySet<string>;
  userFields: ReadonlySet<string>;
  dmEventFields: ReadonlySet<string>;
  expansions: ReadonlySet<string>;
}

export interface Lookup {
  tweet(id: string): XTweet | undefined;
  user(id: string): XUser | undefined;
  userByUsername(username: string): XUser | undefined;
}

function pick<T extends object>(source: T, defaults: string[], asked: ReadonlySet<string>): T {
  const out: Record<string, unknown> = {};
  const record = source as Record<string, unknown>;
  for (const key of [...defaults, ...asked]) {
    if (record[key] !== undefined) out[key] = record[key];
  }
  return out as T;
}

export function projectTweet(post: XTweet, fields: FieldSelection): XTweet {
  return pick(post, DEFAULT_TWEET_FIELDS, fields.tweetFields);
}

export function projectUser(user: XUser, fields: FieldSelection): XUser {
  return pick(user, DEFAULT_USER_FIELDS, fields.userFields);
}

export function projectDmEvent(event: XDmEvent, fields: FieldSelection): XDmEvent {
  return pick(event, DEFAULT_DM_EVENT_FIELDS, fields.dmEventFields);
}

/** Collects distinct ids in first-seen order. */
class OrderedIds {
  readonly ids: string[] = [];
  private readonly seen = new Set<string>();
  add(id: string | undefined): void {
    if (id === undefined || this.seen.has(id)) return;
    this.seen.add(id);
    this.ids.push(id);
  }
}

export interface ExpandedPage {
  data?: XTweet[];
  includes?: XIncludes;
  errors?: XProblem[];
}

/** Projects posts and builds `includes` and partial `errors` for the requested expansions. */
export function expandTweets(posts: XTweet[], fields: FieldSelection, lookup: Lookup): ExpandedPage {
  if (posts.length === 0) return {};
  const want = fields.expansions;
  const userIds = new OrderedIds();
  const tweetIds = new OrderedIds();
  const errors: XProblem[] = [];
  for (const post of posts) {
    if (want.has("author_id")) userIds.add(post.author_id);
    if (want.has("in_reply_to_user_id")) userIds.add(post.in_reply_to_user_id);
    if (want.has("entities.mentions.username")) {
      for (const mention of post.entities?.mentions ?? []) userIds.add(lookup.userByUsername(mention.username)?.id);
    }
    if (want.has("referenced_tweets.id")) for (const ref of post.referenced_tweets ?? []) tweetIds.add(ref.id);
  }
  const referenced: XTweet[] = [];
  for (const id of tweetIds.ids) {
    const found = lookup.tweet(id);
    if (found) referenced.push(found);
    else errors.push(resourceNotFound("tweet", "referenced_tweets.id", id));
  }
  if (want.has("referenced_tweets.id.author_id")) {
    for (const post of posts) {
      for (const ref of post.referenced_tweets ?? []) userIds.add(lookup.tweet(ref.id)?.author_id);
    }
  }
  const users = userIds.ids.flatMap((id) => {
    const user = lookup.user(id);
    return user ? [projectUser(user, fields)] : [];
  });
  const includes: XIncludes = {};
  if (users.length > 0) includes.users = users;
  if (referenced.length > 0) includes.tweets = referenced.map((post) => projectTweet(post, fields));
  const page: ExpandedPage = { data: posts.map((post) => projectTweet(post, fields)) };
  if (Object.keys(includes).length > 0) page.includes = includes;
  if (errors.length > 0) page.errors = errors;
  return page;
}
