/**
 * Logistic regression over hashed features, trained with AdaGrad and a seeded shuffle so that the
 * same data always gives the same weights. Used by scripts/train.ts; not loaded when scoring.
 */

export interface Example {
  indices: Int32Array;
  value: number;
  label: 0 | 1;
}

export interface TrainOptions {
  dimension: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
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

export function trainLogistic(examples: readonly Example[], options: TrainOptions): LinearModel {
  const weights = new Float32Array(options.dimension);
  const squared = new Float32Array(options.dimension).fill(1e-6);
  let bias = 0;
  let biasSquared = 1e-6;
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      const gradient = sigmoid(predictRaw({ bias, weights }, example)) - example.label;
      biasSquared += gradient * gradient;
      bias -= (options.learningRate * gradient) / Math.sqrt(biasSquared);
      for (const index of example.indices) {
        const g = gradient * example.value + options.l2 * (weights[index] as number);
        squared[index] = (squared[index] as number) + g * g;
        weights[index] = (weights[index] as number) - (options.learningRate * g) / Math.sqrt(squared[index] as number);
      }
    }
  }
  return { bias, weights };
}

export function predictRaw(model: LinearModel, example: Pick<Example, "indices" | "value">): number {
  let sum = 0;
  for (const index of example.indices) sum += model.weights[index] as number;
  return model.bias + sum * example.value;
}
