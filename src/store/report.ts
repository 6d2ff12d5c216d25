import type { ResponseColumns, WaitingRow } from "../core/report.js";
import type { DB } from "./db.js";

/** Mentions in a period grouped by UTC hour, status, label and language: one pass over the index. */
export interface VolumeCell {
  hour: string;
  status: string;
  label: string;
  lang: string;
  n: number;
}

export interface FollowupRow {
  id: number;
  mention_id: string;
  due_at: string;
  agent: string;
  note: string;
}

export interface HashtagRow {
  tag: string;
  posts: number;
  authors: number;
  earlier_authors: number;
  later_authors: number;
}

export interface SyncAlertRow {
  account_id: string;
  source: string;
  last_run_at: string | null;
  last_success_at: string | null;
  gaps: number;
  last_gap_at: string | null;
  last_gap_detail: string | null;
}

type ResponseTuple = [number, number, number, string | null, string | null, string | null, string | null];

export interface Period {
  since: string;
  until: string;
  /** Only this account's mentions (its X user id), or every account. */
  accountId: string | null;
}

const OF_ACCOUNT = "(@account IS NULL OR m.account_id = @account)";
const WAITING = "NOT (m.first_response_at IS NOT NULL OR m.status IN ('resolved', 'ignored'))";
/** A reply or DM sent, per the actions log (the column may lag behind it). */
const ANSWERED_IN_LOG =
  "EXISTS (SELECT 1 FROM actions a WHERE a.mention_id = m.id AND a.kind IN ('reply', 'dm') AND a.state = 'sent')";

/**
 * An ISO time as a Julian day number, computed by SQLite: cheaper than unixepoch() or a million
 * Date.parse calls. fromJulianDay() turns it into UTC ms.
 */
const EPOCH_MS = (column: string) => `julianday(${column})`;
const UNIX_EPOCH_JULIAN_DAY = 2440587.5;
const fromJulianDay = (jd: number) => Math.round((jd - UNIX_EPOCH_JULIAN_DAY) * 86_400_000);
/** Per-response details, NULL unless asked for: a million strings fewer when a report needs none. */
const DETAILS = `CASE WHEN @withAccount THEN m.account_id END, CASE WHEN @withLang THEN m.lang END, m.label,
  CASE WHEN @withAgent THEN m.assignee END`;

/** What a report needs to know about each response besides its times and label. */
export interface ResponseDetails {
  account?: boolean;
  lang?: boolean;
  agent?: boolean;
}

