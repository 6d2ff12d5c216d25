/**
 * What `report` reads about the mentions created in a span of time (a segment), and a cache of it
 * per UTC hour (table report_buckets, migration 3), so a 30-day report reads 720 rows instead of a
 * million mentions.
 *
 * Every write that could change a cached hour, except an insert, fires a trigger that drops the hour
 * (migration 3). Inserts (no trigger on the import path) are found by reconcile(): mentions past the
 * highest rowid it last saw are new, and their hours are dropped; when the row counts show writes it
 * cannot account for (a delete dropped its state), each cached hour is checked against its fingerprint,
 * the number and rowid sum of its mentions and the number of its hashtag rows. Segments hold raw
 * times, never minutes: nothing cached depends on the config or the clock, so a change of business
 * hours needs no invalidation.
 */
import type { DB } from "./db.js";

/** Posts created in the segment, by (account, UTC hour, status, label, language). */
export type VolumeRow = [account: string | null, hour: string, status: string, label: string, lang: string, n: number];
/** A hashtag's posts and distinct authors among one account's mentions in the segment. */
export type TagGroup = [account: string | null, tag: string, posts: number, authors: string[]];

export interface Segment {
  volume: VolumeRow[];
  /** First responses: the first `fromColumn` rows were stamped in the column, the rest found in the log. */
  fromColumn: number;
  /** Mention rowid, post created and first response (UTC ms), per response. */
  keys: Float64Array;
  created: Float64Array;
  responded: Float64Array;
  /** Per response, codes into `dictionary`: n accounts, then n labels, n languages, n assignees. */
  details: ArrayLike<number>;
  dictionary: (string | null)[];
  hashtags: TagGroup[];
}

/** Which detail of a response, as an offset into a segment's `details` (times its length). */
export const DETAIL = { account: 0, label: 1, lang: 2, assignee: 3 } as const;

/** A response's detail as a string (or null). */
export function detail(s: Segment, which: keyof typeof DETAIL, i: number): string | null {
  return s.dictionary[s.details[DETAIL[which] * s.keys.length + i]!]!;
}

/** A segment's data as SQL rows, for building a cache row or answering directly. */
type ResponseTuple = [number, number, number, string | null, string | null, string | null, string | null];

const UNIX_EPOCH_JULIAN_DAY = 2440587.5;
/** Julian days computed by SQLite (cheaper than a million Date.parse calls) to UTC ms. */
const fromJulianDay = (jd: number) => Math.round((jd - UNIX_EPOCH_JULIAN_DAY) * 86_400_000);

const IN_SEGMENT = "m.created_at >= @start AND m.created_at < @end";
const RESPONSE_DETAILS = "m.account_id, m.lang, m.label, m.assignee";

/** A segment's row count and rowid sum (mentions) and hashtag rows: what the cache checks it by. */
export /** UTC ms of a created_at, as SQL: julianday's, rounded as fromJulianDay rounds it (a NULL counts as day 0). */
const MS = (column: string) =>
  `CAST(round((coalesce(julianday(${column}), 0) - ${UNIX_EPOCH_JULIAN_DAY}) * 86400000) AS INTEGER)`;
const FIRST_SENT = `(SELECT min(a.created_at) FROM actions a
  WHERE a.mention_id = m.id AND a.kind IN ('reply', 'dm') AND a.state = 'sent')`;
/** Separators of the per-column lists of one-hour reads, and the stand-in for NULL. */
const SEP = "\u001e";
const NULL = "\u001d";

