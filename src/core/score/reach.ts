import type { Author, Post, Reason, ScoringConfig } from "../types.js";
import { weightOf } from "./config.js";
import { addReason, clamp } from "./reasons.js";

/** 0..100: how many people will see how the brand handles this post. */
export function scoreReach(post: Post, author: Author | undefined, config: ScoringConfig, reasons: Reason[]): number {
  let total = 0;
  const add = (points: number, text: string): void => {
    total += points;
    addReason(reasons, "reach", points, text);
  };
  if (author !== undefined) {
    add(
      weightOf(config, "reach.perFollowerDecade") * Math.log10(1 + Math.max(0, author.followers)),
      `${author.followers} followers`,
    );
    if (author.verified) add(weightOf(config, "reach.verified"), "verified account");
    add(
      weightOf(config, "reach.perListedDecade") * Math.log10(1 + Math.max(0, author.listed)),
      `on ${author.listed} lists`,
    );
  }
  const m = post.metrics;
  const engagement = m.likes + 2 * (m.retweets + m.quotes) + m.replies;
  add(
    weightOf(config, "reach.perEngagementDecade") * Math.log10(1 + Math.max(0, engagement)),
    `${engagement} engagements on the post`,
  );
  return clamp(total, 0, 100);
}
