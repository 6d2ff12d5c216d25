import type { XDmEvent, XTweet, XUser } from "../x/types.js";
import { extractEntities } from "./entities.js";
import { expandTweets, type FieldSelection, type Lookup, projectDmEvent, projectUser } from "./fields.js";
import { paginate, type TimeBounds, withinBounds } from "./paging.js";
import {
  DM_FIELD_PARAMS,
  decodePageToken,
  ParamError,
  Params,
  TWEET_FIELD_PARAMS,
  USER_FIELD_PARAMS,
} from "./params.js";
import { forbidden, invalidRequest, resourceNotFound, type SandboxReply } from "./problems.js";
import { compileQuery, QuerySyntaxError } from "./query.js";
import type { SandboxSeed } from "./seed.js";
import { compareIds, newestFirst, snowflakeAt } from "./snowflake.js";

/** The mentions timeline reaches back this many posts only. */
export const MENTIONS_REACH = 800;
const SEARCH_WINDOW_MS = 7 * 24 * 3600 * 1000;
const DM_WINDOW_MS = 30 * 24 * 3600 * 1000;

export const NOT_SUMMONED_DETAIL =
  "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.";
export const DUPLICATE_DETAIL = "You are not allowed to create a Tweet with duplicate content.";
export const DM_REFUSED_DETAIL = "You cannot send messages to this user.";

export interface ReceivedTweet {
  id: string;
  text: string;
  createdAt: string;
  inReplyToTweetId?: string;
  inReplyToUserId?: string;
  conversationId: string;
}

export interface ReceivedDm {
  eventId: string;
  conversationId: string;
  participantId: string;
  text: string;
  createdAt: string;
}

export interface Received {
  tweets: ReceivedTweet[];
  dms: ReceivedDm[];
}

export interface MentionInput {
  text: string;
  /** An author by id or username; unknown usernames become new users. */
  authorId?: string;
  authorUsername?: string;
  /** Defaults to the sandbox clock. */
  createdAt?: string;
  inReplyToTweetId?: string;
  lang?: string;
}

function createdMs(item: { created_at?: string }): number {
  return item.created_at === undefined ? 0 : Date.parse(item.created_at);
}

function validationReply(error: unknown): SandboxReply {
  if (error instanceof ParamError) return error.reply;
  throw error;
}

/** The sandbox's content: posts, users, DMs and the scenario clock. No HTTP here. */
export class World implements Lookup {
  /** Scenario time at the last setClock, and the wall time it was set at (for a running clock). */
  private clockBase: number;
  private wallBase: number;
  private seq = 0;
  private readonly tweets = new Map<string, XTweet>();
  private readonly mentionIds = new Set<string>();
  private readonly users = new Map<string, XUser>();
  private readonly usersByName = new Map<string, XUser>();
  private readonly dmEvents: XDmEvent[];
  private readonly dmClosed: Set<string>;
  readonly received: Received = { tweets: [], dms: [] };
  /** Posts served on mentions and search pages, for GET /2/usage/tweets. */
  private postsRead = 0;
  readonly brand: XUser;

  /**
   * @param speed scenario milliseconds per wall millisecond: 0 freezes the clock (tests), 1 runs it in
   *   real time, 60 makes a minute pass every second (demos).
   */
  constructor(
    seed: SandboxSeed,
    clock: Date,
    private readonly speed = 0,
    private readonly wallNow: () => number = Date.now,
  ) {
    this.clockBase = clock.getTime();
    this.wallBase = wallNow();
    this.brand = seed.brand;
    for (const user of [seed.brand, ...seed.users]) this.addUser(user);
    for (const post of [...seed.referenced, ...seed.others]) this.tweets.set(post.id, post);
    for (const post of seed.mentions) {
      this.tweets.set(post.id, post);
      this.mentionIds.add(post.id);
    }
    this.dmEvents = [...(seed.dmEvents ?? [])];
    this.dmClosed = new Set((seed.dmClosedUserIds ?? []).map((idOrName) => idOrName.toLowerCase()));
  }

  private get clockMs(): number {
    return this.clockBase + Math.floor((this.wallNow() - this.wallBase) * this.speed);
  }

  get clock(): Date {
    return new Date(this.clockMs);
  }

  setClock(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new RangeError("invalid sandbox clock");
    this.clockBase = at.getTime();
    this.wallBase = this.wallNow();
  }

  tweet(id: string): XTweet | undefined {
    return this.tweets.get(id);
  }

  user(id: string): XUser | undefined {
    return this.users.get(id);
  }

  userByUsername(username: string): XUser | undefined {
    return this.usersByName.get(username.toLowerCase());
  }

