/** Evaluation measures used by scripts/train.ts and scripts/eval.ts. */

export interface BinaryCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function countBinary(truth: readonly boolean[], predicted: readonly boolean[]): BinaryCounts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  truth.forEach((actual, i) => {
    const guess = predicted[i] === true;
    if (actual && guess) counts.tp++;
    else if (!actual && guess) counts.fp++;
    else if (actual && !guess) counts.fn++;
    else counts.tn++;
  });
  return counts;
}

/** F1 of the positive class. */
export function f1Positive(c: BinaryCounts): number {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator === 0 ? 0 : (2 * c.tp) / denominator;
}

/** Mean of the F1 of both classes. */
export function macroF1(c: BinaryCounts): number {
  const negative = { tp: c.tn, fp: c.fn, fn: c.fp, tn: c.tp };
  return (f1Positive(c) + f1Positive(negative)) / 2;
}

/** Area under the ROC curve (ties count half); NaN when a class is missing. */
export function auc(truth: readonly boolean[], scores: readonly number[]): number {
  const order = scores.map((score, i) => ({ score, positive: truth[i] === true })).sort((a, b) => a.score - b.score);
  let positives = 0;
  let negatives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && order[j]?.score === order[i]?.score) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]?.positive) {
        positives++;
        rankSum += averageRank;
      } else negatives++;
    }
    i = j;
  }
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The threshold on `scores` that maximises macro-F1, searched over a coarse grid of quantiles. */
export function bestThreshold(
  truth: readonly boolean[],
  scores: readonly number[],
  steps = 40,
): { threshold: number; macroF1: number } {
  const sorted = [...scores].sort((a, b) => a - b);
  let best = { threshold: 0.5, macroF1: -1 };
  for (let s = 1; s < steps; s++) {
    const threshold = sorted[Math.floor((s / steps) * sorted.length)] ?? 0.5;
    const value = macroF1(
      countBinary(
        truth,
        scores.map((score) => score >= threshold),
      ),
    );
    if (value > best.macroF1) best = { threshold, macroF1: value };
  }
  return best;
}
