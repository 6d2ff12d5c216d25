import { tagKey } from "../tags.js";
import type { HashtagScore, Post, ScoringConfig } from "../types.js";

/** Each distinct hashtag of the post, with whether it is popular around the brand and configured as a crisis. */
export function scoreHashtags(
  post: Post,
  hashtagAuthors24h: ReadonlyMap<string, number>,
  config: ScoringConfig,
): HashtagScore[] {
  const crisis = new Set(config.crisisHashtags.map(tagKey));
  const seen = new Set<string>();
  const scores: HashtagScore[] = [];
  for (const tag of post.hashtags) {
    const key = tagKey(tag);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    scores.push({
      tag,
      popular: (hashtagAuthors24h.get(key) ?? 0) >= config.popularHashtagAuthors,
      crisis: crisis.has(key),
    });
  }
  return scores;
}
