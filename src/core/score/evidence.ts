import type { Post, ScoringConfig } from "../types.js";
import { closeToSpanish, scoringLanguage } from "./language.js";
import type { WordLists } from "./lexicon.js";
import {
  BUILT_IN_MATCHERS,
  compileWordLists,
  emptyMatches,
  findMatches,
  type Matcher,
  type Matches,
} from "./matcher.js";
import { type ModelSignals, modelSignals } from "./model.js";
import { normalizeText, tokenize } from "./text.js";

/** What the text of one post says, computed once and read by every part of the score. */
export interface TextEvidence {
  lang: "es" | "en" | "other";
  matches: Matches;
  question: boolean;
  emoji: { mockery: number; angry: number; positive: number };
  /** Learned probabilities, when a model exists for the language. */
  model: ModelSignals | undefined;
  /** Set when the post has words in a language the scorer does not read. */
  unread: Unread | undefined;
}

/** A post in a language the scorer does not read. */
export interface Unread {
  /** X's language code ("ca", "ar"), or "und" when X gave none. */
  code: string;
  /**
   * For a language close to Spanish (Catalan, Galician, Portuguese, Italian), the Spanish model's
   * complaint probability and how much it reads as about a service, with no word lists; else NaN.
   */
  complaint: number;
  service: number;
}

const MOCKERY_EMOJI = /🤡|🙄|😂|🤣|💩|🖕|😹|🥱|🤪|😆/gu;
const ANGRY_EMOJI = /😡|🤬|😠|😤|👎|💢/gu;
const POSITIVE_EMOJI = /❤️|❤|😍|🥰|👍|🙏|😊|💙|💚|💜|🧡|💛|🤗|😀|😃|🙂|🎉/gu;
/** Every emoji above is ❤ or outside the BMP (a surrogate pair): without either, all counts are 0. */
const MAY_HAVE_EMOJI = /[\u2764\ud800-\udfff]/;

export function gatherEvidence(post: Post, config: ScoringConfig): TextEvidence {
  const lang = scoringLanguage(post.lang, post.text);
  const normalized = normalizeText(post.text);
  const tokens = tokenize(normalized);
  const matches = emptyMatches();
  if (lang !== "other") findMatches(tokens, BUILT_IN_MATCHERS[lang], matches);
  const extra = userMatcher(config, lang, post.lang);
  if (extra !== undefined) findMatches(tokens, extra, matches);
  return {
    lang,
    matches,
    question: post.text.includes("?") || post.text.includes("¿"),
    emoji: MAY_HAVE_EMOJI.test(post.text)
      ? {
          mockery: countPattern(post.text, MOCKERY_EMOJI),
          angry: countPattern(post.text, ANGRY_EMOJI),
          positive: countPattern(post.text, POSITIVE_EMOJI),
        }
      : { mockery: 0, angry: 0, positive: 0 },
    model: lang === "other" ? undefined : modelSignals(lang, post.text, tokens, matches),
    unread: lang === "other" ? unreadText(post, tokens) : undefined,
  };
}

const ANY_LETTER = /\p{L}/u;

/**
 * What is known of a post in another language. Word lists of a neighbour language mislead ("sense"
 * is not "sin"), so only the Spanish model's wording is borrowed, and only for close languages.
 */
function unreadText(post: Post, tokens: readonly string[]): Unread | undefined {
  if (!tokens.some((token) => token !== "@user" && ANY_LETTER.test(token))) return undefined;
  const code = post.lang.toLowerCase().split("-")[0] || "und";
  const borrowed = closeToSpanish(code) ? modelSignals("es", post.text, tokens, emptyMatches()) : undefined;
  return { code, complaint: borrowed?.complaint ?? Number.NaN, service: borrowed?.service ?? Number.NaN };
}

/**
 * The user's word lists compiled, per config and language codes. A cache, not state: compiling
 * normalises every entry, which cost more than scoring the post when it ran for each one.
 */
const compiledUserWords = new WeakMap<ScoringConfig["words"], Map<string, Matcher | undefined>>();

/** The user's extra words for the scoring language, for X's own code and for every language ("*"). */
function userMatcher(config: ScoringConfig, lang: string, xLang: string): Matcher | undefined {
  let byLanguages = compiledUserWords.get(config.words);
  if (byLanguages === undefined) {
    byLanguages = new Map();
    compiledUserWords.set(config.words, byLanguages);
  }
  const key = `${lang} ${xLang}`;
  if (byLanguages.has(key)) return byLanguages.get(key);
  const lists: WordLists[] = [];
  for (const code of new Set([lang, xLang.toLowerCase().split("-")[0] ?? "", "*"])) {
    const list = config.words[code];
    if (list !== undefined && Object.keys(list).length > 0) lists.push(list as WordLists);
  }
  const matcher = lists.length > 0 ? compileWordLists(lists) : undefined;
  byLanguages.set(key, matcher);
  return matcher;
}

function countPattern(text: string, pattern: RegExp): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) count++;
  return count;
}
