import twitterText from "twitter-text";
import type { Author, Post, PostMetrics } from "./types.js";

/**
 * Turns the shapes X data arrives in — X API v2 response pages, twarc2 pages and flattened tweets,
 * flat tweet objects with an inline `author` — into xtriage's Post and Author. Pure: no I/O.
 */

/** A problem with the input itself; the message says what was wrong, in words a user can act on. */
export class InputError extends Error {}

export interface ReferencedPost {
  id: string;
  authorId: string;
  text: string;
  createdAt: string;
  conversationId: string;
  raw: unknown;
}

export interface ParsedPost {
  post: Post;
  /** The author when the input carried it (inline or in includes). */
  author?: Author;
  raw: Record<string, unknown>;
}

export interface ParsedDocument {
  posts: ParsedPost[];
  /** Every user the document carried (includes.users and inline authors), deduplicated by id. */
  users: Author[];
  referenced: ReferencedPost[];
  /** Problems with single posts inside an otherwise good document. */
  problems: string[];
  /** Partial errors X reported inside a 200 page (deleted referenced posts …). */
  apiErrors: unknown[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const SNOWFLAKE = /^[0-9]{1,19}$/;

function idOf(v: unknown, what: string): string {
  if (typeof v === "string" && SNOWFLAKE.test(v)) return v;
  if (typeof v === "number") throw new InputError(`${what} is a number; X ids must be strings (precision is lost)`);
  if (v === undefined || v === null || v === "") throw new InputError(`missing ${what}`);
  throw new InputError(`${what} is not a string of digits: ${JSON.stringify(v).slice(0, 40)}`);
}

function optionalId(v: unknown, what: string): string {
  return v === undefined || v === null || v === "" ? "" : idOf(v, what);
}

function str(v: unknown, what: string, required = false): string {
  if (typeof v === "string") return v;
  if (v === undefined || v === null) {
    if (required) throw new InputError(`missing ${what}`);
    return "";
  }
  throw new InputError(`${what} must be a string, got ${typeof v}`);
}

function count(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

/**
 * How X writes every time, already what toISOString gives: kept as it is, without the round trip
 * through Date. Days 29-31 and other forms take the round trip (Date rolls "02-30" over to March).
 */
export const CANONICAL_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function isoTime(v: unknown, what: string, required: boolean): string {
  const s = str(v, what, required);
  if (s === "") return "";
  if (CANONICAL_TIME.test(s)) return s;
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new InputError(`${what} is not a date: ${JSON.stringify(s).slice(0, 40)}`);
  return new Date(t).toISOString();
}

export function parseUser(u: unknown): Author {
  if (!isObj(u)) throw new InputError("user must be an object");
  const m = isObj(u.public_metrics) ? u.public_metrics : {};
  return {
    id: idOf(u.id, "user id"),
    username: str(u.username, "username", true),
    name: str(u.name, "user name"),
    description: str(u.description, "description"),
    location: str(u.location, "location"),
    createdAt: isoTime(u.created_at, "user created_at", false),
    followers: count(m.followers_count),
    following: count(m.following_count),
    posts: count(m.tweet_count),
    listed: count(m.listed_count),
    verified: u.verified === true,
    verifiedType: str(u.verified_type, "verified_type"),
    protected: u.protected === true,
  };
}

function entityList(entities: unknown, key: string): Obj[] {
  if (!isObj(entities)) return [];
  const list = entities[key];
  return Array.isArray(list) ? list.filter(isObj) : [];
}

function metricsOf(m: unknown): PostMetrics {
  const o = isObj(m) ? m : {};
  return {
    retweets: count(o.retweet_count),
    replies: count(o.reply_count),
    likes: count(o.like_count),
    quotes: count(o.quote_count),
    impressions: count(o.impression_count),
  };
}

function referencedId(refs: unknown, type: string): string {
  if (!Array.isArray(refs)) return "";
  const ref = refs.find((r) => isObj(r) && r.type === type) as Obj | undefined;
  return ref ? optionalId(ref.id, `referenced ${type} id`) : "";
}

/** The id of the post a raw X post replies to, or "" (also when that reference is malformed). */
export function repliedToIdOf(raw: unknown): string {
  try {
    return isObj(raw) ? referencedId(raw.referenced_tweets, "replied_to") : "";
  } catch {
    return "";
  }
}

/** Hashtags as written, from X's entities when present, else extracted from the text. */
function hashtagsOf(text: string, entities: unknown): string[] {
  const fromEntities = entityList(entities, "hashtags")
    .map((h) => h.tag)
    .filter((t): t is string => typeof t === "string");
  const tags = fromEntities.length > 0 ? fromEntities : twitterText.extractHashtags(text);
  return [...new Set(tags)];
}

export function parseTweet(t: unknown): Post {
  if (!isObj(t)) throw new InputError("post must be an object");
  const id = idOf(t.id, "post id");
  const note = isObj(t.note_tweet) ? t.note_tweet : undefined;
  const text = note && typeof note.text === "string" ? note.text : str(t.text, "text", true);
  const entities = note && isObj(note.entities) ? note.entities : t.entities;
  const refs = t.referenced_tweets;
  if (refs !== undefined && !Array.isArray(refs)) throw new InputError("referenced_tweets must be a list");
  const author = isObj(t.author) ? t.author : undefined;
  const authorId =
    t.author_id !== undefined ? idOf(t.author_id, "author_id") : author ? idOf(author.id, "author id") : "";
  if (!authorId) throw new InputError(`post ${id} has no author_id`);
  const lang = str(t.lang, "lang");
  return {
    id,
    text,
    lang: lang === "und" ? "" : lang,
    createdAt: isoTime(t.created_at, "created_at", true),
    authorId,
    conversationId: optionalId(t.conversation_id, "conversation_id") || id,
    inReplyToUserId: optionalId(t.in_reply_to_user_id, "in_reply_to_user_id"),
    repliedToId: referencedId(refs, "replied_to"),
    quotedId: referencedId(refs, "quoted"),
    isRetweet: referencedId(refs, "retweeted") !== "" || /^RT @\w+:/.test(text),
    hashtags: hashtagsOf(text, entities),
    mentions: entityList(entities, "mentions")
      .map((m) => m.username)
      .filter((u): u is string => typeof u === "string")
      .map((u) => u.toLowerCase()),
    urls: entityList(entities, "urls")
      .map((u) => u.expanded_url ?? u.url)
      .filter((u): u is string => typeof u === "string"),
    metrics: metricsOf(t.public_metrics),
  };
}

function referencedOf(t: Obj): ReferencedPost {
  const note = isObj(t.note_tweet) ? t.note_tweet : undefined;
  const id = idOf(t.id, "referenced post id");
  return {
    id,
    authorId: optionalId(t.author_id ?? (isObj(t.author) ? t.author.id : undefined), "referenced author_id"),
    text: note && typeof note.text === "string" ? note.text : str(t.text, "referenced text"),
    createdAt: isoTime(t.created_at, "referenced created_at", false),
    conversationId: optionalId(t.conversation_id, "referenced conversation_id") || id,
    raw: t,
  };
}

/** A response page: has `data` (list or single post) or `meta` (an empty page has only meta). */
export function isPage(v: unknown): v is Obj {
  return isObj(v) && ("data" in v || "meta" in v || "includes" in v) && !("text" in v);
}

/** A single post object (flat, or twarc2 flattened with inline author); validated by parseTweet. */
export function isTweet(v: unknown): v is Obj {
  return isObj(v) && ("text" in v || "note_tweet" in v);
}

/**
 * Parse one JSON value from the input: a page, a list of pages or posts, or one post.
 * Throws InputError when the value is none of these.
 */
export function parseDocument(doc: unknown): ParsedDocument {
  const out: ParsedDocument = { posts: [], users: [], referenced: [], problems: [], apiErrors: [] };
  const users = new Map<string, Author>();
  if (Array.isArray(doc)) {
    if (doc.length === 0) return out;
    doc.forEach((item, i) => {
      if (!isPage(item) && !isTweet(item)) {
        out.problems.push(`item ${i + 1} of the list is neither an X API page nor a post`);
        return;
      }
      addDocument(item, out, users);
    });
  } else if (isPage(doc) || isTweet(doc)) {
    addDocument(doc, out, users);
  } else {
    throw new InputError(describeUnknown(doc));
  }
  out.users = [...users.values()];
  return out;
}

function describeUnknown(doc: unknown): string {
  if (isObj(doc)) {
    const keys = Object.keys(doc).slice(0, 5).join(", ");
    return `not an X API page (data/includes/meta) nor a post (id/text); keys: ${keys || "none"}`;
  }
  return `expected a JSON object or list, got ${doc === null ? "null" : typeof doc}`;
}

function addDocument(doc: Obj, out: ParsedDocument, users: Map<string, Author>): void {
  if (isPage(doc)) addPage(doc, out, users);
  else addTweet(doc, undefined, out, users, "post");
}

function addPage(page: Obj, out: ParsedDocument, users: Map<string, Author>): void {
  const includes = isObj(page.includes) ? page.includes : {};
  for (const u of Array.isArray(includes.users) ? includes.users : []) {
    try {
      const a = parseUser(u);
      users.set(a.id, a);
    } catch (e) {
      out.problems.push(`includes.users: ${(e as Error).message}`);
    }
  }
  const refById = new Map<string, Obj>();
  for (const t of Array.isArray(includes.tweets) ? includes.tweets : []) {
    if (isObj(t) && typeof t.id === "string") refById.set(t.id, t);
  }
  if (Array.isArray(page.errors)) out.apiErrors.push(...page.errors);
  const data = page.data;
  if (data !== undefined && data !== null && !Array.isArray(data) && !isObj(data)) {
    throw new InputError("page data must be a list of posts");
  }
  const posts = data === undefined || data === null ? [] : Array.isArray(data) ? data : [data];
  posts.forEach((t, i) => {
    addTweet(t, refById, out, users, `post ${i + 1} of the page`);
  });
}

function addTweet(
  t: unknown,
  refById: Map<string, Obj> | undefined,
  out: ParsedDocument,
  users: Map<string, Author>,
  where: string,
): void {
  try {
    const post = parseTweet(t);
    const obj = t as Obj;
    let author = users.get(post.authorId);
    if (isObj(obj.author)) {
      author = parseUser(obj.author);
      users.set(author.id, author);
    }
    // twarc2 flattened posts carry their referenced posts inline; pages carry them in includes.
    for (const ref of Array.isArray(obj.referenced_tweets) ? obj.referenced_tweets : []) {
      if (!isObj(ref) || typeof ref.id !== "string" || ref.type === "retweeted") continue;
      const full = refById?.get(ref.id) ?? ("text" in ref ? ref : undefined);
      if (!full) continue;
      out.referenced.push(referencedOf(full));
      if (isObj(full.author)) {
        const ra = parseUser(full.author);
        users.set(ra.id, ra);
      }
    }
    out.posts.push({ post, ...(author ? { author } : {}), raw: obj });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const id = isObj(t) && typeof t.id === "string" ? ` (${t.id})` : "";
    out.problems.push(`${where}${id}: ${e.message}`);
  }
}

/**
 * For `xtriage score`: one JSON value that is an X API v2 post (optionally with inline `author`),
 * a twarc2 flattened post, or just `{"text": "...", "lang": "es"}`.
 */
export function postFromLoose(v: unknown, now = new Date()): { post: Post; author?: Author } {
  if (!isObj(v)) throw new InputError("expected a JSON object with a text");
  if (typeof v.text !== "string") throw new InputError(v.text === undefined ? "missing text" : "text must be a string");
  if (v.id !== undefined || v.author_id !== undefined || isObj(v.author)) {
    const withDefaults: Obj = { created_at: now.toISOString(), id: "0", ...v };
    if (withDefaults.author_id === undefined && !isObj(v.author)) withDefaults.author_id = "0";
    const post = parseTweet(withDefaults);
    return isObj(v.author) ? { post, author: parseUser(v.author) } : { post };
  }
  const lang = str(v.lang, "lang");
  return {
    post: {
      id: "",
      text: v.text,
      lang: lang === "und" ? "" : lang,
      createdAt: now.toISOString(),
      authorId: "",
      conversationId: "",
      inReplyToUserId: "",
      repliedToId: "",
      quotedId: "",
      isRetweet: false,
      hashtags: twitterText.extractHashtags(v.text),
      mentions: twitterText.extractMentions(v.text).map((m) => m.toLowerCase()),
      urls: twitterText.extractUrls(v.text),
      metrics: { retweets: 0, replies: 0, likes: 0, quotes: 0, impressions: 0 },
    },
  };
}
