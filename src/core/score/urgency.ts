import type { Author, AuthorHistory, HashtagScore, Reason, ScoringConfig } from "../types.js";
import { type WeightName, weightOf } from "./config.js";
import { describeCategory } from "./describe.js";
import type { TextEvidence } from "./evidence.js";
import { INTENT_CATEGORIES } from "./lexicon.js";
import { countOf } from "./matcher.js";
import { addReason, clamp } from "./reasons.js";

export interface UrgencyInputs {
  evidence: TextEvidence;
  complaint: number;
  sentiment: number;
  author: Author | undefined;
  history: AuthorHistory;
  hashtags: HashtagScore[];
  config: ScoringConfig;
}

/**
 * 0..100: how soon it must be answered. Intents count in proportion to how much the post reads
 * as a complaint, so "thanks for finding my bag" is not urgent.
 */
export function scoreUrgency(inputs: UrgencyInputs, reasons: Reason[]): number {
  const { evidence, complaint, sentiment, author, history, hashtags, config } = inputs;
  let total = 0;
  const add = (points: number, text: string): void => {
    total += points;
    addReason(reasons, "urgency", points, text);
  };
  const complaintFactor = 0.3 + 0.7 * complaint;
  for (const intent of INTENT_CATEGORIES) {
    if (countOf(evidence.matches, intent) > 0) {
      add(
        weightOf(config, `urgency.${intent}` as WeightName) * complaintFactor,
        describeCategory(intent, evidence.matches),
      );
    }
  }
  if (sentiment < 0) add(weightOf(config, "urgency.negative") * -sentiment, "strongly negative");
  if (countOf(evidence.matches, "ask") > 0 && complaint >= 0.4)
    add(weightOf(config, "urgency.ask"), "explicitly asks for help");
  if (evidence.unread !== undefined)
    add(
      weightOf(config, "urgency.unreadLanguage") * complaint,
      "not read: as urgent as a middling case until someone reads it",
    );
  const urgent = evidence.model?.urgent;
  if (urgent !== undefined && !Number.isNaN(urgent))
    add(weightOf(config, "urgency.model") * urgent * complaintFactor, "resembles time-critical complaints (learned)");
  if (history.contacts24h > 1) {
    const points = Math.min(
      weightOf(config, "urgency.repeatContactMax"),
      weightOf(config, "urgency.repeatContact") * (history.contacts24h - 1),
    );
    add(points, `${history.contacts24h} contacts in the last 24 h`);
  }
  if (
    author !== undefined &&
    config.vipHandles.some((handle) => handle.toLowerCase().replace(/^@/, "") === author.username.toLowerCase())
  ) {
    add(weightOf(config, "urgency.vip"), "VIP customer");
  }
  const crisis = hashtags.filter((tag) => tag.crisis);
  if (crisis.length > 0)
    add(weightOf(config, "urgency.crisisHashtag"), `crisis hashtag ${crisis.map((tag) => `#${tag.tag}`).join(", ")}`);
  return clamp(total, 0, 100);
}
