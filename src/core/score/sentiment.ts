import type { Reason } from "../types.js";
import type { TextEvidence } from "./evidence.js";
import { countOf } from "./matcher.js";
import { addReason, clamp, quoteWords } from "./reasons.js";

/** How far a certain complaint (learned) pulls the tone towards -1. */
const COMPLAINT_PULL = 0.5;

/**
 * Tone from -1 to 1: positive and negative words and emoji, profanity and insults as negative.
 * Praise next to a problem or mockery ("thanks for leaving me without service 👏") reads as
 * sarcasm and counts as negative. Where a learned model sees a complaint, the tone is pulled
 * towards negative in proportion (not being a complaint says nothing about being positive).
 */
export function scoreSentiment(evidence: TextEvidence, reasons: Reason[]): number {
  const { matches, emoji } = evidence;
  const positive = countOf(matches, "positive") + emoji.positive;
  const negative =
    countOf(matches, "negative") + emoji.angry + 0.5 * countOf(matches, "profanity") + countOf(matches, "insult");
  const problems = countOf(matches, "problem") + countIntents(evidence);
  const sarcastic = positive > 0 && (problems > 0 || countOf(matches, "mockery") > 0 || emoji.mockery > 0);
  const complaint =
    evidence.model === undefined || Number.isNaN(evidence.model.complaint) ? 0 : evidence.model.complaint;
  const pull = COMPLAINT_PULL * complaint;
  const lexical = 1 - pull;
  const negativeOnly = Math.tanh(-negative / 2);
  const total = sarcastic ? Math.tanh(-(negative + positive) / 2) : Math.tanh((positive - negative) / 2);
  const negativeWords = [...(matches.negative ?? []), ...(matches.profanity ?? []), ...(matches.insult ?? [])];
  addReason(
    reasons,
    "sentiment",
    lexical * negativeOnly,
    `negative words or emoji ${quoteWords(negativeWords)}`.trim(),
  );
  const rest = lexical * (total - negativeOnly);
  if (sarcastic) addReason(reasons, "sentiment", rest, "praise next to a problem or mockery reads as sarcasm");
  else addReason(reasons, "sentiment", rest, `praise or thanks ${quoteWords(matches.positive)}`.trim());
  addReason(reasons, "sentiment", -pull, "reads as a complaint (learned)");
  return round(clamp(lexical * total - pull, -1, 1));
}

export function countIntents(evidence: TextEvidence): number {
  const m = evidence.matches;
  return (
    countOf(m, "outage") +
    countOf(m, "billing") +
    countOf(m, "fraud") +
    countOf(m, "safety") +
    countOf(m, "churn") +
    countOf(m, "legal") +
    countOf(m, "lostOrder") +
    countOf(m, "delay")
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
