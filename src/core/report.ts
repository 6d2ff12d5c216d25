/**
 * Pure aggregation for reports: percentiles, shares, response-time summaries and groupings.
 * Inputs are plain numbers and rows; nothing here reads a clock or a database.
 */

/** The middle value (mean of the two middles for an even count); null for no values. */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Nearest-rank percentile: the smallest value with at least p of the values at or below it
 * (p90 of 10 values is the 9th). No interpolation, so every figure is one that really happened.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  return sorted[Math.min(n, rank) - 1]!;
}

/** part / whole, rounded to 4 decimals; null when there is no whole. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export interface ResponseSummary {
  /** Cases with a first response. */
  answered: number;
  median_minutes: number | null;
  p90_minutes: number | null;
  within_target: number;
  within_target_share: number | null;
  within_ceiling: number;
  within_ceiling_share: number | null;
}

/** Summary of first-response times (minutes, business time where it applies) against the SLA. */
export function summarizeResponses(
  minutes: ArrayLike<number>,
  limits: (index: number) => { target: number; ceiling: number },
): ResponseSummary {
  let withinTarget = 0;
  let withinCeiling = 0;
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i]!;
    const { target, ceiling } = limits(i);
    if (m <= target) withinTarget++;
    if (m <= ceiling) withinCeiling++;
  }
  const sorted = Float64Array.from(minutes).sort();
  const med = median(sorted);
  const p90 = percentile(sorted, 0.9);
  return {
    answered: minutes.length,
    median_minutes: med === null ? null : round(med),
    p90_minutes: p90 === null ? null : round(p90),
    within_target: withinTarget,
    within_target_share: share(withinTarget, minutes.length),
    within_ceiling: withinCeiling,
    within_ceiling_share: share(withinCeiling, minutes.length),
  };
}

/** Add `n` to a count keyed by name. */
export function tally(counts: Record<string, number>, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** Counts sorted by size, largest first, then by name. */
export function sortedCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}

/** 24 slots, one per hour of the day, filled from (hour, value) pairs. */
export function hourSlots(): number[] {
  return Array.from({ length: 24 }, () => 0);
}

/**
 * A hashtag spreads when more distinct authors used it in the later half of the period than in the
 * earlier half: a fire growing, not one that burned out.
 */
export function isSpreading(earlierAuthors: number, laterAuthors: number): boolean {
  return laterAuthors > earlierAuthors;
}

// ---------------------------------------------------------------------------------------------
// The report document, built from rows the store read. Types are structural so core imports nothing.

export interface SlaPolicy {
  target: number;
  ceiling: number;
  /** Minutes waited between two instants (ms), business time where the account has business hours. */
  waited(fromMs: number, toMs: number): number;
}

/** A case still waiting for its first answer. */
export interface WaitingRow {
  id: string;
  created_at: string;
  account_id: string | null;
  status: string;
  label: string | null;
  assignee: string | null;
}

export interface ReportInput {
  now: Date;
  since: string;
  until: string;
  account: string | null;
  /** The SLA of a mention's account (the default one for unknown accounts). */
  policyFor(accountId: string | null): SlaPolicy;
  /** The reporting zone, and its offset from UTC (ms) at an instant: hours and days are local. */
  zone: string;
  offsetOf(utcMs: number): number;
  volume: readonly { hour: string; status: string; label: string; lang: string; n: number }[];
  /** First responses of the period's posts, one column per field (a million rows stay cheap). */
  responses: ResponseColumns;
  /** A listed case's id and creation time, by its key in `responses`. */
  caseOf(key: number): { id: string; created_at: string };
  waiting: readonly WaitingRow[];
  followups: readonly { id: number; mention_id: string; due_at: string; agent: string; note: string }[];
  resolved: { resolved: number; without: number };
  hashtags: readonly { tag: string; posts: number; authors: number; earlier_authors: number; later_authors: number }[];
  spend: { calls: number; usd: number };
  by?: Dimension;
  /** Hashtags of the period's posts (response key → tags), for --by hashtag. */
  tagsOf?: ReadonlyMap<number, readonly string[]>;
}

