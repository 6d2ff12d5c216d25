/**
 * Logistic regression over hashed features, trained with AdaGrad and a seeded shuffle so that the
 * same data always gives the same weights. Optionally NB-LR (Wang & Manning 2012): each feature is
 * scaled by its naive-Bayes log-count ratio before the regression, which on short texts beats the
 * plain regression; the ratios are folded into the returned weights, so a model is still one
 * weight per feature and scoring does not change. Used by scripts/train.ts; not loaded when scoring.
 */

export interface Example {
  indices: Int32Array;
  value: number;
  label: 0 | 1;
  /** How much this example counts (default 1): scales its gradient and its naive-Bayes counts. */
  weight?: number;
}

export interface TrainOptions {
  dimension: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Scale features by naive-Bayes log-count ratios with this smoothing; 0 or absent: plain regression. */
  naiveBayesAlpha?: number;
}

export interface LinearModel {
  bias: number;
  weights: Float32Array;
}

/** Small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Per feature, log(P(feature | positive) / P(feature | negative)) from smoothed, weighted counts of
 * the posts that contain it (presence, not frequency).
 */
export function naiveBayesRatios(examples: readonly Example[], dimension: number, alpha: number): Float32Array {
  const positive = new Float64Array(dimension).fill(alpha);
  const negative = new Float64Array(dimension).fill(alpha);
  for (const example of examples) {
    const counts = example.label === 1 ? positive : negative;
    for (const index of new Set(example.indices)) counts[index] = (counts[index] as number) + (example.weight ?? 1);
  }
  const positiveTotal = positive.reduce((sum, count) => sum + count, 0);
  const negativeTotal = negative.reduce((sum, count) => sum + count, 0);
  const ratios = new Float32Array(dimension);
  for (let i = 0; i < dimension; i++) {
    ratios[i] = Math.log((positive[i] as number) / positiveTotal) - Math.log((negative[i] as number) / negativeTotal);
  }
  return ratios;
}

export function trainLogistic(examples: readonly Example[], options: TrainOptions): LinearModel {
  const alpha = options.naiveBayesAlpha ?? 0;
  const scaling = alpha > 0 ? naiveBayesRatios(examples, options.dimension, alpha) : undefined;
  const weights = new Float32Array(options.dimension);
  const squared = new Float32Array(options.dimension).fill(1e-6);
  let bias = 0;
  let biasSquared = 1e-6;
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      let sum = 0;
      for (const index of example.indices) sum += (weights[index] as number) * (scaling?.[index] ?? 1);
      const gradient = (sigmoid(bias + sum * example.value) - example.label) * (example.weight ?? 1);
      biasSquared += gradient * gradient;
      bias -= (options.learningRate * gradient) / Math.sqrt(biasSquared);
      for (const index of example.indices) {
        const g = gradient * example.value * (scaling?.[index] ?? 1) + options.l2 * (weights[index] as number);
        squared[index] = (squared[index] as number) + g * g;
        weights[index] = (weights[index] as number) - (options.learningRate * g) / Math.sqrt(squared[index] as number);
      }
    }
  }
  if (scaling !== undefined)
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) * (scaling[i] as number);
  return { bias, weights };
}

export function predictRaw(model: LinearModel, example: Pick<Example, "indices" | "value">): number {
  let sum = 0;
  for (const index of example.indices) sum += model.weights[index] as number;
  return model.bias + sum * example.value;
}
