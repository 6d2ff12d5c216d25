/**
 * The worker thread of `xtriage import` (see import-source.ts): reads the file, parses and prepares
 * each document, gathers each post's text evidence, and sends the results in order, in batches,
 * never more than BATCHES_AHEAD ahead of the main thread. It touches no database.
 */
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { gatherEvidence } from "../core/score/evidence.js";
import type { Post } from "../core/types.js";
import {
  BATCHES_AHEAD,
  importItems,
  toWire,
  type WireItem,
  type WorkerInput,
  type WorkerMessage,
} from "./import-source.js";

/** Posts per message: enough that messaging costs little, few enough that little is in flight (memory). */
const POSTS_PER_BATCH = 200;
/** Bad lines carry no posts: a file of them still goes out in bounded messages. */
const ITEMS_PER_BATCH = 200;

async function main(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  let unacknowledged = 0;
  let resume: (() => void) | undefined;
  port.on("message", () => {
    unacknowledged--;
    resume?.();
    resume = undefined;
  });
  const send = async (message: WorkerMessage) => {
    while (unacknowledged >= BATCHES_AHEAD) {
      await new Promise<void>((resolve) => {
        resume = resolve;
      });
    }
    unacknowledged++;
    port.postMessage(message);
  };

  let items: WireItem[] = [];
  let posts = 0;
  const limits = { maxLineBytes: input.maxLineBytes, maxDocumentBytes: input.maxDocumentBytes };
  const gather = (post: Post) => gatherEvidence(post, input.scoring);
  for await (const item of importItems(createReadStream(input.file), limits, gather)) {
    items.push(toWire(item));
    if ("doc" in item) posts += item.doc.posts.length;
    if (posts >= POSTS_PER_BATCH || items.length >= ITEMS_PER_BATCH) {
      await send({ items });
      items = [];
      posts = 0;
    }
  }
  if (items.length > 0) await send({ items });
  // the main thread ends the worker once it has read this
  port.postMessage({ done: true } satisfies WorkerMessage);
}

if (parentPort) {
  const port = parentPort;
  main(port, workerData as WorkerInput).catch((e: unknown) => {
    port.postMessage({ failed: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage);
  });
}
