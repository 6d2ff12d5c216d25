import type { XTweet } from "../x/types.js";
import { encodePageToken } from "./params.js";
import { compareIds } from "./snowflake.js";

function createdMs(item: { created_at?: string }): number {
  return item.created_at === undefined ? 0 : Date.parse(item.created_at);
}

/** Cuts a newest-first list into one page after `token`; `next_token` names the next page's first id. */
export function paginate<T extends { id: string }>(
  items: T[],
  maxResults: number,
  afterToken: string | undefined,
): { page: T[]; next?: string } {
  const start = afterToken === undefined ? 0 : items.findIndex((item) => compareIds(item.id, afterToken) <= 0);
  if (start < 0) return { page: [] };
  const page = items.slice(start, start + maxResults);
  const following = items[start + maxResults];
  return following ? { page, next: encodePageToken(following.id) } : { page };
}

export interface TimeBounds {
  sinceId?: string;
  untilId?: string;
  startMs?: number;
  endMs?: number;
}

export function withinBounds(post: XTweet, bounds: TimeBounds): boolean {
  if (bounds.sinceId !== undefined && compareIds(post.id, bounds.sinceId) <= 0) return false;
  if (bounds.untilId !== undefined && compareIds(post.id, bounds.untilId) >= 0) return false;
  const at = createdMs(post);
  if (bounds.startMs !== undefined && at < bounds.startMs) return false;
  if (bounds.endMs !== undefined && at > bounds.endMs) return false;
  return true;
}
