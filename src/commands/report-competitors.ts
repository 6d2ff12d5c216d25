import type { Command } from "commander";
import type { CompetitorConfig, Config } from "../config.js";
import type { Context } from "../context.js";
import { knownFate, type SampleFigures, type SamplePost, sampleFigures } from "../core/competitors.js";
import { formatMinutes, type ResponseSummary, share, summarizeResponses } from "../core/report.js";
import { Exit, TryLaterError, UsageError } from "../errors.js";
import { type FieldDef, writeJson, writeRecords } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import type { DB } from "../store/db.js";
import type { XClient } from "../x/client.js";
import type { PriceTable } from "../x/cost.js";
import type { XTweetPage } from "../x/types.js";
import { act, examples, hintMaxWait, parseBudget, parseInteger, parseSince } from "./options.js";

export interface CompetitorsOptions {
  since?: string;
  sample?: number;
  budget?: number;
  maxWait?: number;
  wait?: boolean;
  json?: boolean;
  csv?: boolean;
  md?: boolean;
}

/** A few pages of recent search: enough for the default sample of three competitors. */
export const DEFAULT_BUDGET_USD = 0.5;
export const DEFAULT_SAMPLE = 50;
/** Recent search serves 10..100 posts a page and reaches back 7 days. */
const MIN_PAGE = 10;
const MAX_PAGE = 100;
const SEARCH_REACH_MS = 7 * 86_400_000;
/** A start_time right at the 7-day edge would be stale by the time X reads it: leave it out there. */
const EDGE_MS = 60_000;
const SEARCH = "GET /2/tweets/search/recent" as const;

/** One line of the comparison: our desk (from the database) or a competitor (from a search sample). */
export interface BenchmarkRow extends ResponseSummary {
  account: string;
  name: string | null;
  side: "us" | "competitor";
  /** Wall-clock minutes, or business minutes on our configured hours. */
  clock: "wall" | "business";
  source: "database" | "sample";
  /** Our posts in the period, or the competitor's mentions in the sample. */
  posts: number;
  answered_share: number | null;
  /** Our period, or the oldest and newest mention sampled. */
  from: string | null;
  to: string | null;
  /** Competitors only: posts read by search, and mentions left out because their replies were not all read. */
  mentions_read: number | null;
  replies_read: number | null;
  left_out: number | null;
  /** The sample is smaller than it would have been: the budget ran out. */
  cut_short: boolean;
  note: string | null;
}

export interface CompetitorReport {
  generated_at: string;
  /** Posts created in [since, until): until is now minus the SLA ceiling. */
  period: { since: string; until: string };
  sla: { target_minutes: number; ceiling_minutes: number };
  sample_per_competitor: number;
  budget: { limit_usd: number; spent_usd: number; cut_short: boolean };
  rows: BenchmarkRow[];
  notes: string[];
}

export function register(report: Command, ctx: Context): void {
  report
    .command("competitors")
    .summary("compare our first response times with competitors', sampled from X search")
    .description(
      "For each handle under competitors: in the config, sample its newest mentions by\n" +
        "recent search (@handle -from:handle -is:retweet, up to --sample) and its public\n" +
        "replies (from:handle is:reply), join them, and compute its first response time:\n" +
        "median, p90, share within our SLA target and ceiling, share answered. Beside it,\n" +
        "our own figures for the same window from the database (wall clock, and business\n" +
        "hours where configured).\n\n" +
        "Competitor figures come from a sample and are wall-clock times: their business\n" +
        "hours are unknown and their DMs invisible. Posts younger than the SLA ceiling\n" +
        "are left out of every row: their answer may still come in time. Search reaches\n" +
        "back 7 days.\n\n" +
        "Each search page's cost is estimated before it is requested; the run stops\n" +
        `before it would spend more than --budget (default $${DEFAULT_BUDGET_USD.toFixed(2)}), prints what it has\n` +
        "and exits 5. Each competitor gets an equal part of what is left when its turn\n" +
        "comes (what one leaves goes to the rest). Spend goes into the cost ledger\n" +
        "(xtriage cost).",
    )
    .option("--since <when>", "posts from 24h, 3d, 7d … ago or a date, within the last 7 days (default 7d)")
    .option(
      "--sample <n>",
      `mentions sampled per competitor, newest first (default ${DEFAULT_SAMPLE})`,
      parseInteger("--sample", 1, 1000),
    )
    .option(
      "--budget <usd>",
      `stop before this run would spend more (default ${DEFAULT_BUDGET_USD.toFixed(2)})`,
      parseBudget,
    )
    .option("--max-wait <seconds>", "longest wait for a rate-limit window (default 120)", Number)
    .option("--no-wait", "never wait for a rate-limit window: exit 5")
    .option("--json", "print JSON")
    .option("--csv", "print CSV")
    .option("--md", "print Markdown (for mail)")
    .addHelpText(
      "after",
      examples([
        "xtriage report competitors",
        "xtriage report competitors --since 24h --sample 100 --budget 1",
        "xtriage report competitors --md | mail -s 'us vs the competition' team@example.com",
      ]),
    )
    .action(
      act(ctx, (opts: CompetitorsOptions, cmd: Command) =>
        hintMaxWait(() => runCompetitors(ctx, withReportOptions(opts, cmd))),
      ),
    );
}

