// Builds the bundled brand scenario (fixtures/scenario/*.json[l]) from fixtures/scenario/scenario.yaml.
// Deterministic: the same scenario.yaml always gives the same bytes (no clock, no randomness, only hashes).
// Usage: node scripts/build-scenario.mjs [output-dir]   (default: fixtures/scenario)
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import twitterText from "twitter-text";
import { parse } from "yaml";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = join(ROOT, "fixtures", "scenario", "scenario.yaml");
const TWITTER_EPOCH_MS = 1288834974657n;
const PAGE_SIZE = 100;
const NOTE_TWEET_CUT = 275;
const SCENARIO_YEAR_MONTH = "2026-11";

function hashInt(...parts) {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  return digest.readUInt32BE(0);
}

function snowflake(ms, salt) {
  const seq = BigInt(hashInt("seq", salt) & 0x3fffff);
  return ((BigInt(ms) - TWITTER_EPOCH_MS) << 22n) | seq;
}

/** "19 18:41" or "19 18:41:07" (day of November 2026, UTC) or a full ISO string. */
function postTime(at, salt) {
  if (/^\d{4}-/.test(at)) return new Date(at);
  const match = /^(\d{1,2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(at);
  if (!match) throw new Error(`bad post time: ${at}`);
  const [, day, hh, mm, ss] = match;
  const seconds = ss ?? String(hashInt("sec", salt) % 60).padStart(2, "0");
  return new Date(`${SCENARIO_YEAR_MONTH}-${day.padStart(2, "0")}T${hh}:${mm}:${seconds}.000Z`);
}

/** "2013" (day derived from the handle) or "2013-05-02" or a full ISO string. */
function accountTime(created, salt) {
  const text = String(created);
  if (/^\d{4}$/.test(text)) {
    const dayOfYear = hashInt("doy", salt) % 360;
    const base = Date.UTC(Number(text), 0, 1) + dayOfYear * 86_400_000 + (hashInt("tod", salt) % 86_400) * 1000;
    return new Date(base);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return new Date(Date.parse(`${text}T00:00:00.000Z`) + (hashInt("tod", salt) % 86_400) * 1000);
  }
  return new Date(text);
}

/** Accounts created before snowflakes (Nov 2010) have small sequential ids; later ones are snowflakes. */
function userId(createdAt, handle) {
  const ms = createdAt.getTime();
  if (BigInt(ms) > TWITTER_EPOCH_MS) return snowflake(ms, `user:${handle}`).toString();
  const start = Date.UTC(2008, 0, 1);
  const span = Number(TWITTER_EPOCH_MS) - start;
  const approx = 11_000_000 + Math.floor(((ms - start) / span) * 200_000_000);
  return String(approx + (hashInt("uid", handle) % 9_000));
}

function derivedCount(handle, field, min, max) {
  return min + (hashInt(field, handle) % (max - min + 1));
}

function buildUser(spec, anchorMs) {
  const createdAt = accountTime(spec.c, spec.u);
  if (createdAt.getTime() >= anchorMs) throw new Error(`${spec.u}: account created after the anchor`);
  const ageDays = Math.max(1, Math.floor((anchorMs - createdAt.getTime()) / 86_400_000));
  const followers = spec.f;
  const user = {
    id: spec.id ?? userId(createdAt, spec.u),
    name: spec.n,
    username: spec.u,
    created_at: createdAt.toISOString(),
    description: spec.bio ?? "",
    protected: false,
    verified: Boolean(spec.v),
    verified_type: spec.v ?? "none",
    public_metrics: {
      followers_count: followers,
      following_count: spec.fo ?? derivedCount(spec.u, "following", 0, Math.min(4_000, 40 + ageDays)),
      tweet_count: spec.tc ?? derivedCount(spec.u, "tweets", 1, Math.max(2, ageDays * 3)),
      listed_count: spec.ls ?? Math.floor(followers / (150 + (hashInt("listed", spec.u) % 250))),
      like_count: derivedCount(spec.u, "likes", 0, Math.max(1, ageDays * 4)),
      media_count: derivedCount(spec.u, "media", 0, Math.max(1, Math.floor(ageDays / 3))),
    },
  };
  if (spec.loc) user.location = spec.loc;
  return user;
}

function shortLink(url) {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let code = "";
  let state = hashInt("tco", url);
  for (let i = 0; i < 10; i++) {
    code += alphabet[state % alphabet.length];
    state = hashInt("tco", url, String(state));
  }
  return `https://t.co/${code}`;
}

function displayUrl(url) {
  const bare = url.replace(/^https?:\/\//, "");
  return bare.length > 26 ? `${bare.slice(0, 25)}…` : bare;
}

/** X wraps every link in a t.co link; the entity keeps the original as expanded_url. */
function wrapLinks(text) {
  const expanded = new Map();
  const found = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let out = text;
  for (const entity of [...found].reverse()) {
    const [start, end] = entity.indices;
    const tco = shortLink(entity.url);
    expanded.set(tco, entity.url);
    out = out.slice(0, start) + tco + out.slice(end);
  }
  return { text: out, expanded };
}

function extractEntities(text, expanded, userIdsByHandle) {
  const found = twitterText.extractEntitiesWithIndices(text, { extractUrlsWithoutProtocol: false });
  twitterText.modifyIndicesFromUTF16ToUnicode(text, found);
  const entities = {};
  const hashtags = [];
  const mentions = [];
  const urls = [];
  for (const e of found) {
    const [start, end] = e.indices;
    if (e.hashtag !== undefined) hashtags.push({ start, end, tag: e.hashtag });
    else if (e.screenName !== undefined) {
      const mention = { start, end, username: e.screenName };
      const id = userIdsByHandle.get(e.screenName.toLowerCase());
      if (id) mention.id = id;
      mentions.push(mention);
    } else if (e.url !== undefined) {
      const original = expanded.get(e.url) ?? e.url;
      urls.push({ start, end, url: e.url, expanded_url: original, display_url: displayUrl(original) });
    }
  }
  if (hashtags.length) entities.hashtags = hashtags;
  if (mentions.length) entities.mentions = mentions;
  if (urls.length) entities.urls = urls;
  return Object.keys(entities).length ? entities : undefined;
}

/** Posts over 280 characters: X sends a truncated `text` and the whole body in `note_tweet`. */
function splitLongText(full) {
  const chars = [...full];
  if (chars.length <= 280) return { text: full, note: undefined };
  const head = chars.slice(0, NOTE_TWEET_CUT).join("");
  const lastSpace = head.lastIndexOf(" ");
  return { text: `${head.slice(0, lastSpace > 200 ? lastSpace : head.length)}…`, note: full };
}

function defaultMetrics(post) {
  const h = hashInt("metrics", post.key);
  const bookmarks = (h >>> 7) % 3 === 0 ? 1 : 0;
  return [h % 4, (h >>> 3) % 2, (h >>> 5) % 3, 0, bookmarks];
}

function publicMetrics(post, followers) {
  const [like, retweet, reply, quote, bookmark] = post.m ?? defaultMetrics(post);
  const reachBase = Math.max(12, Math.floor(Math.sqrt(followers) * 6));
  const impressions = reachBase + like * 45 + retweet * 160 + (hashInt("imp", post.key) % 40);
  return {
    retweet_count: retweet,
    reply_count: reply,
    like_count: like,
    quote_count: quote ?? 0,
    bookmark_count: bookmark ?? 0,
    impression_count: impressions,
  };
}

function loadScenario(path) {
  const doc = parse(readFileSync(path, "utf8"));
  const anchorMs = Date.parse(doc.anchor);
  const brandCreated = new Date(doc.brand.created_at);
  const brand = {
    id: doc.brand.id,
    name: doc.brand.name,
    username: doc.brand.username,
    created_at: brandCreated.toISOString(),
    description: doc.brand.description,
    location: doc.brand.location,
    url: doc.brand.url,
    protected: false,
    verified: true,
    verified_type: "business",
    public_metrics: doc.brand.public_metrics,
  };
  const users = new Map([[brand.username.toLowerCase(), brand]]);
  for (const spec of doc.users) {
    const key = spec.u.toLowerCase();
    if (users.has(key)) throw new Error(`duplicate user ${spec.u}`);
    users.set(key, buildUser(spec, anchorMs));
  }
  const brandPosts = (doc.brand_posts ?? []).map((p) => ({ ...p, u: brand.username, file: "includes" }));
  const posts = [...brandPosts, ...doc.posts].map((p, i) => ({ ...p, key: p.key ?? `p${i}` }));
  return { brand, users, posts, anchorMs };
}

function buildTweets({ users, posts }) {
  const userIdsByHandle = new Map([...users].map(([handle, u]) => [handle, u.id]));
  const byKey = new Map();
  for (const post of posts) {
    if (byKey.has(post.key)) throw new Error(`duplicate post key ${post.key}`);
    const author = users.get(post.u.toLowerCase());
    if (!author) throw new Error(`${post.key}: unknown user ${post.u}`);
    const created = postTime(post.at, post.key);
    byKey.set(post.key, { post, author, created, id: snowflake(created.getTime(), post.key).toString() });
  }
  const tweets = new Map();
  const conversationOf = (key) => {
    const entry = byKey.get(key);
    const parent = entry.post.reply_to;
    return parent ? conversationOf(parent) : entry.id;
  };
  for (const [key, { post, author, created, id }] of byKey) {
    const { text: wrapped, expanded } = wrapLinks(post.text);
    const { text, note } = splitLongText(wrapped);
    const tweet = { id, text, author_id: author.id, created_at: created.toISOString() };
    tweet.conversation_id = conversationOf(key);
    const references = [];
    if (post.reply_to) {
      const parent = byKey.get(post.reply_to);
      if (!parent) throw new Error(`${key}: unknown reply_to ${post.reply_to}`);
      if (parent.created >= created) throw new Error(`${key}: reply is older than its parent`);
      tweet.in_reply_to_user_id = parent.author.id;
      references.push({ type: "replied_to", id: parent.id });
    }
    for (const [field, type] of [
      ["quote", "quoted"],
      ["rt", "retweeted"],
    ]) {
      if (!post[field]) continue;
      const target = byKey.get(post[field]);
      if (!target) throw new Error(`${key}: unknown ${field} ${post[field]}`);
      references.push({ type, id: target.id });
    }
    if (references.length) tweet.referenced_tweets = references;
    tweet.lang = post.l ?? "es";
    const entities = extractEntities(text, expanded, userIdsByHandle);
    if (entities) tweet.entities = entities;
    if (note) {
      const noteTweet = { text: note };
      const noteEntities = extractEntities(note, expanded, userIdsByHandle);
      if (noteEntities) noteTweet.entities = noteEntities;
      tweet.note_tweet = noteTweet;
    }
    tweet.public_metrics = publicMetrics(post, author.public_metrics.followers_count);
    tweet.edit_history_tweet_ids = [id];
    tweets.set(key, { tweet, post, author, created });
  }
  return tweets;
}

function nextToken(oldestId) {
  return `${hashInt("page", oldestId).toString(36)}${hashInt("page2", oldestId).toString(36)}`.slice(0, 13);
}

function buildPages(entries, tweetsByKey, usersById, pageSize) {
  const newestFirst = [...entries].sort((a, b) => (BigInt(b.tweet.id) > BigInt(a.tweet.id) ? 1 : -1));
  const tweetsById = new Map([...tweetsByKey.values()].map((e) => [e.tweet.id, e.tweet]));
  const pages = [];
  for (let i = 0; i < newestFirst.length; i += pageSize) {
    const chunk = newestFirst.slice(i, i + pageSize).map((e) => e.tweet);
    const userIds = [];
    const referenced = [];
    const addUser = (id) => {
      if (id && !userIds.includes(id)) userIds.push(id);
    };
    for (const t of chunk) {
      addUser(t.author_id);
      addUser(t.in_reply_to_user_id);
      for (const ref of t.referenced_tweets ?? []) {
        if (!referenced.includes(ref.id)) referenced.push(ref.id);
      }
    }
    const page = { data: chunk, includes: { users: userIds.map((id) => usersById.get(id)) } };
    if (referenced.length) page.includes.tweets = referenced.map((id) => tweetsById.get(id));
    const oldestId = chunk.at(-1).id;
    page.meta = { result_count: chunk.length, newest_id: chunk[0].id, oldest_id: oldestId };
    if (i + pageSize < newestFirst.length) page.meta.next_token = nextToken(oldestId);
    pages.push(page);
  }
  return pages;
}

function checkClock(entries, from, to, file) {
  for (const e of entries) {
    const ms = e.created.getTime();
    if (ms < from || ms >= to)
      throw new Error(`${e.post.key} (${file}) at ${e.created.toISOString()} is outside its window`);
  }
}

function main() {
  const outDir = resolve(process.argv[2] ?? join(ROOT, "fixtures", "scenario"));
  const scenario = loadScenario(SOURCE);
  const tweets = buildTweets(scenario);
  const usersById = new Map([...scenario.users.values()].map((u) => [u.id, u]));
  if (usersById.size !== scenario.users.size) throw new Error("two users share an id");
  const ids = new Set([...tweets.values()].map((e) => e.tweet.id));
  if (ids.size !== tweets.size) throw new Error("two posts share an id");
  const inFile = (name) => [...tweets.values()].filter((e) => (e.post.file ?? "pages") === name);
  const hour = 3_600_000;
  const { anchorMs } = scenario;
  checkClock(inFile("pages"), anchorMs - 7 * 24 * hour, anchorMs, "pages");
  checkClock(inFile("later"), anchorMs, anchorMs + 2 * hour + 1, "later");
  checkClock(inFile("others"), anchorMs - 7 * 24 * hour, anchorMs, "others");
  checkClock(inFile("competitors"), anchorMs - 7 * 24 * hour, anchorMs, "competitors");
  const toJsonl = (pages) =>
    pages
      .map((p) => JSON.stringify(p))
      .join("\n")
      .concat("\n");
  const files = {
    "brand.json": `${JSON.stringify(scenario.brand, null, 2)}\n`,
    "pages.jsonl": toJsonl(buildPages(inFile("pages"), tweets, usersById, PAGE_SIZE)),
    "later.jsonl": toJsonl(buildPages(inFile("later"), tweets, usersById, PAGE_SIZE)),
    "others.jsonl": toJsonl(buildPages(inFile("others"), tweets, usersById, PAGE_SIZE)),
    "competitors.jsonl": toJsonl(buildPages(inFile("competitors"), tweets, usersById, PAGE_SIZE)),
  };
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
}

main();
