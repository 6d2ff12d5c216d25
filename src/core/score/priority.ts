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

/**
 * Until the first-response target the priority rises gently (up to +10); after it, the remaining
 * distance to 100 closes linearly so that a post waiting for the ceiling is at the top of the queue.
 * Never lowers a priority; a missing or future `createdAt` leaves it unchanged.
 */
export function effectivePriority(priority: number, createdAt: string, now: Date, sla: SlaTargets): number {
  const base = clamp(priority, 0, 100);
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return base;
  const waited = (now.getTime() - created) / 60_000;
  if (!(waited > 0)) return base;
  const target = Math.max(1, sla.firstResponseMinutes);
  const ceiling = Math.max(target + 1, sla.ceilingMinutes);
  if (waited <= target) {
    return clamp(base + POINTS_AT_FIRST_RESPONSE_TARGET * (waited / target), 0, 100);
  }
  const atTarget = clamp(base + POINTS_AT_FIRST_RESPONSE_TARGET, 0, 100);
  const progress = Math.min(1, (waited - target) / (ceiling - target));
  return atTarget + (100 - atTarget) * progress;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