/** Options `report` itself has too: commander gives them to `report`, which parses before dispatching. */
const SHARED_WITH_REPORT = ["since", "json", "csv", "md"] as const;

/** This command's options, with those `report` took for it; report's other options do not apply here. */
function withReportOptions(opts: CompetitorsOptions, cmd: Command): CompetitorsOptions {
  const parent = (cmd.parent?.opts() ?? {}) as Record<string, unknown>;
  const stray = Object.keys(parent).filter(
    (k) => parent[k] !== undefined && !(SHARED_WITH_REPORT as readonly string[]).includes(k),
  );
  if (stray.length > 0) {
    throw new UsageError(`report competitors does not take ${stray.map((k) => `--${k}`).join(", ")}`);
  }
  const shared = Object.fromEntries(
    SHARED_WITH_REPORT.filter((k) => parent[k] !== undefined).map((k) => [k, parent[k]]),
  );
  return { ...shared, ...opts };
}

type Format = "table" | "tsv" | "json" | "csv" | "md";

export async function runCompetitors(ctx: Context, opts: CompetitorsOptions): Promise<number> {
  const now = ctx.now();
  const format = chooseFormat(ctx, opts);
  const maxWaitSeconds = opts.wait === false ? 0 : (opts.maxWait ?? 120);
  if (!Number.isFinite(maxWaitSeconds) || maxWaitSeconds < 0) throw new UsageError("--max-wait takes seconds");
  const config = await ctx.config();
  if (config.competitors.length === 0) {
    throw new UsageError(
      "no competitors in the config",
      "list their handles under competitors: in the config file (xtriage config path), e.g. competitors: [rivalco]",
    );
  }
  const window = sampleWindow(opts.since ?? "7d", now, config.sla.ceilingMinutes);
  const sla = { target: config.sla.firstResponseMinutes, ceiling: config.sla.ceilingMinutes };
  const budget = opts.budget ?? DEFAULT_BUDGET_USD;
  const sample = opts.sample ?? DEFAULT_SAMPLE;

  const db = await ctx.db();
  const rows = await ourRows(db, config, window, now);
  const [x, { estimateCost, priceTable }] = await Promise.all([ctx.x({ maxWaitSeconds }), import("../x/cost.js")]);
  const prices: PriceTable = priceTable(config.prices);
  const pageCost = (posts: number) => estimateCost(SEARCH, { posts, users: 0, dmEvents: 0 }, { prices });
  let cutShort = false;
  for (const [i, competitor] of config.competitors.entries()) {
    const share = budgetShare(budget, ctx.spentUsd(), config.competitors.length - i, 2 * pageCost(MIN_PAGE));
    const taken = await sampleCompetitor(x, competitor, window, sample, budgetGuard(share, ctx.spentUsd, pageCost));
    cutShort ||= taken.cutShort;
    rows.push(competitorRow(competitor, taken, sla));
    if (!ctx.io.quiet && ctx.io.stderrIsTTY && format !== "json") {
      ctx.io.err.write(
        `@${competitor.handle}: read ${taken.mentions.length} mentions and ${taken.replies.length} replies\n`,
      );
    }
  }
  const result: CompetitorReport = {
    generated_at: now.toISOString(),
    period: { since: window.since, until: window.until },
    sla: { target_minutes: sla.target, ceiling_minutes: sla.ceiling },
    sample_per_competitor: sample,
    budget: { limit_usd: budget, spent_usd: Math.round(ctx.spentUsd() * 1e4) / 1e4, cut_short: cutShort },
    rows,
    notes: notes(window, sla, sample, budget, ctx.spentUsd(), cutShort),
  };
  await write(ctx, result, format);
  if (cutShort) {
    throw new TryLaterError(
      `stopped: the next search page could cost more than the --budget of $${budget.toFixed(2)} allows; the sample is cut short`,
      "raise --budget, or lower --sample",
    );
  }
  return Exit.ok;
}

