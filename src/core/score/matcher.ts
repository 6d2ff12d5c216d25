import { BUILT_IN_WORDS, CATEGORIES, type Category, type WordLists } from "./lexicon.js";
import { normalizeEntry } from "./text.js";

const MAX_PHRASE_WORDS = 4;

/** Word lists compiled for lookup: whole words and phrases, and word stems ("cobr*"). */
export interface Matcher {
  readonly phrases: ReadonlyMap<string, readonly Category[]>;
  readonly stems: ReadonlyMap<string, readonly Category[]>;
  readonly stemLengths: readonly number[];
  /** The first `stemLengths[0]` characters of every stem: a word starting otherwise matches none. */
  readonly stemHeads: ReadonlySet<string>;
  /** Every leading run of words of a multi-word phrase ("no", "no me" for "no me llego"). */
  readonly phraseStarts: ReadonlySet<string>;
}

/** What the word lists found in one post: per category, the entries that matched. */
export type Matches = Partial<Record<Category, string[]>>;

/**
 * An empty result with every category present, so every result has the same shape (the engine
 * then reads and writes its fields quickly).
 */
export function emptyMatches(): Matches {
  return {
    outage: undefined,
    billing: undefined,
    fraud: undefined,
    safety: undefined,
    churn: undefined,
    legal: undefined,
    lostOrder: undefined,
    delay: undefined,
    problem: undefined,
    ask: undefined,
    insult: undefined,
    profanity: undefined,
    mockery: undefined,
    provocation: undefined,
    negative: undefined,
    positive: undefined,
    secondPerson: undefined,
  };
}

export function compileWordLists(lists: readonly WordLists[]): Matcher {
  const phrases = new Map<string, Category[]>();
  const stems = new Map<string, Category[]>();
  for (const list of lists) {
    for (const category of CATEGORIES) {
      for (const raw of list[category] ?? []) {
        const isStem = raw.endsWith("*");
        const entry = normalizeEntry(isStem ? raw.slice(0, -1) : raw);
        if (entry.length === 0) continue;
        const target = isStem ? stems : phrases;
        const categories = target.get(entry) ?? [];
        if (!categories.includes(category)) categories.push(category);
        target.set(entry, categories);
      }
    }
  }
  const stemLengths = [...new Set([...stems.keys()].map((stem) => stem.length))].sort((a, b) => a - b);
  const stemHeads = new Set([...stems.keys()].map((stem) => stem.slice(0, stemLengths[0])));
  const phraseStarts = new Set<string>();
  for (const phrase of phrases.keys()) {
    const words = phrase.split(" ");
    for (let n = 1; n < words.length; n++) phraseStarts.add(words.slice(0, n).join(" "));
  }
  return { phrases, stems, stemLengths, stemHeads, phraseStarts };
}

/** Finds every word-list entry in the tokens (a phrase of up to four words, or a stem). */
export function findMatches(tokens: readonly string[], matcher: Matcher, into: Matches = emptyMatches()): Matches {
  for (let start = 0; start < tokens.length; start++) {
    let phrase = "";
    for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= tokens.length; length++) {
      phrase = length === 1 ? (tokens[start] as string) : `${phrase} ${tokens[start + length - 1]}`;
      const categories = matcher.phrases.get(phrase);
      if (categories) record(into, categories, phrase);
      if (!matcher.phraseStarts.has(phrase)) break;
    }
    const token = tokens[start] as string;
    // most words start like no stem: one lookup instead of one per stem length
    if (token.length < (matcher.stemLengths[0] ?? 0) || !matcher.stemHeads.has(token.slice(0, matcher.stemLengths[0])))
      continue;
    for (const stemLength of matcher.stemLengths) {
      if (stemLength > token.length) break;
      const categories = matcher.stems.get(token.slice(0, stemLength));
      if (categories) record(into, categories, token);
    }
  }
  return into;
}

function record(into: Matches, categories: readonly Category[], entry: string): void {
  for (const category of categories) {
    const found = into[category];
    if (found === undefined) into[category] = [entry];
    else found.push(entry);
  }
}

export function countOf(matches: Matches, category: Category): number {
  return matches[category]?.length ?? 0;
}

/** One entry per hit, naming its category: the form the learned model reads. */
export function categoryHits(matches: Matches): string[] {
  const hits: string[] = [];
  for (const category of CATEGORIES) {
    const found = matches[category];
    if (found !== undefined) for (let i = 0; i < found.length; i++) hits.push(category);
  }
  return hits;
}

/** The built-in lists, compiled once (read-only). */
export const BUILT_IN_MATCHERS: Readonly<Record<"es" | "en", Matcher>> = Object.freeze({
  es: compileWordLists([BUILT_IN_WORDS.es]),
  en: compileWordLists([BUILT_IN_WORDS.en]),
});
