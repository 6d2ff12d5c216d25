/**
 * Measures the scorer on the labelled sets in ../shared/eval/dev (or --split train) and prints,
 * per dataset: n, macro-F1, troll-F1, false-troll rate on genuine complaints, complaint AUC,
 * urgency AUC, and whether the target is met.
 *
 *   node scripts/build.mjs && node dist/scripts/eval.js [--eval-dir DIR] [--split dev] [--json] [--strict]
 *
 * Each post is scored with no author and no history (the sets have none), so only the text counts.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultScoringConfig, score } from "../src/core/score/index.js";
import { auc, countBinary, f1Positive, macroF1 } from "../src/core/score/metrics.js";
import type { Post, Score, ScoreContext } from "../src/core/types.js";
import { systemIO } from "../src/io/iostreams.js";

interface Row {
  id: string;
  text: string;
  lang: string;
  label: string;
}

type Kind = "troll" | "complaint";

interface Dataset {
  name: string;
  kind: Kind;
  /** Labels of rows that are genuine complaints (for the false-troll rate). */
  genuineComplaints: readonly string[];
  target: { macroF1?: number; complaintAuc?: number; urgencyAuc?: number; falseTroll?: number };
}

const DATASETS: Dataset[] = [
  { name: "en_olid_offensive", kind: "troll", genuineComplaints: [], target: { macroF1: 0.75 } },
  { name: "es_mexa3t_aggr", kind: "troll", genuineComplaints: [], target: { macroF1: 0.75 } },
  { name: "es_hateval_aggr", kind: "troll", genuineComplaints: [], target: { macroF1: 0.7 } },
  {
    name: "en_complaints",
    kind: "complaint",
    genuineComplaints: ["complaint"],
    target: { macroF1: 0.78, falseTroll: 0.05 },
  },
  {
    name: "en_airline_support",
    kind: "complaint",
    genuineComplaints: ["complaint", "urgent"],
    target: { complaintAuc: 0.8, urgencyAuc: 0.8, falseTroll: 0.05 },
  },
  { name: "es_airline_sentiment", kind: "complaint", genuineComplaints: ["complaint"], target: { complaintAuc: 0.8 } },
];

interface Result {
  dataset: string;
  n: number;
  /** Rows that are genuine complaints (the denominator of the false-troll rate). */
  genuineComplaints: number;
  macroF1: number;
  trollF1: number | null;
  falseTrollRate: number | null;
  complaintAuc: number | null;
  urgencyAuc: number | null;
  postsPerSecond: number;
  targets: Array<{ metric: string; target: number; value: number; met: boolean }>;
}

function readRows(file: string): Row[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Row);
}

/** A post carrying only what the eval rows have: text and language. */
function postFromRow(row: Row): Post {
  return {
    id: row.id,
    text: row.text,
    lang: row.lang,
    createdAt: "2026-01-01T00:00:00Z",
    authorId: "0",
    conversationId: row.id,
    inReplyToUserId: "",
    repliedToId: "",
    quotedId: "",
    isRetweet: false,
    hashtags: [...row.text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1] as string),
    mentions: [],
    urls: [],
    metrics: { retweets: 0, replies: 0, likes: 0, quotes: 0, impressions: 0 },
  };
}