function chooseFormat(ctx: Context, opts: CompetitorsOptions): Format {
  const chosen = (["json", "csv", "md"] as const).filter((f) => opts[f]);
  if (chosen.length > 1) {
    throw new UsageError(`choose one output format, not ${chosen.map((f) => `--${f}`).join(" and ")}`);
  }
  return chosen[0] ?? (ctx.io.stdoutIsTTY ? "table" : "tsv");
}

// --- the window -----------------------------------------------------------------------------------

export interface SampleWindow {
  since: string;
  until: string;
  /** start_time for search, or undefined at the 7-day edge (X's default window). */
  startTime: string | undefined;
  /** The oldest instant recent search serves (ms). */
  reachMs: number;
}

/**
 * Posts from --since up to the SLA ceiling ago: a younger post may still be answered in time, so
 * it would count as unanswered for no reason. Search reaches back 7 days.
 */
export function sampleWindow(value: string, now: Date, ceilingMinutes: number): SampleWindow {
  const since = parseSince(value, now);
  const sinceMs = Date.parse(since);
  const reach = now.getTime() - SEARCH_REACH_MS;
  if (sinceMs < reach) {
    throw new UsageError("recent search reaches back 7 days: --since 7d at most");
  }
  const untilMs = now.getTime() - ceilingMinutes * 60_000;
  if (sinceMs >= untilMs) {
    throw new UsageError(
      `--since must reach back further than the ${formatMinutes(ceilingMinutes)} SLA ceiling`,
      "posts younger than the ceiling are left out: their answer may still come in time",
    );
  }
  return { since, until: new Date(untilMs).toISOString(), startTime: searchStart(sinceMs, reach), reachMs: reach };
}

function searchStart(ms: number, reach: number): string | undefined {
  return ms < reach + EDGE_MS ? undefined : new Date(ms).toISOString();
}

// --- our side -------------------------------------------------------------------------------------

/** Our figures for the window, with the report's own queries and summaries: wall clock, and business time. */
async function ourRows(db: DB, config: Config, window: SampleWindow, now: Date): Promise<BenchmarkRow[]> {
  const [{ reportRepo }, { slaPolicies }] = await Promise.all([import("../store/report.js"), import("./report.js")]);
  const repo = reportRepo(db);
  const period = { since: window.since, until: window.until, accountId: null };
  const { volume, responses } = repo.figures(period, { account: config.accounts.length > 1 }, window.since, 0);
  const posts = volume.reduce((sum, cell) => sum + cell.n, 0);
  const policyFor = slaPolicies(config, repo.accounts(), Date.parse(window.since), now.getTime());
  const policies = Array.from({ length: responses.length }, (_, i) => policyFor(responses.account[i] ?? null));
  const wall: number[] = [];
  const business: number[] = [];
  for (let i = 0; i < responses.length; i++) {
    const from = responses.created[i]!;
    const to = responses.responded[i]!;
    wall.push(Math.max(0, to - from) / 60_000);
    business.push(policies[i]!.waited(from, to));
  }
  const limits = (i: number) => policies[i]!;
  const known =
    config.accounts.length > 0 ? config.accounts.map((a) => a.handle) : repo.accounts().map((a) => a.handle);
  const account = known.length > 0 ? known.map((h) => `@${h}`).join(" ") : "us";
  const row = (clock: "wall" | "business", minutes: number[]): BenchmarkRow => {
    const { answered, ...summary } = summarizeResponses(minutes, limits);
    return {
      account,
      name: null,
      side: "us",
      clock,
      source: "database",
      posts,
      answered,
      answered_share: share(answered, posts),
      ...summary,
      from: window.since,
      to: window.until,
      mentions_read: null,
      replies_read: null,
      left_out: null,
      cut_short: false,
      note: posts === 0 ? "no posts in the window" : null,
    };
  };
  const rows = [row("wall", wall)];
  if (config.accounts.some((a) => a.businessHours)) rows.push(row("business", business));
  return rows;
}

