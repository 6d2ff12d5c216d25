import type { ScoringConfig } from "../types.js";

/**
 * Every named weight and threshold the scorer uses, with its default. Users override any of them
 * in the config (`scoring.weights`); unknown names are ignored.
 */
export const DEFAULT_WEIGHTS = Object.freeze({
  // Troll: text evidence from the word lists (fractions of 0..1). Spanish and English use the
  // learned model instead, which reads the same word lists (user words included) as features.
  "troll.insult": 0.3,
  "troll.insultAtPerson": 0.2,
  "troll.profanity": 0.08,
  "troll.mockery": 0.12,
  "troll.provocation": 0.3,
  /** Share of the offensiveness removed when the post carries an actionable complaint. */
  "troll.actionableDiscount": 0.85,
  /** Complaint level from which the discount starts. */
  "troll.actionableFrom": 0.3,
  /** Share of that discount kept when the post names nothing to act on (no issue, problem, request or question). */
  "troll.vagueComplaintShare": 0.3,
  // Troll: account and history evidence, bounded by troll.supportingCap.
  "troll.newAccount": 0.08,
  "troll.fewFollowers": 0.04,
  "troll.followRatio": 0.04,
  "troll.emptyProfile": 0.03,
  "troll.postingRate": 0.04,
  "troll.verified": -0.05,
  "troll.pastTrollLabel": 0.08,
  "troll.pastGenuineLabel": -0.06,
  "troll.contactBurst": 0.04,
  "troll.supportingCap": 0.2,
  "troll.threshold": 0.5,
  "genuine.threshold": 0.3,
  // Complaint from the word lists (fractions of 0..1); Spanish and English use the learned model.
  "complaint.problem": 0.2,
  "complaint.intent": 0.25,
  "complaint.ask": 0.1,
  "complaint.negative": 0.12,
  "complaint.question": 0.05,
  /** Share of a Spanish complaint score kept when the post is general chatter, not about a service. */
  "complaint.chatterFloor": 0.3,
  /** Complaint of a post in a language it does not read: unknown, so halfway. */
  "complaint.unreadLanguage": 0.5,
  /** Share of the Spanish model's reading kept for a close language (Catalan, Galician, Portuguese, Italian). */
  "complaint.closeLanguageTrust": 0.5,
  // Urgency (points of 0..100).
  "urgency.outage": 30,
  "urgency.billing": 22,
  "urgency.fraud": 35,
  "urgency.safety": 40,
  "urgency.churn": 18,
  "urgency.legal": 30,
  "urgency.lostOrder": 18,
  "urgency.delay": 15,
  "urgency.negative": 15,
  "urgency.ask": 8,
  "urgency.repeatContact": 6,
  "urgency.repeatContactMax": 18,
  "urgency.vip": 20,
  "urgency.crisisHashtag": 12,
  "urgency.model": 30,
  /** A post in a language it does not read, at complaint 1 (scaled by the complaint). */
  "urgency.unreadLanguage": 30,
  // Reach (points of 0..100).
  "reach.perFollowerDecade": 12,
  "reach.verified": 12,
  "reach.perListedDecade": 4,
  "reach.perEngagementDecade": 6,
  "reach.audienceThreshold": 50,
  // Priority (points of 0..100).
  "priority.urgency": 0.55,
  "priority.reach": 0.15,
  "priority.complaint": 20,
  "priority.popularHashtag": 8,
  "priority.crisisHashtag": 10,
  "priority.trollPenalty": 0.7,
  "priority.audienceFloor": 30,
});

export type WeightName = keyof typeof DEFAULT_WEIGHTS;

export function defaultScoringConfig(): ScoringConfig {
  return { vipHandles: [], crisisHashtags: [], popularHashtagAuthors: 5, words: {}, weights: {} };
}

/** The user's value for a weight when it is a finite number, else the default. */
export function weightOf(config: ScoringConfig, name: WeightName): number {
  const value = config.weights[name];
  return typeof value === "number" && Number.isFinite(value) ? value : DEFAULT_WEIGHTS[name];
}
