import type { Author, AuthorHistory, Label, Reason, ScoringConfig } from "../types.js";
import { weightOf } from "./config.js";
import type { TextEvidence } from "./evidence.js";
import { countOf } from "./matcher.js";
import { addReason, clamp, learnedWithReasons, quoteWords, sumWithReasons } from "./reasons.js";
import { countIntents } from "./sentiment.js";

const DAY_MS = 86_400_000;

/**
 * 0..1: provocation rather than a customer to help. Offensiveness of the text, reduced when the
 * post carries an actionable complaint (anger is not trolling), plus account and history evidence
 * bounded so that it never decides alone.
 */
export function scoreTroll(
  evidence: TextEvidence,
  complaint: number,
  author: Author | undefined,
  history: AuthorHistory,
  now: Date,
  config: ScoringConfig,
  reasons: Reason[],
): number {
  const offense = textOffense(evidence, config, reasons);
  const concrete = namesSomethingToAct(evidence);
  // Complaint-like wording with nothing to act on ("you lot are a joke, delete your account")
  // excuses little: anger is not trolling when there is a problem to solve.
  const share = concrete ? 1 : clamp(weightOf(config, "troll.vagueComplaintShare"), 0, 1);
  const discount =
    offense * clamp(weightOf(config, "troll.actionableDiscount"), 0, 1) * actionable(complaint, config) * share;
  addReason(
    reasons,
    "troll",
    -discount,
    concrete
      ? "carries an actionable complaint: anger is not trolling"
      : "sounds like a complaint, though it names nothing to act on",
  );
  const supporting = supportingEvidence(author, history, now, config, complaint);
  const cap = Math.abs(weightOf(config, "troll.supportingCap"));
  const bounded = clamp(supporting.total, -cap, cap);
  const shrink = supporting.total === 0 ? 0 : bounded / supporting.total;
  for (const [weight, text] of supporting.parts) addReason(reasons, "troll", weight * shrink, text);
  return clamp(offense - discount + bounded, 0, 1);
}

/** A service issue, a problem, a request or a question: something the brand can act on. */
function namesSomethingToAct(evidence: TextEvidence): boolean {
  const { matches } = evidence;
  return (
    evidence.question || countIntents(evidence) > 0 || countOf(matches, "problem") > 0 || countOf(matches, "ask") > 0
  );
}

/** 0 below `troll.actionableFrom`, rising to 1 at complaint 1: a faint complaint excuses nothing. */
function actionable(complaint: number, config: ScoringConfig): number {
  const from = clamp(weightOf(config, "troll.actionableFrom"), 0, 0.99);
  return clamp((complaint - from) / (1 - from), 0, 1);
}

export function labelFor(troll: number, config: ScoringConfig): Label {
  if (troll >= weightOf(config, "troll.threshold")) return "troll";
  if (troll < weightOf(config, "genuine.threshold")) return "genuine";
  return "unsure";
}

function textOffense(evidence: TextEvidence, config: ScoringConfig, reasons: Reason[]): number {
  const model = evidence.model;
  if (model !== undefined && !Number.isNaN(model.offense)) {
    return learnedWithReasons(
      model.offense,
      model.categoryEffects.offense,
      evidence,
      reasons,
      "troll",
      LEARNED_OFFENSE,
    );
  }
  const { matches, emoji } = evidence;
  const parts: Array<[number, string]> = [];
  if (countOf(matches, "insult") > 0) {
    parts.push([weightOf(config, "troll.insult"), `insults ${quoteWords(matches.insult)}`]);
    if (countOf(matches, "secondPerson") > 0)
      parts.push([weightOf(config, "troll.insultAtPerson"), "the insult is aimed at someone"]);
  }
  if (countOf(matches, "provocation") > 0)
    parts.push([weightOf(config, "troll.provocation"), `provokes ${quoteWords(matches.provocation)}`]);
  if (countOf(matches, "mockery") > 0 || emoji.mockery > 0)
    parts.push([weightOf(config, "troll.mockery"), "mockery or laughing at"]);
  if (countOf(matches, "profanity") > 0)
    parts.push([weightOf(config, "troll.profanity"), `swears ${quoteWords(matches.profanity)}`]);
  return sumWithReasons(parts, "troll", reasons);
}

const LEARNED_OFFENSE = "wording resembles offensive or aggressive posts (learned)";

interface Supporting {
  total: number;
  parts: Array<[number, string]>;
}

function supportingEvidence(
  author: Author | undefined,
  history: AuthorHistory,
  now: Date,
  config: ScoringConfig,
  complaint: number,
): Supporting {
  const parts: Array<[number, string]> = [];
  if (author !== undefined) {
    const created = Date.parse(author.createdAt);
    const ageDays = Number.isNaN(created) ? Number.NaN : Math.max(0, (now.getTime() - created) / DAY_MS);
    if (ageDays < 30) parts.push([weightOf(config, "troll.newAccount"), `account is ${Math.floor(ageDays)} days old`]);
    if (author.followers < 10)
      parts.push([weightOf(config, "troll.fewFollowers"), `only ${author.followers} followers`]);
    if (author.following >= 100 && author.following > 20 * Math.max(1, author.followers)) {
      parts.push([weightOf(config, "troll.followRatio"), "follows far more accounts than follow it"]);
    }
    if (author.description.trim() === "") parts.push([weightOf(config, "troll.emptyProfile"), "empty profile"]);
    if (ageDays >= 1 && author.posts / ageDays > 150)
      parts.push([
        weightOf(config, "troll.postingRate"),
        `posts about ${Math.round(author.posts / ageDays)} times a day`,
      ]);
    if (author.verified) parts.push([weightOf(config, "troll.verified"), "verified account"]);
  }
  if (history.pastTrollLabels > 0) {
    parts.push([
      weightOf(config, "troll.pastTrollLabel") * Math.min(3, history.pastTrollLabels),
      `marked troll by agents ${history.pastTrollLabels} times before`,
    ]);
  }
  if (history.pastGenuineLabels > 0) {
    parts.push([
      weightOf(config, "troll.pastGenuineLabel") * Math.min(3, history.pastGenuineLabels),
      `marked genuine by agents ${history.pastGenuineLabels} times before`,
    ]);
  }
  if (history.contacts24h >= 5 && complaint < 0.5) {
    parts.push([
      weightOf(config, "troll.contactBurst"),
      `${history.contacts24h} posts to the brand in 24 h with no clear problem`,
    ]);
  }
  return { total: parts.reduce((sum, [weight]) => sum + weight, 0), parts };
}