// --- their side -----------------------------------------------------------------------------------

/**
 * What the next competitor may spend up to (a total, like the budget): an equal part of what is
 * left, so a busy first competitor cannot starve the others, and at least the two smallest pages
 * (mentions and replies) one competitor needs; what a competitor leaves goes to the rest.
 */
function budgetShare(budget: number, spent: number, competitorsLeft: number, minimum: number): number {
  const equalPart = (budget - spent) / Math.max(1, competitorsLeft);
  return Math.min(budget, spent + Math.max(minimum, equalPart));
}

interface BudgetGuard {
  /** The largest page (MIN_PAGE..want posts) affordable with `reserve` posts' worth kept back; 0 if none. */
  page(want: number, reserve?: number): number;
}

function budgetGuard(budget: number, spent: () => number, pageCost: (posts: number) => number): BudgetGuard {
  return {
    page(want, reserve = 0) {
      const keep = reserve > 0 ? pageCost(reserve) : 0;
      for (let posts = Math.max(MIN_PAGE, Math.min(MAX_PAGE, want)); posts >= MIN_PAGE; posts--) {
        // a micro-dollar of slack: prices are decimal fractions, sums of floats are not
        if (spent() + pageCost(posts) + keep <= budget + 1e-6) return posts;
      }
      return 0;
    },
  };
}

interface Taken {
  mentions: SamplePost[];
  replies: SamplePost[];
  /** Mentions kept: those whose replies were all read. */
  kept: SamplePost[];
  /** The sample could have been larger: the budget stopped a walk. */
  cutShort: boolean;
  /** No page at all could be paid for. */
  skipped: boolean;
  /** Every mention of the window was read (the sample is the whole window). */
  whole: boolean;
}

/** Newest mentions first (up to `size`), then the competitor's replies since the oldest of them. */
async function sampleCompetitor(
  x: XClient,
  competitor: CompetitorConfig,
  window: SampleWindow,
  size: number,
  guard: BudgetGuard,
): Promise<Taken> {
  const handle = competitor.handle;
  const inWindow = (p: SamplePost) => p.created_at !== undefined && p.created_at >= window.since;
  // keep one minimal replies page affordable, or the mentions bought would be useless
  const mentions = await walk(x, `@${handle} -from:${handle} -is:retweet`, guard, {
    want: size,
    reserve: MIN_PAGE,
    startTime: window.startTime,
    endTime: window.until,
    keep: inWindow,
  });
  if (mentions.posts.length === 0) {
    return {
      mentions: [],
      replies: [],
      kept: [],
      cutShort: mentions.cutShort,
      skipped: mentions.pages === 0,
      whole: !mentions.cutShort,
    };
  }
  const oldest = mentions.posts.map((p) => p.created_at!).sort()[0]!;
  const replies = await walk(x, `from:${handle} is:reply`, guard, {
    want: Number.POSITIVE_INFINITY,
    reserve: 0,
    startTime: searchStart(Date.parse(oldest), window.reachMs),
    endTime: undefined,
    keep: (p) => p.created_at !== undefined && p.created_at >= oldest,
  });
  const readBackTo = replies.cutShort ? oldestMs(replies.posts) : null;
  return {
    mentions: mentions.posts,
    replies: replies.posts,
    kept: knownFate(mentions.posts, readBackTo),
    cutShort: mentions.cutShort || replies.cutShort,
    skipped: false,
    whole: !mentions.cutShort && !mentions.more,
  };
}

function oldestMs(posts: SamplePost[]): number {
  // nothing read: no mention's fate is known
  if (posts.length === 0) return Number.POSITIVE_INFINITY;
  return Math.min(...posts.map((p) => Date.parse(p.created_at!)));
}

