import { describe, expect, it } from "vitest";
import { type PooledExample, predictPooled, projectTable, trainPooled } from "../../src/core/score/learn-pooled.js";
import { MODEL_BYTES } from "../../src/core/score/model.js";
import modelFile from "../../src/core/score/model.json" with { type: "json" };
import { decodePooled, type PooledModel, pooledLogit, vocabularyRows } from "../../src/core/score/pooled.js";

/** Rows in frequency order, as the trainer writes them. */
const WORDS = ["the", "do", "not", "can", "have", "you", "build", "wall", "idiot", "great", "buil", "dthe"];
const ROWS = new Map(WORDS.map((word, row) => [word, row]));
const row = (word: string): number => ROWS.get(word) as number;

describe("words to vocabulary rows", () => {
  it("skips handles and links, keeps known words in order, drops unknown short ones", () => {
    expect(vocabularyRows(["@user", "you", "httpurl", "idiot", "xyz"], ROWS)).toEqual([row("you"), row("idiot")]);
  });

  it("splits contractions the way GloVe's corpus did", () => {
    expect(vocabularyRows(["don't"], ROWS)).toEqual([row("do"), row("not")]);
    expect(vocabularyRows(["can't"], ROWS)).toEqual([row("can"), row("not")]);
    expect(vocabularyRows(["you've"], ROWS)).toEqual([row("you"), row("have")]);
    // an apostrophe that is no contraction: the word without it
    expect(vocabularyRows(["'idiot'"], ROWS)).toEqual([row("idiot")]);
  });

  it("splits a run of joined words into the most frequent words, or leaves it out", () => {
    // "buil"+"dthe"+"wall" is a split too, but rarer words cost more
    expect(vocabularyRows(["buildthewall"], ROWS)).toEqual([row("build"), row("the"), row("wall")]);
    expect(vocabularyRows(["qwertyuiop"], ROWS)).toEqual([]);
    // a known word is never split
    expect(vocabularyRows(["idiot"], ROWS)).toEqual([row("idiot")]);
  });
});

/** Word 0: (1, 0), word 1: (-1, 2); one hidden unit. */
function tinyModel(): PooledModel {
  return {
    rows: new Map([
      ["a", 0],
      ["b", 1],
    ]),
    hidden: 2,
    vectors: Int8Array.from([1, 0, -1, 2]),
    scale: 0.5,
    biases: Float32Array.from([0, 0.25, -0.1, 0]),
    weights: Float32Array.from([2, -1, 3, 1]),
    bias: -0.5,
  };
}

describe("pooled logit", () => {
  it("adds the ReLU of the mean and of the max of the words' units", () => {
    const model = tinyModel();
    // units: a = (0.5, 0), b = (-0.5, 1); mean (0, 0.5), max (0.5, 1)
    const mean = [Math.max(0, 0 + 0), Math.max(0, 0.5 + 0.25)];
    const max = [Math.max(0, 0.5 - 0.1), Math.max(0, 1 + 0)];
    const expected = -0.5 + 2 * mean[0]! - 1 * mean[1]! + 3 * max[0]! + 1 * max[1]!;
    expect(pooledLogit(model, [0, 1])).toBeCloseTo(expected, 6);
  });

  it("with no known word, mean and max are zero: only the biases speak", () => {
    const expected = -0.5 + 2 * 0 - 1 * 0.25 + 3 * 0 + 1 * 0;
    expect(pooledLogit(tinyModel(), [])).toBeCloseTo(expected, 6);
  });
});

/** 2-d vectors: words 0-4 point one way (offensive), 5-9 the other; word 10 is neutral. */
function synthetic(): { table: { dimensions: number; data: Float32Array }; examples: PooledExample[] } {
  const data = new Float32Array(11 * 2);
  for (let w = 0; w < 10; w++) {
    data[w * 2] = w < 5 ? 1 + w * 0.1 : -1 - (w - 5) * 0.1;
    data[w * 2 + 1] = (w % 3) * 0.2;
  }
  data[20] = 0;
  data[21] = 1;
  const examples = Array.from({ length: 300 }, (_, i) => {
    const positive = i % 3 === 0;
    const word = positive ? i % 5 : 5 + (i % 5);
    return { rows: Int32Array.from([word, 10, 10]), label: (positive ? 1 : 0) as 0 | 1 };
  });
  return { table: { dimensions: 2, data }, examples };
}

describe("training the pooled network", () => {
  const options = { hidden: 4, epochs: 8, learningRate: 0.05, seed: 9 };

  it("learns which side of the space is offensive, the same way every time", () => {
    const { table, examples } = synthetic();
    const net = trainPooled(examples, table, options);
    expect(predictPooled(net, table, Int32Array.from([2, 10]))).toBeGreaterThan(0);
    expect(predictPooled(net, table, Int32Array.from([7, 10]))).toBeLessThan(0);
    const again = trainPooled(examples, table, options);
    expect(Array.from(again.projection)).toEqual(Array.from(net.projection));
    expect(again.bias).toBe(net.bias);
    const other = trainPooled(examples, table, { ...options, seed: 10 });
    expect(Array.from(other.projection)).not.toEqual(Array.from(net.projection));
  });

  it("the scorer's int8 word table gives the trainer's logits", () => {
    const { table, examples } = synthetic();
    const net = trainPooled(examples, table, options);
    const projected = projectTable(net, table);
    let largest = 0;
    for (const value of projected) largest = Math.max(largest, Math.abs(value));
    const scale = largest / 127;
    const model: PooledModel = {
      rows: new Map(),
      hidden: net.hidden,
      vectors: Int8Array.from(projected, (value) => Math.round(value / scale)),
      scale,
      biases: Float32Array.from(net.biases),
      weights: Float32Array.from(net.weights),
      bias: net.bias,
    };
    for (const rows of [[0, 10], [6, 10, 10], [3], []]) {
      expect(pooledLogit(model, rows)).toBeCloseTo(predictPooled(net, table, Int32Array.from(rows)), 1);
    }
  });
});

describe("the shipped model", () => {
  it("English offense carries a word table in frequency order, within the 5 MB budget", () => {
    const stored = (modelFile as { pooled?: Record<string, Parameters<typeof decodePooled>[0]> }).pooled?.[
      "en.offense"
    ];
    expect(stored).toBeDefined();
    const model = decodePooled(stored as Parameters<typeof decodePooled>[0]);
    expect(model.rows.size).toBeGreaterThan(20_000);
    // GloVe's most frequent words come first
    expect(model.rows.get("the")).toBe(0);
    expect(MODEL_BYTES).toBeLessThanOrEqual(5 * 1024 * 1024);
  });
});
