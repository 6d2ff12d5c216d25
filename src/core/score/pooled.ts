/**
 * A small network over pre-trained word vectors, added to the English offense model: the n-gram
 * model only knows words seen in training, this one reads any of ~30k common English words through
 * their GloVe vectors (trained by scripts/train.ts, see learn-pooled.ts).
 *
 * Each word's 100-d GloVe vector v is projected to `hidden` numbers u = P·v; P was learned, so the
 * model ships u per word (int8), not v. A post's logit: mean and max of its words' u, each plus a
 * bias and through a ReLU, weighted and summed.
 */

/** The placeholders text.ts puts for @handles and links: the n-gram model reads them, GloVe has no such words. */
const SKIPPED = new Set(["@user", "httpurl"]);

/** English contractions as GloVe has them: "don't" → "do" + "not" (its corpus split them, our tokens do not). */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  "n't": "not",
  "'ve": "have",
  "'re": "are",
  "'ll": "will",
  "'m": "am",
  "'d": "would",
};
const CONTRACTION = /^(.+?)(n't|'[a-z]+)$/;
const CONTRACTED_STEMS: Readonly<Record<string, string>> = { ca: "can", wo: "will", sha: "shall" };

/** Hashtag-like run of letters long enough to be several words ("buildthewall"). */
const JOINED_WORDS = /^[a-z]{6,30}$/;
const MIN_PIECE = 3;
const MAX_PIECE = 20;
/** Every piece costs this on top of log(row): fewer, more common words win. */
const PIECE_COST = 4;

/**
 * Rows of the vocabulary for a post's tokens. `rows` maps a word to its row; rows follow GloVe's
 * frequency order (row 0 is the most frequent word), which the hashtag splitter uses as its cost.
 */
export function vocabularyRows(tokens: readonly string[], rows: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  const push = (word: string): void => {
    const row = rows.get(word);
    if (row !== undefined) out.push(row);
  };
  for (const token of tokens) {
    if (SKIPPED.has(token)) continue;
    const row = rows.get(token);
    if (row !== undefined) {
      out.push(row);
    } else if (token.includes("'")) {
      const match = CONTRACTION.exec(token);
      if (match === null) {
        push(token.replaceAll("'", ""));
        continue;
      }
      const stem = match[1] as string;
      push(CONTRACTED_STEMS[stem] ?? stem);
      const expanded = CONTRACTIONS[match[2] as string];
      if (expanded !== undefined) push(expanded);
    } else if (JOINED_WORDS.test(token)) {
      for (const piece of splitJoined(token, rows)) out.push(piece);
    }
  }
  return out;
}

/** The cheapest split of a run of letters into vocabulary words (rows), or none. */
function splitJoined(word: string, rows: ReadonlyMap<string, number>): number[] {
  const n = word.length;
  const cost = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n + 1);
  const row = new Int32Array(n + 1);
  cost[0] = 0;
  for (let end = MIN_PIECE; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_PIECE); start <= end - MIN_PIECE; start++) {
      const before = cost[start] as number;
      if (before === Number.POSITIVE_INFINITY) continue;
      const found = rows.get(word.slice(start, end));
      if (found === undefined) continue;
      const total = before + Math.log(found + 2) + PIECE_COST;
      if (total < (cost[end] as number)) {
        cost[end] = total;
        from[end] = start;
        row[end] = found;
      }
    }
  }
  if (cost[n] === Number.POSITIVE_INFINITY) return [];
  const pieces: number[] = [];
  for (let end = n; end > 0; end = from[end] as number) pieces.unshift(row[end] as number);
  return pieces.length > 1 ? pieces : [];
}

export interface PooledModel {
  rows: ReadonlyMap<string, number>;
  hidden: number;
  /** vectors[row * hidden + j]: u_j of that word, in units of `scale`. */
  vectors: Int8Array;
  scale: number;
  /** 2 × hidden: the mean units, then the max units. */
  biases: Float32Array;
  weights: Float32Array;
  bias: number;
}

/** As model.json stores it. */
export interface StoredPooled {
  /** The vocabulary, one word a line (one string parses faster than 35k of them). */
  words: string;
  hidden: number;
  vectors: string;
  scale: number;
  biases: number[];
  weights: number[];
  bias: number;
}

export function decodePooled(stored: StoredPooled): PooledModel {
  const words = stored.words.split("\n");
  const bytes = Buffer.from(stored.vectors, "base64");
  if (bytes.length !== words.length * stored.hidden)
    throw new Error("model.json: pooled vectors do not match its words");
  return {
    rows: new Map(words.map((word, row) => [word, row])),
    hidden: stored.hidden,
    vectors: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    scale: stored.scale,
    biases: Float32Array.from(stored.biases),
    weights: Float32Array.from(stored.weights),
    bias: stored.bias,
  };
}

/** The model's logit for a post whose words are these rows (no known word: mean and max are 0). */
export function pooledLogit(model: PooledModel, rows: readonly number[]): number {
  const { hidden, vectors, biases, weights, scale } = model;
  // sums and maxima in int8 units, word by word (each word's units sit side by side)
  const sums = new Int32Array(hidden);
  const maxima = new Int32Array(hidden).fill(rows.length === 0 ? 0 : -128);
  for (const row of rows) {
    const base = row * hidden;
    for (let j = 0; j < hidden; j++) {
      const value = vectors[base + j] as number;
      sums[j] = (sums[j] as number) + value;
      if (value > (maxima[j] as number)) maxima[j] = value;
    }
  }
  const meanScale = rows.length === 0 ? 0 : scale / rows.length;
  let z = model.bias;
  for (let j = 0; j < hidden; j++) {
    const mean = (sums[j] as number) * meanScale + (biases[j] as number);
    const top = (maxima[j] as number) * scale + (biases[hidden + j] as number);
    if (mean > 0) z += mean * (weights[j] as number);
    if (top > 0) z += top * (weights[hidden + j] as number);
  }
  return z;
}