interface WalkPlan {
  /** Posts wanted (the walk stops once it has them). */
  want: number;
  /** Posts' worth of budget to leave for what comes next. */
  reserve: number;
  startTime: string | undefined;
  endTime: string | undefined;
  keep: (post: SamplePost) => boolean;
}

interface WalkResult {
  posts: SamplePost[];
  pages: number;
  /** Stopped by the budget with more to read. */
  cutShort: boolean;
  /** More posts were left unread (the sample is the newest `want`). */
  more: boolean;
}

/** Walk recent search newest first, one lean page at a time, each sized and paid for before it is asked. */
async function walk(x: XClient, query: string, guard: BudgetGuard, plan: WalkPlan): Promise<WalkResult> {
  const posts: SamplePost[] = [];
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    const remaining = plan.want - posts.length;
    const size = guard.page(remaining, plan.reserve);
    if (size === 0) return { posts, pages, cutShort: true, more: true };
    const page = await onePage(x, query, {
      lean: true,
      maxPages: 1,
      maxResults: size,
      ...(plan.startTime ? { startTime: plan.startTime } : {}),
      ...(plan.endTime ? { endTime: plan.endTime } : {}),
      ...(token ? { paginationToken: token } : {}),
    });
    pages++;
    posts.push(...((page.data ?? []) as SamplePost[]).filter(plan.keep));
    token = page.meta.next_token;
    if (posts.length >= plan.want) {
      return {
        posts: posts.slice(0, plan.want),
        pages,
        cutShort: false,
        more: token !== undefined || posts.length > plan.want,
      };
    }
    if (token === undefined) return { posts, pages, cutShort: false, more: false };
  }
}

async function onePage(x: XClient, query: string, options: Parameters<XClient["searchPages"]>[1]): Promise<XTweetPage> {
  for await (const page of x.searchPages(query, options)) return page;
  return { meta: { result_count: 0 } };
}

function competitorRow(
  competitor: CompetitorConfig,
  taken: Taken,
  sla: { target: number; ceiling: number },
): BenchmarkRow {
  const { posts, answered, answered_share, ...summary }: SampleFigures = sampleFigures(taken.kept, taken.replies, sla);
  const times = taken.kept.map((p) => p.created_at!).sort();
  const leftOut = taken.mentions.length - taken.kept.length;
  return {
    account: `@${competitor.handle}`,
    name: competitor.name ?? null,
    side: "competitor",
    clock: "wall",
    source: "sample",
    posts,
    answered,
    answered_share,
    ...summary,
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
    mentions_read: taken.mentions.length,
    replies_read: taken.replies.length,
    left_out: leftOut,
    cut_short: taken.cutShort,
    note: competitorNote(taken, leftOut),
  };
}

function competitorNote(taken: Taken, leftOut: number): string | null {
  if (taken.skipped) return "not sampled: the budget ran out";
  const parts: string[] = [];
  if (taken.mentions.length === 0) parts.push("no mentions in the window");
  else if (taken.whole) parts.push("every mention in the window");
  else parts.push(`newest ${taken.mentions.length} mentions`);
  if (taken.cutShort) parts.push("cut short by the budget");
  if (leftOut > 0) parts.push(`${leftOut} left out (replies not all read)`);
  return parts.join("; ");
}

function notes(
  window: SampleWindow,
  sla: { target: number; ceiling: number },
  sample: number,
  budget: number,
  spent: number,
  cutShort: boolean,
): string[] {
  return [
    `Competitor figures come from a sample (up to ${sample} mentions each, newest first, found by recent search) and ` +
      "are wall-clock times: their business hours are unknown. Only public replies count; their DMs are invisible.",
    `Every row covers posts from ${window.since} to ${window.until}: posts younger than the ${formatMinutes(sla.ceiling)} ` +
      "SLA ceiling are left out, as their answer may still come in time.",
    `Shares within the ${formatMinutes(sla.target)} target and the ${formatMinutes(sla.ceiling)} ceiling are of the posts answered; ` +
      "the answered share is of all posts.",
    `Estimated X spend: $${spent.toFixed(4)} of a $${budget.toFixed(2)} budget${cutShort ? " (the sample was cut short by the budget)" : ""}.`,
  ];
}

