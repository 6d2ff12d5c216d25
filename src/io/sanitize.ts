/**
 * Untrusted text (posts, names, bios) must never drive the terminal. Every C0/C1 control character,
 * DEL and bidi override is replaced by a visible, inert stand-in, so an escape sequence shows up as
 * "␛[31m" instead of turning the screen red, and a hostile name cannot reorder a table row.
 */

const C0_PICTURES = 0x2400; // U+2400 SYMBOL FOR NULL … U+241F
const DELETE_PICTURE = "\u2421";
const C1_STANDIN = "\ufffd";

// C0 except tab and newline (handled by the caller's mode), DEL, C1, bidi embeddings/overrides/isolates,
// line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function standIn(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCodePoint(C0_PICTURES + code);
  if (code === 0x7f) return DELETE_PICTURE;
  if (code >= 0x80 && code <= 0x9f) return C1_STANDIN;
  if (code === 0x2028 || code === 0x2029) return " ";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

export type SanitizeMode = "multiline" | "line";

/**
 * Neutralise untrusted text for a terminal. "line" also folds tabs and newlines into spaces (table
 * cells, TSV fields); "multiline" keeps newlines and tabs (the body of `show`).
 */
export function sanitizeText(text: string, mode: SanitizeMode = "line"): string {
  let out = text.replace(UNSAFE, standIn);
  if (mode === "line") out = out.replace(/[\t\n]/g, " ");
  return out;
}

/** True when the text would have been changed by sanitizeText in "multiline" mode. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheet apps run cells starting with = + - @ (or tab/CR) as formulas: prefix a quote to make them inert. */
export function neutralizeCsvFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * JSON.stringify escapes C0 controls but leaves C1 controls, bidi controls and U+2028/9 raw. Escape
 * them too: the JSON stays equal as data, and is inert when printed to a terminal.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}
