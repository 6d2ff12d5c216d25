/**
 * `npm run bench`: speed figures as ratios to baselines measured in the same run (machines are
 * noisy; absolute times mean little). Not a test: it prints figures and their targets.
 *
 *   npm run bench                 # everything, including the 1M-mention import for peak memory
 *   npm run bench -- --quick      # skip the 1M import
 *   npm run bench -- --only import   # only the 100k import and its bare baseline (with --quick: no 1M)
 *   npm run bench -- --import-runs 5  # import/bare pairs to take the median of (default 3)
 *   npm run bench -- --only report [--report-db /tmp/report-1m.db] [--runs 7]
 *                                 # only the report on 1M; --report-db keeps the built database and
 *                                 # reuses it on the next run (building it takes a minute or two)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { median } from "../src/core/report.js";
import { benchScore } from "../src/core/score/bench.js";
import { startSandbox } from "../src/sandbox/server.js";
import { warmRecentHours } from "../src/store/report.js";
import { BENCH_NOW, writeSyntheticPages } from "./bench-data.js";
import { writeReportDatabase } from "./bench-report.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin", "xtriage.js");
const quick = process.argv.includes("--quick");
const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = flag("--only");
if (only !== undefined && !["startup", "import", "report"].includes(only)) {
  throw new Error(`--only takes startup, import or report (not ${only})`);
}
const reportDb = flag("--report-db");
const reportRuns = Number(flag("--runs") ?? 3);
/** Import/bare-loop pairs over the 100k file (--import-runs N). */
const importRuns = Number(flag("--import-runs") ?? 3);
/** Whether a section runs: all of them, or the one named by --only. */
const want = (section: string) => only === undefined || only === section;
const work = mkdtempSync(join(tmpdir(), "xtriage-bench-"));
// One environment for every run, baseline included (NODE_EXTRA_CA_CERTS alone triples node's start-up).
const env: Record<string, string> = {
  PATH: process.env.PATH ?? "",
  HOME: work,
  XDG_CONFIG_HOME: join(work, "config"),
  XTRIAGE_NOW: BENCH_NOW,
};

interface Row {
  what: string;
  value: string;
  target: string;
  ok: boolean | undefined;
}
const rows: Row[] = [];
const report = (what: string, value: string, target: string, ok?: boolean) => {
  rows.push({ what, value, target, ok });
  process.stderr.write(`  ${what}: ${value}\n`);
};

function wall(args: string[], extraEnv: Record<string, string> = {}): number {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 0) throw new Error(`${args.join(" ")} failed: ${res.stderr}`);
  return ms;
}

/** Median of interleaved runs, so drift on a noisy machine hits both sides alike. */
function medianRatio(runs: number, a: () => number, b: () => number): { a: number; b: number; ratio: number } {
  const as: number[] = [];
  const bs: number[] = [];
  a();
  b();
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: medianOf(as), b: medianOf(bs), ratio: medianOf(as) / medianOf(bs) };
}

/** A command's wall time against `node -e 0`, interleaved, as a ratio with its target. */
function startupRatio(what: string, args: string[], extraEnv: Record<string, string>, target: number): void {
  const r = medianRatio(
    21,
    () => wall(args, extraEnv),
    () => wall(["-e", "0"]),
  );
  report(
    what,
    `${r.ratio.toFixed(2)}x (${r.a.toFixed(0)} ms vs ${r.b.toFixed(0)} ms)`,
    `<= ${target}x`,
    r.ratio <= target,
  );
}

function importMentions(file: string, db: string, rssFile?: string): number {
  const args = rssFile ? ["--import", writeRssReporter(), bin] : [bin];
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [...args, "import", file, "--json"], {
    env: { ...env, XTRIAGE_DB: db, ...(rssFile ? { BENCH_RSS_FILE: rssFile } : {}) },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0) throw new Error(`import failed: ${res.stderr.slice(0, 500)}`);
  const summary = JSON.parse(res.stdout) as { imported: number };
  return summary.imported / seconds;
}

/**
 * Import and bare loop run in turns, each into a fresh database (the last import's is kept): on a
 * noisy machine a single pair's ratio swings by a quarter, the median of several pairs much less.
 */
