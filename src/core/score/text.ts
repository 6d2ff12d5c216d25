/** Text normalisation shared by the rules, the language guess and the learned model. */

const URL_PATTERN = /https?:\/\/\S+|www\.\S+/g;
const MENTION_PATTERN = /@\w+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LONG_RUNS = /(\p{L})\1{2,}/gu;
const HTML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const NON_ASCII = /[^\0-\x7f]/;

/**
 * Lower-case, accents removed, URLs and @handles replaced by placeholders, letter runs of three or
 * more squeezed to one ("noooo" → "no", "peeeedo" → "pedo"), HTML entities decoded.
 */
export function normalizeText(text: string): string {
  // Each step is skipped when a cheap test shows it cannot change the text: this runs for every
  // imported post, and the regular expressions are most of its cost.
  let out = text;
  if (out.includes("&")) out = out.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity] ?? entity);
  if (out.includes("http") || out.includes("www.")) out = out.replace(URL_PATTERN, " httpurl ");
  if (out.includes("@")) out = out.replace(MENTION_PATTERN, " @user ");
  out = out.toLowerCase();
  // ASCII has no decomposable characters and no combining marks
  if (NON_ASCII.test(out)) out = out.normalize("NFD").replace(COMBINING_MARKS, "");
  if (mayHaveLongRun(out)) out = out.replace(LONG_RUNS, "$1");
  return out;
}

/**
 * False only when no character repeats three times in a row. A letter outside the BMP is two code
 * units, so any surrogate sends the text to the full pattern.
 */
function mayHaveLongRun(text: string): boolean {
  for (let i = 0; i + 2 < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if (code === text.charCodeAt(i + 1) && code === text.charCodeAt(i + 2)) return true;
  }
  return false;
}

const TOKEN_PATTERN = /[\p{L}\p{N}']+|@user/gu;
const APOSTROPHE = 39;

/** Word tokens of an already normalised text (apostrophes kept inside words: "don't"). */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const match of normalized.match(TOKEN_PATTERN) ?? []) {
    let token = match;
    if (token.charCodeAt(0) === APOSTROPHE || token.charCodeAt(token.length - 1) === APOSTROPHE) {
      token = token.replace(/^'+|'+$/g, "");
    }
    if (token.length > 0) tokens.push(token);
  }
  return tokens;
}

/** Normalises one lexicon entry the same way post text is normalised. */
export function normalizeEntry(entry: string): string {
  return tokenize(normalizeText(entry)).join(" ");
}