/** The SQL reading one segment [start, end) of created_at, for every account. */
export function segmentReader(db: DB) {
  const volume = db.prepare(`
    SELECT m.account_id, substr(m.created_at, 1, 13) AS hour, m.status, coalesce(m.label, 'unscored') AS label,
      m.lang, count(*) AS n
    FROM mentions m INDEXED BY mentions_created WHERE ${IN_SEGMENT}
    GROUP BY m.account_id, hour, m.status, label, m.lang`);
  // The column is stamped by the actions code when the first reply or DM is sent; rows it missed
  // (answered but unstamped) take their first sent reply or DM from the log.
  const fromColumn = db.prepare(`
    SELECT m.rowid, julianday(m.created_at), julianday(m.first_response_at), ${RESPONSE_DETAILS}
    FROM mentions m INDEXED BY mentions_created
    WHERE ${IN_SEGMENT} AND m.first_response_at IS NOT NULL`);
  const fromLog = db.prepare(`
    SELECT * FROM (
      SELECT m.rowid, julianday(m.created_at), julianday(${FIRST_SENT}) AS first_response, ${RESPONSE_DETAILS}
      FROM mentions m INDEXED BY mentions_created
      WHERE ${IN_SEGMENT} AND m.first_response_at IS NULL AND m.status NOT IN ('new', 'ignored'))
    WHERE first_response IS NOT NULL`);
  const mentionPrint = db.prepare<[string, string], { mentions: number; rowids: number }>(
    "SELECT count(*) AS mentions, total(rowid) AS rowids FROM mentions INDEXED BY mentions_created WHERE created_at >= ? AND created_at < ?",
  );
  const tagPrint = db.prepare<[string, string], number>(
    "SELECT count(*) FROM mention_hashtags INDEXED BY mention_hashtags_created WHERE created_at >= ? AND created_at < ?",
  );
  /**
   * One hour's mentions in one pass and one result row: each column as one list in index order (no
   * row crosses into JavaScript on its own), and per row its first response as text: "c" (stamped in
   * the column) or "l" (from the log) with rowid, created and responded ms; empty when unanswered.
   */
  const hourColumns = db.prepare(`
    SELECT count(*), total(m.rowid),
      group_concat(m.status, ','), group_concat(ifnull(m.label, '-'), ','), count(m.label), group_concat(m.lang, char(30)),
      group_concat(ifnull(m.account_id, char(29)), char(30)), count(m.account_id),
      group_concat(ifnull(m.assignee, char(29)), char(30)), count(m.assignee),
      group_concat(CASE
        WHEN m.first_response_at IS NOT NULL
          THEN 'c' || m.rowid || ',' || ${MS("m.created_at")} || ',' || ${MS("m.first_response_at")}
        WHEN m.status IN ('new', 'ignored') OR julianday(${FIRST_SENT}) IS NULL THEN ''
        ELSE 'l' || m.rowid || ',' || ${MS("m.created_at")} || ',' || ${MS(FIRST_SENT)} END, ';')
    FROM mentions m INDEXED BY mentions_created WHERE ${IN_SEGMENT}`);
  // The mention's account through the covering created_at index (a hashtag row has its post's
  // created_at), else through the primary key: the same answer as a join on id, at a fraction of it.
  const hashtags = db.prepare(`
    SELECT account_id, tag, count(*) AS posts, json_group_array(DISTINCT author_id) AS authors FROM (
      SELECT h.tag, h.author_id, coalesce(
        (SELECT m.account_id FROM mentions m INDEXED BY mentions_created WHERE m.created_at = h.created_at AND m.id = h.mention_id),
        (SELECT m.account_id FROM mentions m WHERE m.id = h.mention_id)) AS account_id
      FROM mention_hashtags h INDEXED BY mention_hashtags_created
      WHERE h.created_at >= @start AND h.created_at < @end)
    GROUP BY account_id, tag`);
  /** Hashtag rows one by one, with which half of the period each falls in (for a segment holding the middle). */
  const hashtagRows = db.prepare(`
    SELECT m.account_id, h.tag, h.author_id, h.created_at < @middle
    FROM mention_hashtags h INDEXED BY mention_hashtags_created LEFT JOIN mentions m ON m.id = h.mention_id
    WHERE h.created_at >= @start AND h.created_at < @end`);

  const readTags = (range: { start: string; end: string }) =>
    (hashtags.raw(true).all(range) as [string | null, string, number, string][]).map(
      ([acc, tag, posts, authors]): TagGroup => [acc, tag, posts, JSON.parse(authors) as string[]],
    );
  const tagCount = (tags: TagGroup[]) => tags.reduce((sum, t) => sum + t[2], 0);

  /** Any segment, row by row (the general case: several hours, or text the one-hour read cannot carry). */
  function readRows(start: string, end: string): Segment & { print: Fingerprint } {
    const range = { start, end };
    const rows = fromColumn.raw(true).all(range) as ResponseTuple[];
    const fromColumnRows = rows.length;
    for (const r of fromLog.raw(true).iterate(range) as Iterable<ResponseTuple>) rows.push(r);
    const n = rows.length;
    const dict = dictionary();
    const details = new Uint32Array(4 * n);
    rows.forEach((r, i) => {
      details[DETAIL.account * n + i] = dict.code(r[3]);
      details[DETAIL.lang * n + i] = dict.code(r[4]);
      details[DETAIL.label * n + i] = dict.code(r[5]);
      details[DETAIL.assignee * n + i] = dict.code(r[6]);
    });
    const tags = readTags(range);
    return {
      volume: volume.raw(true).all(range) as VolumeRow[],
      fromColumn: fromColumnRows,
      keys: Float64Array.from(rows, (r) => r[0]),
      created: Float64Array.from(rows, (r) => fromJulianDay(r[1])),
      responded: Float64Array.from(rows, (r) => fromJulianDay(r[2])),
      details,
      dictionary: dict.values,
      hashtags: tags,
      print: { ...mentionPrint.get(start, end)!, tags: tagPrint.pluck().get(start, end) ?? 0 },
    };
  }

  /** A segment inside one hour (every created_at in it starts with `hour`), in one pass; null when its text cannot be carried. */
  function readHour(start: string, end: string, hour: string): (Segment & { print: Fingerprint }) | null {
    const range = { start, end };
    const [n, rowids, statuses, labels, withLabel, langs, accounts, withAccount, assignees, withAssignee, answers] =
      hourColumns.raw(true).get(range) as [
        number,
        number,
        string,
        string,
        number,
        string,
        string,
        number,
        string,
        number,
        string,
      ];
    const tags = readTags(range);
    const print = { mentions: n, rowids, tags: tagCount(tags) };
    if (n === 0) {
      const empty = new Float64Array(0);
      return {
        volume: [],
        fromColumn: 0,
        keys: empty,
        created: empty,
        responded: empty,
        details: new Uint32Array(0),
        dictionary: [],
        hashtags: tags,
        print,
      };
    }
    const columns = {
      status: statuses.split(","),
      label: labels.split(","),
      lang: langs.split(SEP),
      account: accounts.split(SEP),
      assignee: assignees.split(SEP),
    };
    // a separator or the NULL stand-in inside a value shows as a count that does not add up
    if (Object.values(columns).some((c) => c.length !== n)) return null;
    if (
      nulls(columns.account, NULL) !== n - withAccount ||
      nulls(columns.assignee, NULL) !== n - withAssignee ||
      nulls(columns.label, "-") !== n - withLabel
    ) {
      return null;
    }

    const dict = dictionary();
    const cells = new Map<number, number>();
    const column: number[][] = [[], []];
    const log: number[][] = [[], []];
    const at = { pos: 0 };
    for (let i = 0; i < n; i++) {
      const account = dict.code(orNull(columns.account[i]!));
      const status = dict.code(columns.status[i]!);
      const label = dict.code(columns.label[i] === "-" ? null : columns.label[i]!);
      const lang = dict.code(columns.lang[i]!);
      if (account >= CELL || status >= CELL || label >= CELL || lang >= CELL) return null;
      const cell = ((account * CELL + status) * CELL + label) * CELL + lang;
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
      const kind = answers.charCodeAt(at.pos);
      if (kind === C || kind === L) {
        at.pos++;
        const key = number(answers, at);
        const created = number(answers, at);
        const responded = number(answers, at);
        if (Number.isNaN(key) || Number.isNaN(created) || Number.isNaN(responded)) return null;
        const into = kind === C ? column : log;
        into[0]!.push(key, created, responded);
        into[1]!.push(account, lang, label, dict.code(orNull(columns.assignee[i]!)));
      }
      if (i < n - 1 && answers.charCodeAt(at.pos++) !== SEMICOLON) return null;
    }
    if (at.pos !== answers.length) return null;

    const triples = [...column[0]!, ...log[0]!];
    const codes = [...column[1]!, ...log[1]!];
    const r = triples.length / 3;
    const keys = new Float64Array(r);
    const created = new Float64Array(r);
    const responded = new Float64Array(r);
    const details = new Uint32Array(4 * r);
    for (let j = 0; j < r; j++) {
      keys[j] = triples[3 * j]!;
      created[j] = triples[3 * j + 1]!;
      responded[j] = triples[3 * j + 2]!;
      details[DETAIL.account * r + j] = codes[4 * j]!;
      details[DETAIL.lang * r + j] = codes[4 * j + 1]!;
      details[DETAIL.label * r + j] = codes[4 * j + 2]!;
      details[DETAIL.assignee * r + j] = codes[4 * j + 3]!;
    }
    const volumeRows: VolumeRow[] = [];
    for (const [cell, count] of cells) {
      const lang = cell % CELL;
      const label = Math.floor(cell / CELL) % CELL;
      const status = Math.floor(cell / CELL ** 2) % CELL;
      const account = Math.floor(cell / CELL ** 3);
      const v = (c: number) => dict.values[c]!;
      volumeRows.push([v(account), hour, v(status)!, v(label) ?? "unscored", v(lang)!, count]);
    }
    return {
      volume: volumeRows,
      fromColumn: column[0]!.length / 3,
      keys,
      created,
      responded,
      details,
      dictionary: dict.values,
      hashtags: tags,
      print,
    };
  }

  return {
    /** The segment [start, end): in one pass when it lies inside one UTC hour, else row by row. */
    read(start: string, end: string): Segment & { print: Fingerprint } {
      const hour = start.slice(0, 13);
      const inOneHour = HOUR_PREFIX.test(hour) && !Number.isNaN(hourStart(hour)) && end <= nextHourPrefix(hour);
      return (inOneHour && readHour(start, end, hour)) || readRows(start, end);
    },
    /** The two reads on their own, for tests: the one-pass read must agree with the row-by-row one. */
    readRows,
    readHour,
    hashtagRows: (start: string, end: string, middle: string) =>
      hashtagRows.raw(true).iterate({ start, end, middle }) as Iterable<[string | null, string, string, number]>,
  };
}

