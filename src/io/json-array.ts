import { formatBytes } from "./lines.js";

export type ArrayItem = { line: number; value: unknown } | { line: number; error: string };

const [SPACE, TAB, LF, CR, COMMA, QUOTE, BACKSLASH] = [32, 9, 10, 13, 44, 34, 92];
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [91, 93, 123, 125];
const BOM = [0xef, 0xbb, 0xbf];

/**
 * The elements of top-level JSON arrays (`[page, page, …]`, compact on one line or pretty-printed,
 * several arrays one after another too), one at a time, in constant memory: only an element's bytes
 * are held, up to `maxElementBytes`, and each is parsed by JSON.parse. This only finds where each
 * element starts and ends (brackets outside strings); a JSON streaming parser would build every value
 * in JavaScript, many times slower than JSON.parse on the element's text. A top-level object is
 * passed on whole. Line numbers are where each element starts.
 */
export async function* readArrayElements(
  input: AsyncIterable<Buffer>,
  maxElementBytes: number,
): AsyncGenerator<ArrayItem> {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let outerDepth = 0; // 1 inside a top-level array, between its elements
  let depth = 0;
  let inString = false;
  let escaped = false;
  let collecting = false;
  let startLine = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let bomChecked = false;

  function finish(): ArrayItem {
    const bytes = Buffer.concat(parts, size);
    const item = overflow
      ? {
          line: startLine,
          error: `array element too long (${formatBytes(size)}; the limit is ${formatBytes(maxElementBytes)})`,
        }
      : parseElement(startLine, bytes, utf8);
    parts = [];
    size = 0;
    overflow = false;
    collecting = false;
    return item;
  }
  function keep(piece: Buffer): void {
    size += piece.length;
    if (overflow) return;
    if (size > maxElementBytes) {
      overflow = true;
      parts = [];
    } else {
      parts.push(piece);
    }
  }

  for await (let chunk of input) {
    if (!bomChecked) {
      bomChecked = true;
      if (BOM.every((b, i) => chunk[i] === b)) chunk = chunk.subarray(3);
    }
    let from = 0; // where the element being collected starts in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === LF) line++;
      if (collecting) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
          continue;
        }
        if (c === QUOTE) inString = true;
        else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
        else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
          if (depth === 0) {
            // a bare value (a number, true …) ends at the array's end
            keep(chunk.subarray(from, i));
            yield finish();
            outerDepth = 0;
            continue;
          }
          depth--;
          if (depth === 0) {
            keep(chunk.subarray(from, i + 1));
            yield finish();
          }
        } else if (c === COMMA && depth === 0) {
          keep(chunk.subarray(from, i));
          yield finish();
        }
        continue;
      }
      if (c === SPACE || c === TAB || c === LF || c === CR) continue;
      if (outerDepth === 1 && c === COMMA) continue;
      if (outerDepth === 1 && c === CLOSE_ARRAY) {
        outerDepth = 0;
        continue;
      }
      if (outerDepth === 0 && c === OPEN_ARRAY) {
        outerDepth = 1;
        continue;
      }
      collecting = true;
      startLine = line;
      from = i;
      depth = 0;
      if (c === QUOTE) inString = true;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth = 1;
    }
    if (collecting) keep(chunk.subarray(from));
  }
  if (collecting) {
    yield { line: startLine, error: "the input ends inside this element (truncated?)" };
  } else if (outerDepth === 1) {
    yield { line, error: "the JSON array is not closed with ] (truncated?)" };
  }
}

function parseElement(line: number, bytes: Buffer, utf8: { decode(b: Uint8Array): string }): ArrayItem {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { line, error: "invalid UTF-8" };
  }
  try {
    return { line, value: JSON.parse(text) };
  } catch (e) {
    return { line, error: `invalid JSON (${(e as Error).message})` };
  }
}
