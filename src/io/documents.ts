import type { Readable } from "node:stream";
import { type Line, readLines } from "./lines.js";

export type Document = { line: number; value: unknown } | { line: number; error: string };

export interface DocumentOptions {
  maxLineBytes: number;
  /** How much a pretty-printed (multi-line) document may hold in memory. */
  maxDocumentBytes: number;
}

/**
 * JSON values from a stream, detected per line: one value per line (JSONL), or — when the first line
 * does not parse on its own — one pretty-printed document spanning the input. If the whole input
 * does not parse either, it is read line by line after all, so each bad line is reported by number.
 */
export async function* readDocuments(input: Readable, opts: DocumentOptions): AsyncGenerator<Document> {
  const lines = readLines(input, { maxLineBytes: opts.maxLineBytes });
  let pending: Line[] | undefined;
  let pendingBytes = 0;
  let sawContent = false;
  for await (const line of lines) {
    if (pending) {
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