/** Codes of a segment's strings (and null), in the order first seen. */
function dictionary() {
  const values: (string | null)[] = [];
  const codes = new Map<string | null, number>();
  return {
    values,
    code(value: string | null): number {
      let c = codes.get(value);
      if (c === undefined) {
        c = values.push(value) - 1;
        codes.set(value, c);
      }
      return c;
    },
  };
}

/** Codes packed into one volume cell number (4 codes under 2^13 stay exact in a double). */
const CELL = 8192;
const C = "c".charCodeAt(0);
const L = "l".charCodeAt(0);
const SEMICOLON = ";".charCodeAt(0);
const COMMA = ",".charCodeAt(0);
const MINUS = "-".charCodeAt(0);

const orNull = (v: string) => (v === NULL ? null : v);
const nulls = (values: string[], stand: string) => values.reduce((n, v) => (v === stand ? n + 1 : n), 0);

/** The integer at `at.pos` of an answers list, past the comma after it; NaN when there is none. */
function number(text: string, at: { pos: number }): number {
  let pos = at.pos;
  const negative = text.charCodeAt(pos) === MINUS;
  if (negative) pos++;
  let value = 0;
  const first = pos;
  for (let c = text.charCodeAt(pos); c >= 48 && c <= 57; c = text.charCodeAt(++pos)) value = value * 10 + (c - 48);
  if (pos === first || pos - first > 15) return Number.NaN;
  if (text.charCodeAt(pos) === COMMA) pos++;
  at.pos = pos;
  return negative ? -value : value;
}

