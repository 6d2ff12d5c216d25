import { describe, expect, it } from "vitest";
import { syntheticPosts } from "../../src/core/score/bench.js";
import { featureIndices } from "../../src/core/score/features.js";
import { score } from "../../src/core/score/index.js";
import { type Example, trainLogistic } from "../../src/core/score/learn.js";
import { makeAuthor, makeContext } from "./helpers.js";

describe("determinism", () => {
  it("the same post, author and context give the same score", () => {
    for (const post of syntheticPosts(50, 11)) {
      const a = score(post, makeAuthor(), makeContext());
      const b = score(structuredClone(post), makeAuthor(), makeContext());
      expect(b).toEqual(a);
    }
  });

  it("scoring does not depend on what was scored before", () => {
    const posts = syntheticPosts(30, 5);
    const forward = posts.map((post) => score(post, undefined, makeContext()));
    const backward = [...posts]
      .reverse()
      .map((post) => score(post, undefined, makeContext()))
      .reverse();
    expect(backward).toEqual(forward);
  });

  it("feature hashing is stable", () => {
    expect(featureIndices("hola 😡", ["hola"], ["negative"])).toEqual(
      featureIndices("hola 😡", ["hola"], ["negative"]),
    );
    expect(featureIndices("", ["hola"], [])).not.toEqual(featureIndices("", ["adios"], []));
  });

  it("training with the same seed gives the same weights, another seed other weights", () => {
    const examples: Example[] = Array.from({ length: 200 }, (_, i) => ({
      indices: Int32Array.from([i % 7, 10 + (i % 3), 20 + (i % 11)]),
      value: 1 / Math.sqrt(3),
      label: i % 7 < 3 ? 1 : 0,
    }));
    const options = { dimension: 64, epochs: 3, learningRate: 0.2, l2: 1e-6, seed: 5 };
    const first = trainLogistic(examples, options);
    const second = trainLogistic(examples, options);
    const other = trainLogistic(examples, { ...options, seed: 6 });
    expect(Array.from(second.weights)).toEqual(Array.from(first.weights));
    expect(second.bias).toBe(first.bias);
    expect(Array.from(other.weights)).not.toEqual(Array.from(first.weights));
    // It learned the rule: features 0..2 mean positive.
    expect(first.weights[0]).toBeGreaterThan(0);
    expect(first.weights[5]).toBeLessThan(0);
  });
});
