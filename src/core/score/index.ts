import type { Author, Post, Score, ScoreContext } from "../types.js";
import { gatherEvidence } from "./evidence.js";
import { scoreWithEvidence } from "./with-evidence.js";

/**
 * The scorer (design §5). Per post: the text is normalised, matched against the word lists
 * (built-in per language plus the user's), and, in Spanish and English, read by small linear
 * models over hashed word and character n-grams (model.json, trained by scripts/train.ts); English
 * offensiveness adds a small network over pre-trained word vectors (pooled.ts).
 * Troll = offensiveness × (1 − share for an actionable complaint) + bounded account and history
 * evidence. Every contribution is recorded as a reason. Pure: no I/O, no clock but ctx.now.
 */

export { DEFAULT_WEIGHTS, defaultScoringConfig, type WeightName } from "./config.js";
export { gatherEvidence, type TextEvidence } from "./evidence.js";
export { detectLanguage } from "./language.js";
export { CATEGORIES, type Category } from "./lexicon.js";
export { effectivePriority } from "./priority.js";
export { scoreWithEvidence } from "./with-evidence.js";

/** Scores one post: pure, synchronous, no I/O. See design §5. */
export function score(post: Post, author: Author | undefined, ctx: ScoreContext): Score {
  return scoreWithEvidence(gatherEvidence(post, ctx.config), post, author, ctx);
}
