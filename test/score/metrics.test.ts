import { describe, expect, it } from "vitest";
import { benchScore } from "../../src/core/score/bench.js";
import { auc, countBinary, f1Positive, macroF1 } from "../../src/core/score/metrics.js";

describe("metrics", () => {
  it("counts, F1 and macro-F1 on a hand-checked example", () => {
    const counts = countBinary([true, true, false, false, true], [true, false, false, true, true]);
    expect(counts).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(f1Positive(counts)).toBeCloseTo(4 / 6, 10);
    expect(macroF1(counts)).toBeCloseTo((4 / 6 + 2 / 4) / 2, 10);
  });

  it("AUC: perfect, reversed, ties and a mixed case", () => {
    expect(auc([false, false, true, true], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(auc([true, true, false, false], [0.1, 0.2, 0.8, 0.9])).toBe(0);
    expect(auc([true, false], [0.5, 0.5])).toBe(0.5);
    expect(auc([true, false, true, false], [0.9, 0.8, 0.3, 0.4])).toBe(0.5);
    expect(auc([true, true], [0.1, 0.2])).toBeNaN();
  });
});

describe("benchScore", () => {
  it("scores synthetic posts and reports a model under 5 MB", () => {
    const result = benchScore(3000, 1);
    expect(result.postsPerSecond).toBeGreaterThan(1000);
    expect(result.modelBytes).toBeGreaterThan(100_000);
    expect(result.modelBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });
});
