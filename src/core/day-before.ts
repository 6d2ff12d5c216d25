import { CANONICAL_TIME } from "./normalize.js";

const DAY_MS = 86_400_000;
/** Distinct days remembered: an import spans a few hundred at most. */
const MAX_DAYS = 4096;

/**
 * A function giving the time 24 hours before a time (as toISOString writes it). For X's own form it
 * is the same time of the day before, found by the day alone and remembered: import asks it for
 * every post, and a round trip through Date for each was a measurable part of the import.
 */
export function dayBeforeFinder(): (iso: string) => string {
  const previousDays = new Map<string, string>();
  return (iso) => {
    if (!CANONICAL_TIME.test(iso)) return new Date(Date.parse(iso) - DAY_MS).toISOString();
    const day = iso.slice(0, 10);
    let previous = previousDays.get(day);
    if (previous === undefined) {
      previous = new Date(Date.parse(`${day}T00:00:00.000Z`) - DAY_MS).toISOString().slice(0, 10);
      if (previousDays.size >= MAX_DAYS) previousDays.clear();
      previousDays.set(day, previous);
    }
    return previous + iso.slice(10);
  };
}
