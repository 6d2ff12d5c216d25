import { createReadStream, existsSync, statSync } from "node:fs";
import type { Readable } from "node:stream";
import type { Command } from "commander";
import type { Context } from "../context.js";
import { Exit, NotFoundError, UsageError, XtriageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import { emptyCounts, type IngestCounts, type Scorer } from "./ingest.js";
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
  /** Stored posts scored again because their author's profile changed. */
  rescored: number;
  skipped: number;
  bad_lines: BadLine[];
  api_errors: number;
}

const MAX_LINE_BYTES = 1024 * 1024;
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
const BATCH_SIZE = 5000;
const WORKER_MIN_BYTES = 1024 * 1024;

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
  const [source, { createIngester, scoringConfigFrom }, db, config] = await Promise.all([
    import("./import-source.js"),
    import("./ingest.js"),
    ctx.db(),
    ctx.config(),
  ]);
  const lastRowBefore = db.prepare("SELECT coalesce(max(rowid), 0) FROM mentions").pluck().get() as number;
  const counts = emptyCounts();
  const badLines: BadLine[] = [];
  let apiErrors = 0;
  const fetchedAt = ctx.now().toISOString();
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const strict = opts.strict === true;
  const limits = { maxLineBytes: opts.maxLineBytes ?? MAX_LINE_BYTES, maxDocumentBytes: MAX_DOCUMENT_BYTES };
  const script = typeof input === "string" ? useWorker(ctx, input, source, limits.maxLineBytes) : undefined;
  // with the worker gathering the text evidence, this thread only scores in context: it never loads
  // the learned models (tens of MB of memory in each thread that does)
  const scorer: Scorer = script
    ? await import("../core/score/with-evidence.js")
    : await import("../core/score/index.js");
  const ingester = createIngester(db, config, scorer, "import");
  const items =
    typeof input === "string" && script
      ? source.workerImportItems(script, { file: input, ...limits, scoring: scoringConfigFrom(config) })
      : source.importItems(typeof input === "string" ? createReadStream(input) : input, limits);

  let rescored = 0;
  // An author's profile changed (followers, verified …): their other stored posts are scored again, with
  // the full scorer (with the worker, this thread only has the part that needs no learned model).
  const rescoreChangedAuthors = async () => {
    if (!ingester.hasStaleAuthors()) return 0;
    const full = await import("../core/score/index.js");
    return db.transaction(() => ingester.rescoreStale(full, fetchedAt)).immediate();
  };

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
  db.pragma("cache_size = -16384");
  try {
    for await (const item of items) {
      if ("error" in item) {
        badLines.push({ line: item.line, reason: item.error });
        if (strict) break;
        continue;
      }
      for (const problem of item.problems) badLines.push({ line: item.line, reason: problem });
      if (strict && item.problems.length > 0) break;
      apiErrors += item.apiErrors;
      // Stored in input order, as the worker hands them over (storing a batch oldest first stalled the
      // worker: half the throughput). Context therefore counts the posts stored before, in file order.
      begin();
      ingester.add(item.doc, fetchedAt, counts);
      inBatch += item.doc.posts.length;
      if (!strict && inBatch >= batchSize) commit();
    }
    if (strict && badLines.length > 0) {
      if (inTransaction) db.exec("ROLLBACK");
      inTransaction = false;
      // scripts reading --json get the summary of what happened: nothing imported, and why
      if (opts.json) writeJson(ctx.io, summaryOf(emptyCounts(), badLines, 0, 0));
      const first = badLines[0]!;
      throw new XtriageError(
        `line ${first.line}: ${sanitizeText(first.reason)}`,
        Exit.error,
        "nothing was imported (--strict); fix the line or drop --strict to import the good lines",
      );
    }
    commit();
    rescored = await rescoreChangedAuthors();
  } finally {
    if (inTransaction) db.exec("ROLLBACK");
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    // ends the worker, or closes the file
    await items.return(undefined);
    if (typeof input !== "string" && input !== ctx.io.in) input.destroy();
  }

  if (counts.imported > 0) {
    // the first report after a bulk import then costs what any later one does
    const { warmRecentHours } = await import("../store/report.js");
    warmRecentHours(db, lastRowBefore);
  }

  report(ctx, summaryOf(counts, badLines, apiErrors, rescored), opts.json === true);
  return badLines.length > 0 ? Exit.error : Exit.ok;
}

function summaryOf(counts: IngestCounts, badLines: BadLine[], apiErrors: number, rescored: number): ImportSummary {
  return {
    ...counts,
    posts: counts.imported + counts.updated + counts.unchanged + counts.dropped,
    rescored,
    skipped: counts.unchanged + counts.dropped,
    bad_lines: badLines,
    api_errors: apiErrors,
  };
}

/**
 * Whether to parse and gather text evidence on a worker thread: for JSONL files from
 * WORKER_MIN_BYTES on (a worker costs tens of milliseconds to start; a pretty-printed document is
 * parsed whole, on the main thread). XTRIAGE_IMPORT_WORKER=on|off overrides the size rule.
 */
function useWorker(
  ctx: Context,
  file: string,
  source: typeof import("./import-source.js"),
  maxLineBytes: number,
): URL | undefined {
  const setting = ctx.env.XTRIAGE_IMPORT_WORKER ?? "auto";
  if (setting !== "auto" && setting !== "on" && setting !== "off") {
    throw new UsageError(`XTRIAGE_IMPORT_WORKER must be on, off or auto, not ${setting}`);
  }
  if (setting === "off") return undefined;
  const script = source.workerScript();
  if (setting === "on" && !script) {
    throw new XtriageError("XTRIAGE_IMPORT_WORKER=on, but the import worker is not built (npm run build)");
  }
  if (!script || (setting === "auto" && statSync(file).size < WORKER_MIN_BYTES)) return undefined;
  return source.firstLineParses(file, maxLineBytes) ? script : undefined;
}

/** A file path (read by whichever thread parses it), or standard input. */
function openInput(ctx: Context, file: string): string | Readable {
  if (file === "-") {
    if (ctx.io.stdinIsTTY)
      throw new UsageError("import - reads standard input, but it is a terminal", "pipe a file in");
    return ctx.io.in;
  }
  if (!existsSync(file)) throw new NotFoundError(`no such file: ${file}`);
  if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory, not a file`);
  return file;
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
    if (s.rescored) err.write(`scored ${s.rescored} stored posts again: their authors' profiles changed\n`);
    if (s.api_errors) err.write(`X reported ${s.api_errors} partial errors in the pages (kept the rest)\n`);
  }
  if (s.bad_lines.length > 0) {
    err.write(`${s.bad_lines.length} bad line${s.bad_lines.length > 1 ? "s" : ""}:\n`);
    for (const b of s.bad_lines.slice(0, 50)) err.write(`  line ${b.line}: ${sanitizeText(b.reason)}\n`);
    if (s.bad_lines.length > 50) err.write(`  … and ${s.bad_lines.length - 50} more (--json lists them all)\n`);
  }
}
