import { describe, expect, it } from "vitest";
import { readArrayElements } from "../../src/io/json-array.js";

/** The input cut into pieces of `size` bytes: element boundaries fall anywhere in a chunk. */
async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(text: string | Buffer, { size = 7, max = 1000 } = {}) {
  const items = [];
  for await (const item of readArrayElements(chunked(Buffer.from(text), size), max)) items.push(item);
  return items;
}

describe("readArrayElements", () => {
  it("splits a compact array into its elements, whatever the chunk sizes, strings with brackets included", async () => {
    const elements = [
      { data: [{ id: "1", text: 'a ] } [ { "quoted" \\ back' }] },
      { text: "ünï 😀 ,]" },
      [1, [2, 3]],
      "a, string",
      42,
    ];
    for (const size of [1, 2, 7, 1024]) {
      const items = await read(JSON.stringify(elements), { size });
      expect(items.map((i) => ("value" in i ? i.value : i.error))).toEqual(elements);
    }
  });

  it("gives each element of a pretty array the line it starts on; a BOM and several arrays are fine", async () => {
    const text = `\uFEFF${JSON.stringify([{ a: 1 }, { b: 2 }], null, 2)}\n[{"c": 3}]\n`;
    expect(await read(text)).toEqual([
      { line: 2, value: { a: 1 } },
      { line: 5, value: { b: 2 } },
      { line: 9, value: { c: 3 } },
    ]);
  });

  it("reports a bad element by its line and goes on with the next", async () => {
    const text = '[\n{"a": 1},\n{"b": nope},\n{"c": 3}\n]';
    const items = await read(text);
    expect(items[0]).toEqual({ line: 2, value: { a: 1 } });
    expect(items[1]).toMatchObject({ line: 3, error: expect.stringMatching(/^invalid JSON/) });
    expect(items[2]).toEqual({ line: 4, value: { c: 3 } });
  });

  it("drops an element over the size limit as it streams by, and says how large it was", async () => {
    const big = { text: "x".repeat(5000) };
    const items = await read(JSON.stringify([{ a: 1 }, big, { b: 2 }]), { max: 1000 });
    expect(items).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 1, error: expect.stringMatching(/^array element too long \(4\.9 KB; the limit is 1000 B\)$/) },
      { line: 1, value: { b: 2 } },
    ]);
  });

  it("says when the input ends inside an element or before the array is closed", async () => {
    const cut = await read('[{"a": 1}, {"b": [2');
    expect(cut).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 1, error: "the input ends inside this element (truncated?)" },
    ]);
    expect(await read('[{"a": 1},\n')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, error: "the JSON array is not closed with ] (truncated?)" },
    ]);
  });

  it("reports invalid UTF-8 in an element", async () => {
    const bytes = Buffer.concat([Buffer.from('[{"a": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}, {"b": 2}]')]);
    expect(await read(bytes)).toEqual([
      { line: 1, error: "invalid UTF-8" },
      { line: 1, value: { b: 2 } },
    ]);
  });
});
