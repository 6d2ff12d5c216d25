import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Context } from "../context.js";
import {
  type Alert,
  attentionAlerts,
  buildReport,
  DIMENSIONS,
  type Dimension,
  formatMinutes,
  type Report,
  type SlaPolicy,
} from "../core/report.js";
import { type SlaClock, zoneOffsetReader } from "../core/sla.js";
import { tagKey } from "../core/tags.js";
import { Exit, UsageError, XtriageError } from "../errors.js";
import { barChart, sparkline } from "../io/charts.js";
import { renderHtmlReport } from "../io/html-report.js";
import { writeJson } from "../io/output.js";
import { neutralizeCsvFormula, sanitizeText } from "../io/sanitize.js";
import type { DB } from "../store/db.js";
import { mapForReading, type Period, reportRepo } from "../store/report.js";
import { act, brandAccounts, examples, parseSince } from "./options.js";
import { register as registerCompetitors } from "./report-competitors.js";
import { accountClocks } from "./sla-clocks.js";

export interface ReportOptions {
  since?: string;
  until?: string;
  account?: string;
  by?: string;
  json?: boolean;
  csv?: boolean;
  md?: boolean;
  html?: string;
  check?: boolean;
  silence?: string;
}

const HASHTAG_LIMIT = 10;
const DEFAULT_SILENCE = "1h";

export function register(program: Command, ctx: Context): void {
  const report = program
    .command("report")
    .summary("response times, SLA, volume, follow-ups and cost; --check for cron alerts")
    .description(
      "Report on a period (default the last 24 h): first response time (post → first reply or DM sent),\n" +
        "median and p90, share within the target (1 h) and the ceiling (5 h), counted in business hours\n" +
        "where the config sets them; volumes by status, label and language; the open queue and SLA breaches\n" +
        "(a wait past the ceiling); follow-ups due and overdue; top hashtags and whether they are spreading\n" +
        "(more authors in the later half of the period); trolls ignored vs answered; estimated API spend.\n\n" +
        "A text report with charts on a terminal, metric<TAB>value lines when piped, or --json, --csv, --md,\n" +
        "--html <file> (a self-contained page; - for stdout). With --by, the grouped rows for --csv and piping.\n\n" +
        "--check prints what needs a human and exits 7: an open case past its SLA ceiling, an overdue\n" +
        "follow-up, a fetch gap recorded in the period, or a source with no successful fetch within --silence.\n" +
        "Prints nothing and exits 0 when all is well.",
    )
    .option("--since <when>", "from 24h, 7d, 30d … or a date (default 24h)")
    .option("--until <when>", "up to this duration ago or date (default now)")
    .option("--account <handle>", "only this brand account")
    .option("--by <dimension>", `group response times by ${DIMENSIONS.join(" | ")}`)
    .option("--json", "print JSON")
    .option("--csv", "print CSV")
    .option("--md", "print Markdown (for mail)")
    .option("--html <file>", "write a self-contained HTML page (- for stdout)")
    .option("--check", "exit 7 and list what needs a human (for cron); nothing and exit 0 otherwise")
    .option(
      "--silence <duration>",
      `with --check: alert when a source's last good fetch is older (default ${DEFAULT_SILENCE})`,
    )
    .addHelpText(
      "after",
      examples([
        "xtriage report",
        "xtriage report --since 7d --by agent",
        "xtriage report --since 30d --md | mail -s 'care report' team@example.com",
        "xtriage report --since 7d --html report.html",
        "xtriage report --check || notify-on-call   # from cron",
      ]),
    )
    .action(act(ctx, (opts: ReportOptions) => runReport(ctx, opts)));
  registerCompetitors(report, ctx);
}

