import { BUILT_IN_WORDS, CATEGORIES, type Category, type WordLists } from "./lexicon.js";
import { normalizeEntry } from "./text.js";

const MAX_PHRASE_WORDS = 4;

/** In a phrase, this word stands for any number: "llevo # dias" matches "llevo 3 dias" and "llevo tres dias". */
export const NUMBER_SLOT = "#";

/** Words read as a number by NUMBER_SLOT, besides digits (Spanish and English). */
const NUMBER_WORDS = new Set(
  (
    "un una uno dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta varios varias " +
    "muchos muchas unos unas an one two three four five six seven eight nine ten eleven twelve fifteen twenty " +
    "thirty several many"
  ).split(" "),
);

function isNumberWord(token: string): boolean {
  const first = token.charCodeAt(0);
  if (first >= 48 && first <= 57) return /^\d+$/.test(token);
  return NUMBER_WORDS.has(token);
}

/** Word lists compiled for lookup: whole words and phrases, and word stems ("cobr*"). */
export interface Matcher {
  readonly phrases: ReadonlyMap<string, readonly Category[]>;
  readonly stems: ReadonlyMap<string, readonly Category[]>;
  readonly stemLengths: readonly number[];
  /** The first `stemLengths[0]` characters of every stem: a word starting otherwise matches none. */
  readonly stemHeads: ReadonlySet<string>;
  /** Every leading run of words of a multi-word phrase ("no", "no me" for "no me llego"). */
  readonly phraseStarts: ReadonlySet<string>;
  /** Whether any phrase has a NUMBER_SLOT (else numbers are read as plain words only). */
  readonly numberSlots: boolean;
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
        const entry = normalizeWithSlots(isStem ? raw.slice(0, -1) : raw);
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
  const numberSlots = [...phrases.keys()].some((phrase) => phrase.split(" ").includes(NUMBER_SLOT));
  return { phrases, stems, stemLengths, stemHeads, phraseStarts, numberSlots };
}

/** normalizeEntry, keeping each NUMBER_SLOT word (normalising would drop it as punctuation). */
function normalizeWithSlots(raw: string): string {
  if (!raw.includes(NUMBER_SLOT)) return normalizeEntry(raw);
  return raw
    .split(/\s+/)
    .map((word) => (word === NUMBER_SLOT ? word : normalizeEntry(word)))
    .filter((word) => word.length > 0)
    .join(" ");
}

/**
 * Finds every word-list entry in the tokens (a phrase of up to four words, or a stem). A phrase
 * with NUMBER_SLOT words matches with every number in the text read as a slot ("llevo 3 dias").
 */
export function findMatches(tokens: readonly string[], matcher: Matcher, into: Matches = emptyMatches()): Matches {
  for (let start = 0; start < tokens.length; start++) {
    matchPhrases(tokens, start, matcher, into, false);
    if (matcher.numberSlots) matchPhrases(tokens, start, matcher, into, true);
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

/**
 * The phrases starting at `start`, read word by word while some phrase still starts so. With
 * `slots`, numbers read as NUMBER_SLOT; a run with no number is then left to the plain reading.
 */
function matchPhrases(tokens: readonly string[], start: number, matcher: Matcher, into: Matches, slots: boolean): void {
  let phrase = "";
  let numbered = false;
  for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= tokens.length; length++) {
    let word = tokens[start + length - 1] as string;
    if (slots && isNumberWord(word)) {
      word = NUMBER_SLOT;
      numbered = true;
    }
    phrase = length === 1 ? word : `${phrase} ${word}`;
    const categories = numbered || !slots ? matcher.phrases.get(phrase) : undefined;
    if (categories) record(into, categories, slots ? shownPhrase(tokens, start, length) : phrase);
    if (!matcher.phraseStarts.has(phrase)) return;
  }
}

/** The words a phrase matched, as written: "llevo 3 dias", not "llevo # dias". */
function shownPhrase(tokens: readonly string[], start: number, length: number): string {
  return tokens.slice(start, start + length).join(" ");
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
