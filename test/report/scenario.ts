/**
 * A small hand-built care desk on a pinned clock, for report tests. Every expected figure in the
 * report tests is computed by hand from the rows below (times UTC; Madrid is UTC+1 in November).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tagKey } from "../../src/core/tags.js";
import { openDb } from "../../src/store/db.js";

export const NOW = "2026-11-20T12:00:00.000Z";
export const ACCOUNT_ID = "100";

interface M {
  id: string;
  created: string;
  status: string;
  label: string | null;
  lang: string;
  firstResponseColumn?: string;
  assignee?: string;
  resolvedAt?: string;
  tags?: string[];
}

const MENTIONS: M[] = [
  // 21:50 Madrid, answered 08:10 next morning: 20 business minutes (620 by the wall clock); the column
  // is stamped by the reply, as the actions code does (m2, m3 and m6 are answered in the log only)
  {
    id: "1",
    created: "2026-11-19T20:50:00Z",
    status: "replied",
    label: "genuine",
    lang: "es",
    firstResponseColumn: "2026-11-20T07:10:00Z",
    tags: ["promo"],
  },
  {
    id: "2",
    created: "2026-11-19T13:00:00Z",
    status: "resolved",
    label: "genuine",
    lang: "en",
    resolvedAt: "2026-11-19T14:00:00Z",
  },
  {
    id: "3",
    created: "2026-11-19T14:00:00Z",
    status: "resolved",
    label: "unsure",
    lang: "es",
    resolvedAt: "2026-11-19T18:00:00Z",
    tags: ["CaidaFibra"],
  },
  // answered only according to the column (no action logged): 360 minutes, past the ceiling
  {
    id: "4",
    created: "2026-11-19T15:00:00Z",
    status: "replied",
    label: "genuine",
    lang: "es",
    firstResponseColumn: "2026-11-19T21:00:00Z",
    assignee: "carla",
    tags: ["promo"],
  },
  { id: "5", created: "2026-11-19T16:00:00Z", status: "ignored", label: "troll", lang: "es" },
  { id: "6", created: "2026-11-19T17:00:00Z", status: "replied", label: "troll", lang: "en" },
  // waiting since 05:00 Madrid: 300 business minutes at 13:00 (480 by the wall clock)
  { id: "7", created: "2026-11-20T04:00:00Z", status: "new", label: "genuine", lang: "es", tags: ["CaidaFibra"] },
  // waiting since before the period: 660 + 840 + 300 = 1800 business minutes
  { id: "8", created: "2026-11-18T10:00:00Z", status: "pending", label: "genuine", lang: "es" },
  // a failed reply is no answer: waiting 120 minutes
  { id: "9", created: "2026-11-20T10:00:00Z", status: "new", label: "genuine", lang: "es", tags: ["CaídaFibra"] },
  // before the period
  {
    id: "10",
    created: "2026-11-19T11:00:00Z",
    status: "replied",
    label: "genuine",
    lang: "es",
    firstResponseColumn: "2026-11-19T11:30:00Z",
  },
];

const ACTIONS: [mention: string, kind: string, state: string, agent: string, at: string][] = [
  ["1", "note", "done", "ana", "2026-11-19T21:00:00Z"],
  ["1", "reply", "sent", "ana", "2026-11-20T07:10:00Z"],
  ["1", "reply", "sent", "bob", "2026-11-20T08:00:00Z"],
  ["2", "dm", "sent", "bob", "2026-11-19T13:30:00Z"],
  ["3", "reply", "dry-run", "ana", "2026-11-19T14:10:00Z"],
  ["3", "reply", "sent", "ana", "2026-11-19T16:00:00Z"],
  ["6", "reply", "sent", "bob", "2026-11-19T17:05:00Z"],
  ["9", "reply", "failed", "ana", "2026-11-20T10:10:00Z"],
  ["10", "reply", "sent", "ana", "2026-11-19T11:30:00Z"],
];

export const MADRID_HOURS = '    business_hours: { tz: Europe/Madrid, start: "08:00", end: "22:00" }\n';

export function writeConfig(dir: string, businessHours = true): string {
  const path = join(dir, "config.yaml");
  writeFileSync(
    path,
    "accounts:\n" +
      `  - handle: marca\n    id: "${ACCOUNT_ID}"\n` +
      "    sla: { first_response_minutes: 60, ceiling_minutes: 300 }\n" +
      (businessHours ? MADRID_HOURS : ""),
  );
  return path;
}

export interface ScenarioOptions {
  /** Leave out the breached and overdue rows (a desk in good shape). */
  healthy?: boolean;
  sync?: { lastSuccess: string; lastGap?: string }[];
}

