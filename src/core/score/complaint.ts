import type { Reason, ScoringConfig } from "../types.js";
import { weightOf } from "./config.js";
import type { TextEvidence, Unread } from "./evidence.js";
import { languageName } from "./language.js";
import { countOf } from "./matcher.js";
import { addReason, learnedWithReasons, quoteWords, sumWithReasons } from "./reasons.js";
import { countIntents } from "./sentiment.js";

const LEARNED_COMPLAINT = "wording resembles customer complaints (learned)";

/** 0..1: does the post carry a problem or a request the brand can act on? */
export function scoreComplaint(evidence: TextEvidence, config: ScoringConfig, reasons: Reason[]): number {
  if (evidence.unread !== undefined) return unreadComplaint(evidence, evidence.unread, config, reasons);
  const model = evidence.model;
  if (model === undefined || Number.isNaN(model.complaint)) return complaintByRules(evidence, config, reasons);
  const effects = model.categoryEffects.complaint;
  const learned = learnedWithReasons(model.complaint, effects, evidence, reasons, "complaint", LEARNED_COMPLAINT);
  if (Number.isNaN(model.service)) return learned;
  const gated = gateByService(learned, model.service, countIntents(evidence), config);
  addReason(reasons, "complaint", gated - learned, "not about a product or service");
  return gated;
}

/**
 * Where the complaint model only knows negative from not negative (Spanish), general chatter
 * must not read as a complaint: scale by how much the post is about a product or service.
 */
function gateByService(learned: number, service: number, intents: number, config: ScoringConfig): number {
  const aboutService = Math.max(service, intents > 0 ? INTENT_SERVICE_EVIDENCE : 0);
  const floor = weightOf(config, "complaint.chatterFloor");
  return learned * (floor + (1 - floor) * Math.min(1, aboutService / SERVICE_LIKELY));
}

/**
 * A post in a language the scorer does not read. Not knowing is not "no complaint": it counts
 * as halfway, so it sinks below no real complaint's troll and rises above no urgent case. In a
 * language close to Spanish, the Spanish model's reading of the wording moves it, by half.
 * Angry emoji and a question still count.
 */
function unreadComplaint(evidence: TextEvidence, unread: Unread, config: ScoringConfig, reasons: Reason[]): number {
  const language = languageName(unread.code);
  const unknown = weightOf(config, "complaint.unreadLanguage");
  const parts: Array<[number, string]> = [
    [
      unknown,
      `written in ${language}: its words are not scored, so it counts as a possible complaint; reach, hashtags and account still count`,
    ],
  ];
  if (!Number.isNaN(unread.complaint)) {
    const borrowed = gateByService(unread.complaint, unread.service, 0, config);
    const trust = weightOf(config, "complaint.closeLanguageTrust");
    parts.push([trust * (borrowed - unknown), `${language} read with the Spanish model (less sure)`]);
  }
  if (evidence.emoji.angry > 0) parts.push([weightOf(config, "complaint.negative"), "angry emoji"]);
  if (evidence.question) parts.push([weightOf(config, "complaint.question"), "asks a question"]);
  return sumWithReasons(parts, "complaint", reasons);
}

/** From this probability on a post counts fully as being about a product or service. */
const SERVICE_LIKELY = 0.5;

/** Naming a service issue (outage, billing, order…) counts as this much evidence of being about a service. */
const INTENT_SERVICE_EVIDENCE = 0.5;

function complaintByRules(evidence: TextEvidence, config: ScoringConfig, reasons: Reason[]): number {
  const { matches } = evidence;
  const parts: Array<[number, string]> = [];
  if (countOf(matches, "problem") > 0) {
    parts.push([weightOf(config, "complaint.problem"), `describes a problem ${quoteWords(matches.problem)}`]);
  }
  if (countIntents(evidence) > 0) {
    parts.push([weightOf(config, "complaint.intent"), "names a service issue (outage, billing, order, delay…)"]);
  }
  if (countOf(matches, "ask") > 0) {
    parts.push([weightOf(config, "complaint.ask"), `asks for something ${quoteWords(matches.ask)}`]);
  }
  if (countOf(matches, "negative") > 0 || evidence.emoji.angry > 0) {
    parts.push([weightOf(config, "complaint.negative"), "negative tone"]);
  }
  if (evidence.question) parts.push([weightOf(config, "complaint.question"), "asks a question"]);
  return sumWithReasons(parts, "complaint", reasons);
}