export type SegmentReader = ReturnType<typeof segmentReader>;

// --- hours ---------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const HOUR_PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}$/;

/** The hour an ISO prefix "2026-11-20T12" names, as UTC ms; NaN unless it is exactly such a prefix. */
function hourStart(prefix: string): number {
  if (!HOUR_PREFIX.test(prefix)) return Number.NaN;
  const ms = Date.parse(`${prefix}:00:00.000Z`);
  return Number.isNaN(ms) || hourPrefix(ms) !== prefix ? Number.NaN : ms;
}

function hourPrefix(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

const nextHourPrefix = (prefix: string) => hourPrefix(hourStart(prefix) + HOUR_MS);

/**
 * The whole hours inside [since, until), compared as strings the way the queries compare created_at:
 * the hour "2026-11-20T12" holds every created_at from "2026-11-20T12" (inclusive) to "2026-11-20T13".
 * Null when not one whole hour fits.
 */
export function wholeHours(since: string, until: string): { first: string; end: string } | null {
  const sinceMs = Date.parse(since);
  const untilMs = Date.parse(until);
  if (Number.isNaN(sinceMs) || Number.isNaN(untilMs)) return null;
  let first = Math.floor(sinceMs / HOUR_MS) * HOUR_MS;
  if (hourPrefix(first) < since) first += HOUR_MS;
  let end = Math.floor(untilMs / HOUR_MS) * HOUR_MS;
  if (hourPrefix(end) > until) end -= HOUR_MS;
  if (!(end > first) || hourPrefix(first).length !== 13 || hourPrefix(end).length !== 13) return null;
  return { first: hourPrefix(first), end: hourPrefix(end) };
}

// --- the cache -----------------------------------------------------------------------------------

interface Fingerprint {
  mentions: number;
  rowids: number;
  tags: number;
}

/** Row counts and the highest mention rowid, when the cache was last reconciled. */
interface State {
  mentions: number;
  max_rowid: number;
  tags: number;
}

interface BucketRow extends Fingerprint {
  start: string;
  answered: number;
  times: Buffer;
  details: Buffer;
  dictionary: string;
  volume: string;
  hashtags: string;
}

/** One hour of the period: its range, and its data when the cache holds it and it still holds. */
export interface Hour {
  start: string;
  end: string;
  cached?: Segment;
}

const NO_CODE = 0xffff;

/** The per-hour cache of segments (table report_buckets). */
export function bucketCache(db: DB, reader: SegmentReader) {
  const nextMention = db.prepare<[string, string], string | null>(
    "SELECT min(created_at) FROM mentions INDEXED BY mentions_created WHERE created_at >= ? AND created_at < ?",
  );
  const nextTag = db.prepare<[string, string], string | null>(
    "SELECT min(created_at) FROM mention_hashtags INDEXED BY mention_hashtags_created WHERE created_at >= ? AND created_at < ?",
  );
  const mentionPrint = db.prepare<[string, string], { mentions: number; rowids: number }>(
    "SELECT count(*) AS mentions, total(rowid) AS rowids FROM mentions INDEXED BY mentions_created WHERE created_at >= ? AND created_at < ?",
  );
  const tagPrint = db.prepare<[string, string], number>(
    "SELECT count(*) FROM mention_hashtags INDEXED BY mention_hashtags_created WHERE created_at >= ? AND created_at < ?",
  );
  const totals = db.prepare<[], State>(`
    SELECT (SELECT count(*) FROM mentions) AS mentions, coalesce((SELECT max(rowid) FROM mentions), 0) AS max_rowid,
      (SELECT count(*) FROM mention_hashtags) AS tags`);
  const state = db.prepare<[], State>("SELECT mentions, max_rowid, tags FROM report_state");
  const saveState = db.prepare(
    "INSERT OR REPLACE INTO report_state (id, mentions, max_rowid, tags) VALUES (1, @mentions, @max_rowid, @tags)",
  );
  const fresh = db.prepare<[number], { mentions: number; tags: number }>(`
    SELECT count(*) AS mentions,
      coalesce(sum((SELECT count(*) FROM mention_hashtags h WHERE h.mention_id = m.id)), 0) AS tags
    FROM mentions m WHERE m.rowid > ?`);
  // CROSS JOIN keeps the new mentions as the outer loop (not a scan of every hashtag)
  const dropFresh = db.prepare(`
    DELETE FROM report_buckets WHERE start IN (
      SELECT (SELECT max(start) FROM report_buckets WHERE start <= m.created_at) FROM mentions m WHERE m.rowid > @after
      UNION
      SELECT (SELECT max(start) FROM report_buckets WHERE start <= h.created_at)
      FROM mentions m CROSS JOIN mention_hashtags h ON h.mention_id = m.id WHERE m.rowid > @after)`);
  const cachedPrints = db.prepare<[], Fingerprint & { start: string; end: string }>(
    "SELECT start, end, mentions, rowids, tags FROM report_buckets",
  );
  const drop = db.prepare<[string]>("DELETE FROM report_buckets WHERE start = ?");
  const load = db.prepare<[string, string], BucketRow>(`
    SELECT start, mentions, rowids, tags, answered, times, details, dictionary, volume, hashtags
    FROM report_buckets WHERE start >= ? AND start < ?`);
  const save = db.prepare(`
    INSERT OR REPLACE INTO report_buckets
      (start, end, mentions, rowids, tags, answered, times, details, dictionary, volume, hashtags)
    VALUES (@start, @end, @mentions, @rowids, @tags, @answered, @times, @details, @dictionary, @volume, @hashtags)`);

  const fingerprint = (start: string, end: string): Fingerprint => ({
    ...mentionPrint.get(start, end)!,
    tags: tagPrint.pluck().get(start, end) ?? 0,
  });
  const nextHour = (prefix: string) => hourPrefix(hourStart(prefix) + HOUR_MS);

  return {
    /**
     * Bring the cache up to date with the inserts since the last call, in one short immediate
     * transaction: drop the hours of mentions (and their hashtags) past the rowid it saw last, provided
     * the row counts show nothing else happened; otherwise drop every cached hour whose fingerprint no
     * longer matches. True when every cached hour can then be trusted as it is; false when the database
     * cannot be written now (busy, read-only), and each hour must be checked on its own.
     */
    reconcile(): boolean {
      try {
        db.transaction(() => {
          const before = state.get();
          const now = totals.get()!;
          const added = before && now.max_rowid >= before.max_rowid ? fresh.get(before.max_rowid)! : undefined;
          if (
            before &&
            added &&
            now.mentions === before.mentions + added.mentions &&
            now.tags === before.tags + added.tags
          ) {
            dropFresh.run({ after: before.max_rowid });
          } else {
            for (const row of cachedPrints.all()) {
              if (!sameFingerprint(row, fingerprint(row.start, row.end))) drop.run(row.start);
            }
          }
          saveState.run(now);
        }).immediate();
        return true;
      } catch (e) {
        if (isUnwritable(e)) return false;
        throw e;
      }
    },

    /**
     * The hours of [first, end) that hold mentions or hashtags, each with its cached segment when it
     * can be trusted (`reconciled`, or its fingerprint still matches); empty hours are skipped with
     * one index seek. `rest` is where a created_at that is not an ISO time stopped the walk: the caller
     * reads [rest, end) directly.
     */
    hours(first: string, end: string, reconciled: boolean): { hours: Hour[]; rest: string | null } {
      const cached = new Map<string, BucketRow>();
      for (const row of load.all(first, end)) cached.set(row.start, row);
      const hours: Hour[] = [];
      let cursor = first;
      while (cursor < end) {
        const candidates = [nextMention.pluck().get(cursor, end), nextTag.pluck().get(cursor, end)].filter(
          (v): v is string => typeof v === "string",
        );
        if (candidates.length === 0) break;
        const next = candidates.sort()[0]!;
        const start = next.slice(0, 13);
        if (Number.isNaN(hourStart(start)) || start < cursor || nextHour(start) > end) {
          return { hours, rest: cursor };
        }
        const hourEnd = nextHour(start);
        const row = cached.get(start);
        const hour: Hour = { start, end: hourEnd };
        if (row && (reconciled || sameFingerprint(row, fingerprint(start, hourEnd)))) hour.cached = decode(row);
        hours.push(hour);
        cursor = hourEnd;
      }
      return { hours, rest: null };
    },

    /**
     * Read the hours that were not cached and cache them, in short immediate transactions (the
     * fingerprint and the data read under the same write lock cannot disagree). Where the database
     * cannot be written now (busy, read-only), the hours are read without caching.
     */
    fill(hours: Hour[]): void {
      const missing = hours.filter((h) => !h.cached);
      const batch = 24;
      let writable = true;
      for (let i = 0; i < missing.length; i += batch) {
        const part = missing.slice(i, i + batch);
        if (writable) {
          try {
            db.transaction(() => {
              for (const h of part) {
                const { print, ...segment } = reader.read(h.start, h.end);
                h.cached = segment;
                const encoded = encode(segment);
                if (encoded) save.run({ start: h.start, end: h.end, ...print, ...encoded });
              }
            }).immediate();
            continue;
          } catch (e) {
            if (!isUnwritable(e)) throw e;
            // a writer held the lock past the busy timeout, or the file is read-only: no more tries
            writable = false;
          }
        }
        for (const h of part) h.cached = reader.read(h.start, h.end);
      }
    },
  };
}

function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.mentions === b.mentions && a.rowids === b.rowids && a.tags === b.tags;
}

