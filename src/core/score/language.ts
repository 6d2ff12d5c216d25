import { BUILT_IN_MATCHERS } from "./matcher.js";
import { normalizeText, tokenize } from "./text.js";

const SPANISH_FUNCTION_WORDS = new Set(
  (
    "de la que el en los se del las por un una para con no es al lo como mas pero sus le ya o este si porque " +
    "esta entre cuando muy sin sobre tambien me hasta hay donde quien desde todo nos durante todos uno les ni " +
    "contra otros ese eso ante ellos e esto mi antes algunos que unos yo otro otras otra el tanto esa estos " +
    "mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mis tu te ti tus ellas " +
    "son estoy estan fue ser hace hoy bien gracias aqui asi ahora vez dia dias llevo tengo tiene pues " +
    "funciona funcionan servicio hola ayuda cuenta nadie nunca siempre todavia sigue sigo porque"
  ).split(" "),
);

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "the be to of and a in that have i it for not on with he as you do at this but his by from they we say her " +
    "she or an will my one all would there their what so up out if about who get which go me when make can like " +
    "time no just him know take people into year your good some could them see other than then now look only " +
    "come its over think also back after use two how our work first well way even new want because any these " +
    "give day most us is are was were been has had did does im i'm don't can't it's thanks please still why " +
    "works working service hello hi help account nobody never always yet since until"
  ).split(" "),
);

const SPANISH_ONLY_CHARACTERS = /[ñ¿¡]/i;
const ACCENTED_VOWELS = /[áéíóú]/i;
const LATIN_LETTERS = /\p{Script=Latin}/u;
const ANY_LETTER = /\p{L}/u;

/**
 * Spanish, English or other, from function words, the built-in word lists of each language and
 * Spanish-only characters. Used when X gives no language. Texts with no clue, or as much of one
 * language as of the other, are "other" (scored without word lists).
 */
export function detectLanguage(text: string): "es" | "en" | "other" {
  const letters = countLetters(text);
  if (letters.other > letters.latin) return "other";
  let spanish = (SPANISH_ONLY_CHARACTERS.test(text) ? 2 : 0) + (ACCENTED_VOWELS.test(text) ? 1 : 0);
  let english = 0;
  for (const token of tokenize(normalizeText(text))) {
    if (token === "@user") continue;
    const inSpanish = SPANISH_FUNCTION_WORDS.has(token) || BUILT_IN_MATCHERS.es.phrases.has(token);
    const inEnglish = ENGLISH_FUNCTION_WORDS.has(token) || BUILT_IN_MATCHERS.en.phrases.has(token);
    // A word both languages have ("no", "me", "error") tells nothing.
    if (inSpanish && !inEnglish) spanish++;
    if (inEnglish && !inSpanish) english++;
  }
  if (spanish === english) return "other";
  return spanish > english ? "es" : "en";
}

function countLetters(text: string): { latin: number; other: number } {
  let latin = 0;
  let other = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
    } else if (LATIN_LETTERS.test(char)) latin++;
    else if (ANY_LETTER.test(char)) other++;
  }
  return { latin, other };
}

/**
 * The language to score in: X's code when it is Spanish or English, a guess for untagged posts,
 * and Spanish or English for a post X tagged otherwise that plainly is ("llevo 3 días sin
 * internet" tagged Catalan): X mistags short posts in neighbour languages.
 */
export function scoringLanguage(xLang: string, text: string): "es" | "en" | "other" {
  const code = xLang.toLowerCase().split("-")[0] ?? "";
  if (code === "es" || code === "en") return code;
  if (code === "" || UNDETERMINED_CODES.has(code)) return detectLanguage(text);
  return plainlyWrittenIn(text) ?? "other";
}

/**
 * Words of Spanish and of English that none of the languages X most often confuses them with
 * (Catalan, Galician, Portuguese, Italian; Dutch, German, French) writes the same way.
 */
const ONLY_SPANISH = new Set(
  "sin muy los las hay nadie ayer hoy llevo estoy tengo cuando donde ahora mucho gracias pues ya usted ustedes vosotros".split(
    " ",
  ),
);
const ONLY_ENGLISH = new Set("the and with have been your you this that my since please".split(" "));
/** Distinct such words from which a post reads as that language whatever its tag. */
const PLAIN_WORDS = 2;

function plainlyWrittenIn(text: string): "es" | "en" | undefined {
  const spanish = new Set<string>();
  const english = new Set<string>();
  for (const token of tokenize(normalizeText(text))) {
    if (ONLY_SPANISH.has(token)) spanish.add(token);
    else if (ONLY_ENGLISH.has(token)) english.add(token);
  }
  if (spanish.size >= PLAIN_WORDS && english.size === 0 && detectLanguage(text) === "es") return "es";
  if (english.size >= PLAIN_WORDS && spanish.size === 0 && detectLanguage(text) === "en") return "en";
  return undefined;
}

/** Languages close enough to Spanish that its model's reading of the wording says something. */
const CLOSE_TO_SPANISH = new Set(["ca", "gl", "pt", "it"]);

export function closeToSpanish(code: string): boolean {
  return CLOSE_TO_SPANISH.has(code);
}

/** 'Catalan ("ca")' for "ca"; 'language "xx"' when the runtime knows no name for the code. */
export function languageName(code: string): string {
  let name = LANGUAGE_NAMES.get(code);
  if (name === undefined) {
    name = nameOf(code);
    // codes come from the input: a file of made-up ones must not grow this without end
    if (LANGUAGE_NAMES.size >= 1000) LANGUAGE_NAMES.clear();
    LANGUAGE_NAMES.set(code, name);
  }
  return name;
}

/**
 * A cache, not state: Intl.DisplayNames is built once (building one costs more than scoring a
 * post), and each code is named once.
 */
const LANGUAGE_NAMES = new Map<string, string>();
let displayNames: Intl.DisplayNames | undefined;

function nameOf(code: string): string {
  if (code === "und") return 'a language it could not tell ("und")';
  try {
    displayNames ??= new Intl.DisplayNames(["en"], { type: "language" });
    const name = displayNames.of(code);
    return name !== undefined && name !== code ? `${name} ("${code}")` : `language "${code}"`;
  } catch {
    return `language "${code}"`;
  }
}

/** X's codes for posts with no language of their own (undetermined, media-only, hashtags-only…). */
const UNDETERMINED_CODES = new Set(["und", "zxx", "qme", "qht", "qam", "qct", "qst", "art"]);
