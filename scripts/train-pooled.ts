/**
 * The pooled word-vector part of a model (src/core/score/pooled.ts), for scripts/train.ts: picks
 * the vocabulary (the GloVe words of the training posts and the TOP_WORDS most frequent GloVe
 * words), cross-validates the network on the same folds as the n-gram model, chooses how much of
 * it to add to the n-gram logit, trains it on every row and returns it ready to store.
 */
import { type PooledExample, predictPooled, projectTable, trainPooled } from "../src/core/score/learn-pooled.js";
import { auc, bestThreshold } from "../src/core/score/metrics.js";
import { type StoredPooled, vocabularyRows } from "../src/core/score/pooled.js";
import { gloveFile, readVectors } from "./glove.js";

export interface PooledInput {
  tokens: readonly string[];
  label: 0 | 1;
  weight?: number;
  calibrates: boolean;
}

export interface PooledFit {
  /** Out-of-fold probabilities of the n-gram model plus this part. */
  predictions: number[];
  stored: StoredPooled;
  report: { words: number; mix: number; cvAucAlone: number; cvAucNgram: number; cvAucCombined: number };
}

/** Common English words kept besides those of the training posts: the ones the n-gram model never saw. */
const TOP_WORDS = 30_000;
/** Chosen by CV on OLID: hidden 32 or 64, 6 or 10 epochs, rates 0.01-0.05 all came within 0.003 AUC. */
const OPTIONS = { hidden: 32, epochs: 6, learningRate: 0.03, seed: 20260310 };
/** Candidate weights of this part's logit next to the n-gram logit; the best CV macro-F1 wins. */
const MIXES = [0.5, 0.75, 1];

export function trainPooledPart(
  examples: readonly PooledInput[],
  ngramPredictions: readonly number[],
  folds: number,
): PooledFit {
  const { words, table, rows } = vocabulary(examples);
  const pooledExamples: PooledExample[] = examples.map((example) => ({
    rows: Int32Array.from(vocabularyRows(example.tokens, rows)),
    label: example.label,
    weight: example.weight ?? 1,
  }));
  const outOfFold = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const net = trainPooled(
      pooledExamples.filter((_, i) => i % folds !== fold),
      table,
      OPTIONS,
    );
    pooledExamples.forEach((example, i) => {
      if (i % folds === fold) outOfFold[i] = predictPooled(net, table, example.rows);
    });
  }
  const calibrating = examples.flatMap((example, i) => (example.calibrates ? [i] : []));
  const truth = calibrating.map((i) => examples[i]?.label === 1);
  const ngramLogits = ngramPredictions.map(logit);
  const combined = (mix: number): number[] => ngramLogits.map((z, i) => sigmoid(z + mix * (outOfFold[i] as number)));
  let mix = MIXES[0] as number;
  let bestF1 = -1;
  for (const candidate of MIXES) {
    const predictions = combined(candidate);
    const { macroF1 } = bestThreshold(
      truth,
      calibrating.map((i) => predictions[i] as number),
    );
    if (macroF1 > bestF1) [mix, bestF1] = [candidate, macroF1];
  }
  const predictions = combined(mix);
  const net = trainPooled(pooledExamples, table, OPTIONS);
  const cvAuc = (scores: readonly number[]): number =>
    round(
      auc(
        truth,
        calibrating.map((i) => scores[i] as number),
      ),
    );
  return {
    predictions,
    stored: store(net, projectTable(net, table), words, mix),
    report: {
      words: words.length,
      mix,
      cvAucAlone: cvAuc(outOfFold),
      cvAucNgram: cvAuc(ngramPredictions),
      cvAucCombined: cvAuc(predictions),
    },
  };
}

/** The vocabulary in GloVe's frequency order (vocabularyRows reads the order as a cost), with its vectors. */
function vocabulary(examples: readonly PooledInput[]): {
  words: string[];
  table: { dimensions: number; data: Float32Array };
  rows: Map<string, number>;
} {
  const seen = new Set<string>();
  for (const example of examples) for (const token of example.tokens) seen.add(token);
  const vectors = readVectors(gloveFile(), (word, rank) => rank < TOP_WORDS || seen.has(word));
  const words = [...vectors.rows.keys()].sort(
    (a, b) =>
      (vectors.ranks[vectors.rows.get(a) as number] as number) -
      (vectors.ranks[vectors.rows.get(b) as number] as number),
  );
  const { dimensions } = vectors;
  const data = new Float32Array(words.length * dimensions);
  words.forEach((word, row) => {
    const from = (vectors.rows.get(word) as number) * dimensions;
    data.set(vectors.data.subarray(from, from + dimensions), row * dimensions);
  });
  return { words, table: { dimensions, data }, rows: new Map(words.map((word, row) => [word, row])) };
}

/** int8 word table with one scale; the mix is folded into the output weights and bias. */
function store(
  net: ReturnType<typeof trainPooled>,
  projected: Float32Array,
  words: string[],
  mix: number,
): StoredPooled {
  let largest = 0;
  for (const value of projected) largest = Math.max(largest, Math.abs(value));
  const scale = largest / 127 || 1;
  const bytes = Int8Array.from(projected, (value) => Math.round(value / scale));
  return {
    // GloVe's words hold no whitespace
    words: words.join("\n"),
    hidden: net.hidden,
    vectors: Buffer.from(bytes.buffer).toString("base64"),
    scale,
    biases: Array.from(net.biases, round),
    weights: Array.from(net.weights, (weight) => round(weight * mix)),
    bias: round(net.bias * mix),
  };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function logit(p: number): number {
  const clamped = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(clamped / (1 - clamped));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
