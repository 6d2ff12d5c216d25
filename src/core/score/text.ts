/** Text normalisation shared by the rules, the language guess and the learned model. */

const URL_PATTERN = /https?:\/\/\S+|www\.\S+/g;
const MENTION_PATTERN = /@\w+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LONG_RUNS = /(\p{L})\1{2,}/gu;
const HTML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * Lower-case, accents removed, URLs and @handles replaced by placeholders, letter runs of three or
 * more squeezed to one ("noooo" → "no", "peeeedo" → "pedo"), HTML entities decoded.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity] ?? entity)
    .replace(URL_PATTERN, " httpurl ")
    .replace(MENTION_PATTERN, " @user ")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(LONG_RUNS, "$1");
}

const TOKEN_PATTERN = /[\p{L}\p{N}']+|@user/gu;

/** Word tokens of an already normalised text (apostrophes kept inside words: "don't"). */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const match of normalized.matchAll(TOKEN_PATTERN)) {
    const token = match[0].replace(/^'+|'+$/g, "");
    if (token.length > 0) tokens.push(token);
  }
  return tokens;
}

/** Normalises one lexicon entry the same way post text is normalised. */
export function normalizeEntry(entry: string): string {
  return tokenize(normalizeText(entry)).join(" ");
}