function importPairs(file: string, db: string, runs: number): { importRate: number; bareRate: number }[] {
  const pairs: { importRate: number; bareRate: number }[] = [];
  for (let run = 0; run < runs; run++) {
    for (const suffix of ["", "-wal", "-shm"]) {
      rmSync(`${db}${suffix}`, { force: true });
      rmSync(join(work, `bare.db${suffix}`), { force: true });
    }
    const bareRate = bareLoop(file, join(work, "bare.db"));
    pairs.push({ importRate: importMentions(file, db), bareRate });
  }
  return pairs;
}

function medianOf(values: number[]): number {
  return median(Float64Array.from(values).sort()) ?? Number.NaN;
}

/** The baseline import: JSON.parse each page and insert its posts in one transaction, nothing else. */
function bareLoop(file: string, db: string): number {
  const t0 = process.hrtime.bigint();
  const conn = new Database(db);
  conn.pragma("journal_mode = WAL");
  conn.exec("CREATE TABLE m (id TEXT PRIMARY KEY, author_id TEXT, text TEXT, created_at TEXT, raw TEXT)");
  const insert = conn.prepare("INSERT INTO m VALUES (?, ?, ?, ?, ?)");
  let n = 0;
  conn.transaction(() => {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line) continue;
      const page = JSON.parse(line) as { data: { id: string; author_id: string; text: string; created_at: string }[] };
      for (const t of page.data) {
        insert.run(t.id, t.author_id, t.text, t.created_at, JSON.stringify(t));
        n++;
      }
    }
  })();
  conn.close();
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

function writeRssReporter(): string {
  const path = join(work, "rss-reporter.mjs");
  writeFileSync(
    path,
    'import { writeFileSync } from "node:fs";\n' +
      "process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  return path;
}

/** Requests a fetch makes: ceil(N/100) per source for N new mentions, exactly one when nothing is new. */
async function fetchRequests(): Promise<void> {
  const box = await startSandbox({ port: 0 });
  try {
    const fetchEnv = { ...env, ...box.env(), XTRIAGE_DB: join(work, "fetch.db") };
    const mentionCalls = () => box.requests.filter((r) => r.path.endsWith("/mentions")).length;
    // asynchronous: the sandbox answers from this process's event loop
    const run = () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, "fetch", "--quiet"], {
          env: fetchEnv,
          stdio: ["ignore", "ignore", "pipe"],
        });
        let err = "";
        child.stderr.on("data", (d: Buffer) => {
          err += d.toString();
        });
        child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`fetch failed: ${err}`))));
      });
    box.setClock("2026-11-20T15:00:00Z"); // past every scheduled arrival: only injected posts are new
    await run(); // the scenario's backlog
    for (const n of [1, 100, 250, 799]) {
      for (let i = 0; i < n; i++) {
        box.advanceClock(1000);
        box.injectMention({ text: `sin servicio otra vez ${n}-${i}`, authorUsername: `bench_${i % 40}` });
      }
      const before = mentionCalls();
      await run();
      const made = mentionCalls() - before;
      const expected = Math.ceil(n / 100);
      report(`fetch requests for ${n} new mentions`, String(made), `= ${expected}`, made === expected);
    }
    const before = mentionCalls();
    await run();
    const idle = mentionCalls() - before;
    report("fetch requests with nothing new", String(idle), "= 1", idle === 1);
  } finally {
    await box.close();
  }
}

/**
 * `report --json --since 30d` on a 1M-mention database against `node -e 0`. The database is built
 * with direct SQL inserts (bench-report.ts): through `xtriage import` it would take minutes.
 */