  acceptsDmsFrom(userId: string): boolean {
    const user = this.users.get(userId);
    if (this.dmClosed.has(userId) || (user && this.dmClosed.has(user.username.toLowerCase()))) return false;
    return user?.receives_your_dm !== false;
  }

  private addUser(user: XUser): void {
    this.users.set(user.id, user);
    this.usersByName.set(user.username.toLowerCase(), user);
  }

  private nextId(): string {
    this.seq = (this.seq + 1) % 4096;
    const now = this.clockMs;
    let id = snowflakeAt(now, 0x200000 + this.seq);
    while (this.tweets.has(id)) id = snowflakeAt(now, 0x200000 + ++this.seq);
    return id;
  }

  private visible(item: { created_at?: string }): boolean {
    return createdMs(item) <= this.clockMs;
  }

  private mentionsBrand(post: XTweet): boolean {
    const handle = this.brand.username.toLowerCase();
    if ((post.entities?.mentions ?? []).some((m) => m.username.toLowerCase() === handle)) return true;
    return new RegExp(`@${handle}(?!\\w)`, "i").test(post.note_tweet?.text ?? post.text);
  }

  /** A reply is allowed only to posts whose author summoned the brand (x-api.md §2.4). */
  private summonedBy(post: XTweet): boolean {
    if (post.author_id === this.brand.id || this.mentionsBrand(post)) return true;
    return (post.referenced_tweets ?? []).some(
      (ref) => ref.type === "quoted" && this.tweets.get(ref.id)?.author_id === this.brand.id,
    );
  }

  injectMention(input: MentionInput): XTweet {
    if (typeof input?.text !== "string" || input.text.trim() === "") throw new TypeError("a mention needs a text");
    let author = input.authorId !== undefined ? this.users.get(input.authorId) : undefined;
    if (!author && input.authorUsername !== undefined) author = this.userByUsername(input.authorUsername);
    if (!author) {
      const username = input.authorUsername ?? "sandbox_user";
      author = { id: snowflakeAt(this.clockMs, 0x300000 + this.users.size), name: username, username };
      this.addUser(author);
    }
    const createdAt = input.createdAt ?? this.clock.toISOString();
    const replyTo = input.inReplyToTweetId !== undefined ? this.tweets.get(input.inReplyToTweetId) : undefined;
    const id = snowflakeAt(Date.parse(createdAt), 0x100000 + this.mentionIds.size);
    const text = new RegExp(`@${this.brand.username}`, "i").test(input.text)
      ? input.text
      : `@${this.brand.username} ${input.text}`;
    const post: XTweet = {
      id,
      text,
      edit_history_tweet_ids: [id],
      author_id: author.id,
      created_at: new Date(Date.parse(createdAt)).toISOString(),
      conversation_id: replyTo?.conversation_id ?? replyTo?.id ?? id,
      lang: input.lang ?? "es",
      public_metrics: noEngagement(),
    };
    if (replyTo) {
      post.in_reply_to_user_id = replyTo.author_id;
      post.referenced_tweets = [{ type: "replied_to", id: replyTo.id }];
    }
    const entities = extractEntities(text, (name) => this.userByUsername(name));
    if (entities) post.entities = entities;
    this.tweets.set(id, post);
    this.mentionIds.add(id);
    return post;
  }

  me(query: URLSearchParams): SandboxReply {
    try {
      const fields = new Params(query, USER_FIELD_PARAMS).fields("user");
      return { status: 200, body: { data: projectUser(this.brand, fields) } };
    } catch (error) {
      return validationReply(error);
    }
  }

  /** The app's post reads this cycle (the pay-per-use cap of 3 M posts, resetting on the 1st). */
  usage(query: URLSearchParams): SandboxReply {
    try {
      const params = new Params(query, ["days", "usage.fields"]);
      params.integer("days", 1, 90, 7);
      const now = this.clock;
      const nextCycle = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
      return {
        status: 200,
        body: {
          data: {
            project_id: "1187342600510951000",
            project_cap: 3_000_000,
            project_usage: this.postsRead,
            cap_reset_day: Math.ceil((nextCycle - now.getTime()) / 86_400_000),
          },
        },
      };
    } catch (error) {
      return validationReply(error);
    }
  }

  userLookup(username: string, query: URLSearchParams): SandboxReply {
    try {
      const fields = new Params(query, USER_FIELD_PARAMS).fields("user");
      if (!/^[A-Za-z0-9_]{1,15}$/.test(username)) {
        return invalidRequest(
          "username",
          username,
          `The \`username\` query parameter value [${username}] is not valid`,
        );
      }
      const user = this.userByUsername(username);
      if (!user) {
        const error = resourceNotFound("user", "username", username);
        return {
          status: 200,
          body: { errors: [{ ...error, detail: `Could not find user with username: [${username}].` }] },
        };
      }
      return { status: 200, body: { data: projectUser(user, fields) } };
    } catch (error) {
      return validationReply(error);
    }
  }

