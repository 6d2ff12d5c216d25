export type Line = { n: number; text: string } | { n: number; error: string };

export interface LineOptions {
  /** Longer lines are reported as errors and skipped without being held in memory. */
  maxLineBytes: number;
}

const decoder = () => new TextDecoder("utf-8", { fatal: true });

/**
 * Split a byte stream into numbered UTF-8 lines with constant memory: a line over the limit is
 * dropped as it streams by (only its length is kept) and reported, and so is invalid UTF-8.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, opts: LineOptions): AsyncGenerator<Line> {
  const utf8 = decoder();
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let n = 0;
  const finish = (): Line => {
    n++;
    const line: Line = overflow
      ? { n, error: `line too long (${formatBytes(size)}; the limit is ${formatBytes(opts.maxLineBytes)})` }
      : decodeLine(n, Buffer.concat(parts, size), utf8);
    parts = [];
    size = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of input) {
    let buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let nl = buf.indexOf(10);
    while (nl !== -1) {
      take(buf.subarray(0, nl));
      yield finish();
      buf = buf.subarray(nl + 1);
      nl = buf.indexOf(10);
    }
    take(buf);
  }
  if (size > 0 || overflow) yield finish();

  function take(piece: Buffer): void {
    if (piece.length === 0) return;
    size += piece.length;
    if (size > opts.maxLineBytes) {
      overflow = true;
      parts = [];
    } else {
      parts.push(piece);
    }
  }
}

function decodeLine(n: number, bytes: Buffer, utf8: { decode(b: Uint8Array): string }): Line {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 13) end--; // CRLF files
  try {
    let text = utf8.decode(bytes.subarray(0, end));
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { n, text };
  } catch {
    return { n, error: "invalid UTF-8" };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