/** A period that ends before it starts, in the terms of the flags the user actually gave. */
function emptyPeriod(opts: ReportOptions, now: Date): UsageError {
  if (opts.until === undefined) {
    return new UsageError(`--since ${opts.since} is in the future (now is ${now.toISOString()})`);
  }
  if (opts.since === undefined) {
    return new UsageError(`--until ${opts.until} is not after the default --since 24h`, "pass an earlier --since");
  }
  return new UsageError(`--until ${opts.until} is not after --since ${opts.since}`);
}

export async function runReport(ctx: Context, opts: ReportOptions): Promise<number> {
  const now = ctx.now();
  const format = chooseFormat(ctx, opts);
  const by = parseDimension(opts.by);
  const since = parseSince(opts.since ?? "24h", now);
  const until = opts.until ? parseSince(opts.until, now, "--until") : new Date(now.getTime() + 1).toISOString();
  if (until <= since) throw emptyPeriod(opts, now);
  const silenceMinutes =
    (now.getTime() - Date.parse(parseSince(opts.silence ?? DEFAULT_SILENCE, now, "--silence"))) / 60_000;
  const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
  mapForReading(db);
  const repo = reportRepo(db);
  const account = opts.account ? brandAccounts([opts.account], config, repo.accounts())[0]! : null;
  const period: Period = { since, until, accountId: account?.id ?? null };
  const report = collect(db, config, period, account?.handle ?? null, now, by);

  if (opts.check) {
    const alerts = attentionAlerts(report, repo.syncStates(period.accountId), now, since, silenceMinutes);
    writeAlerts(ctx, alerts, format);
    return alerts.length > 0 ? Exit.attention : Exit.ok;
  }
  writeReport(ctx, report, format, opts.html);
  return Exit.ok;
}

type Format = "text" | "tsv" | "json" | "csv" | "md" | "html";

function chooseFormat(ctx: Context, opts: ReportOptions): Format {
  const chosen = (["json", "csv", "md"] as const).filter((f) => opts[f]);
  if (opts.html !== undefined) chosen.push("html" as never);
  if (chosen.length > 1)
    throw new UsageError(`choose one output format, not ${chosen.map((f) => `--${f}`).join(" and ")}`);
  if (opts.check && (opts.html !== undefined || opts.md)) throw new UsageError("--check prints text or --json");
  return (chosen[0] as Format | undefined) ?? (ctx.io.stdoutIsTTY ? "text" : "tsv");
}

function parseDimension(value: string | undefined): Dimension | undefined {
  if (value === undefined) return undefined;
  if (!(DIMENSIONS as readonly string[]).includes(value)) {
    throw new UsageError(`--by takes one of ${DIMENSIONS.join(", ")}`);
  }
  return value as Dimension;
}

/** Read everything the report needs and build it. */
function collect(db: DB, config: Config, period: Period, handle: string | null, now: Date, by?: Dimension): Report {
  const repo = reportRepo(db);
  const waiting = repo.waiting(period.accountId);
  const earliest = Math.min(Date.parse(period.since), ...(waiting[0] ? [Date.parse(waiting[0].created_at)] : []));
  const latest = Math.max(Date.parse(period.until), now.getTime());
  const policies = slaPolicies(config, repo.accounts(), earliest, latest);
  const middle = new Date((Date.parse(period.since) + Math.min(Date.parse(period.until), now.getTime())) / 2);
  // one policy for every account: no need to read each response's account
  const details = { account: config.accounts.length > 1, lang: by === "lang", agent: by === "agent" };
  const figures = repo.figures(period, details, middle.toISOString(), HASHTAG_LIMIT);
  const zone = reportingZone(config, handle);
  return buildReport({
    now,
    since: period.since,
    until: period.until,
    account: handle,
    policyFor: policies,
    zone,
    offsetOf: zoneOffsetReader(zone),
    volume: figures.volume,
    responses: figures.responses,
    caseOf: repo.caseOf,
    waiting,
    followups: repo.openFollowups(new Date(now.getTime() + 86_400_000).toISOString(), period.accountId),
    resolved: repo.resolvedWithoutFollowup(period),
    hashtags: figures.hashtags,
    spend: repo.spend(period),
    ...(by ? { by } : {}),
    ...(by === "hashtag" ? { tagsOf: repo.tagsOf(period, tagKey) } : {}),
  });
}