export interface ResponseColumns {
  length: number;
  /** The store's key of each row (resolved to an id only for listed cases). */
  key: Float64Array;
  /** Post created, first reply or DM sent: UTC ms. */
  created: Float64Array;
  responded: Float64Array;
  account: (string | null)[];
  lang: string[];
  label: (string | null)[];
  /** Who answered, where known. */
  agent: (string | null)[];
}

export const DIMENSIONS = ["agent", "lang", "label", "hour", "day", "hashtag"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface CaseRef {
  id: string;
  created_at: string;
  status: string;
  waited_minutes: number;
  answered: boolean;
}

export interface GroupRow extends ResponseSummary {
  key: string;
  posts: number;
}

export interface Report {
  generated_at: string;
  period: { since: string; until: string };
  account: string | null;
  volume: {
    total: number;
    by_status: Record<string, number>;
    by_label: Record<string, number>;
    by_lang: Record<string, number>;
  };
  first_response: ResponseSummary & { late: number; breached: number };
  open_queue: { waiting: number; breached: number; breached_cases: CaseRef[]; oldest: CaseRef | null };
  breaches: { count: number; cases: CaseRef[] };
  followups: {
    due_24h: number;
    overdue: number;
    overdue_cases: { id: number; mention_id: string; due_at: string; agent: string; overdue_minutes: number }[];
    resolved: number;
    resolved_without_followup: number;
  };
  hashtags: {
    tag: string;
    posts: number;
    authors: number;
    earlier_authors: number;
    later_authors: number;
    spreading: boolean;
  }[];
  trolls: { total: number; ignored: number; answered: number; waiting: number };
  cost: { calls: number; usd: number };
  /** Local hour of the day (0-23): posts received and the median first response of posts from that hour. */
  hours: { hour: number; posts: number; median_minutes: number | null }[];
  /** The zone of `hours` and of --by hour/day: the account's business-hours zone, else UTC. */
  hours_zone: string;
  by?: { dimension: Dimension; rows: GroupRow[] };
}

const BREACH_LIST = 100;

export function buildReport(input: ReportInput): Report {
  const nowMs = input.now.getTime();
  const sinceMs = Date.parse(input.since);
  const untilMs = Date.parse(input.until);
  const clock = localClock(input.offsetOf);
  const res = input.responses;
  const timed = timeResponses(res, input.policyFor);
  const { minutes, policy } = timed;
  const waiting = input.waiting.map((w) => {
    const policy = input.policyFor(w.account_id);
    return { row: w, policy, minutes: policy.waited(Date.parse(w.created_at), nowMs) };
  });
  const summary = summarizeResponses(minutes, (i) => policy[i]!);
  const inPeriod = (iso: string) => {
    const t = Date.parse(iso);
    return t >= sinceMs && t < untilMs;
  };
  const answeredLate: number[] = [];
  let late = 0;
  for (let i = 0; i < res.length; i++) {
    if (minutes[i]! > policy[i]!.target) late++;
    if (minutes[i]! > policy[i]!.ceiling) answeredLate.push(i);
  }
  const waitingBreached = waiting.filter((w) => w.minutes > w.policy.ceiling);
  const waitingBreachedInPeriod = waitingBreached.filter((w) => inPeriod(w.row.created_at));
  const breachCount = answeredLate.length + waitingBreachedInPeriod.length;
  const periodBreaches: CaseRef[] = [
    ...longest(answeredLate, minutes, BREACH_LIST).map((i) => {
      const c = input.caseOf(res.key[i]!);
      return caseRef(c.id, c.created_at, "answered", minutes[i]!, true);
    }),
    ...waitingBreachedInPeriod.map((w) => caseRef(w.row.id, w.row.created_at, w.row.status, w.minutes, false)),
  ].sort((a, b) => b.waited_minutes - a.waited_minutes || a.id.localeCompare(b.id));
  const oldest = waiting[0];

  const volume = volumeSummary(input.volume);
  let trollsAnswered = 0;
  for (const label of res.label) if (label === "troll") trollsAnswered++;
  const trollsWaiting = input.waiting.filter((w) => w.label === "troll" && inPeriod(w.created_at)).length;

  const overdue = input.followups.filter((f) => Date.parse(f.due_at) < nowMs);
  return {
    generated_at: input.now.toISOString(),
    period: { since: input.since, until: input.until },
    account: input.account,
    volume,
    first_response: {
      ...summary,
      late,
      breached: answeredLate.length,
    },
    open_queue: {
      waiting: waiting.length,
      breached: waitingBreached.length,
      breached_cases: waitingBreached
        .slice(0, BREACH_LIST)
        .map((w) => caseRef(w.row.id, w.row.created_at, w.row.status, w.minutes, false)),
      oldest: oldest ? caseRef(oldest.row.id, oldest.row.created_at, oldest.row.status, oldest.minutes, false) : null,
    },
    breaches: { count: breachCount, cases: periodBreaches.slice(0, BREACH_LIST) },
    followups: {
      due_24h: input.followups.length - overdue.length,
      overdue: overdue.length,
      overdue_cases: overdue.map((f) => ({
        id: f.id,
        mention_id: f.mention_id,
        due_at: f.due_at,
        agent: f.agent,
        overdue_minutes: round((nowMs - Date.parse(f.due_at)) / 60_000),
      })),
      resolved: input.resolved.resolved,
      resolved_without_followup: input.resolved.without,
    },
    hashtags: input.hashtags.map((h) => ({ ...h, spreading: isSpreading(h.earlier_authors, h.later_authors) })),
    trolls: {
      total: volume.by_label.troll ?? 0,
      ignored: input.volume.filter((c) => c.label === "troll" && c.status === "ignored").reduce((s, c) => s + c.n, 0),
      answered: trollsAnswered,
      waiting: trollsWaiting,
    },
    cost: { calls: input.spend.calls, usd: round(input.spend.usd, 4) },
    hours: hourChart(input, timed, clock),
    hours_zone: input.zone,
    ...(input.by ? { by: { dimension: input.by, rows: groupBy(input, input.by, timed, clock) } } : {}),
  };
}

/** Each response's wait (minutes) and the SLA it is held to, one slot per row of the columns. */
interface Timed {
  minutes: Float64Array;
  policy: SlaPolicy[];
}

function timeResponses(res: ResponseColumns, policyFor: ReportInput["policyFor"]): Timed {
  const minutes = new Float64Array(res.length);
  const policy = new Array<SlaPolicy>(res.length);
  const policies = new Map<string | null, SlaPolicy>();
  for (let i = 0; i < res.length; i++) {
    const account = res.account[i] ?? null;
    let p = policies.get(account);
    if (!p) {
      p = policyFor(account);
      policies.set(account, p);
    }
    policy[i] = p;
    minutes[i] = p.waited(res.created[i]!, res.responded[i]!);
  }
  return { minutes, policy };
}

function caseRef(id: string, createdAt: string, status: string, minutes: number, answered: boolean): CaseRef {
  return { id, created_at: createdAt, status, waited_minutes: round(minutes), answered };
}

function volumeSummary(cells: ReportInput["volume"]): Report["volume"] {
  const byStatus: Record<string, number> = {};
  const byLabel: Record<string, number> = {};
  const byLang: Record<string, number> = {};
  let total = 0;
  for (const c of cells) {
    total += c.n;
    tally(byStatus, c.status, c.n);
    tally(byLabel, c.label, c.n);
    tally(byLang, c.lang || "und", c.n);
  }
  return { total, by_status: sortedCounts(byStatus), by_label: sortedCounts(byLabel), by_lang: sortedCounts(byLang) };
}

/**
 * The `n` rows of `rows` with the longest waits, longest first; equal waits keep their order in
 * `rows` (what a stable sort of the whole list would give, without sorting it).
 */
function longest(rows: readonly number[], minutes: Float64Array, n: number): number[] {
  let chosen = rows;
  if (rows.length > n) {
    const waits = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) waits[j] = minutes[rows[j]!]!;
    waits.sort();
    const cut = waits[waits.length - n]!;
    let ties = n;
    for (let j = waits.length - 1; j >= 0 && waits[j]! > cut; j--) ties--;
    const picked: number[] = [];
    for (const i of rows) if (minutes[i]! > cut || (minutes[i] === cut && ties-- > 0)) picked.push(i);
    chosen = picked;
  }
  return chosen
    .map((i, order) => ({ i, order }))
    .sort((a, b) => minutes[b.i]! - minutes[a.i]! || a.order - b.order)
    .map((r) => r.i);
}

