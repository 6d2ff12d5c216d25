/** X snowflake ids: milliseconds since the Twitter epoch in the high bits, so id order is time order. */
const TWITTER_EPOCH_MS = 1288834974657n;

export function snowflakeAt(ms: number, seq = 0): string {
  return (((BigInt(ms) - TWITTER_EPOCH_MS) << 22n) | BigInt(seq & 0x3fffff)).toString();
}

export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS);
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Newest first, as X lists timelines. */
export function newestFirst<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => compareIds(b.id, a.id));
}
