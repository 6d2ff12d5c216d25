import { closeSync, existsSync, openSync, readSync } from "node:fs";
import type { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { InputError, parseDocument } from "../core/normalize.js";
import { type PreparedDocument, prepareDocument, type UsersSeen } from "../core/prepare.js";
import type { TextEvidence } from "../core/score/evidence.js";
import type { Post, ScoringConfig } from "../core/types.js";
import { type PackedDocument, packDocument, unpackDocument } from "../core/wire.js";
import { Exit, XtriageError } from "../errors.js";
import { readDocuments } from "../io/documents.js";

/** One input document for `import`, in input order: a bad line, or its posts ready to store. */
export type ImportItem =
  | { line: number; error: string }
  | { line: number; doc: PreparedDocument; problems: string[]; apiErrors: number };

export interface DocumentLimits {
  maxLineBytes: number;
  maxDocumentBytes: number;
}

/**
 * Reads, parses and prepares the input. With `gather`, each post's text evidence is gathered too
 * (the worker does that; on the main thread the ingester gathers it only for posts it stores).
 */
export async function* importItems(
  input: Readable,
  limits: DocumentLimits,
  gather?: (post: Post) => TextEvidence,
): AsyncGenerator<ImportItem> {
  const usersSeen: UsersSeen = new Map();
  for await (const doc of readDocuments(input, limits)) {
    if ("error" in doc) {
      yield { line: doc.line, error: doc.error };
      continue;
    }
    let parsed: ReturnType<typeof parseDocument>;
    try {
      parsed = parseDocument(doc.value);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield { line: doc.line, error: e.message };
      continue;
    }
    yield {
      line: doc.line,
      doc: prepareDocument(parsed, gather, usersSeen),
      problems: parsed.problems,
      apiErrors: parsed.apiErrors.length,
    };
  }
}

/** What the worker is started with. */
export interface WorkerInput extends DocumentLimits {
  file: string;
  scoring: ScoringConfig;
}

/** An item as the worker sends it: its document packed (src/core/wire.ts). */
export type WireItem =
  | { line: number; error: string }
  | { line: number; doc: PackedDocument; problems: string[]; apiErrors: number };

export function toWire(item: ImportItem): WireItem {
  return "doc" in item ? { ...item, doc: packDocument(item.doc) } : item;
}

function fromWire(item: WireItem): ImportItem {
  return "doc" in item ? { ...item, doc: unpackDocument(item.doc) } : item;
}

/** Worker → main: a batch of items, the end, or a failure. Main → worker: "next" once it takes a batch. */
export type WorkerMessage = { items: WireItem[] } | { done: true } | { failed: string };

/** Batches the worker may have sent that the main thread has not taken yet: memory stays bounded. */
export const BATCHES_AHEAD = 2;

/**
 * The young generation capped at 32 MB: left alone it grows further with parsing garbage, which the
 * peak memory of a large import cannot afford. Smaller costs time: at 4 MB the worker (the slower
 * thread) spent a quarter of its time collecting, ~900 collections per 100k mentions. Measured in
 * paired runs: 32 MB imports 12-20% faster than 16 MB; 1M import peak RSS 199 MB (16 MB: 180).
 * Input lines are at most 1 MB, so the old generation needs little; the cap is far above what it uses.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 128 };

/** Where the bundled worker lives: next to the chunk this module is bundled into (scripts/build.mjs). */
export function workerScript(): URL | undefined {
  const url = new URL("./import-worker.js", import.meta.url);
  return existsSync(url) ? url : undefined;
}

/**
 * The same items as `importItems`, read, parsed and prepared on a worker thread (with the text
 * evidence of every post) while the caller writes the database: two cores instead of one.
 */
export async function* workerImportItems(script: URL, input: WorkerInput): AsyncGenerator<ImportItem> {
  const worker = new Worker(script, { workerData: input, resourceLimits: WORKER_LIMITS });
  const inbox: WorkerMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (m: WorkerMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on("error", (e) => {
    failure ??= e;
    notify();
  });
  worker.on("exit", () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      while (inbox.length === 0) {
        if (failure) throw workerFailure(failure.message);
        if (exited) throw workerFailure("it stopped before the end of the input");
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      const message = inbox.shift() as WorkerMessage;
      if ("failed" in message) throw workerFailure(message.failed);
      if ("done" in message) return;
      worker.postMessage("next");
      for (const item of message.items) yield fromWire(item);
    }
  } finally {
    await worker.terminate();
  }
}

function workerFailure(reason: string): XtriageError {
  return new XtriageError(
    `import failed while reading the input: ${reason}`,
    Exit.error,
    "batches committed before stay imported; XTRIAGE_IMPORT_WORKER=off reads the input on one thread",
  );
}

/**
 * Whether the first non-blank line of the file is a JSON value on its own (a JSONL file, whose
 * documents are at most one line each). A pretty-printed document is read on the main thread.
 */
export function firstLineParses(file: string, maxLineBytes: number): boolean {
  const fd = openSync(file, "r");
  try {
    const chunk = Buffer.alloc(64 * 1024);
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const piece = chunk.subarray(0, n);
      let start = 0;
      let nl = piece.indexOf(10);
      while (nl !== -1) {
        const line = Buffer.concat([...parts, piece.subarray(start, nl)]).toString("utf8");
        if (line.trim() !== "") return parses(line);
        parts.length = 0;
        size = 0;
        start = nl + 1;
        nl = piece.indexOf(10, start);
      }
      parts.push(Buffer.from(piece.subarray(start)));
      size += n - start;
      if (size > maxLineBytes) return false;
    }
    return parses(Buffer.concat(parts).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