  private tweetPage(posts: XTweet[], fields: FieldSelection, next: string | undefined): SandboxReply {
    const expanded = expandTweets(posts, fields, this);
    this.postsRead += posts.length;
    const meta: Record<string, unknown> = { result_count: posts.length };
    if (posts.length > 0) {
      meta.newest_id = posts[0]!.id;
      meta.oldest_id = posts[posts.length - 1]!.id;
    }
    if (next !== undefined) meta.next_token = next;
    return { status: 200, body: { ...expanded, meta } };
  }

  mentions(userId: string, query: URLSearchParams): SandboxReply {
    try {
      const params = new Params(query, [
        "since_id",
        "until_id",
        "max_results",
        "pagination_token",
        "start_time",
        "end_time",
        ...TWEET_FIELD_PARAMS,
      ]);
      if (!/^[0-9]{1,19}$/.test(userId)) {
        return invalidRequest(
          "id",
          userId,
          `The \`id\` query parameter value [${userId}] does not match ^[0-9]{1,19}$`,
        );
      }
      const bounds: TimeBounds = {
        sinceId: params.snowflake("since_id"),
        untilId: params.snowflake("until_id"),
        startMs: params.time("start_time"),
        endMs: params.time("end_time"),
      };
      const maxResults = params.integer("max_results", 5, 100, 10);
      const after = decodePageToken("pagination_token", params.raw("pagination_token"));
      const fields = params.fields("tweet");
      if (userId !== this.brand.id) {
        return { status: 200, body: { errors: [resourceNotFound("user", "id", userId)], meta: { result_count: 0 } } };
      }
      const reachable = newestFirst(
        [...this.mentionIds].map((id) => this.tweets.get(id)!).filter((post) => this.visible(post)),
      ).slice(0, MENTIONS_REACH);
      const { page, next } = paginate(
        reachable.filter((post) => withinBounds(post, bounds)),
        maxResults,
        after,
      );
      return this.tweetPage(page, fields, next);
    } catch (error) {
      return validationReply(error);
    }
  }

  search(query: URLSearchParams): SandboxReply {
    try {
      const params = new Params(query, [
        "query",
        "start_time",
        "end_time",
        "since_id",
        "until_id",
        "max_results",
        "next_token",
        "pagination_token",
        "sort_order",
        ...TWEET_FIELD_PARAMS,
      ]);
      const text = params.raw("query");
      if (text === undefined || text.trim() === "")
        return invalidRequest("query", "", "The `query` parameter is required");
      if (text.length > 512)
        return invalidRequest("query", text, "The `query` parameter is longer than 512 characters");
      const windowStart = this.clockMs - SEARCH_WINDOW_MS;
      const startMs = params.time("start_time");
      if (startMs !== undefined && startMs < windowStart) {
        const iso = new Date(windowStart).toISOString();
        return invalidRequest("start_time", params.raw("start_time")!, `'start_time' must be on or after ${iso}`);
      }
      const bounds: TimeBounds = {
        sinceId: params.snowflake("since_id"),
        untilId: params.snowflake("until_id"),
        startMs: startMs ?? windowStart,
        endMs: Math.min(params.time("end_time") ?? this.clockMs, this.clockMs),
      };
      const maxResults = params.integer("max_results", 10, 100, 10);
      const token = params.raw("next_token") ?? params.raw("pagination_token");
      const after = decodePageToken("next_token", token);
      const sortOrder = params.raw("sort_order");
      if (sortOrder !== undefined && sortOrder !== "recency" && sortOrder !== "relevancy") {
        return invalidRequest("sort_order", sortOrder, "The `sort_order` query parameter must be recency or relevancy");
      }
      const fields = params.fields("tweet");
      const matches = compileQuery(text, this);
      const found = newestFirst(
        [...this.tweets.values()].filter((post) => withinBounds(post, bounds) && matches(post)),
      );
      const { page, next } = paginate(found, maxResults, after);
      return this.tweetPage(page, fields, next);
    } catch (error) {
      if (error instanceof QuerySyntaxError) {
        return invalidRequest(
          "query",
          query.get("query") ?? "",
          `There were errors processing your request: ${error.message}`,
        );
      }
      return validationReply(error);
    }
  }