/** The zone hours and days are shown in: the account's business-hours zone, else UTC. */
function reportingZone(config: Config, handle: string | null): string {
  const account = (handle && config.accounts.find((a) => a.handle === handle)) || config.accounts[0];
  return account?.businessHours?.tz ?? "UTC";
}

/** Each account's SLA as the report's policy: the clock the queue and triage count with. */
export function slaPolicies(
  config: Config,
  known: { id: string; handle: string }[],
  fromMs: number,
  toMs: number,
): (accountId: string | null) => SlaPolicy {
  const clocks = accountClocks(config, () => known, fromMs, toMs);
  const policies = new Map(
    clocks.all.map((c): [SlaClock, SlaPolicy] => [
      c,
      { target: c.firstResponseMinutes, ceiling: c.ceilingMinutes, waited: c.waited },
    ]),
  );
  return (accountId) => policies.get(clocks.clockFor(accountId))!;
}

// --- output --------------------------------------------------------------------------------------

function writeReport(ctx: Context, report: Report, format: Format, htmlFile: string | undefined): void {
  const out = (text: string) => ctx.io.out.write(text);
  if (format === "json") writeJson(ctx.io, report);
  else if (format === "csv") out(toDelimited(report, ","));
  else if (format === "tsv") out(toDelimited(report, "\t"));
  else if (format === "md") out(toMarkdown(report));
  else if (format === "text") out(toText(report, ctx.io.columns, ctx.io.colorOut));
  else if (format === "html") writeHtml(ctx, report, htmlFile ?? "-");
}

function writeHtml(ctx: Context, report: Report, file: string): void {
  const html = renderHtmlReport(report, `Care report${report.account ? ` @${report.account}` : ""}`);
  if (file === "-") {
    ctx.io.out.write(html);
    return;
  }
  try {
    writeFileSync(file, html);
  } catch (e) {
    throw new XtriageError(`cannot write ${file}: ${(e as Error).message}`);
  }
  if (!ctx.io.quiet) ctx.io.err.write(`wrote ${file}\n`);
}

function writeAlerts(ctx: Context, alerts: Alert[], format: Format): void {
  if (format === "json") {
    writeJson(ctx.io, { attention: alerts.length > 0, alerts });
    return;
  }
  if (format === "csv") {
    if (alerts.length > 0) {
      ctx.io.out.write(
        `kind,subject,detail\r\n${alerts.map((a) => [a.kind, a.subject, a.detail].map(csvCell).join(",")).join("\r\n")}\r\n`,
      );
    }
  } else {
    for (const a of alerts) ctx.io.out.write(`${[a.kind, a.subject, a.detail].map(tsvCell).join("\t")}\n`);
  }
  if (alerts.length === 0 && ctx.io.stderrIsTTY && !ctx.io.quiet) ctx.io.err.write("nothing needs attention\n");
}

function csvCell(text: string): string {
  const safe = neutralizeCsvFormula(sanitizeText(text, "line"));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function tsvCell(text: string): string {
  return sanitizeText(text, "line").replace(/\t/g, " ");
}

const GROUP_COLUMNS = [
  "key",
  "posts",
  "answered",
  "median_minutes",
  "p90_minutes",
  "within_target",
  "within_target_share",
  "within_ceiling",
  "within_ceiling_share",
] as const;

/** --csv / piped: the --by rows, or one metric per line (e.g. first_response.median_minutes). */
function toDelimited(report: Report, sep: "," | "\t"): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return sep === "," ? csvCell(String(v)) : tsvCell(String(v));
  };
  const eol = sep === "," ? "\r\n" : "\n";
  const lines: string[] = [];
  if (report.by) {
    lines.push([report.by.dimension, ...GROUP_COLUMNS.slice(1)].join(sep));
    for (const r of report.by.rows) lines.push(GROUP_COLUMNS.map((c) => cell(r[c])).join(sep));
  } else {
    if (sep === ",") lines.push("metric,value");
    for (const [k, v] of flatten(report)) lines.push(`${cell(k)}${sep}${cell(v)}`);
  }
  return `${lines.join(eol)}${eol}`;
}

