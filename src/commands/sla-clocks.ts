import type { AccountConfig, BusinessHours, Config } from "../config.js";
import { type SlaClock, slaClock, type ZoneOffsets, zoneOffsetReader } from "../core/sla.js";
import type { DB } from "../store/db.js";
import { syncRepo } from "../store/sync.js";
import { cachedZoneOffsets } from "../zone-cache.js";

/** Every brand account's SLA clock, by account id: one clock for the queue, triage, `show` and the report. */
export interface AccountClocks {
  clockFor(accountId: string | null): SlaClock;
  /** Each distinct clock once (the fallback first). */
  all: SlaClock[];
  /** False when every mention gets the same clock, so a caller need not read their accounts. */
  perAccount: boolean;
}

/**
 * Each account's SLA targets with waits counted on its business hours (every minute without them),
 * calendars built for [fromMs, toMs] first and wider when asked. Mentions of unknown accounts get the
 * first account's clock, whose targets are also the config's default SLA. `known` (the accounts in
 * the database) is read only when a configured account has no id.
 */
export function accountClocks(
  config: Config,
  known: () => { id: string; handle: string }[],
  fromMs: number,
  toMs: number,
  offsets: ZoneOffsets = zoneOffsetReader,
): AccountClocks {
  const clockOf = (a: AccountConfig | undefined): SlaClock =>
    slaClock(a?.sla ?? config.sla, a?.businessHours ? hoursOf(a.businessHours) : undefined, fromMs, toMs, offsets);
  const fallback = clockOf(config.accounts[0]);
  const byId = new Map<string, SlaClock>();
  let rows: { id: string; handle: string }[] | undefined;
  const stored = () => {
    rows = rows ?? known();
    return rows;
  };
  for (const a of config.accounts) {
    const id = a.id ?? stored().find((k) => k.handle.toLowerCase() === a.handle)?.id;
    if (id) byId.set(id, a === config.accounts[0] ? fallback : clockOf(a));
  }
  const all = [fallback, ...new Set([...byId.values()].filter((c) => c !== fallback))];
  return {
    clockFor: (accountId) => (accountId ? (byId.get(accountId) ?? fallback) : fallback),
    all,
    perAccount: all.length > 1,
  };
}

function hoursOf(b: BusinessHours) {
  return { start: b.start, end: b.end, ...(b.tz ? { tz: b.tz } : {}), ...(b.days ? { days: b.days } : {}) };
}

/**
 * The clocks for reading the queue at `now`: calendars start with the last week and grow as needed,
 * with zone offsets from the cache file (src/zone-cache.ts: Intl would cost a third of a `list`).
 */
export function queueClocks(db: DB, config: Config, now: Date, env: Record<string, string | undefined>): AccountClocks {
  const nowMs = now.getTime();
  const offsets = cachedZoneOffsets(env, nowMs);
  return accountClocks(config, () => syncRepo(db).accounts(), nowMs - WEEK_MS, nowMs, offsets);
}

const WEEK_MS = 7 * 86_400_000;
