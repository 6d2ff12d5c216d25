import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readDocuments } from "../../src/io/documents.js";

async function read(text: string, maxDocumentBytes = 1000) {
  const docs = [];
  for await (const d of readDocuments(Readable.from([Buffer.from(text)]), { maxLineBytes: 1000, maxDocumentBytes })) {
    docs.push(d);
  }
  return docs;
}

describe("readDocuments", () => {
  it("tells JSONL, a JSON array and a pretty-printed document apart by their start", async () => {
    expect(await read('{"a": 1}\n{"b": 2}\n')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { b: 2 } },
    ]);
    expect(await read('  \n[{"a": 1}, {"b": 2}]')).toEqual([
      { line: 2, value: { a: 1 } },
      { line: 2, value: { b: 2 } },
    ]);
    expect(await read('{\n  "a": [1,\n 2]\n}\n')).toEqual([{ line: 1, value: { a: [1, 2] } }]);
  });

  it("refuses a pretty-printed document over the size limit once, not once per line", async () => {
    const big = JSON.stringify({ data: Array.from({ length: 40 }, (_, i) => ({ id: String(i) })) }, null, 2);
    const docs = await read(big, 200);
    expect(docs).toEqual([
      {
        line: 1,
        error: "a pretty-printed JSON document over 200 B; write one page per line (JSONL) or a JSON array of pages",
      },
    ]);
  });
});