/** Dotted metric names and their values; lists of cases are left to --json. */
function flatten(value: unknown, prefix = ""): [string, unknown][] {
  if (value === null || typeof value !== "object") return [[prefix, value]];
  const entries: [string, unknown][] = [];
  const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (Array.isArray(value)) {
    for (const item of value) {
      const o = item as Record<string, unknown>;
      const key =
        typeof o.tag === "string" ? o.tag : typeof o.hour === "number" ? String(o.hour).padStart(2, "0") : null;
      if (key === null) continue;
      const { tag: _t, hour: _h, ...rest } = o;
      entries.push(...flatten(rest, join(key)));
    }
    return entries;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === "cases" || k === "breached_cases" || k === "overdue_cases" || k === "by") continue;
    entries.push(...flatten(v, join(k)));
  }
  return entries;
}

const minutesText = (m: number | null) => (m === null ? "-" : formatMinutes(m));
const percentText = (s: number | null) => (s === null ? "-" : `${Math.round(s * 1000) / 10}%`);
const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "none";

/** The report's key lines, shared by the terminal text and Markdown. */
function summaryLines(report: Report): [string, string][] {
  const fr = report.first_response;
  const oldest = report.open_queue.oldest;
  const f = report.followups;
  const t = report.trolls;
  return [
    [
      "First response",
      fr.answered === 0
        ? "no answers in the period"
        : `${fr.answered} answered · median ${minutesText(fr.median_minutes)} · p90 ${minutesText(fr.p90_minutes)} · ` +
          `within target ${percentText(fr.within_target_share)} · within ceiling ${percentText(fr.within_ceiling_share)}`,
    ],
    ["Volume", `${report.volume.total} posts · ${countsText(report.volume.by_status)}`],
    ["Labels", countsText(report.volume.by_label)],
    ["Languages", countsText(report.volume.by_lang)],
    [
      "Open queue",
      `${report.open_queue.waiting} waiting, ${report.open_queue.breached} past the SLA` +
        (oldest ? ` · oldest ${oldest.id} waiting ${formatMinutes(oldest.waited_minutes)}` : ""),
    ],
    ["SLA breaches", `${report.breaches.count} in the period (${fr.breached} answered late)`],
    [
      "Follow-ups",
      `${f.due_24h} due in 24 h, ${f.overdue} overdue · ${f.resolved_without_followup} of ${f.resolved} resolved without one`,
    ],
    [
      "Hashtags",
      report.hashtags
        .slice(0, 5)
        .map((h) => `#${h.tag} ${h.posts}/${h.authors}${h.spreading ? " spreading" : ""}`)
        .join(", ") || "none",
    ],
    ["Trolls", `${t.total}: ${t.ignored} ignored, ${t.answered} answered, ${t.waiting} waiting`],
    ["API spend", `$${report.cost.usd.toFixed(4)} estimated (${report.cost.calls} calls)`],
  ];
}

function periodText(report: Report): string {
  const short = (iso: string) => iso.slice(0, 16).replace("T", " ");
  return `${short(report.period.since)} → ${short(report.period.until)} UTC${report.account ? ` · @${report.account}` : ""}`;
}

