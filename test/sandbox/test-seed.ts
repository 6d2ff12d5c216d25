/**
 * A small invented brand scenario for sandbox and client tests, built in code so the numbers the
 * tests check (counts, ids, dates) follow from the construction, not from copied data.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxSeed } from "../../src/sandbox/seed.js";
import { snowflakeAt } from "../../src/sandbox/snowflake.js";
import type { XTweet, XTweetPage, XUser } from "../../src/x/types.js";

export const ANCHOR = "2026-11-20T12:00:00.000Z";
const ANCHOR_MS = Date.parse(ANCHOR);
const MINUTE = 60_000;

export const BRAND: XUser = {
  id: "1000000000000000001",
  name: "Acme Fibra",
  username: "acmefibra",
  created_at: "2015-03-01T10:00:00.000Z",
  description: "Soporte de Acme Fibra",
  location: "Madrid",
  protected: false,
  verified: true,
  verified_type: "business",
  public_metrics: {
    followers_count: 5000,
    following_count: 10,
    tweet_count: 900,
    listed_count: 4,
    like_count: 1,
    media_count: 2,
  },
};

function user(id: string, username: string, extra: Partial<XUser> = {}): XUser {
  return {
    id,
    name: username.toUpperCase(),
    username,
    created_at: "2018-01-01T00:00:00.000Z",
    description: `bio of ${username}`,
    location: "Sevilla",
    protected: false,
    verified: false,
    public_metrics: {
      followers_count: 42,
      following_count: 7,
      tweet_count: 300,
      listed_count: 0,
      like_count: 3,
      media_count: 1,
    },
    ...extra,
  };
}

export const ANA = user("2000000000000000001", "ana_test");
export const BOB = user("2000000000000000002", "bob_test", { verified: true, verified_type: "blue" });
/** Does not accept DMs from the brand. */
export const CLOSED = user("2000000000000000003", "closed_dms", { receives_your_dm: false });
export const WATCHER = user("2000000000000000004", "watcher_test");
const AUTHORS = [ANA, BOB, CLOSED];

/** The brand's own post that one customer quotes and another replies to. */
export const BRAND_POST: XTweet = tweet(
  ANCHOR_MS - 3 * 24 * 60 * MINUTE,
  1,
  BRAND.id,
  "Mañana a las 3:00 hay mantenimiento de red.",
  {},
);

function tweet(ms: number, seq: number, authorId: string, text: string, extra: Partial<XTweet>): XTweet {
  const id = snowflakeAt(ms, seq);
  return {
    id,
    text,
    edit_history_tweet_ids: [id],
    author_id: authorId,
    created_at: new Date(ms).toISOString(),
    conversation_id: id,
    lang: "es",
    public_metrics: {
      retweet_count: 0,
      reply_count: 0,
      like_count: 1,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 10,
    },
    ...extra,
  };
}

function mention(ms: number, seq: number, author: XUser, body: string, extra: Partial<XTweet> = {}): XTweet {
  const text = `@${BRAND.username} ${body}`;
  return tweet(ms, seq, author.id, text, {
    entities: {
      mentions: [{ start: 0, end: BRAND.username.length + 1, username: BRAND.username, id: BRAND.id }],
      ...(body.includes("#caida")
        ? { hashtags: [{ start: text.indexOf("#caida"), end: text.indexOf("#caida") + 6, tag: "caida" }] }
        : {}),
    },
    ...extra,
  });
}

export interface TestSeedOptions {
  /** Mentions before the anchor, one every 5 minutes going back (default 30). */
  mentionCount?: number;
}

/** Mentions visible at the anchor are numbered 0 (newest) .. n-1; three more arrive after it. */
export function buildTestSeed(options: TestSeedOptions = {}): SandboxSeed {
  const count = options.mentionCount ?? 30;
  const mentions: XTweet[] = [];
  for (let i = 0; i < count; i++) {
    const author = AUTHORS[i % AUTHORS.length]!;
    const body = i % 7 === 3 ? `sin internet desde ayer #caida (${i})` : `consulta número ${i} sobre mi factura`;
    mentions.push(mention(ANCHOR_MS - (i + 1) * 5 * MINUTE, 10 + i, author, body));
  }
  // A reply to the brand's post, and a quote of it (summoned), plus a post replying into a thread.
  mentions.push(
    mention(ANCHOR_MS - 2 * 24 * 60 * MINUTE, 5, BOB, "¿y a qué hora vuelve?", {
      conversation_id: BRAND_POST.id,
      in_reply_to_user_id: BRAND.id,
      referenced_tweets: [{ type: "replied_to", id: BRAND_POST.id }],
    }),
  );
  for (let i = 1; i <= 3; i++) {
    mentions.push(mention(ANCHOR_MS + i * 10 * MINUTE, 100 + i, ANA, `mensaje posterior ${i}`));
  }
  const others: XTweet[] = [
    tweet(ANCHOR_MS - 60 * MINUTE, 200, WATCHER.id, "Acmefibra otra vez caída en mi barrio", {}),
    tweet(ANCHOR_MS - 90 * MINUTE, 201, WATCHER.id, "La fibra de acmefibra vuela, contento", {}),
    tweet(ANCHOR_MS - 8 * 24 * 60 * MINUTE, 202, WATCHER.id, "acmefibra hace ocho días: fuera de la ventana", {}),
    tweet(ANCHOR_MS - 30 * MINUTE, 203, WATCHER.id, "RT @ana_test: acmefibra sin servicio", {
      referenced_tweets: [{ type: "retweeted", id: snowflakeAt(ANCHOR_MS - 31 * MINUTE, 204) }],
    }),
    tweet(ANCHOR_MS - 20 * MINUTE, 205, WATCHER.id, "Ojo: acmefibra cita un aviso", {
      referenced_tweets: [{ type: "quoted", id: BRAND_POST.id }],
    }),
    { ...BRAND_POST },
  ];
  return {
    brand: BRAND,
    users: [ANA, BOB, CLOSED, WATCHER],
    mentions,
    others: others.filter((post) => post.id !== BRAND_POST.id),
    referenced: [BRAND_POST],
  };
}

function page(posts: XTweet[], users: XUser[], referenced: XTweet[]): XTweetPage {
  return {
    data: posts,
    includes: { users, tweets: referenced },
    meta: { result_count: posts.length, newest_id: posts[0]!.id, oldest_id: posts[posts.length - 1]!.id },
  };
}

/** Writes the seed in the bundled scenario's file format and returns the directory. */
export function writeSeedDir(seed: SandboxSeed): string {
  const dir = mkdtempSync(join(tmpdir(), "xtriage-seed-"));
  const byNewest = (posts: XTweet[]) => [...posts].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  const before = byNewest(seed.mentions.filter((post) => Date.parse(post.created_at!) < ANCHOR_MS));
  const after = byNewest(seed.mentions.filter((post) => Date.parse(post.created_at!) >= ANCHOR_MS));
  writeFileSync(join(dir, "brand.json"), JSON.stringify(seed.brand));
  const half = Math.ceil(before.length / 2);
  const lines = [before.slice(0, half), before.slice(half)].map((posts) =>
    JSON.stringify(page(posts, seed.users, seed.referenced)),
  );
  writeFileSync(join(dir, "pages.jsonl"), `${lines.join("\n")}\n`);
  writeFileSync(join(dir, "later.jsonl"), `${JSON.stringify(page(after, seed.users, []))}\n`);
  writeFileSync(
    join(dir, "others.jsonl"),
    `${JSON.stringify(page(byNewest(seed.others), seed.users, seed.referenced))}\n`,
  );
  return dir;
}
