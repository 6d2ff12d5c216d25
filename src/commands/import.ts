import { createReadStream, existsSync, statSync } from "node:fs";
import type { Readable } from "node:stream";
import type { Command } from "commander";
import type { Context } from "../context.js";
import { Exit, NotFoundError, UsageError, XtriageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import { emptyCounts, type IngestCounts } from "./ingest.js";
import { act, examples } from "./options.js";

export interface ImportOptions {
  strict?: boolean;
  json?: boolean;
  batchSize?: number;
  maxLineBytes?: number;
}

export interface BadLine {
  line: number;
  reason: string;
}

export interface ImportSummary extends IngestCounts {
  /** imported + updated + unchanged + dropped */
  posts: number;
  skipped: number;
  bad_lines: BadLine[];
  api_errors: number;
}

const MAX_LINE_BYTES = 1024 * 1024;
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
const BATCH_SIZE = 5000;

export function register(program: Command, ctx: Context): void {
  program
    .command("import")
    .argument("<file>", "file to read, or - for standard input")
    .summary("import mentions from X API v2 pages, twarc2 output or JSONL posts")
    .description(
      "Import mentions from a file: X API v2 response pages (one per line, a JSON array of pages, or one\n" +
        "pretty-printed page), twarc2 output (pages per line or flattened posts per line) or flat post\n" +
        "objects with an inline author. Each mention is scored. Re-importing the same file changes nothing;\n" +
        "triage state (status, assignee, actions) is never overwritten. Bad lines are reported by number\n" +
        "and the rest is imported (exit 1 at the end); --strict imports nothing if any line is bad.",
    )
    .option("--strict", "stop at the first bad line and write nothing")
    .option("--json", "print the summary as JSON on stdout")
    .addHelpText(
      "after",
      examples([
        "xtriage import mentions.jsonl",
        "twarc2 search '@fibranova' | xtriage import -",
        "xtriage import --strict --json page.json | jq .imported",
      ]),
    )
    .action(act(ctx, (file: string, opts: ImportOptions) => runImport(ctx, file, opts)));
}

export async function runImport(ctx: Context, file: string, opts: ImportOptions): Promise<number> {
  const input = openInput(ctx, file);
  const [{ readDocuments }, { parseDocument, InputError }, { createIngester }, { score }, db, config] =
    await Promise.all([
      import("../io/documents.js"),
      import("../core/normalize.js"),
      import("./ingest.js"),
      import("../core/score/index.js"),
      ctx.db(),
      ctx.config(),
    ]);
  const ingester = createIngester(db, config, score, "import");
  const counts = emptyCounts();
  const badLines: BadLine[] = [];
  let apiErrors = 0;
  const fetchedAt = ctx.now().toISOString();
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const strict = opts.strict === true;

  // --strict keeps one transaction for the whole input so a bad line leaves nothing behind;
  // otherwise each batch commits on its own and memory stays flat.
  let inTransaction = false;
  let inBatch = 0;
  const begin = () => {
    if (!inTransaction) {
      db.exec("BEGIN IMMEDIATE");
      inTransaction = true;
    }
  };
  const commit = () => {
    if (inTransaction) {
      db.exec("COMMIT");
      inTransaction = false;
    }
    inBatch = 0;
  };

  // Fewer, larger WAL checkpoints while importing; restored (and the WAL folded in) at the end.
  const autocheckpoint = db.pragma("wal_autocheckpoint", { simple: true }) as number;
  db.pragma("wal_autocheckpoint = 20000");
  // a bigger page cache for the duration: index pages stay in memory across batches
  db.pragma("cache_size = -32768");
  try {
    for await (const doc of readDocuments(input, {
      maxLineBytes: opts.maxLineBytes ?? MAX_LINE_BYTES,
      maxDocumentBytes: MAX_DOCUMENT_BYTES,
    })) {
      if ("error" in doc) {
        badLines.push({ line: doc.line, reason: doc.error });
        if (strict) break;
        continue;
      }
      let parsed: ReturnType<typeof parseDocument>;
      try {
        parsed = parseDocument(doc.value);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        badLines.push({ line: doc.line, reason: e.message });
        if (strict) break;
        continue;
      }
      for (const problem of parsed.problems) badLines.push({ line: doc.line, reason: problem });
      if (strict && parsed.problems.length > 0) break;
      apiErrors += parsed.apiErrors.length;
      begin();
      ingester.add(parsed, fetchedAt, counts);
      inBatch += parsed.posts.length;
      if (!strict && inBatch >= batchSize) commit();
    }
    if (strict && badLines.length > 0) {
      if (inTransaction) db.exec("ROLLBACK");
      inTransaction = false;
      const first = badLines[0]!;
      throw new XtriageError(
        `line ${first.line}: ${sanitizeText(first.reason)}`,
        Exit.error,
        "nothing was imported (--strict); fix the line or drop --strict to import the good lines",
      );
    }
    commit();
  } finally {
    if (inTransaction) db.exec("ROLLBACK");
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    if (input !== ctx.io.in) input.destroy();
  }

  const summary: ImportSummary = {
    ...counts,
    posts: counts.imported + counts.updated + counts.unchanged + counts.dropped,
    skipped: counts.unchanged + counts.dropped,
    bad_lines: badLines,
    api_errors: apiErrors,
  };
  report(ctx, summary, opts.json === true);
  return badLines.length > 0 ? Exit.error : Exit.ok;
}

function openInput(ctx: Context, file: string): Readable {
  if (file === "-") {
    if (ctx.io.stdinIsTTY)
      throw new UsageError("import - reads standard input, but it is a terminal", "pipe a file in");
    return ctx.io.in;
  }
  if (!existsSync(file)) throw new NotFoundError(`no such file: ${file}`);
  if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory, not a file`);
  return createReadStream(file);
}

function report(ctx: Context, s: ImportSummary, json: boolean): void {
  if (json) {
    writeJson(ctx.io, s);
    return;
  }
  const err = ctx.io.err;
  if (!ctx.io.quiet) {
    const skipped = s.skipped
      ? ` (${[s.unchanged && `${s.unchanged} unchanged`, s.dropped && `${s.dropped} retweets or own posts`].filter(Boolean).join(", ")})`
      : "";
    err.write(`imported ${s.imported}, updated ${s.updated}, skipped ${s.skipped}${skipped}\n`);
    if (s.api_errors) err.write(`X reported ${s.api_errors} partial errors in the pages (kept the rest)\n`);
  }
  if (s.bad_lines.length > 0) {
    err.write(`${s.bad_lines.length} bad line${s.bad_lines.length > 1 ? "s" : ""}:\n`);
    for (const b of s.bad_lines.slice(0, 50)) err.write(`  line ${b.line}: ${sanitizeText(b.reason)}\n`);
    if (s.bad_lines.length > 50) err.write(`  … and ${s.bad_lines.length - 50} more (--json lists them all)\n`);
  }
}