function toText(report: Report, columns: number, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const lines = [`${bold("Care report")}  ${periodText(report)}`, ""];
  for (const [name, value] of summaryLines(report)) lines.push(`${bold(name.padEnd(15))} ${value}`);
  const posts = report.hours.map((h) => h.posts);
  const medians = report.hours.map((h) => h.median_minutes);
  lines.push(
    "",
    `${bold("Posts by hour".padEnd(15))} ${sparkline(posts)}  peak ${peakText(posts, String)}`,
    `${bold("Median response".padEnd(15))} ${sparkline(medians)}  slowest ${peakText(medians, formatMinutes)}`,
    `${" ".repeat(16)}0     6     12    18   23  (${report.hours_zone} time)`,
  );
  if (report.by) {
    const width = Math.max(10, Math.min(40, columns - 45));
    lines.push("", bold(`Median first response by ${report.by.dimension}`));
    lines.push(
      ...barChart(
        report.by.rows.map((r) => ({
          label: r.key,
          value: r.median_minutes,
          text: `${minutesText(r.median_minutes)} (${r.answered}/${r.posts} answered, ${percentText(r.within_target_share)} in target)`,
        })),
        width,
      ),
    );
  }
  if (report.breaches.cases.length > 0) {
    lines.push("", bold("SLA breaches"));
    for (const c of report.breaches.cases.slice(0, 10)) {
      lines.push(`  ${c.id}  ${formatMinutes(c.waited_minutes)}  ${c.answered ? "answered late" : c.status}`);
    }
  }
  return `${lines.map((l) => sanitizeLine(l)).join("\n")}\n`;
}

/** Untrusted text (hashtags from X) loses control characters; our own bold codes survive. */
function sanitizeLine(line: string): string {
  return line
    .split(/(\u001b\[(?:1|22)m)/)
    .map((part, i) => (i % 2 === 1 ? part : sanitizeText(part, "line")))
    .join("");
}

function peakText(values: (number | null)[], show: (n: number) => string): string {
  let best = -1;
  values.forEach((v, i) => {
    if (v !== null && (best < 0 || v > (values[best] ?? 0))) best = i;
  });
  return best < 0 || !values[best] ? "-" : `${show(values[best]!)} at ${String(best).padStart(2, "0")}h`;
}

function mdCell(text: string): string {
  return sanitizeText(text, "line").replace(/([\\|*_`[\]<>#])/g, "\\$1");
}

function toMarkdown(report: Report): string {
  const md: string[] = [`# Care report`, "", mdCell(periodText(report)), "", "| | |", "| --- | --- |"];
  for (const [name, value] of summaryLines(report)) md.push(`| ${name} | ${mdCell(value)} |`);
  md.push("", "## By hour", "", "| hour | posts | median first response |", "| --- | ---: | ---: |");
  for (const h of report.hours) {
    if (h.posts > 0 || h.median_minutes !== null) {
      md.push(`| ${String(h.hour).padStart(2, "0")} | ${h.posts} | ${minutesText(h.median_minutes)} |`);
    }
  }
  if (report.by) {
    md.push(
      "",
      `## By ${report.by.dimension}`,
      "",
      `| ${report.by.dimension} | posts | answered | median | p90 | within target |`,
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const r of report.by.rows) {
      md.push(
        `| ${mdCell(r.key)} | ${r.posts} | ${r.answered} | ${minutesText(r.median_minutes)} | ${minutesText(r.p90_minutes)} | ${percentText(r.within_target_share)} |`,
      );
    }
  }
  if (report.breaches.cases.length > 0) {
    md.push("", "## SLA breaches", "");
    for (const c of report.breaches.cases) {
      md.push(
        `- ${mdCell(c.id)}: ${formatMinutes(c.waited_minutes)}, ${c.answered ? "answered late" : mdCell(c.status)}`,
      );
    }
  }
  if (report.followups.overdue_cases.length > 0) {
    md.push("", "## Overdue follow-ups", "");
    for (const f of report.followups.overdue_cases) {
      md.push(`- ${mdCell(f.mention_id)}: due ${mdCell(f.due_at)}${f.agent ? ` (${mdCell(f.agent)})` : ""}`);
    }
  }
  return `${md.join("\n")}\n`;
}
