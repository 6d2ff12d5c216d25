import type { ResponseColumns, WaitingRow } from "../core/report.js";
import type { DB } from "./db.js";
import { bucketCache, detail, type Segment, type SegmentReader, segmentReader, wholeHours } from "./report-buckets.js";

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

export interface Period {
  since: string;
  until: string;
  /** Only this account's mentions (its X user id), or every account. */
  accountId: string | null;
}

/** What a report needs to know about each response besides its times and label. */
export interface ResponseDetails {
  account?: boolean;
  lang?: boolean;
  agent?: boolean;
}

/** The figures of the period's posts: volume cells, first responses, top hashtags. */
export interface PeriodFigures {
  volume: VolumeCell[];
  responses: ResponseColumns;
  hashtags: HashtagRow[];
}

const OF_ACCOUNT = "(@account IS NULL OR m.account_id = @account)";
const WAITING = "NOT (m.first_response_at IS NOT NULL OR m.status IN ('resolved', 'ignored'))";
/** A reply or DM sent, per the actions log (the column may lag behind it). */
const ANSWERED_IN_LOG =
  "EXISTS (SELECT 1 FROM actions a WHERE a.mention_id = m.id AND a.kind IN ('reply', 'dm') AND a.state = 'sent')";

/** A stretch of the period and what its posts hold. */
interface Part {
  start: string;
  end: string;
  data: Segment;
}

/**
 * The SQL of `xtriage report`. The period's posts are read per UTC hour from the cache of migration 3
 * (report-buckets.ts), and directly for the partial hours at its ends; the rest reads covering or
 * partial indexes (migration 2).
 */
/**
 * For a process that reads much of the file, as `report` does: mapped pages skip a copy of each
 * page into SQLite's page cache (about a third of the time of a first report on a large database).
 * Not for long writers such as `import`: the mapped pages count in their memory.
 */
export function mapForReading(db: DB): void {
  db.pragma("mmap_size = 2147418112");
}

