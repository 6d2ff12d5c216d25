import type { HashtagScore, Reason, Score, ScoreField } from "../core/types.js";

/**
 * The `score_json` column: what a score holds beyond its numbers (hashtags, reasons, whether to
 * answer a troll for the audience, the scoring language). Written as a compact array, about half
 * the size of the object it replaced and quicker to serialise (it is written for every mention
 * imported); rows written before are objects, and both read alike.
 *
 *   [1, [[tag, popular, crisis], ...], [field, weight, text, field, weight, text, ...], audience, lang]
 */
export interface ScoreExtras {
  hashtags?: HashtagScore[];
  reasons?: Reason[];
  answerForAudience?: boolean;
  lang?: string;
}

const FORMAT = 1;
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
  for (const r of s.reasons) reasons.push(FIELD_CODES[r.field], r.weight, r.text);
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
  if (format !== FORMAT) return {};
  return {
    hashtags: Array.isArray(hashtags) ? hashtagsFrom(hashtags) : [],
    reasons: Array.isArray(flat) ? reasonsFrom(flat) : [],
    answerForAudience: audience === 1,
    ...(typeof lang === "string" ? { lang } : {}),
  };
}

function hashtagsFrom(rows: unknown[]): HashtagScore[] {
  return rows
    .filter((row): row is unknown[] => Array.isArray(row) && typeof row[0] === "string")
    .map(([tag, popular, crisis]) => ({ tag: tag as string, popular: popular === 1, crisis: crisis === 1 }));
}

function reasonsFrom(flat: unknown[]): Reason[] {
  const reasons: Reason[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const field = FIELDS_BY_CODE.get(flat[i] as string);
    if (field === undefined) continue;
    reasons.push({ field, weight: Number(flat[i + 1]), text: String(flat[i + 2]) });
  }
  return reasons;
}
