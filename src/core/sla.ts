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
export function businessCalendar(hours: Hours, fromMs: number, toMs: number): BusinessCalendar {
  const tz = hours.tz ?? "UTC";
  const days = new Set((hours.days ?? WEEKDAYS).map((d) => d.toLowerCase()));
  const startMin = clockMinutes(hours.start);
  let endMin = clockMinutes(hours.end);
  if (endMin <= startMin) endMin += 24 * 60;
  const offsetOf = zoneOffsetReader(tz);
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
  // last interval whose start <= t
  let lo = 0;
  let hi = cal.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cal.starts[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return 0;
  return cal.before[found]! + Math.min(t, cal.ends[found]!) - cal.starts[found]!;
}

function clockMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
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
