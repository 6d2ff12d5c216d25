import type { Reason, ScoreField } from "../types.js";
import { describeCategory } from "./describe.js";
import type { Matches } from "./matcher.js";

/** Adds a reason unless its contribution rounds to nothing. */
export function addReason(reasons: Reason[], field: ScoreField, weight: number, text: string): void {
  const rounded = Math.round(weight * 1000) / 1000;
  if (rounded !== 0) reasons.push({ field, weight: rounded, text });
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** "a, b and 2 more" for showing matched words in a reason. */
export function quoteWords(words: readonly string[] | undefined, limit = 3): string {
  // one word is the common case (it runs for most posts scored)
  if (words?.length === 1 && limit > 0) return `"${shownWord(words[0] as string)}"`;
  const unique = [...new Set((words ?? []).map(shownWord))];
  const shown = unique.slice(0, limit).map((word) => `"${word}"`);
  const rest = unique.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

function shownWord(word: string): string {
  return word === "@user" ? "@mention" : word;
}

/** Adds up rule weights into a 0..1 score, with one reason per rule (scaled down if the sum is capped). */
export function sumWithReasons(parts: ReadonlyArray<[number, string]>, field: ScoreField, reasons: Reason[]): number {
  const total = parts.reduce((sum, [weight]) => sum + weight, 0);
  const value = clamp(total, 0, 1);
  const scale = total > 0 ? value / total : 1;
  for (const [weight, text] of parts) addReason(reasons, field, weight * scale, text);
  return value;
}

/**
 * A learned probability explained: one reason per word-list category with the change it caused,
 * and the rest attributed to the wording as a whole.
 */
export function learnedWithReasons(
  probability: number,
  effects: ReadonlyMap<string, number>,
  evidence: { matches: Matches },
  reasons: Reason[],
  field: ScoreField,
  learnedText: string,
): number {
  let explained = 0;
  for (const [category, effect] of effects) {
    if (Math.abs(effect) < 0.01) continue;
    explained += effect;
    addReason(reasons, field, effect, describeCategory(category, evidence.matches));
  }
  addReason(reasons, field, probability - explained, learnedText);
  return probability;
}
