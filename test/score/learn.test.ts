import { describe, expect, it } from "vitest";
import { featureIndices } from "../../src/core/score/features.js";
import { type Example, naiveBayesRatios, predictRaw, trainLogistic } from "../../src/core/score/learn.js";

/** Feature 0 only in positives, 4 and 5 only in negatives, 6 in every post, 7 never. */
function examples(): Example[] {
  return Array.from({ length: 120 }, (_, i) => {
    const positive = i % 3 === 0;
    const own = positive ? 0 : 3 + (i % 3);
    return { indices: Int32Array.from([own, 6]), value: 1 / Math.sqrt(2), label: positive ? 1 : 0 };
  });
}

describe("naive-Bayes scaled logistic regression", () => {
  it("ratios are positive for positive-only features, negative for negative-only ones", () => {
    const ratios = naiveBayesRatios(examples(), 8, 1);
    expect(ratios[0]).toBeGreaterThan(1);
    expect(ratios[4]).toBeLessThan(-1);
    // A feature in every post says nothing either way (here: both classes equally, after smoothing).
    expect(Math.abs(ratios[6] as number)).toBeLessThan(Math.abs(ratios[0] as number));
  });

  it("example weights count in the ratios", () => {
    const light = examples().map((example) => (example.label === 0 ? { ...example, weight: 0.1 } : example));
    expect(naiveBayesRatios(light, 8, 1)[6]).toBeGreaterThan(naiveBayesRatios(examples(), 8, 1)[6] as number);
  });

  it("learns the rule, folds the ratios into the weights and leaves unseen features at zero", () => {
    const options = { dimension: 8, epochs: 4, learningRate: 0.2, l2: 1e-6, seed: 3, naiveBayesAlpha: 1 };
    const model = trainLogistic(examples(), options);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[4]).toBeLessThan(0);
    expect(model.weights[7]).toBe(0);
    const positive = predictRaw(model, { indices: Int32Array.from([0, 6]), value: 1 / Math.sqrt(2) });
    const negative = predictRaw(model, { indices: Int32Array.from([4, 6]), value: 1 / Math.sqrt(2) });
    expect(positive).toBeGreaterThan(0);
    expect(negative).toBeLessThan(0);
    expect(Array.from(trainLogistic(examples(), options).weights)).toEqual(Array.from(model.weights));
  });
});

describe("features", () => {
  it("a run of @handles counts as one, a single handle still counts", () => {
    const many = featureIndices("", ["@user", "@user", "@user", "you", "idiot"], []);
    expect(many).toEqual(featureIndices("", ["@user", "you", "idiot"], []));
    expect(featureIndices("", ["you", "idiot"], [])).not.toEqual(featureIndices("", ["@user", "you", "idiot"], []));
    expect(featureIndices("", ["@user", "hi", "@user"], [])).toEqual(featureIndices("", ["@user", "hi", "@user"], []));
    expect(featureIndices("", ["@user", "hi", "@user"], []).length).toBeGreaterThan(
      featureIndices("", ["@user", "hi"], []).length,
    );
  });
});
