/**
 * SLA arithmetic: how long a customer waited, counted in business time when the account has
 * business hours, and whether that wait breached the target or the ceiling. Pure: no clock, no I/O.
 */

export interface SlaTargets {
  /** Answer within this (1 h by default). */
  firstResponseMinutes: number;
  /** The outer limit (5 h by default): past it, a case has breached its SLA. */
  ceilingMinutes: number;
}

export interface Hours {
  /** IANA time zone; UTC when absent. */
  tz?: string;
  /** mon … sun; every day when absent. */
  days?: string[];
  /** "08:00" */
  start: string;
  /** "22:00"; an end not after the start runs past midnight into the next day (night shifts). */
  end: string;
}

export type SlaState = "ok" | "late" | "breached";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** ok within the target, late past it, breached past the ceiling. */
export function slaState(waitedMinutes: number, sla: SlaTargets): SlaState {
  if (waitedMinutes > sla.ceilingMinutes) return "breached";
  if (waitedMinutes > sla.firstResponseMinutes) return "late";
  return "ok";
}

/**
 * Business time as a sorted list of open intervals (UTC ms) with running totals, so the business
 * minutes between any two instants inside the covered span cost two binary searches.
 */
export interface BusinessCalendar {
  /** [start, end) pairs in UTC ms, sorted, disjoint. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Open ms before interval i. */
  readonly before: Float64Array;
  readonly from: number;
  readonly to: number;
}

/** Build the calendar of open intervals covering [fromMs, toMs] (a day's margin on each side). */
export function businessCalendar(
  hours: Hours,
  fromMs: number,
  toMs: number,
  offsets: ZoneOffsets = zoneOffsetReader,
): BusinessCalendar {
  const tz = hours.tz ?? "UTC";
  const days = new Set((hours.days ?? WEEKDAYS).map((d) => d.toLowerCase()));
  const startMin = clockMinutes(hours.start);
  let endMin = clockMinutes(hours.end);
  if (endMin <= startMin) endMin += 24 * 60;
  const offsetOf = offsets(tz);
  const starts: number[] = [];
  const ends: number[] = [];
  // walk local calendar days from the day before `from` to the day after `to`
  const first = localDate(fromMs - DAY_MS, offsetOf);
  const last = localDate(toMs + DAY_MS, offsetOf);
  for (let day = first; day <= last; day += DAY_MS) {
    const weekday = WEEKDAYS[new Date(day).getUTCDay()]!;
    if (!days.has(weekday)) continue;
    const open = localToUtc(day + startMin * MINUTE_MS, offsetOf);
    const close = localToUtc(day + endMin * MINUTE_MS, offsetOf);
    if (close > open) {
      starts.push(open);
      ends.push(close);
    }
  }
  const before = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    before[i] = total;
    total += ends[i]! - starts[i]!;
  }
  return {
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    before,
    from: fromMs,
    to: toMs,
  };
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutes(cal: BusinessCalendar, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  return (openBefore(cal, toMs) - openBefore(cal, fromMs)) / MINUTE_MS;
}

/** One-off business minutes between two ISO instants; builds a calendar for just that span. */
export function businessMinutesBetween(hours: Hours, fromIso: string, toIso: string): number {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return 0;
  return businessMinutes(businessCalendar(hours, from, to), from, to);
}

/** Minutes a customer waited: business minutes with a calendar, wall-clock minutes without. */
export function waitedMinutes(cal: BusinessCalendar | undefined, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  return cal ? businessMinutes(cal, fromMs, toMs) : (toMs - fromMs) / MINUTE_MS;
}

/** Open ms from the calendar's first interval up to `t`. */
function openBefore(cal: BusinessCalendar, t: number): number {
  const found = lastAtOrBelow(cal.starts, t);
  if (found < 0) return 0;
  return cal.before[found]! + Math.min(t, cal.ends[found]!) - cal.starts[found]!;
}

/** The index of the last value <= x in a sorted array, or -1 when there is none (binary search). */
function lastAtOrBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function clockMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A zone's offset from UTC (ms) at a UTC instant, for a zone name. */
export type ZoneOffsets = (tz: string) => (utcMs: number) => number;

/** A zone's offsets over a span: [UTC ms from which it holds, offset ms], sorted, the first at the span's start. */
export interface ZoneTransitions {
  from: number;
  to: number;
  changes: [number, number][];
}

/**
 * Where a zone's offset changes within [fromMs, toMs], found to the minute by sampling daily and
 * bisecting: zones change their offset at most a few times a year, never twice in a day.
 */