  createTweet(body: unknown): SandboxReply {
    const request = (body ?? {}) as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } };
    if (typeof request.text !== "string" || request.text.trim() === "") {
      return invalidRequest("text", String(request.text ?? ""), "A post needs a non-empty `text`");
    }
    const text = request.text;
    const replyToId = request.reply?.in_reply_to_tweet_id;
    let target: XTweet | undefined;
    if (replyToId !== undefined) {
      target = typeof replyToId === "string" ? this.tweets.get(replyToId) : undefined;
      if (!target || !this.visible(target)) {
        return invalidRequest(
          "reply.in_reply_to_tweet_id",
          String(replyToId),
          "The post you are replying to does not exist",
        );
      }
      if (!this.summonedBy(target)) return forbidden(NOT_SUMMONED_DETAIL);
    }
    const duplicate = [...this.tweets.values()].some(
      (post) => post.author_id === this.brand.id && post.text.trim() === text.trim(),
    );
    if (duplicate) return forbidden(DUPLICATE_DETAIL);
    const id = this.nextId();
    const post: XTweet = {
      id,
      text,
      edit_history_tweet_ids: [id],
      author_id: this.brand.id,
      created_at: this.clock.toISOString(),
      conversation_id: target ? (target.conversation_id ?? target.id) : id,
      lang: "und",
      public_metrics: noEngagement(),
    };
    if (target) {
      if (target.author_id !== undefined) post.in_reply_to_user_id = target.author_id;
      post.referenced_tweets = [{ type: "replied_to", id: target.id }];
    }
    const entities = extractEntities(text, (name) => this.userByUsername(name));
    if (entities) post.entities = entities;
    this.tweets.set(id, post);
    this.received.tweets.push({
      id,
      text,
      createdAt: post.created_at!,
      conversationId: post.conversation_id!,
      ...(target ? { inReplyToTweetId: target.id } : {}),
      ...(post.in_reply_to_user_id !== undefined ? { inReplyToUserId: post.in_reply_to_user_id } : {}),
    });
    return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
  }

  sendDm(participantId: string, body: unknown): SandboxReply {
    const request = (body ?? {}) as { text?: unknown };
    if (!/^[0-9]{1,19}$/.test(participantId)) {
      return invalidRequest("participant_id", participantId, "The `participant_id` must be a user id");
    }
    if (typeof request.text !== "string" || request.text.trim() === "") {
      return invalidRequest("text", String(request.text ?? ""), "A message needs a non-empty `text`");
    }
    if (participantId === this.brand.id || !this.users.has(participantId)) {
      return invalidRequest("participant_id", participantId, "The `participant_id` is not a user you can message");
    }
    if (!this.acceptsDmsFrom(participantId)) return forbidden(DM_REFUSED_DETAIL);
    const [low, high] = [this.brand.id, participantId].sort(compareIds);
    const conversationId = `${low}-${high}`;
    const eventId = this.nextId();
    const createdAt = this.clock.toISOString();
    this.dmEvents.push({
      id: eventId,
      event_type: "MessageCreate",
      text: request.text,
      sender_id: this.brand.id,
      dm_conversation_id: conversationId,
      created_at: createdAt,
    });
    this.received.dms.push({ eventId, conversationId, participantId, text: request.text, createdAt });
    return { status: 201, body: { data: { dm_conversation_id: conversationId, dm_event_id: eventId } } };
  }

  listDmEvents(query: URLSearchParams): SandboxReply {
    try {
      const params = new Params(query, ["max_results", "pagination_token", "event_types", ...DM_FIELD_PARAMS]);
      const maxResults = params.integer("max_results", 1, 100, 100);
      const after = decodePageToken("pagination_token", params.raw("pagination_token"));
      const types = params.list("event_types", new Set(["MessageCreate", "ParticipantsJoin", "ParticipantsLeave"]));
      const fields = params.fields("dm");
      const events = newestFirst(
        this.dmEvents.filter(
          (event) =>
            this.visible(event) &&
            createdMs(event) >= this.clockMs - DM_WINDOW_MS &&
            (types.size === 0 || types.has(event.event_type)),
        ),
      );
      const { page, next } = paginate(events, maxResults, after);
      const body: Record<string, unknown> = {};
      if (page.length > 0) body.data = page.map((event) => projectDmEvent(event, fields));
      const userIds = new Set<string>();
      for (const event of page) {
        if (fields.expansions.has("sender_id") && event.sender_id !== undefined) userIds.add(event.sender_id);
        if (fields.expansions.has("participant_ids")) for (const id of event.participant_ids ?? []) userIds.add(id);
      }
      const users = [...userIds].flatMap((id) => {
        const user = this.users.get(id);
        return user ? [projectUser(user, fields)] : [];
      });
      if (users.length > 0) body.includes = { users };
      body.meta = next === undefined ? { result_count: page.length } : { result_count: page.length, next_token: next };
      return { status: 200, body };
    } catch (error) {
      return validationReply(error);
    }
  }
}

/** A new post's metrics: nobody has seen it yet. */
function noEngagement() {
  return { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 };
}
