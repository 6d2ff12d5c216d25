import type { Category } from "./lexicon.js";
import type { Matches } from "./matcher.js";
import { quoteWords } from "./reasons.js";

const CATEGORY_WORDS: Record<Category, string> = {
  outage: "service down",
  billing: "billing or a charge",
  fraud: "fraud or security",
  safety: "safety",
  churn: "threatens to leave",
  legal: "legal action or a regulator",
  lostOrder: "order, delivery or luggage",
  delay: "delay, cancellation or long wait",
  problem: "describes a problem",
  ask: "asks for something",
  insult: "insults",
  profanity: "swears",
  mockery: "mockery",
  provocation: "provokes",
  negative: "negative words",
  positive: "praise or thanks",
  secondPerson: "addressed at someone",
};

/** "insults "idiota", "basura"": a category in plain words with the words that matched. */
export function describeCategory(category: string, matches: Matches): string {
  const words = CATEGORY_WORDS[category as Category] ?? category;
  const found = matches[category as Category];
  return found === undefined || found.length === 0 ? words : `${words} ${quoteWords(found)}`;
}
