import type { Reason, ScoringConfig } from "../types.js";
import { weightOf } from "./config.js";
import type { TextEvidence } from "./evidence.js";
import { countOf } from "./matcher.js";
import { addReason, learnedWithReasons, quoteWords, sumWithReasons } from "./reasons.js";
import { countIntents } from "./sentiment.js";

const LEARNED_COMPLAINT = "wording resembles customer complaints (learned)";

/** 0..1: does the post carry a problem or a request the brand can act on? */
export function scoreComplaint(evidence: TextEvidence, config: ScoringConfig, reasons: Reason[]): number {
  const model = evidence.model;
  if (model === undefined || Number.isNaN(model.complaint)) return complaintByRules(evidence, config, reasons);
  const effects = model.categoryEffects.complaint;
  const learned = learnedWithReasons(model.complaint, effects, evidence, reasons, "complaint", LEARNED_COMPLAINT);
  if (Number.isNaN(model.service)) return learned;
  // Where the complaint model only knows negative from not negative (Spanish), general chatter
  // must not read as a complaint: scale by how much the post is about a product or service.
  const aboutService = Math.max(model.service, countIntents(evidence) > 0 ? INTENT_SERVICE_EVIDENCE : 0);
  const floor = weightOf(config, "complaint.chatterFloor");
  const gated = learned * (floor + (1 - floor) * Math.min(1, aboutService / SERVICE_LIKELY));
  addReason(reasons, "complaint", gated - learned, "not about a product or service");
  return gated;
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