function reportOnMillion(): void {
  const db = reportDb ? resolve(reportDb) : join(work, "report-1m.db");
  if (reportDb && existsSync(db)) {
    process.stderr.write(`  reusing ${db}\n`);
  } else {
    const t0 = process.hrtime.bigint();
    writeReportDatabase(db, 1_000_000, BENCH_NOW);
    process.stderr.write(
      `  built by direct SQL inserts in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s\n`,
    );
  }
  const args = [bin, "report", "--json", "--since", "30d"];
  const emptyCache = () => {
    const handle = new Database(db);
    handle.exec("DELETE FROM report_buckets; DELETE FROM report_state;");
    handle.close();
  };
  // the cache as import leaves it after adding the posts (and as opening a pre-cache database does)
  const t0 = process.hrtime.bigint();
  emptyCache();
  const handle = new Database(db);
  warmRecentHours(handle, 0);
  handle.close();
  report(
    "filling the report cache for 1M (once, at import or upgrade)",
    `${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`,
    "",
  );
  const warm = medianRatio(
    reportRuns,
    () => wall(args, { XTRIAGE_DB: db }),
    () => wall(["-e", "0"]),
  );
  report(
    "xtriage report --json --since 30d (1M) vs node -e 0",
    `${warm.ratio.toFixed(1)}x (${warm.a.toFixed(0)} ms vs ${warm.b.toFixed(0)} ms, median of ${reportRuns})`,
    "< 1,500 ms",
    warm.a < 1500,
  );
  // for information: no command leaves the cache empty; emptied by hand, the report fills it itself
  const cold = medianRatio(
    reportRuns,
    () => {
      emptyCache();
      return wall(args, { XTRIAGE_DB: db });
    },
    () => wall(["-e", "0"]),
  );
  report(
    "  the same with the cache emptied by hand (for information)",
    `${cold.ratio.toFixed(1)}x (${cold.a.toFixed(0)} ms vs ${cold.b.toFixed(0)} ms, median of ${reportRuns})`,
    "",
  );
  if (!reportDb) rmSync(db, { force: true });
}

/**
 * `xtriage triage` on a pseudo-terminal (util-linux `script`): wall time from start to the first case
 * on screen (its key line), against `node -e 0` through the same wrapper; the session is then quit.
 */
async function triageFirstCase(db: string, target: number): Promise<void> {
  const onPty = (args: string[], until?: RegExp) =>
    new Promise<number>((done, fail) => {
      const command = [process.execPath, ...args].map((a) => `'${a}'`).join(" ");
      const t0 = process.hrtime.bigint();
      const child = spawn("script", ["-qfec", command, "/dev/null"], {
        env: { ...env, XTRIAGE_DB: db, TERM: "xterm", NO_COLOR: "1" },
      });
      let seen = "";
      let ms: number | undefined;
      child.stdout.on("data", (d: Buffer) => {
        seen += d.toString();
        if (until && ms === undefined && until.test(seen)) {
          ms = Number(process.hrtime.bigint() - t0) / 1e6;
          child.stdin.write("q");
        }
      });
      child.on("error", fail);
      child.on("close", () => {
        const total = Number(process.hrtime.bigint() - t0) / 1e6;
        if (until && ms === undefined) fail(new Error(`no case on screen:\n${seen}`));
        else done(ms ?? total);
      });
    });
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 6; i++) {
    a.push(await onPty([bin, "triage"], /\[r\]eply \[d\]m/));
    b.push(await onPty(["-e", "0"]));
  }
  const med = (xs: number[]) => [...xs.slice(1)].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)]!;
  const ratio = med(a) / med(b);
  report(
    "xtriage triage: first case on screen (100k) vs node -e 0",
    `${ratio.toFixed(2)}x (${med(a).toFixed(0)} ms vs ${med(b).toFixed(0)} ms)`,
    `<= ${target}x`,
    ratio <= target,
  );
}

