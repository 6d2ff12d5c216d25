/**
 * Read-time priority: the stored priority raised by how long the post has waited against the SLA.
 * Kept free of imports so `list` can use it without loading the scoring model.
 */

export interface SlaTargets {
  firstResponseMinutes: number;
  ceilingMinutes: number;
}

/** Points gained by the time the first-response target is reached. */
const POINTS_AT_FIRST_RESPONSE_TARGET = 10;
/** Points gained by the SLA ceiling; the boost stops growing there. */
export const MAX_WAITING_BOOST = 30;

/**
 * Until the first-response target the priority rises gently (up to +10); from there to the ceiling
 * it rises to +30, and stays there. The boost is bounded so that waiting lifts a case without
 * erasing what the scores say: an urgent complaint still outranks a troll that waited longer.
 * Never lowers a priority; a missing or future `createdAt` leaves it unchanged. Counts every minute
 * since `createdAt`: see `priorityAfterWaiting` for a wait counted on an SLA clock.
 */
export function effectivePriority(priority: number, createdAt: string, now: Date, sla: SlaTargets): number {
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return clamp(priority, 0, 100);
  return priorityAfterWaiting(priority, (now.getTime() - created) / 60_000, sla);
}

/**
 * The same from the minutes already waited, counted on the account's SLA clock (business hours
 * when it has them): what the queue, `show` and triage rank by.
 */
export function priorityAfterWaiting(priority: number, waited: number, sla: SlaTargets): number {
  const base = clamp(priority, 0, 100);
  if (!(waited > 0)) return base;
  const target = Math.max(1, sla.firstResponseMinutes);
  const ceiling = Math.max(target + 1, sla.ceilingMinutes);
  const boost =
    waited <= target
      ? POINTS_AT_FIRST_RESPONSE_TARGET * (waited / target)
      : POINTS_AT_FIRST_RESPONSE_TARGET +
        (MAX_WAITING_BOOST - POINTS_AT_FIRST_RESPONSE_TARGET) * Math.min(1, (waited - target) / (ceiling - target));
  return clamp(base + boost, 0, 100);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