/** Local hour and day of instants, reading the zone's offset once per UTC hour. */
function localClock(offsetOf: (utcMs: number) => number) {
  const offsets = new Map<number, number>();
  // rows come mostly in time order: the last hour's offset answers most lookups
  let lastHour = Number.NaN;
  let lastOffset = 0;
  const local = (utcMs: number) => {
    const hour = Math.floor(utcMs / 3_600_000);
    if (hour === lastHour) return utcMs + lastOffset;
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = offsetOf(hour * 3_600_000);
      offsets.set(hour, offset);
    }
    lastHour = hour;
    lastOffset = offset;
    return utcMs + offset;
  };
  return {
    hour: (utcMs: number) => Math.floor((((local(utcMs) % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000),
    day: (utcMs: number) => new Date(local(utcMs)).toISOString().slice(0, 10),
  };
}

function hourChart(input: ReportInput, timed: Timed, clock: ReturnType<typeof localClock>): Report["hours"] {
  const posts = hourSlots();
  for (const c of input.volume) posts[clock.hour(Date.parse(`${c.hour}:00:00Z`))]! += c.n;
  const created = input.responses.created;
  const hourOf = new Uint8Array(created.length);
  const counts = hourSlots();
  for (let i = 0; i < created.length; i++) {
    hourOf[i] = clock.hour(created[i]!);
    counts[hourOf[i]!]!++;
  }
  const minutes = counts.map((n) => new Float64Array(n));
  const filled = hourSlots();
  for (let i = 0; i < created.length; i++) minutes[hourOf[i]!]![filled[hourOf[i]!]!++] = timed.minutes[i]!;
  return posts.map((n, hour) => {
    const m = median(minutes[hour]!.sort());
    return { hour, posts: n, median_minutes: m === null ? null : round(m) };
  });
}

function groupBy(input: ReportInput, by: Dimension, timed: Timed, clock: ReturnType<typeof localClock>): GroupRow[] {
  const res = input.responses;
  const posts = new Map<string, number>();
  const times = new Map<string, number[]>();
  const addPosts = (key: string, n: number) => posts.set(key, (posts.get(key) ?? 0) + n);
  const addTime = (key: string, i: number) => {
    const list = times.get(key);
    if (list) list.push(i);
    else times.set(key, [i]);
  };
  const hourKey = (h: number) => String(h).padStart(2, "0");
  for (const c of input.volume) {
    const start = Date.parse(`${c.hour}:00:00Z`);
    if (by === "lang") addPosts(c.lang || "und", c.n);
    else if (by === "label") addPosts(c.label, c.n);
    else if (by === "hour") addPosts(hourKey(clock.hour(start)), c.n);
    else if (by === "day") addPosts(clock.day(start), c.n);
  }
  if (by === "hashtag") {
    for (const tags of input.tagsOf?.values() ?? []) for (const tag of tags) addPosts(tag, 1);
  }
  for (let i = 0; i < res.length; i++) {
    if (by === "agent") {
      addTime(res.agent[i] || "(unknown)", i);
      addPosts(res.agent[i] || "(unknown)", 1);
    } else if (by === "lang") addTime(res.lang[i] || "und", i);
    else if (by === "label") addTime(res.label[i] ?? "unscored", i);
    else if (by === "hour") addTime(hourKey(clock.hour(res.created[i]!)), i);
    else if (by === "day") addTime(clock.day(res.created[i]!), i);
    else if (by === "hashtag") {
      for (const tag of input.tagsOf?.get(res.key[i]!) ?? []) addTime(tag, i);
    }
  }
  const rows = [...posts.keys()].map((key) => {
    const list = times.get(key) ?? [];
    return {
      key,
      posts: posts.get(key) ?? 0,
      ...summarizeResponses(
        Float64Array.from(list, (i) => timed.minutes[i]!),
        (j) => timed.policy[list[j]!]!,
      ),
    };
  });
  const chronological = by === "hour" || by === "day";
  return rows.sort((a, b) =>
    chronological ? a.key.localeCompare(b.key) : b.posts - a.posts || a.key.localeCompare(b.key),
  );
}

export interface SyncState {
  account_id: string;
  source: string;
  last_run_at: string | null;
  last_success_at: string | null;
  last_gap_at: string | null;
  last_gap_detail: string | null;
}

export interface Alert {
  kind: "breach" | "overdue" | "gap" | "silence";
  /** The mention or follow-up concerned, or account/source for fetch alerts. */
  subject: string;
  detail: string;
}

/**
 * What needs a human now (`report --check`): open cases past their SLA ceiling, follow-ups past due,
 * fetch gaps recorded since `gapSince`, and sources whose last successful fetch is older than
 * `silenceMinutes` (fetch stopped working, or stopped running).
 */
export function attentionAlerts(
  report: Report,
  syncStates: readonly SyncState[],
  now: Date,
  gapSince: string,
  silenceMinutes: number,
): Alert[] {
  const alerts: Alert[] = [];
  for (const c of report.open_queue.breached_cases) {
    alerts.push({
      kind: "breach",
      subject: c.id,
      detail: `waiting ${formatMinutes(c.waited_minutes)} without an answer (status ${c.status})`,
    });
  }
  const unlisted = report.open_queue.breached - report.open_queue.breached_cases.length;
  if (unlisted > 0)
    alerts.push({ kind: "breach", subject: "more", detail: `${unlisted} more open cases past the SLA` });
  for (const f of report.followups.overdue_cases) {
    alerts.push({
      kind: "overdue",
      subject: f.mention_id,
      detail: `follow-up ${f.id} due ${f.due_at}${f.agent ? ` (${f.agent})` : ""}, ${formatMinutes(f.overdue_minutes)} overdue`,
    });
  }
  const gapFrom = Date.parse(gapSince);
  for (const s of syncStates) {
    const subject = `${s.account_id}/${s.source}`;
    if (s.last_gap_at && Date.parse(s.last_gap_at) >= gapFrom) {
      alerts.push({
        kind: "gap",
        subject,
        detail: `gap at ${s.last_gap_at}: ${s.last_gap_detail ?? "posts may be missing"}`,
      });
    }
    const lastSuccess = s.last_success_at ? Date.parse(s.last_success_at) : Number.NaN;
    const silent = Number.isNaN(lastSuccess)
      ? s.last_run_at !== null
      : (now.getTime() - lastSuccess) / 60_000 > silenceMinutes;
    if (silent) {
      alerts.push({
        kind: "silence",
        subject,
        detail: s.last_success_at
          ? `no successful fetch since ${s.last_success_at}${s.last_run_at && s.last_run_at > s.last_success_at ? ` (last attempt ${s.last_run_at})` : ""}`
          : `fetch ran (${s.last_run_at}) but never completed`,
      });
    }
  }
  return alerts;
}

/** 95 → "1h35m", 20 → "20m", 3000 → "2d2h". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m}m`;
  if (m < 24 * 60) return `${Math.floor(m / 60)}h${m % 60 ? `${String(m % 60).padStart(2, "0")}m` : ""}`;
  const hours = Math.floor(m / 60);
  return `${Math.floor(hours / 24)}d${hours % 24 ? `${hours % 24}h` : ""}`;
}
