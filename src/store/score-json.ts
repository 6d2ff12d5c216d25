import type { HashtagScore, Reason, Score, ScoreField } from "../core/types.js";

/**
 * The `score_json` column: what a score holds beyond its numbers (hashtags, reasons, whether to
 * answer a troll for the audience, the scoring language). Written as a compact array, about a third
 * the size of the object layout of the first rows and quicker to serialise (it is written for every
 * mention imported); every layout written before reads alike.
 *
 *   [2, [[tag, popular, crisis], ...], [field, weight, text, field, weight, text, ...], audience, lang]
 *
 * In layout 2 a reason's text is a number when it is one of REASON_TEXTS (its position there);
 * layout 1 always held the text.
 */
export interface ScoreExtras {
  hashtags?: HashtagScore[];
  reasons?: Reason[];
  answerForAudience?: boolean;
  lang?: string;
}

const FORMAT = 2;
/** The array layout before reason texts were numbered. */
const FORMAT_TEXTS = 1;

/**
 * Reason texts the scorer gives word for word (no number or word of the post in them), stored by
 * position: they were over a third of the column. APPEND ONLY: stored rows name them by index, so an
 * entry is never removed, reordered or edited (a text the scorer no longer gives stays here).
 */
export const REASON_TEXTS: readonly string[] = [
  "wording resembles offensive or aggressive posts (learned)",
  "wording resembles customer complaints (learned)",
  "carries an actionable complaint: anger is not trolling",
  "reads as a complaint (learned)",
  "strongly negative",
  "resembles time-critical complaints (learned)",
  "follows far more accounts than follow it",
  "explicitly asks for help",
  "praise next to a problem or mockery reads as sarcasm",
  "empty profile",
  "not about a product or service",
  "negative words or emoji",
  "praise or thanks",
  "names a service issue (outage, billing, order, delay…)",
  "negative tone",
  "asks a question",
  "the insult is aimed at someone",
  "mockery or laughing at",
  "verified account",
  "VIP customer",
  "crisis hashtag",
  "troll with a large audience: answer once, calmly, for the audience",
  "sounds like a complaint, though it names nothing to act on",
  "not read: as urgent as a middling case until someone reads it",
  "angry emoji",
];
const REASON_INDEX = new Map(REASON_TEXTS.map((text, i) => [text, i]));
const FIELD_CODES: Record<ScoreField, string> = {
  troll: "t",
  complaint: "c",
  sentiment: "s",
  reach: "r",
  urgency: "u",
  priority: "p",
};
const FIELDS_BY_CODE = new Map(Object.entries(FIELD_CODES).map(([field, code]) => [code, field as ScoreField]));

export function encodeScoreExtras(s: Score): string {
  const reasons: (string | number)[] = [];
  for (const r of s.reasons) reasons.push(FIELD_CODES[r.field], r.weight, REASON_INDEX.get(r.text) ?? r.text);
  return JSON.stringify([
    FORMAT,
    s.hashtags.map((h) => [h.tag, h.popular ? 1 : 0, h.crisis ? 1 : 0]),
    reasons,
    s.answerForAudience ? 1 : 0,
    s.lang,
  ]);
}

/** The stored extras, from either layout; nothing for a missing or unreadable value. */
export function decodeScoreExtras(json: string | null): ScoreExtras {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!Array.isArray(value)) return typeof value === "object" && value !== null ? (value as ScoreExtras) : {};
  const [format, hashtags, flat, audience, lang] = value as [number, unknown, unknown, unknown, unknown];
  if (format !== FORMAT && format !== FORMAT_TEXTS) return {};
  return {
    hashtags: Array.isArray(hashtags) ? hashtagsFrom(hashtags) : [],
    reasons: Array.isArray(flat) ? reasonsFrom(flat, format === FORMAT) : [],
    answerForAudience: audience === 1,
    ...(typeof lang === "string" ? { lang } : {}),
  };
}

function hashtagsFrom(rows: unknown[]): HashtagScore[] {
  return rows
    .filter((row): row is unknown[] => Array.isArray(row) && typeof row[0] === "string")
    .map(([tag, popular, crisis]) => ({ tag: tag as string, popular: popular === 1, crisis: crisis === 1 }));
}

function reasonsFrom(flat: unknown[], numbered: boolean): Reason[] {
  const reasons: Reason[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const field = FIELDS_BY_CODE.get(flat[i] as string);
    const stored = flat[i + 2];
    const text = numbered && typeof stored === "number" ? REASON_TEXTS[stored] : String(stored);
    if (field === undefined || text === undefined) continue;
    reasons.push({ field, weight: Number(flat[i + 1]), text });
  }
  return reasons;
}