function evaluate(dataset: Dataset, rows: Row[]): Result {
  const ctx: ScoreContext = {
    now: new Date("2026-01-01T00:10:00Z"),
    hashtagAuthors24h: new Map(),
    history: { contacts24h: 1, pastTrollLabels: 0, pastGenuineLabels: 0 },
    config: defaultScoringConfig(),
  };
  const started = performance.now();
  const scores: Score[] = rows.map((row) => score(postFromRow(row), undefined, ctx));
  const seconds = (performance.now() - started) / 1000;
  const result: Result = {
    dataset: dataset.name,
    n: rows.length,
    genuineComplaints: rows.filter((row) => dataset.genuineComplaints.includes(row.label)).length,
    macroF1: 0,
    trollF1: null,
    falseTrollRate: null,
    complaintAuc: null,
    urgencyAuc: null,
    postsPerSecond: Math.round(rows.length / seconds),
    targets: [],
  };
  if (dataset.kind === "troll") {
    const counts = countBinary(
      rows.map((row) => row.label === "troll"),
      scores.map((s) => s.label === "troll"),
    );
    result.macroF1 = macroF1(counts);
    result.trollF1 = f1Positive(counts);
  } else {
    const truth = rows.map((row) => row.label !== "not");
    result.macroF1 = macroF1(
      countBinary(
        truth,
        scores.map((s) => s.complaint >= 0.5),
      ),
    );
    result.complaintAuc = auc(
      truth,
      scores.map((s) => s.complaint),
    );
    const genuine = scores.filter((_, i) => dataset.genuineComplaints.includes(rows[i]?.label ?? ""));
    result.falseTrollRate = genuine.filter((s) => s.label === "troll").length / Math.max(1, genuine.length);
    if (rows.some((row) => row.label === "urgent")) {
      result.urgencyAuc = auc(
        rows.map((row) => row.label === "urgent"),
        scores.map((s) => s.urgency),
      );
    }
  }
  const { target } = dataset;
  const check = (metric: string, goal: number | undefined, value: number | null, higherIsBetter = true): void => {
    if (goal === undefined || value === null) return;
    result.targets.push({ metric, target: goal, value, met: higherIsBetter ? value >= goal : value <= goal });
  };
  check("macro-F1", target.macroF1, result.macroF1);
  check("complaint AUC", target.complaintAuc, result.complaintAuc);
  check("urgency AUC", target.urgencyAuc, result.urgencyAuc);
  check("false-troll rate", target.falseTroll, result.falseTrollRate, false);
  return result;
}

function formatNumber(value: number | null): string {
  return value === null || Number.isNaN(value) ? "-" : value.toFixed(3);
}

function formatTable(results: Result[]): string {
  const header = ["dataset", "n", "macro-F1", "troll-F1", "false-troll", "compl-AUC", "urg-AUC", "posts/s", "targets"];
  const lines = results.map((r) => [
    r.dataset,
    String(r.n),
    formatNumber(r.macroF1),
    formatNumber(r.trollF1),
    formatNumber(r.falseTrollRate),
    formatNumber(r.complaintAuc),
    formatNumber(r.urgencyAuc),
    String(r.postsPerSecond),
    r.targets.map((t) => `${t.metric} ${t.met ? "met" : "NOT met"} (${t.value.toFixed(3)} vs ${t.target})`).join("; "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? "").length)));
  const render = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [render(header), ...lines.map(render)].join("\n");
}

/** The product check: genuine complaints of the English customer sets labelled troll, pooled. */
function pooledFalseTroll(results: readonly Result[]): { flagged: number; genuine: number; rate: number } {
  let flagged = 0;
  let genuine = 0;
  for (const r of results) {
    if (r.dataset !== "en_complaints" && r.dataset !== "en_airline_support") continue;
    flagged += Math.round((r.falseTrollRate ?? 0) * r.genuineComplaints);
    genuine += r.genuineComplaints;
  }
  return { flagged, genuine, rate: genuine === 0 ? 0 : flagged / genuine };
}

function main(): number {
  const io = systemIO();
  const { values } = parseArgs({
    options: {
      "eval-dir": { type: "string" },
      split: { type: "string" },
      json: { type: "boolean" },
      strict: { type: "boolean" },
    },
  });
  const evalDir = resolve(process.cwd(), values["eval-dir"] ?? "../shared/eval");
  const split = values.split ?? "dev";
  const results = DATASETS.map((dataset) =>
    evaluate(dataset, readRows(join(evalDir, split, `${dataset.name}.${split}.jsonl`))),
  );
  const pooled = pooledFalseTroll(results);
  const allMet = results.every((r) => r.targets.every((t) => t.met));
  if (values.json) {
    io.out.write(`${JSON.stringify({ split, results, pooledFalseTroll: pooled, allTargetsMet: allMet }, null, 2)}\n`);
  } else {
    io.out.write(`${formatTable(results)}\n\n`);
    io.out.write(
      `false-troll rate on genuine English complaints (pooled): ${pooled.flagged}/${pooled.genuine} = ${pooled.rate.toFixed(3)}\n`,
    );
    io.out.write(`all targets met: ${allMet ? "yes" : "no"}\n`);
  }
  // --strict: a non-zero exit when a target is missed, for CI.
  return values.strict && !allMet ? 1 : 0;
}

process.exitCode = main();