export function zoneTransitions(offsetOf: (utcMs: number) => number, fromMs: number, toMs: number): ZoneTransitions {
  const changes: [number, number][] = [[fromMs, offsetOf(fromMs)]];
  for (let at = fromMs; at < toMs; at += DAY_MS) {
    const next = Math.min(at + DAY_MS, toMs);
    const before = changes[changes.length - 1]![1];
    if (offsetOf(next) === before) continue;
    let lo = at;
    let hi = next;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetOf(mid) === before) lo = mid;
      else hi = mid;
    }
    changes.push([hi, offsetOf(hi)]);
  }
  return { from: fromMs, to: toMs, changes };
}

/** The offset at an instant inside the span of `t`. */
export function offsetIn(t: ZoneTransitions, utcMs: number): number {
  let offset = t.changes[0]![1];
  for (const [at, value] of t.changes) {
    if (at > utcMs) break;
    offset = value;
  }
  return offset;
}

/** A function giving a zone's offset from UTC (ms) at a UTC instant, with Intl doing the zone rules. */
export function zoneOffsetReader(tz: string): (utcMs: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (utcMs) => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(utcMs))) {
      if (part.type !== "literal") p[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return asUtc - Math.floor(utcMs / 1000) * 1000;
  };
}

/** Midnight of the local calendar day holding `utcMs`, as a "local ms" value (wall time read as UTC). */
function localDate(utcMs: number, offsetOf: (utcMs: number) => number): number {
  const local = utcMs + offsetOf(utcMs);
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * The UTC instant of a local wall time. Around a DST change the offset is re-read once; a wall time
 * that does not exist (skipped hour) lands just after the jump.
 */
function localToUtc(localMs: number, offsetOf: (utcMs: number) => number): number {
  const guess = localMs - offsetOf(localMs);
  const offset = offsetOf(guess);
  return localMs - offset;
}

/**
 * One account's SLA clock: its targets, and how long a customer has waited between two instants
 * (business minutes with business hours, every minute without). The one clock the queue, the case
 * screen and the report all count with.
 */
export interface SlaClock extends SlaTargets {
  /** Minutes waited between two instants (ms): 0 when `toMs` is not after `fromMs`. */
  waited(fromMs: number, toMs: number): number;
  /**
   * The latest instant from which `minutes` of waiting are reached at `toMs`: every post created
   * at or before it has waited at least that long. -Infinity when no open time is found for it.
   */
  startOf(minutes: number, toMs: number): number;
}

/** How far back `startOf` looks for enough open time before it gives up (closed calendars). */
const LOOK_BACK_MS = 3 * 366 * DAY_MS;

/**
 * The clock of one SLA. With business hours its calendar is built for [fromMs, toMs] on first use
 * and rebuilt wider (at least doubling) when asked about instants outside it, so reading a queue
 * back in time costs a few builds, not one per case.
 */
export function slaClock(
  targets: SlaTargets,
  hours: Hours | undefined,
  fromMs: number,
  toMs: number,
  offsets: ZoneOffsets = zoneOffsetReader,
): SlaClock {
  const { firstResponseMinutes, ceilingMinutes } = targets;
  if (!hours) {
    return {
      firstResponseMinutes,
      ceilingMinutes,
      waited: (from, to) => waitedMinutes(undefined, from, to),
      startOf: (minutes, to) => to - minutes * MINUTE_MS,
    };
  }
  let cal: BusinessCalendar | undefined;
  const covering = (from: number, to: number): BusinessCalendar => {
    if (cal && from >= cal.from && to <= cal.to) return cal;
    const span = cal ? cal.to - cal.from : 0;
    const start = cal ? Math.min(from, cal.from - span) : Math.min(from, fromMs);
    const end = cal ? Math.max(to, cal.to) : Math.max(to, toMs);
    cal = businessCalendar(hours, start, end, offsets);
    return cal;
  };
  return {
    firstResponseMinutes,
    ceilingMinutes,
    waited: (from, to) => (to > from ? businessMinutes(covering(from, to), from, to) : 0),
    startOf(minutes, to) {
      const want = minutes * MINUTE_MS;
      for (let back = Math.max(want, DAY_MS); ; back *= 2) {
        const c = covering(to - back, to);
        const open = openBefore(c, to) - want;
        if (open >= 0) return instantAtOpen(c, open);
        if (back > LOOK_BACK_MS) return Number.NEGATIVE_INFINITY;
      }
    },
  };
}

/** The latest instant at which `open` ms of the calendar's open time have passed. */
function instantAtOpen(cal: BusinessCalendar, open: number): number {
  const found = Math.max(0, lastAtOrBelow(cal.before, open));
  return cal.starts[found]! + (open - cal.before[found]!);
}