export function reportRepo(db: DB) {
  const params = (p: Period) => ({ since: p.since, until: p.until, account: p.accountId });
  const reader = segmentReader(db);
  const cache = bucketCache(db, reader);
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
  const spend = db.prepare<Record<string, unknown>, { calls: number; usd: number }>(
    "SELECT count(*) AS calls, coalesce(sum(cost_usd), 0) AS usd FROM api_calls WHERE at >= @since AND at < @until",
  );
  const syncStates = db.prepare<Record<string, unknown>, SyncAlertRow>(`
    SELECT account_id, source, last_run_at, last_success_at, gaps, last_gap_at, last_gap_detail FROM sync_state
    WHERE @account IS NULL OR account_id = @account ORDER BY account_id, source`);
  const accounts = db.prepare<[], { id: string; handle: string }>("SELECT id, handle FROM accounts ORDER BY handle");

  /** The period in order: the partial hour at its start, the cached whole hours, the partial hour at its end. */
  function parts(p: Period): Part[] {
    const whole = wholeHours(p.since, p.until);
    if (!whole) return [{ start: p.since, end: p.until, data: reader.read(p.since, p.until) }];
    const { hours, rest } = cache.hours(whole.first, whole.end, cache.reconcile());
    cache.fill(hours);
    const out: Part[] = [{ start: p.since, end: whole.first, data: reader.read(p.since, whole.first) }];
    for (const h of hours) out.push({ start: h.start, end: h.end, data: h.cached! });
    if (rest !== null) out.push({ start: rest, end: whole.end, data: reader.read(rest, whole.end) });
    out.push({ start: whole.end, end: p.until, data: reader.read(whole.end, p.until) });
    return out;
  }

  /** First responses as columns, in the order the queries read them: the column's, then the log's. */
  function responses(p: Period, partsOfPeriod: Part[], details: ResponseDetails): ResponseColumns {
    const ofAccount = (data: Segment, i: number) => p.accountId === null || detail(data, "account", i) === p.accountId;
    const ranges: [Segment, number, number][] = [];
    for (const fromLog of [false, true]) {
      for (const { data } of partsOfPeriod) {
        ranges.push(fromLog ? [data, data.fromColumn, data.keys.length] : [data, 0, data.fromColumn]);
      }
    }
    let n = 0;
    for (const [data, from, to] of ranges) for (let i = from; i < to; i++) if (ofAccount(data, i)) n++;
    const out: ResponseColumns = {
      length: n,
      key: new Float64Array(n),
      created: new Float64Array(n),
      responded: new Float64Array(n),
      account: new Array(n),
      lang: new Array(n),
      label: new Array(n),
      agent: new Array(n),
    };
    let j = 0;
    for (const [data, from, to] of ranges) {
      for (let i = from; i < to; i++) {
        if (!ofAccount(data, i)) continue;
        out.key[j] = data.keys[i]!;
        out.created[j] = data.created[i]!;
        out.responded[j] = data.responded[i]!;
        out.account[j] = details.account ? detail(data, "account", i) : null;
        out.lang[j] = details.lang ? (detail(data, "lang", i) ?? "") : "";
        out.label[j] = detail(data, "label", i);
        out.agent[j] = details.agent ? detail(data, "assignee", i) : null;
        j++;
      }
    }
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
  }

  return {
    /**
     * Cache the whole hours of the period now, so that the next report does not pay for reading
     * them (after a bulk import: seconds for a million mentions).
     */
    warm(p: Period): void {
      parts(p);
    },

    /**
     * Volume cells, first responses (`details`: which per-response fields to fill) and the `limit` top
     * hashtags by distinct authors, with authors before and after `middle`.
     */
    figures(p: Period, details: ResponseDetails, middle: string, limit: number): PeriodFigures {
      const partsOfPeriod = parts(p);
      return {
        volume: volumeCells(partsOfPeriod, p.accountId),
        responses: responses(p, partsOfPeriod, details),
        hashtags: topHashtags(partsOfPeriod, p.accountId, middle, limit, reader),
      };
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
    spend: (p: Period) => spend.get(params(p))!,
    syncStates: (accountId: string | null): SyncAlertRow[] => syncStates.all({ account: accountId }),
    accounts: () => accounts.all(),
  };
}

/** The parts' volume cells of the account (or all), merged by hour, status, label and language. */
function volumeCells(parts: Part[], accountId: string | null): VolumeCell[] {
  const cells = new Map<string, VolumeCell>();
  for (const { data } of parts) {
    for (const [account, hour, status, label, lang, n] of data.volume) {
      if (accountId !== null && account !== accountId) continue;
      const key = `${hour}\u0000${status}\u0000${label}\u0000${lang}`;
      const cell = cells.get(key);
      if (cell) cell.n += n;
      else cells.set(key, { hour, status, label, lang, n });
    }
  }
  return [...cells.values()];
}

interface TagTally {
  posts: number;
  authors: Set<string>;
  earlier: Set<string>;
  later: Set<string>;
}

/**
 * Hashtags by distinct authors, then posts, then tag (in SQLite's byte order), with the distinct
 * authors before and after `middle`. A part wholly on one side of the middle counts from its groups;
 * the part holding it reads its rows one by one.
 */
function topHashtags(
  parts: Part[],
  accountId: string | null,
  middle: string,
  limit: number,
  reader: SegmentReader,
): HashtagRow[] {
  const tags = new Map<string, TagTally>();
  const tally = (tag: string) => {
    let t = tags.get(tag);
    if (!t) {
      t = { posts: 0, authors: new Set(), earlier: new Set(), later: new Set() };
      tags.set(tag, t);
    }
    return t;
  };
  const ofAccount = (a: string | null) => accountId === null || a === accountId;
  for (const { start, end, data } of parts) {
    if (start < middle && middle < end) {
      for (const [account, tag, author, early] of reader.hashtagRows(start, end, middle)) {
        if (!ofAccount(account)) continue;
        const t = tally(tag);
        t.posts++;
        t.authors.add(author);
        (early ? t.earlier : t.later).add(author);
      }
      continue;
    }
    const early = end <= middle;
    for (const [account, tag, posts, authors] of data.hashtags) {
      if (!ofAccount(account)) continue;
      const t = tally(tag);
      t.posts += posts;
      const side = early ? t.earlier : t.later;
      for (const a of authors) {
        t.authors.add(a);
        side.add(a);
      }
    }
  }
  const rows = [...tags].map(([tag, t]) => ({
    tag,
    posts: t.posts,
    authors: t.authors.size,
    earlier_authors: t.earlier.size,
    later_authors: t.later.size,
  }));
  rows.sort(
    (a, b) => b.authors - a.authors || b.posts - a.posts || Buffer.compare(Buffer.from(a.tag), Buffer.from(b.tag)),
  );
  return rows.slice(0, Math.max(0, limit));
}

/** How far back from the newest post the report cache is filled: reports look at days or weeks. */
const WARM_DAYS = 90;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Fill the report cache for the hours of the mentions past `afterRowid` (at most the last WARM_DAYS
 * of them). `import` calls it for what it added, and opening a database that predates the cache
 * calls it for everything (afterUpgrade in src/context.ts).
 */
export function warmRecentHours(db: DB, afterRowid: number): void {
  const range = db
    .prepare<[number], { first: string | null; last: string | null }>(
      "SELECT min(created_at) AS first, max(created_at) AS last FROM mentions WHERE rowid > ?",
    )
    .get(afterRowid);
  if (!range?.first || !range.last) return;
  const lastMs = Date.parse(range.last);
  const firstMs = Date.parse(range.first);
  if (Number.isNaN(lastMs) || Number.isNaN(firstMs)) return;
  const reports = reportRepo(db);
  // a day at a time, on hour boundaries (each hour whole in one window): what a day's hours hold is
  // let go before the next day is read, so memory stays flat
  const end = lastMs + 1;
  const start = Math.floor(Math.max(firstMs, lastMs - WARM_DAYS * DAY_MS) / HOUR_MS) * HOUR_MS;
  for (let from = start; from < end; from += DAY_MS) {
    const to = Math.min(from + DAY_MS, end);
    // since a millisecond before the hour: periods compare as strings, and an hour is whole in a
    // period only when every string of that hour sorts after its start
    reports.warm({ since: new Date(from - 1).toISOString(), until: new Date(to).toISOString(), accountId: null });
  }
}
