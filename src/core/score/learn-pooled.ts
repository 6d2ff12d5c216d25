/**
 * Trains the pooled word-vector network of pooled.ts: frozen pre-trained vectors v, a learned
 * projection u = P·v, mean and max of u over the post's words, a bias and a ReLU on each, and a
 * weighted sum. Per-parameter AdaGrad over a seeded shuffle: the same data gives the same network.
 * Used by scripts/train.ts; not loaded when scoring.
 */
import { seededRandom, shuffled } from "./learn.js";

export interface PooledExample {
  /** Rows of `vectors` of the post's words (see vocabularyRows). */
  rows: Int32Array;
  label: 0 | 1;
  weight?: number;
}

export interface PooledOptions {
  hidden: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export interface PooledNet {
  hidden: number;
  dimensions: number;
  /** projection[j * dimensions + k] */
  projection: Float64Array;
  /** 2 × hidden: the mean units, then the max units. */
  biases: Float64Array;
  weights: Float64Array;
  bias: number;
}

/** Vectors as rows of `dimensions` floats. */
export interface VectorTable {
  dimensions: number;
  data: Float32Array;
}

/** Roughly normal, from 12 uniform draws (deterministic with the seeded generator). */
function normal(random: () => number): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += random();
  return sum - 6;
}

/** Activations of one post, kept for the backward pass. */
interface Pass {
  meanVector: Float64Array;
  units: Float64Array;
  argmax: Int32Array;
  z: number;
}

function newPass(net: PooledNet): Pass {
  return {
    meanVector: new Float64Array(net.dimensions),
    units: new Float64Array(2 * net.hidden),
    argmax: new Int32Array(net.hidden),
    z: 0,
  };
}

function forward(net: PooledNet, table: VectorTable, rows: Int32Array, pass: Pass): void {
  const { hidden, dimensions, projection, biases, weights } = net;
  const { meanVector, units, argmax } = pass;
  meanVector.fill(0);
  for (const row of rows) {
    const offset = row * dimensions;
    for (let k = 0; k < dimensions; k++)
      meanVector[k] = (meanVector[k] as number) + (table.data[offset + k] as number) / rows.length;
  }
  let z = net.bias;
  for (let j = 0; j < hidden; j++) {
    const p = j * dimensions;
    let mean = 0;
    for (let k = 0; k < dimensions; k++) mean += (projection[p + k] as number) * (meanVector[k] as number);
    let max = rows.length === 0 ? 0 : Number.NEGATIVE_INFINITY;
    argmax[j] = -1;
    for (const row of rows) {
      const offset = row * dimensions;
      let u = 0;
      for (let k = 0; k < dimensions; k++) u += (projection[p + k] as number) * (table.data[offset + k] as number);
      if (u > max) {
        max = u;
        argmax[j] = row;
      }
    }
    units[j] = Math.max(0, mean + (biases[j] as number));
    units[hidden + j] = Math.max(0, max + (biases[hidden + j] as number));
    z +=
      (weights[j] as number) * (units[j] as number) + (weights[hidden + j] as number) * (units[hidden + j] as number);
  }
  pass.z = z;
}

export function trainPooled(examples: readonly PooledExample[], table: VectorTable, options: PooledOptions): PooledNet {
  const random = seededRandom(options.seed);
  const { hidden } = options;
  const { dimensions } = table;
  const net: PooledNet = {
    hidden,
    dimensions,
    projection: Float64Array.from({ length: hidden * dimensions }, () => normal(random) * Math.sqrt(1 / dimensions)),
    biases: new Float64Array(2 * hidden),
    weights: Float64Array.from({ length: 2 * hidden }, () => normal(random) * Math.sqrt(1 / (2 * hidden))),
    bias: 0,
  };
  const squared = {
    projection: new Float64Array(net.projection.length).fill(1e-6),
    biases: new Float64Array(2 * hidden).fill(1e-6),
    weights: new Float64Array(2 * hidden).fill(1e-6),
    bias: 1e-6,
  };
  const rate = options.learningRate;
  const step = (values: Float64Array, sums: Float64Array, i: number, gradient: number): void => {
    sums[i] = (sums[i] as number) + gradient * gradient;
    values[i] = (values[i] as number) - (rate * gradient) / Math.sqrt(sums[i] as number);
  };
  const pass = newPass(net);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      forward(net, table, example.rows, pass);
      const gradient = (1 / (1 + Math.exp(-pass.z)) - example.label) * (example.weight ?? 1);
      squared.bias += gradient * gradient;
      net.bias -= (rate * gradient) / Math.sqrt(squared.bias);
      for (let unit = 0; unit < 2 * hidden; unit++) {
        const activation = pass.units[unit] as number;
        if (activation <= 0) continue;
        const back = gradient * (net.weights[unit] as number);
        step(net.weights, squared.weights, unit, gradient * activation);
        step(net.biases, squared.biases, unit, back);
        const j = unit % hidden;
        const p = j * dimensions;
        // the mean units see the mean vector, the max units the vector of the word that won
        const input = unit < hidden ? pass.meanVector : table.data;
        const offset = unit < hidden ? 0 : (pass.argmax[j] as number) * dimensions;
        if (offset < 0) continue;
        for (let k = 0; k < dimensions; k++)
          step(net.projection, squared.projection, p + k, back * (input[offset + k] as number));
      }
    }
  }
  return net;
}

export function predictPooled(net: PooledNet, table: VectorTable, rows: Int32Array): number {
  const pass = newPass(net);
  forward(net, table, rows, pass);
  return pass.z;
}

/** u = P·v for every row of the table: what the scorer ships instead of the vectors. */
export function projectTable(net: PooledNet, table: VectorTable): Float32Array {
  const count = table.data.length / table.dimensions;
  const out = new Float32Array(count * net.hidden);
  for (let row = 0; row < count; row++) {
    const offset = row * table.dimensions;
    for (let j = 0; j < net.hidden; j++) {
      let u = 0;
      for (let k = 0; k < table.dimensions; k++)
        u += (net.projection[j * table.dimensions + k] as number) * (table.data[offset + k] as number);
      out[row * net.hidden + j] = u;
    }
  }
  return out;
}
