import type { Author } from "../types.js";

/** A tenth of a decade: about 26% more or fewer followers (reach and troll evidence read them as log10). */
const MATERIAL_LOG_CHANGE = 0.1;

const decades = (n: number) => Math.log10(1 + Math.max(0, n));

/**
 * Whether an author's profile changed enough, in what the scorer reads from it (reach, the account
 * evidence of troll, VIP handles), that their stored posts should be scored again. Counts that drift
 * a little with every fetch do not: followers and lists are read on a log scale.
 */
export function authorChangedForScoring(before: Author, after: Author): boolean {
  return (
    before.username.toLowerCase() !== after.username.toLowerCase() ||
    before.verified !== after.verified ||
    before.createdAt !== after.createdAt ||
    (before.description.trim() === "") !== (after.description.trim() === "") ||
    Math.abs(decades(before.followers) - decades(after.followers)) >= MATERIAL_LOG_CHANGE ||
    Math.abs(decades(before.following) - decades(after.following)) >= MATERIAL_LOG_CHANGE ||
    Math.abs(decades(before.listed) - decades(after.listed)) >= MATERIAL_LOG_CHANGE
  );
}
