/**
 * Hashed text features shared by training (scripts/train.ts) and scoring: word unigrams and
 * bigrams, character 3- to 5-grams over the normalised words, and emoji. Each feature is an index
 * into a weight vector of 2^HASH_BITS entries.
 */

import { CATEGORIES } from "./lexicon.js";

export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x01000193;
const CHAR_SEED = 0x5bd1e995;
const EMOJI_SEED = 0x27d4eb2d;
const CATEGORY_SEED = 0x165667b1;
/** Word-list hits are strong evidence: each counts as this many features. */
const CATEGORY_REPEAT = 4;

/** The placeholder text.ts puts for every @handle. */
const MENTION = "@user";

const EMOJI = /\p{Extended_Pictographic}/gu;
/** ASCII has no pictographs: such posts skip the emoji pass. */
const NON_ASCII = /[^\0-\x7f]/;

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}

function finish(hash: number): number {
  let h = hash ^ (hash >>> 15);
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & MASK;
}

function hashString(seed: number, text: string): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = step(hash, text.charCodeAt(i));
  return hash;
}

/**
 * Feature indices of one post (repeats allowed: a feature seen twice counts twice). `categoryHits`
 * lists the word-list categories that matched, once per hit.
 */
export function featureIndices(
  rawText: string,
  allTokens: readonly string[],
  categoryHits: readonly string[],
): number[] {
  const indices: number[] = [];
  forEachFeature(rawText, allTokens, categoryHits, (index) => {
    indices.push(index);
  });
  return indices;
}

/**
 * `visit` called with each of featureIndices' indices, in the same order, with no list built: the
 * scorer only sums weights over them, and the lists were a quarter of what scoring allocated.
 */
export function forEachFeature(
  rawText: string,
  allTokens: readonly string[],
  categoryHits: readonly string[],
  visit: (index: number) => void,
): void {
  const tokens = collapseMentions(allTokens);
  let previous = 0;
  for (let t = 0; t < tokens.length; t++) {
    const word = hashString(WORD_SEED, tokens[t] as string);
    visit(finish(word));
    if (t > 0) visit(finish(step(Math.imul(previous, 31) ^ BIGRAM_SEED, word)));
    previous = word;
  }
  const joined = ` ${tokens.join(" ")} `;
  for (let i = 0; i + 3 <= joined.length; i++) {
    let hash = CHAR_SEED;
    hash = step(hash, joined.charCodeAt(i));
    hash = step(hash, joined.charCodeAt(i + 1));
    hash = step(hash, joined.charCodeAt(i + 2));
    visit(finish(hash));
    if (i + 4 > joined.length) continue;
    hash = step(hash, joined.charCodeAt(i + 3));
    visit(finish(hash));
    if (i + 5 > joined.length) continue;
    hash = step(hash, joined.charCodeAt(i + 4));
    visit(finish(hash));
  }
  if (NON_ASCII.test(rawText))
    for (const emoji of rawText.match(EMOJI) ?? []) visit(finish(hashString(EMOJI_SEED, emoji)));
  for (const category of categoryHits) {
    for (const index of categoryIndices(category)) visit(index);
  }
}

/**
 * A run of @handles counts as one: a reply deep in a thread starts with many, and they would
 * otherwise dilute the words that matter (every feature weighs 1/sqrt(count)).
 */
function collapseMentions(tokens: readonly string[]): readonly string[] {
  let runs = false;
  for (let t = 1; t < tokens.length && !runs; t++) runs = tokens[t] === MENTION && tokens[t - 1] === MENTION;
  return runs ? tokens.filter((token, t) => token !== MENTION || tokens[t - 1] !== MENTION) : tokens;
}

/** The feature indices one word-list hit of `category` adds. */
export function categoryIndices(category: string): readonly number[] {
  return KNOWN_CATEGORY_INDICES.get(category) ?? hashCategory(category);
}

function hashCategory(category: string): number[] {
  return Array.from({ length: CATEGORY_REPEAT }, (_, r) => finish(hashString(CATEGORY_SEED + r, category)));
}

const KNOWN_CATEGORY_INDICES: ReadonlyMap<string, readonly number[]> = new Map(
  CATEGORIES.map((category) => [category, Object.freeze(hashCategory(category))]),
);

/** Each feature's value: 1/sqrt(n), so long and short posts weigh alike. */
export function featureValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}
