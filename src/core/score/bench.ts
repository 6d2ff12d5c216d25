import type { Author, Post, ScoreContext } from "../types.js";
import { defaultScoringConfig } from "./config.js";
import { score } from "./index.js";
import { seededRandom } from "./learn.js";
import { MODEL_BYTES } from "./model.js";

const WORDS = {
  es: [
    "llevo",
    "dos",
    "días",
    "sin",
    "internet",
    "por",
    "favor",
    "ayuda",
    "me",
    "cobraron",
    "dos",
    "veces",
    "la",
    "factura",
    "gracias",
    "equipo",
    "genial",
    "pésimo",
    "servicio",
    "pedido",
    "no",
    "ha",
    "llegado",
    "vaya",
    "vergüenza",
    "jajaja",
    "payasos",
    "quiero",
    "darme",
    "de",
    "baja",
    "hoy",
    "mañana",
    "la",
    "app",
    "no",
    "funciona",
  ],
  en: [
    "my",
    "order",
    "never",
    "arrived",
    "please",
    "help",
    "charged",
    "twice",
    "thanks",
    "team",
    "great",
    "service",
    "worst",
    "app",
    "down",
    "again",
    "lol",
    "clowns",
    "cancel",
    "account",
    "flight",
    "delayed",
    "hours",
    "bag",
    "lost",
    "love",
    "this",
    "why",
    "is",
    "the",
    "wifi",
    "not",
    "working",
    "today",
  ],
} as const;

/** A deterministic stream of synthetic posts (no real texts): Spanish and English word salad. */
export function syntheticPosts(n: number, seed = 7): Post[] {
  const random = seededRandom(seed);
  const posts: Post[] = [];
  for (let i = 0; i < n; i++) {
    const lang = random() < 0.6 ? "es" : "en";
    const words = WORDS[lang];
    const length = 6 + Math.floor(random() * 20);
    const text = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(" ");
    posts.push({
      id: String(i + 1),
      text: `@marca ${text}${random() < 0.3 ? " #caida" : ""}${random() < 0.2 ? " 😡" : ""}`,
      lang: random() < 0.2 ? "" : lang,
      createdAt: "2026-01-01T00:00:00Z",
      authorId: String(i % 50),
      conversationId: String(i + 1),
      inReplyToUserId: "",
      repliedToId: "",
      quotedId: "",
      isRetweet: false,
      hashtags: [],
      mentions: ["marca"],
      urls: [],
      metrics: { retweets: i % 3, replies: i % 5, likes: i % 11, quotes: 0, impressions: 100 },
    });
  }
  return posts;
}

/**
 * Posts per second scoring `n` synthetic posts on this thread (the median of `runs` passes, after a
 * warm-up), and the size of the model file's weights.
 */
export function benchScore(n: number, runs = 5): { postsPerSecond: number; modelBytes: number } {
  const posts = syntheticPosts(n);
  const author: Author = {
    id: "1",
    username: "someone",
    name: "Someone",
    description: "",
    location: "",
    createdAt: "2020-01-01T00:00:00Z",
    followers: 120,
    following: 200,
    posts: 3000,
    listed: 1,
    verified: false,
    verifiedType: "none",
    protected: false,
  };
  const ctx: ScoreContext = {
    now: new Date("2026-01-01T01:00:00Z"),
    hashtagAuthors24h: new Map([["caida", 12]]),
    history: { contacts24h: 1, pastTrollLabels: 0, pastGenuineLabels: 0 },
    config: defaultScoringConfig(),
  };
  for (const post of posts.slice(0, Math.min(2000, n))) score(post, author, ctx);
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    for (const post of posts) score(post, author, ctx);
    rates.push(n / Math.max((performance.now() - started) / 1000, 1e-9));
  }
  rates.sort((a, b) => a - b);
  return { postsPerSecond: Math.round(rates[Math.floor(rates.length / 2)] as number), modelBytes: MODEL_BYTES };
}