/** The figures read from the 100k-mention database the import built. */
async function afterImport(db100k: string): Promise<void> {
  process.stderr.write("list on 100k\n");
  startupRatio(
    "xtriage list --json --limit 50 (100k) vs node -e 0",
    [bin, "list", "--json", "--limit", "50"],
    { XTRIAGE_DB: db100k },
    2.5,
  );
  // what people run: with a config file (the bundled scenario's)
  startupRatio(
    "  the same with a config file",
    [bin, "list", "--json", "--limit", "50"],
    { XTRIAGE_DB: db100k, XTRIAGE_CONFIG: join(root, "fixtures", "scenario", "config.yaml") },
    2.5,
  );

  process.stderr.write("triage on 100k\n");
  await triageFirstCase(db100k, 6);

  process.stderr.write("score\n");
  const scoring = benchScore(20_000, 5);
  report(
    "score, one core (median of 5 passes over 20k posts)",
    `${Math.round(scoring.postsPerSecond).toLocaleString("en")} posts/s`,
    ">= 20,000/s",
    scoring.postsPerSecond >= 20_000,
  );
  report(
    "model and word lists",
    `${(scoring.modelBytes / 1024 / 1024).toFixed(2)} MB`,
    "<= 5 MB",
    scoring.modelBytes <= 5 * 1024 * 1024,
  );

  process.stderr.write("fetch: API requests\n");
  await fetchRequests();
}

async function main(): Promise<void> {
  process.stderr.write(`xtriage bench (node ${process.version}); scratch ${work}\n`);

  if (want("startup")) {
    process.stderr.write("start-up\n");
    startupRatio("xtriage --version vs node -e 0", [bin, "--version"], {}, 1.5);
  }

  if (want("import")) {
    process.stderr.write("import 100k\n");
    const file100k = join(work, "100k.jsonl");
    await writeSyntheticPages(file100k, 100_000);
    const db100k = join(work, "100k.db");
    const pairs = importPairs(file100k, db100k, importRuns);
    const importRate = medianOf(pairs.map((p) => p.importRate));
    const bareRate = medianOf(pairs.map((p) => p.bareRate));
    const importRatio = medianOf(pairs.map((p) => p.importRate / p.bareRate));
    const measuredOver = pairs.length === 1 ? "one pair" : `median of ${pairs.length} pairs`;
    const range = (values: number[], format: (v: number) => string) =>
      values.length > 1
        ? `; runs ${[...values]
            .sort((a, b) => a - b)
            .map(format)
            .join(", ")}`
        : "";
    report(
      "import throughput",
      `${Math.round(importRate).toLocaleString("en")} mentions/s (${measuredOver}` +
        `${range(
          pairs.map((p) => p.importRate),
          (v) => Math.round(v).toLocaleString("en"),
        )})`,
      ">= 20,000/s",
      importRate >= 20_000,
    );
    report(
      "import vs bare JSON.parse + insert loop",
      `${(importRatio * 100).toFixed(0)}% (bare ${Math.round(bareRate).toLocaleString("en")}/s; ${measuredOver}` +
        `${range(
          pairs.map((p) => p.importRate / p.bareRate),
          (v) => `${(v * 100).toFixed(0)}%`,
        )})`,
      ">= 40%",
      importRatio >= 0.4,
    );

    if (only === undefined) await afterImport(db100k);
  }

  if ((!quick || only === "report") && want("report")) {
    process.stderr.write("report on 1M\n");
    reportOnMillion();
  }

  if (!quick && want("import")) {
    process.stderr.write("import 1M (peak memory)\n");
    const file1m = join(work, "1m.jsonl");
    await writeSyntheticPages(file1m, 1_000_000, 7);
    const rssFile = join(work, "rss.txt");
    const rate = importMentions(file1m, join(work, "1m.db"), rssFile);
    const peakMb = Number(readFileSync(rssFile, "utf8")) / 1024;
    rmSync(file1m, { force: true });
    report(
      "peak RSS importing 1M mentions",
      `${peakMb.toFixed(0)} MB (at ${Math.round(rate).toLocaleString("en")}/s)`,
      "< 250 MB",
      peakMb < 250,
    );
  }

  rmSync(work, { recursive: true, force: true });
  const width = Math.max(...rows.map((r) => r.what.length));
  const valueWidth = Math.max(34, ...rows.map((r) => r.value.length));
  const lines = rows.map(
    (r) =>
      `${r.what.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${r.target.padEnd(12)}  ${r.ok === undefined ? "" : r.ok ? "met" : "NOT MET"}`,
  );
  process.stdout.write(
    `\n${"figure".padEnd(width)}  ${"measured".padEnd(valueWidth)}  ${"target".padEnd(12)}  \n${lines.join("\n")}\n`,
  );
}

await main();