// --- output ---------------------------------------------------------------------------------------

const percent = (v: unknown) => `${Math.round((v as number) * 1000) / 10}%`;
const minutes = (v: unknown) => formatMinutes(v as number);

function fieldDefs(sla: { target: number; ceiling: number }): FieldDef<BenchmarkRow>[] {
  return [
    { name: "account", get: (r) => r.account },
    { name: "name", get: (r) => r.name },
    { name: "side", get: (r) => r.side },
    { name: "clock", get: (r) => r.clock },
    { name: "source", get: (r) => r.source },
    { name: "posts", kind: "number", get: (r) => r.posts },
    { name: "answered", kind: "number", get: (r) => r.answered },
    { name: "answered_share", header: "answered%", kind: "number", brief: percent, get: (r) => r.answered_share },
    { name: "median_minutes", header: "median", kind: "number", brief: minutes, get: (r) => r.median_minutes },
    { name: "p90_minutes", header: "p90", kind: "number", brief: minutes, get: (r) => r.p90_minutes },
    { name: "within_target", kind: "number", get: (r) => r.within_target },
    {
      name: "within_target_share",
      header: `in ${formatMinutes(sla.target)}`,
      kind: "number",
      brief: percent,
      get: (r) => r.within_target_share,
    },
    { name: "within_ceiling", kind: "number", get: (r) => r.within_ceiling },
    {
      name: "within_ceiling_share",
      header: `in ${formatMinutes(sla.ceiling)}`,
      kind: "number",
      brief: percent,
      get: (r) => r.within_ceiling_share,
    },
    { name: "from", get: (r) => r.from },
    { name: "to", get: (r) => r.to },
    { name: "mentions_read", kind: "number", get: (r) => r.mentions_read },
    { name: "replies_read", kind: "number", get: (r) => r.replies_read },
    { name: "left_out", kind: "number", get: (r) => r.left_out },
    { name: "cut_short", get: (r) => r.cut_short },
    { name: "note", flexible: true, get: (r) => r.note },
  ];
}

const TABLE_FIELDS = [
  "account",
  "clock",
  "posts",
  "answered",
  "answered_share",
  "median_minutes",
  "p90_minutes",
  "within_target_share",
  "within_ceiling_share",
  "note",
];

async function write(ctx: Context, report: CompetitorReport, format: Format): Promise<void> {
  const sla = { target: report.sla.target_minutes, ceiling: report.sla.ceiling_minutes };
  if (format === "json") {
    writeJson(ctx.io, report);
    return;
  }
  if (format === "md") {
    ctx.io.out.write(toMarkdown(report, sla));
    return;
  }
  await writeRecords(ctx.io, report.rows, {
    defs: fieldDefs(sla),
    flags: { csv: format === "csv" },
    tableFields: TABLE_FIELDS,
    now: ctx.now(),
  });
  if (format === "table" && !ctx.io.quiet) {
    for (const note of report.notes) ctx.io.err.write(`${note}\n`);
  }
}

function mdCell(text: string): string {
  return sanitizeText(text, "line").replace(/([\\|*_`[\]<>#])/g, "\\$1");
}

function toMarkdown(report: CompetitorReport, sla: { target: number; ceiling: number }): string {
  const show = (v: number | null, f: (n: number) => string) => (v === null ? "-" : f(v));
  const md = [
    "# First response: us and the competition",
    "",
    `| account | clock | posts | answered | median | p90 | within ${formatMinutes(sla.target)} | within ${formatMinutes(sla.ceiling)} | note |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of report.rows) {
    const account = r.name ? `${r.account} (${r.name})` : r.account;
    md.push(
      `| ${mdCell(account)} | ${r.clock} | ${r.posts} | ${r.answered} (${show(r.answered_share, percent)}) | ` +
        `${show(r.median_minutes, minutes)} | ${show(r.p90_minutes, minutes)} | ${show(r.within_target_share, percent)} | ` +
        `${show(r.within_ceiling_share, percent)} | ${mdCell(r.note ?? "")} |`,
    );
  }
  md.push("", ...report.notes.map((n) => `- ${mdCell(n)}`));
  return `${md.join("\n")}\n`;
}
