import { categoryIndices, featureValue, forEachFeature, HASH_BITS } from "./features.js";
import { categoryHits, type Matches } from "./matcher.js";
import modelFile from "./model.json" with { type: "json" };
import { decodePooled, type PooledModel, pooledLogit, type StoredPooled, vocabularyRows } from "./pooled.js";

/** Learned probabilities for one post (see scripts/train.ts for how each was trained). */
export interface ModelSignals {
  /** Offensive or aggressive (OLID for English; MEX-A3T and HatEval for Spanish). */
  offense: number;
  /** Carries a complaint (English complaints and airline tweets; Spanish negative airline tweets). */
  complaint: number;
  /** Time-critical complaint: cancelled, late, lost (English airline tweets); NaN in Spanish. */
  urgent: number;
  /** About a product or service rather than general chatter (Spanish only; NaN in English). */
  service: number;
  /** How much each word-list category moved each probability (for the reasons). */
  categoryEffects: { offense: CategoryEffects; complaint: CategoryEffects };
}

/** Word-list category → change in probability it caused (probability with it minus without it). */
export type CategoryEffects = Map<string, number>;

/** The four models of one language, in this order, their int8 weights packed per feature. */
const TASKS = ["offense", "complaint", "urgent", "service"] as const;

interface LanguageModel {
  /** NaN for a task with no model in this language. */
  biases: readonly number[];
  scales: readonly number[];
  /**
   * packed[feature]: the feature's four weights, task t in bits 8t..8t+7 (see weightIn): one
   * memory read serves all tasks, and a post reads a few hundred features at random.
   */
  packed: Int32Array;
  /** Per task, a word-vector network whose logit adds to the n-gram one (pooled.ts), if trained. */
  pooled: ReadonlyArray<PooledModel | undefined>;
}

interface StoredModel {
  bias: number;
  scale: number;
  weights: string;
}

function decodeLanguage(
  lang: string,
  stored: Record<string, StoredModel | undefined>,
  storedPooled: Record<string, StoredPooled | undefined>,
): LanguageModel {
  const dimension = 1 << HASH_BITS;
  const packed = new Int32Array(dimension);
  const biases: number[] = [];
  const scales: number[] = [];
  TASKS.forEach((task, t) => {
    const model = stored[`${lang}.${task}`];
    biases.push(model?.bias ?? Number.NaN);
    scales.push(model?.scale ?? 0);
    if (model === undefined) return;
    const bytes = Buffer.from(model.weights, "base64");
    for (let i = 0; i < dimension; i++) packed[i] = (packed[i] as number) | ((bytes[i] as number) << (8 * t));
  });
  const pooled = TASKS.map((task) => {
    const model = storedPooled[`${lang}.${task}`];
    return model === undefined ? undefined : decodePooled(model);
  });
  return { biases, scales, packed, pooled };
}

/** Task `task`'s weight (-128..127) out of a feature's packed four. */
function weightIn(four: number, task: number): number {
  return (four << (24 - 8 * task)) >> 24;
}

if (modelFile.hashBits !== HASH_BITS) throw new Error("model.json was trained with other features: run npm run train");

const STORED = modelFile.models as Record<string, StoredModel | undefined>;
const STORED_POOLED = (modelFile as { pooled?: Record<string, StoredPooled | undefined> }).pooled ?? {};
const MODELS: Readonly<Record<"es" | "en", LanguageModel>> = Object.freeze({
  en: decodeLanguage("en", STORED, STORED_POOLED),
  es: decodeLanguage("es", STORED, STORED_POOLED),
});

/** Size of the committed model's weights and word tables as stored (base64, one word a line), for the benchmark. */
export const MODEL_BYTES =
  Object.values(STORED).reduce((sum, model) => sum + (model?.weights.length ?? 0), 0) +
  Object.values(STORED_POOLED).reduce(
    (sum, model) => sum + (model === undefined ? 0 : model.vectors.length + model.words.length),
    0,
  );

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Per task, the sum of the weights of a post's features (with repeats), and how many there are. */
function weightSums(model: LanguageModel, rawText: string, tokens: readonly string[], hits: readonly string[]) {
  const packed = model.packed;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let count = 0;
  forEachFeature(rawText, tokens, hits, (index) => {
    // weightIn for the four tasks, unrolled
    const four = packed[index] as number;
    s0 += (four << 24) >> 24;
    s1 += (four << 16) >> 24;
    s2 += (four << 8) >> 24;
    s3 += four >> 24;
    count++;
  });
  return { sums: [s0, s1, s2, s3], count };
}

/** Logits of every task from the weight sums (and the post's tokens, for the word-vector networks). */
function logits(model: LanguageModel, sums: readonly number[], value: number, tokens: readonly string[]): number[] {
  return sums.map((sum, t) => {
    const pooled = model.pooled[t];
    const words = pooled === undefined ? 0 : pooledLogit(pooled, vocabularyRows(tokens, pooled.rows));
    return (model.biases[t] as number) + sum * (model.scales[t] as number) * value + words;
  });
}

/** Each category that hit, with its number of hits, in the order of its first hit. */
function countHits(hits: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit, (counts.get(hit) ?? 0) + 1);
  return counts;
}

/**
 * For each category that matched, its share of the probability: the change from the probability
 * without any word-list hit to the full probability, split in proportion to each category's
 * weight in logit units (so the shares add up to the change, with their own signs).
 */
function categoryEffects(
  model: LanguageModel,
  task: number,
  z: number,
  counts: ReadonlyMap<string, number>,
  value: number,
): CategoryEffects {
  const effects: CategoryEffects = new Map();
  if (Number.isNaN(z) || counts.size === 0) return effects;
  const scale = (model.scales[task] as number) * value;
  const logitShares: number[] = [];
  let total = 0;
  // forEach, not for-of: each entry would be a new [key, value] array, for every post scored
  counts.forEach((count, category) => {
    let sum = 0;
    for (const index of categoryIndices(category)) sum += weightIn(model.packed[index] as number, task);
    logitShares.push(count * sum * scale);
    total += count * sum * scale;
  });
  const p = sigmoid(z);
  // Average slope of the sigmoid over the categories' combined step; its derivative when the step is tiny.
  const slope = Math.abs(total) > 1e-9 ? (p - sigmoid(z - total)) / total : p * (1 - p);
  let i = 0;
  for (const category of counts.keys()) effects.set(category, (logitShares[i++] as number) * slope);
  return effects;
}

export function modelSignals(
  lang: "es" | "en",
  rawText: string,
  tokens: readonly string[],
  matches: Matches,
): ModelSignals | undefined {
  if (tokens.length === 0) return undefined;
  const model = MODELS[lang];
  const hits = categoryHits(matches);
  const { sums, count } = weightSums(model, rawText, tokens, hits);
  const value = featureValue(count);
  const [offense, complaint, urgent, service] = logits(model, sums, value, tokens) as [number, number, number, number];
  const counts = countHits(hits);
  return {
    offense: sigmoid(offense),
    complaint: sigmoid(complaint),
    urgent: sigmoid(urgent),
    service: sigmoid(service),
    categoryEffects: {
      offense: categoryEffects(model, 0, offense, counts, value),
      complaint: categoryEffects(model, 1, complaint, counts, value),
    },
  };
}
