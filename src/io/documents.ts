import type { Readable } from "node:stream";
import { readArrayElements } from "./json-array.js";
import { formatBytes, type Line, readLines } from "./lines.js";

export type Document = { line: number; value: unknown } | { line: number; error: string };

export interface DocumentOptions {
  maxLineBytes: number;
  /** How much a pretty-printed (multi-line) document may hold in memory. */
  maxDocumentBytes: number;
}

/**
 * JSON values from a stream. Input that starts with `[` is a JSON array (of pages or posts), compact
 * or pretty-printed, read one element at a time in constant memory (each element may be as large as
 * a line). Anything else is detected per line: one value per line (JSONL), or — when the first line
 * does not parse on its own — one pretty-printed document spanning the input. If the whole input
 * does not parse either, it is read line by line after all, so each bad line is reported by number.
 */
export async function* readDocuments(input: Readable, opts: DocumentOptions): AsyncGenerator<Document> {
  const { first, chunks } = await peekFirstByte(input);
  if (first === OPEN_ARRAY) yield* readArrayElements(chunks, opts.maxLineBytes);
  else yield* readLineDocuments(chunks, opts);
}

const OPEN_ARRAY = 91;

/** The first byte that is not white space (nor the UTF-8 byte order mark), and the whole input still to read. */
async function peekFirstByte(input: AsyncIterable<Buffer | string>): Promise<{
  first: number | undefined;
  chunks: AsyncIterable<Buffer>;
}> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let first: number | undefined;
  while (first === undefined) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    const start = head.length === 1 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    for (let i = start; i < chunk.length && first === undefined; i++) {
      const c = chunk[i]!;
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) first = c;
    }
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    }
  }
  return { first, chunks: replay() };
}

async function* readLineDocuments(input: AsyncIterable<Buffer>, opts: DocumentOptions): AsyncGenerator<Document> {
  const lines = readLines(input, { maxLineBytes: opts.maxLineBytes });
  let pending: Line[] | undefined;
  let pendingBytes = 0;
  let sawContent = false;
  for await (const line of lines) {
    if (pending) {
      if ("text" in line && pendingBytes + line.text.length > opts.maxDocumentBytes && isOpeningBrace(pending[0]!)) {
        // a pretty-printed object this large is not one page: say so once, not once per line
        yield {
          line: pending[0]!.n,
          error: `a pretty-printed JSON document over ${formatBytes(opts.maxDocumentBytes)}; write one page per line (JSONL) or a JSON array of pages`,
        };
        return;
      }
      if ("error" in line || pendingBytes + line.text.length > opts.maxDocumentBytes) {
        pending.push(line);
        yield* perLine(pending);
        pending = undefined;
        continue;
      }
      pending.push(line);
      pendingBytes += line.text.length + 1;
      continue;
    }
    if ("error" in line) {
      yield { line: line.n, error: line.error };
      continue;
    }
    if (line.text.trim() === "") continue;
    const first = !sawContent;
    sawContent = true;
    const parsed = tryParse(line.text);
    if ("value" in parsed) {
      yield { line: line.n, value: parsed.value };
    } else if (first && /^\s*[[{]/.test(line.text)) {
      pending = [line];
      pendingBytes = line.text.length + 1;
    } else {
      yield { line: line.n, error: parsed.error };
    }
  }
  if (pending) {
    const whole = tryParse(pending.map((l) => ("text" in l ? l.text : "")).join("\n"));
    if ("value" in whole) yield { line: pending[0]!.n, value: whole.value };
    else yield* perLine(pending);
  }
}

function isOpeningBrace(line: Line): boolean {
  return "text" in line && line.text.trim() === "{";
}

function* perLine(lines: Line[]): Generator<Document> {
  for (const line of lines) {
    if ("error" in line) {
      yield { line: line.n, error: line.error };
      continue;
    }
    if (line.text.trim() === "") continue;
    const parsed = tryParse(line.text);
    yield "value" in parsed ? { line: line.n, value: parsed.value } : { line: line.n, error: parsed.error };
  }
}

function tryParse(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `invalid JSON (${(e as Error).message})` };
  }
}
