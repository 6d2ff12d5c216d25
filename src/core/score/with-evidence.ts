import type { Author, HashtagScore, Post, Reason, Score, ScoreContext, ScoringConfig } from "../types.js";
import { scoreComplaint } from "./complaint.js";
import { weightOf } from "./config.js";
import type { TextEvidence } from "./evidence.js";
import { scoreHashtags } from "./hashtags.js";
import { scoreReach } from "./reach.js";
import { addReason, clamp } from "./reasons.js";
import { scoreSentiment } from "./sentiment.js";
import { labelFor, scoreTroll } from "./troll.js";
import { scoreUrgency } from "./urgency.js";

/*
 * The part of the score that reads the context, from text evidence gathered before. Apart from
 * index.ts: it needs neither the learned models nor the text code, so the main thread of `import`
 * (whose worker gathers the evidence) never loads the model (~30 MB of memory once decoded).
 */

/**
 * The same score from evidence gathered ahead by `gatherEvidence(post, ctx.config)`: the text part
 * needs no context, so `import` gathers it on another thread while this thread reads the database.
 */
export function scoreWithEvidence(
  evidence: TextEvidence,
  post: Post,
  author: Author | undefined,
  ctx: ScoreContext,
): Score {
  const { config } = ctx;
  const reasons: Reason[] = [];
  const complaint = scoreComplaint(evidence, config, reasons);
  const sentiment = scoreSentiment(evidence, reasons);
  // Rounded before labelling, so the label always agrees with the number shown next to it.
  const troll = round(scoreTroll(evidence, complaint, author, ctx.history, ctx.now, config, reasons));
  const label = labelFor(troll, config);
  const reach = scoreReach(post, author, config, reasons);
  const hashtags = scoreHashtags(post, ctx.hashtagAuthors24h, config);
  const urgency = scoreUrgency(
    { evidence, complaint, sentiment, author, history: ctx.history, hashtags, config },
    reasons,
  );
  const answerForAudience = label === "troll" && reach >= weightOf(config, "reach.audienceThreshold");
  const priority = scorePriority({ urgency, reach, complaint, troll, hashtags, answerForAudience }, config, reasons);
  return {
    troll,
    label,
    complaint: round(complaint),
    sentiment,
    reach: round(reach),
    urgency: round(urgency),
    priority: round(priority),
    hashtags,
    answerForAudience,
    lang: evidence.lang,
    reasons,
  };
}

interface PriorityInputs {
  urgency: number;
  reach: number;
  complaint: number;
  troll: number;
  hashtags: HashtagScore[];
  answerForAudience: boolean;
}

/** 0..100 queue order at scoring time; `effectivePriority` adds waiting time when the queue is read. */
function scorePriority(inputs: PriorityInputs, config: ScoringConfig, reasons: Reason[]): number {
  let total = 0;
  const add = (points: number, text: string): void => {
    total += points;
    addReason(reasons, "priority", points, text);
  };
  add(weightOf(config, "priority.urgency") * inputs.urgency, `urgency ${Math.round(inputs.urgency)} of 100`);
  add(weightOf(config, "priority.reach") * inputs.reach, `reach ${Math.round(inputs.reach)} of 100`);
  add(weightOf(config, "priority.complaint") * inputs.complaint, `complaint ${Math.round(inputs.complaint * 100)}%`);
  const popular = inputs.hashtags.filter((tag) => tag.popular);
  if (popular.length > 0) {
    add(
      weightOf(config, "priority.popularHashtag") * inputs.complaint,
      `complaint with popular hashtag ${popular.map((tag) => `#${tag.tag}`).join(", ")}`,
    );
  }
  if (inputs.hashtags.some((tag) => tag.crisis)) add(weightOf(config, "priority.crisisHashtag"), "crisis hashtag");
  const penalty = clamp(total, 0, 100) * weightOf(config, "priority.trollPenalty") * inputs.troll;
  add(-penalty, `likely troll (${Math.round(inputs.troll * 100)}%)`);
  if (inputs.answerForAudience) {
    const floor = weightOf(config, "priority.audienceFloor");
    if (total < floor) add(floor - total, "troll with a large audience: answer once, calmly, for the audience");
  }
  return clamp(total, 0, 100);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
