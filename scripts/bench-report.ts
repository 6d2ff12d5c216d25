/**
 * A synthetic care-desk database for `report` benchmarks, written with direct SQL inserts (going
 * through `xtriage import` would take minutes for 1M mentions). Mentions over 30 days, most of them
 * answered (a reply sent, in the actions log and the column), some resolved with follow-ups, trolls
 * ignored, hashtags, and a cost ledger. No real texts.
 */
import { seededRandom } from "../src/core/score/learn.js";
import { openDb } from "../src/store/db.js";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const TAGS = ["caidafibranova", "fibranovanocumple", "promo", "blackfriday", "soporte", "fibra", "router", "factura"];
const AGENTS = ["ana", "bob", "carla", "dani", "eva"];

export function writeReportDatabase(path: string, n: number, nowIso: string, seed = 7): void {
  const rand = seededRandom(seed);
  const now = Date.parse(nowIso);
  const db = openDb(path);
  db.pragma("synchronous = OFF");
  const mention = db.prepare(`
    INSERT INTO mentions (id, account_id, author_id, text, lang, created_at, source, raw_json, fetched_at, label,
      troll, priority, status, assignee, first_response_at, resolved_at)
    VALUES (?, '100', ?, ?, ?, ?, 'mentions', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const action = db.prepare(
    "INSERT INTO actions (mention_id, kind, state, agent, text, created_at, updated_at) VALUES (?, ?, 'sent', ?, ?, ?, ?)",
  );
  const tag = db.prepare("INSERT INTO mention_hashtags (mention_id, tag, author_id, created_at) VALUES (?, ?, ?, ?)");
  const followup = db.prepare(
    "INSERT INTO followups (mention_id, due_at, agent, done_at, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const call = db.prepare(
    "INSERT INTO api_calls (at, method, endpoint, status, posts, cost_usd) VALUES (?, 'GET', '/2/users/:id/mentions', 200, 20, 0.1)",
  );
  const filler = JSON.stringify({ text: "x".repeat(400), public_metrics: { like_count: 1 } });
  const batch = 50_000;
  for (let start = 0; start < n; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const created = now - Math.floor(((i + rand()) / n) * 30 * DAY_MS) - 1000;
        const createdIso = new Date(created).toISOString();
        const id = String(1_900_000_000_000_000_000n + BigInt(n - i));
        const author = String(10_000_000 + Math.floor(rand() * (n / 5)));
        const r = rand();
        const label = r < 0.15 ? "troll" : r < 0.3 ? "unsure" : "genuine";
        const recent = now - created < 6 * 3_600_000;
        const answered = label !== "troll" ? !recent || rand() < 0.5 : rand() < 0.2;
        const agent = AGENTS[Math.floor(rand() * AGENTS.length)]!;
        const answeredAt = answered ? Math.min(now - 1000, created + Math.floor(1 + rand() ** 2 * 600) * MINUTE_MS) : 0;
        const resolved = answered && !recent && rand() < 0.4 ? answeredAt + DAY_MS / 2 : 0;
        const status = resolved
          ? "resolved"
          : answered
            ? rand() < 0.8
              ? "replied"
              : "dm"
            : label === "troll" && !recent
              ? "ignored"
              : "new";
        const answeredIso = answered ? new Date(answeredAt).toISOString() : null;
        mention.run(
          id,
          author,
          `@fibranova caso ${i}`,
          rand() < 0.7 ? "es" : "en",
          createdIso,
          filler,
          createdIso,
          label,
          label === "troll" ? 0.9 : 0.1,
          Math.floor(rand() * 100),
          status,
          answered ? agent : null,
          answeredIso,
          resolved && resolved < now ? new Date(resolved).toISOString() : null,
        );
        if (answeredIso)
          action.run(id, status === "dm" ? "dm" : "reply", agent, "gracias, lo miramos", answeredIso, answeredIso);
        if (rand() < 0.25) tag.run(id, TAGS[Math.floor(rand() * TAGS.length)]!, author, createdIso);
        if (resolved && rand() < 0.3) {
          const due = resolved + 2 * DAY_MS;
          followup.run(
            id,
            new Date(due).toISOString(),
            agent,
            due < now ? new Date(due).toISOString() : null,
            createdIso,
          );
        }
      }
    })();
  }
  db.transaction(() => {
    for (let t = now - 30 * DAY_MS; t < now; t += 5 * MINUTE_MS) call.run(new Date(t).toISOString());
  })();
  db.pragma("optimize");
  db.close();
}