/** SQLITE_BUSY after the timeout, or a database or file that cannot be written. */
function isUnwritable(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED|READONLY|CANTOPEN|IOERR)/.test(code);
}

/** A segment as a cache row: times as Float64, details as 16-bit codes (null past 65,535 distinct strings). */
function encode(s: Segment) {
  if (s.dictionary.length > NO_CODE) return null;
  const n = s.keys.length;
  const times = new Float64Array(3 * n);
  times.set(s.keys, 0);
  times.set(s.created, n);
  times.set(s.responded, 2 * n);
  return {
    answered: s.fromColumn,
    times: Buffer.from(times.buffer),
    details: Buffer.from(Uint16Array.from(s.details).buffer),
    dictionary: JSON.stringify(s.dictionary),
    volume: JSON.stringify(s.volume),
    hashtags: JSON.stringify(s.hashtags),
  };
}

function decode(row: BucketRow): Segment {
  // copies: a Buffer from SQLite may sit at an offset no Float64Array can start at
  const copy = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  const times = new Float64Array(copy(row.times));
  const n = times.length / 3;
  return {
    volume: JSON.parse(row.volume) as VolumeRow[],
    fromColumn: row.answered,
    keys: times.subarray(0, n),
    created: times.subarray(n, 2 * n),
    responded: times.subarray(2 * n),
    details: new Uint16Array(copy(row.details)),
    dictionary: JSON.parse(row.dictionary) as (string | null)[],
    hashtags: JSON.parse(row.hashtags) as TagGroup[],
  };
}