/** The SQL of `xtriage report`: every query reads a covering or partial index (migration 2). */
export function reportRepo(db: DB) {
  const params = (p: Period) => ({ since: p.since, until: p.until, account: p.accountId });
  const volume = db.prepare<Record<string, unknown>, VolumeCell>(`
    SELECT substr(m.created_at, 1, 13) AS hour, m.status, coalesce(m.label, 'unscored') AS label, m.lang, count(*) AS n
    FROM mentions m INDEXED BY mentions_created
    WHERE m.created_at >= @since AND m.created_at < @until AND ${OF_ACCOUNT}
    GROUP BY hour, m.status, label, m.lang`);
  // The column is stamped by the actions code when the first reply or DM is sent; rows it missed
  // (answered but unstamped) take their first sent reply or DM from the log.
  const fromColumn = db.prepare(`
    SELECT m.rowid, ${EPOCH_MS("m.created_at")}, ${EPOCH_MS("m.first_response_at")}, ${DETAILS}
    FROM mentions m INDEXED BY mentions_created
    WHERE m.created_at >= @since AND m.created_at < @until AND m.first_response_at IS NOT NULL AND ${OF_ACCOUNT}`);
  const fromLog = db.prepare(`
    SELECT * FROM (
      SELECT m.rowid, ${EPOCH_MS("m.created_at")},
        (SELECT ${EPOCH_MS("min(a.created_at)")} FROM actions a
         WHERE a.mention_id = m.id AND a.kind IN ('reply', 'dm') AND a.state = 'sent') AS first_response_ms,
        ${DETAILS}
      FROM mentions m INDEXED BY mentions_created
      WHERE m.created_at >= @since AND m.created_at < @until AND m.first_response_at IS NULL
        AND m.status NOT IN ('new', 'ignored') AND ${OF_ACCOUNT})
    WHERE first_response_ms IS NOT NULL`);
  const firstAgents = db.prepare(`
    SELECT m.rowid, a.agent FROM actions a JOIN mentions m ON m.id = a.mention_id
    WHERE a.kind IN ('reply', 'dm') AND a.state = 'sent' AND a.created_at >= @since
      AND m.created_at >= @since AND m.created_at < @until AND ${OF_ACCOUNT}
    ORDER BY a.created_at DESC`);
  const caseOf = db.prepare<[number], { id: string; created_at: string }>(
    "SELECT id, created_at FROM mentions WHERE rowid = ?",
  );
  const tagsOf = db.prepare(`
    SELECT m.rowid, h.tag FROM mention_hashtags h JOIN mentions m ON m.id = h.mention_id
    WHERE h.created_at >= @since AND h.created_at < @until AND ${OF_ACCOUNT}`);
  const waiting = db.prepare<Record<string, unknown>, WaitingRow>(`
    SELECT m.id, m.created_at, m.account_id, m.status, m.label, m.assignee FROM mentions m
    WHERE ${WAITING} AND ${OF_ACCOUNT} AND NOT ${ANSWERED_IN_LOG} ORDER BY m.created_at, m.id`);
  const openFollowups = db.prepare<Record<string, unknown>, FollowupRow>(`
    SELECT f.id, f.mention_id, f.due_at, f.agent, f.note FROM followups f JOIN mentions m ON m.id = f.mention_id
    WHERE f.done_at IS NULL AND f.due_at < @before AND ${OF_ACCOUNT} ORDER BY f.due_at, f.id`);
  const resolvedWithoutFollowup = db.prepare<Record<string, unknown>, { resolved: number; without: number }>(`
    SELECT count(*) AS resolved,
      coalesce(sum(NOT EXISTS (SELECT 1 FROM followups f WHERE f.mention_id = m.id)), 0) AS without
    FROM mentions m
    WHERE m.resolved_at IS NOT NULL AND m.resolved_at >= @since AND m.resolved_at < @until AND ${OF_ACCOUNT}`);
  const hashtags = db.prepare<Record<string, unknown>, HashtagRow>(`
    SELECT h.tag, count(*) AS posts, count(DISTINCT h.author_id) AS authors,
      count(DISTINCT CASE WHEN h.created_at < @middle THEN h.author_id END) AS earlier_authors,
      count(DISTINCT CASE WHEN h.created_at >= @middle THEN h.author_id END) AS later_authors
    FROM mention_hashtags h
    WHERE h.created_at >= @since AND h.created_at < @until
      AND (@account IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.id = h.mention_id AND m.account_id = @account))
    GROUP BY h.tag ORDER BY authors DESC, posts DESC, h.tag LIMIT @limit`);
  const spend = db.prepare<Record<string, unknown>, { calls: number; usd: number }>(
    "SELECT count(*) AS calls, coalesce(sum(cost_usd), 0) AS usd FROM api_calls WHERE at >= @since AND at < @until",
  );
  const syncStates = db.prepare<Record<string, unknown>, SyncAlertRow>(`
    SELECT account_id, source, last_run_at, last_success_at, gaps, last_gap_at, last_gap_detail FROM sync_state
    WHERE @account IS NULL OR account_id = @account ORDER BY account_id, source`);
  const accounts = db.prepare<[], { id: string; handle: string }>("SELECT id, handle FROM accounts ORDER BY handle");

  return {
    volume: (p: Period): VolumeCell[] => volume.all(params(p)),
    /** First responses of posts created in the period, as columns; `agents`: who sent each, from the log. */
    responses(p: Period, details: ResponseDetails = {}): ResponseColumns {
      const args = {
        ...params(p),
        withAccount: details.account ? 1 : 0,
        withLang: details.lang ? 1 : 0,
        withAgent: details.agent ? 1 : 0,
      };
      const key: number[] = [];
      const created: number[] = [];
      const responded: number[] = [];
      const account: (string | null)[] = [];
      const lang: string[] = [];
      const label: (string | null)[] = [];
      const agent: (string | null)[] = [];
      for (const source of [fromColumn, fromLog]) {
        for (const r of source.raw(true).iterate(args) as Iterable<ResponseTuple>) {
          key.push(r[0]);
          created.push(fromJulianDay(r[1]));
          responded.push(fromJulianDay(r[2]));
          account.push(r[3]);
          lang.push(r[4] ?? "");
          label.push(r[5]);
          agent.push(r[6]);
        }
      }
      const n = key.length;
      const out: ResponseColumns = {
        length: n,
        key: Float64Array.from(key),
        created: Float64Array.from(created),
        responded: Float64Array.from(responded),
        account,
        lang,
        label,
        agent,
      };
      if (details.agent) {
        const index = new Map<number, number>();
        for (let i = 0; i < n; i++) index.set(out.key[i]!, i);
        // latest first, so the first response's agent is written last
        for (const [key, agent] of firstAgents.raw(true).iterate(params(p)) as Iterable<[number, string]>) {
          const i = index.get(key);
          if (i !== undefined && agent) out.agent[i] = agent;
        }
      }
      return out;
    },
    caseOf: (key: number) => caseOf.get(key) ?? { id: String(key), created_at: "" },
    tagsOf(p: Period, normalize: (tag: string) => string): Map<number, string[]> {
      const out = new Map<number, string[]>();
      for (const [key, tag] of tagsOf.raw(true).iterate(params(p)) as Iterable<[number, string]>) {
        const list = out.get(key);
        if (list) list.push(normalize(tag));
        else out.set(key, [normalize(tag)]);
      }
      return out;
    },
    waiting: (accountId: string | null): WaitingRow[] => waiting.all({ account: accountId }),
    /** Follow-ups not done and due before `before`, oldest first. */
    openFollowups: (before: string, accountId: string | null): FollowupRow[] =>
      openFollowups.all({ before, account: accountId }),
    resolvedWithoutFollowup: (p: Period) => resolvedWithoutFollowup.get(params(p))!,
    hashtags: (p: Period, middle: string, limit: number): HashtagRow[] => hashtags.all({ ...params(p), middle, limit }),
    spend: (p: Period) => spend.get(params(p))!,
    syncStates: (accountId: string | null): SyncAlertRow[] => syncStates.all({ account: accountId }),
    accounts: () => accounts.all(),
  };
}