/** Create the database at `path` and fill it with the scenario. */
export function buildScenario(path: string, opts: ScenarioOptions = {}): void {
  const db = openDb(path);
  const mention = db.prepare(`
    INSERT INTO mentions (id, account_id, author_id, text, lang, created_at, source, raw_json, fetched_at, label,
      status, assignee, first_response_at, resolved_at)
    VALUES (@id, @account, @author, @text, @lang, @created, 'mentions', '{}', @created, @label, @status, @assignee,
      @first, @resolved)`);
  const tag = db.prepare("INSERT INTO mention_hashtags (mention_id, tag, author_id, created_at) VALUES (?, ?, ?, ?)");
  const action = db.prepare(
    "INSERT INTO actions (mention_id, kind, state, agent, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const followup = db.prepare(
    "INSERT INTO followups (mention_id, due_at, note, agent, done_at, created_at) VALUES (?, ?, 'call back', ?, ?, ?)",
  );
  const call = db.prepare(
    "INSERT INTO api_calls (at, method, endpoint, status, cost_usd) VALUES (?, 'GET', '/2/users/:id/mentions', 200, ?)",
  );
  const sync = db.prepare(
    "INSERT INTO sync_state (account_id, source, last_run_at, last_success_at, last_gap_at, last_gap_detail) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const skip = opts.healthy ? new Set(["4", "8"]) : new Set<string>();
  db.transaction(() => {
    for (const m of MENTIONS) {
      if (skip.has(m.id)) continue;
      mention.run({
        id: m.id,
        account: ACCOUNT_ID,
        author: `a${m.id}`,
        text: `@marca caso de prueba ${m.id}`,
        lang: m.lang,
        created: m.created,
        label: m.label,
        status: m.status,
        assignee: m.assignee ?? null,
        first: m.firstResponseColumn ?? null,
        resolved: m.resolvedAt ?? null,
      });
      for (const t of new Set((m.tags ?? []).map(tagKey))) tag.run(m.id, t, `a${m.id}`, m.created);
    }
    for (const [mention, kind, state, agent, at] of ACTIONS) {
      if (!skip.has(mention)) action.run(mention, kind, state, agent, at, at);
    }
    // overdue by 180 minutes; due within the next 24 h; due later; done
    if (!opts.healthy) followup.run("2", "2026-11-20T09:00:00Z", "bob", null, "2026-11-19T14:00:00Z");
    followup.run("1", "2026-11-21T08:00:00Z", "ana", null, "2026-11-20T07:10:00Z");
    followup.run("6", "2026-11-25T08:00:00Z", "bob", null, "2026-11-19T17:05:00Z");
    followup.run("6", "2026-11-19T18:00:00Z", "bob", "2026-11-19T18:30:00Z", "2026-11-19T17:05:00Z");
    call.run("2026-11-19T10:00:00Z", 0.5);
    call.run("2026-11-19T12:30:00Z", 0.005);
    call.run("2026-11-20T11:00:00Z", 0.01);
    for (const [i, s] of (opts.sync ?? []).entries()) {
      sync.run(
        ACCOUNT_ID,
        `source${i}`,
        s.lastSuccess,
        s.lastSuccess,
        s.lastGap ?? null,
        s.lastGap ? "800 reached" : null,
      );
    }
  })();
  db.close();
}
