/**
 * Deterministic synthetic mentions for benchmarks: X API v2 mention pages (100 posts each), written
 * as JSONL. No real texts: phrases are assembled from small hand-written pieces with a seeded PRNG.
 */
import { createWriteStream } from "node:fs";
import { seededRandom } from "../src/core/score/learn.js";

export const BENCH_NOW = "2026-11-20T12:00:00.000Z";
const EPOCH = 1288834974657n;
const DAY_MS = 86_400_000;

const OPENERS = ["@fibranova", "@fibranova hola,", "@fibranova hey", "@fibranova buenas,", "@fibranova hi"];
const BODIES = [
  "llevo dos días sin fibra en casa y nadie me da una fecha",
  "me habéis cobrado dos veces la factura de este mes",
  "the router keeps rebooting every hour since the update",
  "¿cuándo llega el técnico? me dijeron el martes",
  "gracias por la ayuda de ayer, todo funciona genial",
  "my number transfer failed and now I have no line at all",
  "qué servicio tan malo, os pienso denunciar en consumo",
  "is there an outage in Valencia right now?",
  "quiero darme de baja y no me dejáis",
  "vaya payasos, ni para eso valéis",
];
const CLOSERS = ["", " #CaidaFibraNova", " #FibraNovaNoCumple", " 😡", " 🙏", " ¿alguien más?", " please help"];

export async function writeSyntheticPages(path: string, n: number, seed = 42): Promise<void> {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const authors = Math.max(10, Math.floor(n / 5));
  const now = Date.parse(BENCH_NOW);
  const out = createWriteStream(path);
  const pageSize = 100;
  for (let start = 0; start < n; start += pageSize) {
    const data: unknown[] = [];
    const users = new Map<string, unknown>();
    for (let i = start; i < Math.min(n, start + pageSize); i++) {
      // newest first, spread over 30 days
      const ms = now - Math.floor(((i + rand()) / n) * 30 * DAY_MS) - 1000;
      const id = (((BigInt(ms) - EPOCH) << 22n) | BigInt(i % 4096)).toString();
      const authorNo = Math.floor(rand() * authors);
      const authorId = String(10_000_000 + authorNo);
      const text = `${pick(OPENERS)} ${pick(BODIES)}${pick(CLOSERS)}`;
      const tags = [...text.matchAll(/#(\w+)/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        tag: m[1],
      }));
      data.push({
        id,
        text,
        author_id: authorId,
        created_at: new Date(ms).toISOString(),
        conversation_id: id,
        lang: /[¿áéíóúñ]|llevo|quiero|qué|vaya/.test(text) ? "es" : "en",
        edit_history_tweet_ids: [id],
        entities: {
          mentions: [{ start: 0, end: 10, username: "fibranova", id: "1187342600510951424" }],
          ...(tags.length ? { hashtags: tags } : {}),
        },
        public_metrics: {
          retweet_count: 0,
          reply_count: Math.floor(rand() * 3),
          like_count: Math.floor(rand() * 10),
          quote_count: 0,
          bookmark_count: 0,
          impression_count: Math.floor(rand() * 500),
        },
      });
      if (!users.has(authorId)) {
        users.set(authorId, {
          id: authorId,
          username: `user${authorNo}`,
          name: `User ${authorNo}`,
          created_at: new Date(now - (authorNo % 4000) * DAY_MS).toISOString(),
          description: authorNo % 3 === 0 ? "" : "Cliente de FibraNova",
          location: authorNo % 2 === 0 ? "Madrid" : "CDMX",
          verified: false,
          protected: false,
          public_metrics: {
            // a property of the author, the same on every page, as X would send it
            followers_count: Math.floor(10 ** ((authorNo % 97) / 24)),
            following_count: 200,
            tweet_count: 3000,
            listed_count: 1,
            like_count: 100,
          },
        });
      }
    }
    const first = data[0] as { id: string };
    const last = data[data.length - 1] as { id: string };
    const page = {
      data,
      includes: { users: [...users.values()] },
      meta: { result_count: data.length, newest_id: first.id, oldest_id: last.id, next_token: `p${start}` },
    };
    if (!out.write(`${JSON.stringify(page)}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
