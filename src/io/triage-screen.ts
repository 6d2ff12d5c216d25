import { displayWidth, fitWidth } from "./output.js";
import { sanitizeText } from "./sanitize.js";
import { shortAge } from "./time.js";

/** Everything the triage screen shows about one case, already read from the store. */
export interface CaseScreen {
  id: string;
  url: string;
  text: string;
  lang: string;
  createdAt: string;
  status: string;
  username: string | null;
  author?: {
    name: string;
    followers: number;
    createdAt: string;
    verified: boolean;
    description: string;
  };
  /** The customer's other cases, oldest first. */
  pastCases: { status: string }[];
  scores: {
    priority: number;
    urgency: number | null;
    reach: number | null;
    troll: number | null;
    complaint: number | null;
    label: string | null;
  };
  reasons: { field: string; weight: number; text: string }[];
  sla: { waitedMinutes: number; targetMinutes: number; ceilingMinutes: number; answered: boolean };
  thread: { author: string; createdAt: string; text: string; current: boolean }[];
}

export interface ScreenOptions {
  now: Date;
  color: boolean;
  width?: number;
  height?: number;
}

export const KEY_HELP = "[r]eply [d]m [e]scalate [f]ollow-up re[s]olve [i]gnore [n]ext [u]rl [q]uit";

type Style = "plain" | "bold" | "dim" | "red" | "yellow" | "green" | "cyan";
interface Line {
  text: string;
  style: Style;
}

const ESC = "\u001b[";
const SGR: Record<Style, [string, string]> = {
  plain: ["", ""],
  bold: [`${ESC}1m`, `${ESC}22m`],
  dim: [`${ESC}2m`, `${ESC}22m`],
  red: [`${ESC}31m`, `${ESC}39m`],
  yellow: [`${ESC}33m`, `${ESC}39m`],
  green: [`${ESC}32m`, `${ESC}39m`],
  cyan: [`${ESC}36m`, `${ESC}39m`],
};

const MAX_POST_LINES = 5;
const MAX_REASONS = 3;
const MIN_THREAD_LINES = 1;

/**
 * The case screen as a string: a pure function of the data, so it is tested without a terminal.
 * Every untrusted string is sanitised, every line is cut to the width, and the whole screen (key
 * help included) fits in `height - 1` lines, leaving the last line for the cursor.
 */
export function renderCaseScreen(c: CaseScreen, opts: ScreenOptions): string {
  const width = Math.max(40, opts.width ?? 80);
  const height = Math.max(16, opts.height ?? 24);
  const head = [headerLine(c, opts.now, width), ...postLines(c.text, width)];
  const card = authorLines(c, opts.now);
  const scores = scoreLines(c);
  const sla = slaLine(c.sla);
  const footer: Line[] = [{ text: KEY_HELP, style: "bold" }];
  const fixed = head.length + card.length + scores.length + 1 + footer.length + 1;
  const threadRoom = Math.max(MIN_THREAD_LINES, height - 1 - fixed);
  const thread = threadLines(c, opts.now, threadRoom);
  const body = [...head, ...card, ...scores, sla, ...thread, { text: "", style: "plain" as Style }];
  return [...body.slice(0, height - 1 - footer.length), ...footer]
    .map((l) => paint(fitWidth(l.text, width), l.style, opts.color))
    .join("\n");
}

/** The top of the case screen (who, the post, the SLA clock): kept in view while an action asks questions. */
export function renderCaseHeader(c: CaseScreen, opts: ScreenOptions): string {
  const width = Math.max(40, opts.width ?? 80);
  return [headerLine(c, opts.now, width), ...postLines(c.text, width), slaLine(c.sla)]
    .map((l) => paint(fitWidth(l.text, width), l.style, opts.color))
    .join("\n");
}

/** Who, then "· age · language · status · priority": a long display name is cut first so the rest stays. */
function headerLine(c: CaseScreen, now: Date, width: number): Line {
  const who = c.username ? `@${clean(c.username)}` : "unknown author";
  const tail = ` · ${shortAge(c.createdAt, now)} ago · ${c.lang || "?"} · ${c.status} · priority ${Math.round(c.scores.priority)}`;
  // room for " (" + name + ")" once who and the tail are in
  const room = width - displayWidth(who) - displayWidth(tail) - 3;
  const name = c.author?.name && room >= 2 ? ` (${fitWidth(clean(c.author.name), room)})` : "";
  return { text: `${who}${name}${tail}`, style: "bold" };
}

function postLines(text: string, width: number): Line[] {
  const wrapped = sanitizeText(text, "multiline")
    .split("\n")
    .flatMap((p) => wrap(p.replace(/\t/g, " "), width - 2));
  const shown = wrapped.slice(0, MAX_POST_LINES);
  if (wrapped.length > MAX_POST_LINES) shown[MAX_POST_LINES - 1] = `${shown[MAX_POST_LINES - 1]} …`;
  return shown.map((l) => ({ text: `  ${l}`, style: "plain" }));
}

function authorLines(c: CaseScreen, now: Date): Line[] {
  const a = c.author;
  if (!a) return [{ text: "Author  not stored yet", style: "dim" }];
  const facts = [
    `${a.followers.toLocaleString("en")} followers`,
    a.createdAt ? `account ${shortAge(a.createdAt, now)} old` : "",
    a.verified ? "verified" : "not verified",
  ].filter(Boolean);
  const lines: Line[] = [{ text: `Author  ${facts.join(" · ")}`, style: "plain" }];
  if (a.description) lines.push({ text: `  bio: ${clean(a.description)}`, style: "dim" });
  lines.push({ text: `  ${pastCasesSummary(c.pastCases)}`, style: "plain" });
  return lines;
}

/** "past cases: 3 (resolved 2, ignored 1)". */
export function pastCasesSummary(cases: { status: string }[]): string {
  if (cases.length === 0) return "past cases: none, first contact";
  const counts = new Map<string, number>();
  for (const p of cases) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${status} ${n}`);
  return `past cases: ${cases.length} (${parts.join(", ")})`;
}

/** A small bar for a 0..100 value: "███░░" (5 cells), "-----" when unknown. */
export function bar(value: number | null, cells = 5): string {
  if (value === null || Number.isNaN(value)) return "-".repeat(cells);
  const filled = Math.round((Math.min(100, Math.max(0, value)) / 100) * cells);
  return "█".repeat(filled) + "░".repeat(cells - filled);
}

function scoreLines(c: CaseScreen): Line[] {
  const s = c.scores;
  const pct = (v: number | null) => (v === null ? null : v * 100);
  const cell = (name: string, v: number | null, shown: string) => `${name} ${bar(v)} ${shown}`;
  const num = (v: number | null) => (v === null ? "?" : String(Math.round(v)));
  const frac = (v: number | null) => (v === null ? "?" : v.toFixed(2));
  const first = [
    cell("priority", s.priority, num(s.priority)),
    cell("urgency", s.urgency, num(s.urgency)),
    cell("reach", s.reach, num(s.reach)),
  ].join("  ");
  const second = [
    cell("troll", pct(s.troll), `${frac(s.troll)}${s.label ? ` ${s.label}` : ""}`),
    cell("complaint", pct(s.complaint), frac(s.complaint)),
  ].join("  ");
  const lines: Line[] = [
    { text: `Scores  ${first}`, style: s.priority >= 70 ? "red" : s.priority >= 40 ? "yellow" : "plain" },
    { text: `        ${second}`, style: s.label === "troll" ? "red" : "plain" },
  ];
  const top = [...c.reasons].sort((x, y) => impact(y) - impact(x)).slice(0, MAX_REASONS);
  for (const r of top) lines.push({ text: `  ${signedWeight(r.weight).padStart(6)} ${clean(r.text)}`, style: "dim" });
  return lines;
}

/** Fractional fields (troll, complaint, sentiment) weigh in 0..1, the others in points: compare in points. */
const FRACTION_FIELDS = new Set(["troll", "complaint", "sentiment"]);
function impact(r: { field: string; weight: number }): number {
  return Math.abs(r.weight) * (FRACTION_FIELDS.has(r.field) ? 100 : 1);
}

function signedWeight(w: number): string {
  const v = Math.abs(w) < 1 ? w.toFixed(2) : String(Math.round(w));
  return w >= 0 ? `+${v}` : v;
}

/**
 * The SLA clock: time left before the first-response target, or how late the answer is. At the
 * target is not late (as in `list` and the report); late by under a minute reads "1m", not "0m".
 */
export function slaLine(sla: CaseScreen["sla"]): Line {
  if (sla.answered) return { text: "SLA     answered", style: "green" };
  const left = sla.targetMinutes - sla.waitedMinutes;
  if (left >= 0) {
    return { text: `SLA     ${duration(left)} left (target ${duration(sla.targetMinutes)})`, style: "green" };
  }
  const breached = sla.waitedMinutes > sla.ceilingMinutes;
  return {
    text: `SLA     overdue by ${duration(Math.max(1, -left))}${breached ? ` (past the ${duration(sla.ceilingMinutes)} limit)` : ""}`,
    style: breached ? "red" : "yellow",
  };
}

/** 45m, 2h05m, 3d4h. */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}m`;
  if (m < 24 * 60) return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(m / 1440)}d${Math.floor((m % 1440) / 60)}h`;
}

function threadLines(c: CaseScreen, now: Date, room: number): Line[] {
  const others = c.thread.length > 1 ? c.thread : [];
  if (others.length === 0) return [{ text: "Thread  no earlier conversation", style: "dim" }];
  const count = Math.max(0, room - 1);
  const shown = count > 0 ? others.slice(-count) : [];
  const skipped = others.length - shown.length;
  const lines: Line[] = [{ text: `Thread${skipped > 0 ? `  (${skipped} earlier not shown)` : ""}`, style: "bold" }];
  for (const t of shown) {
    lines.push({
      text: `${t.current ? "▶" : " "} ${clean(t.author)} · ${shortAge(t.createdAt, now)} · ${clean(t.text)}`,
      style: t.current ? "cyan" : "plain",
    });
  }
  return lines;
}

const clean = (s: string) => sanitizeText(s, "line");

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

function paint(text: string, style: Style, color: boolean): string {
  if (!color || style === "plain" || text === "") return text;
  const [on, off] = SGR[style];
  return `${on}${text}${off}`;
}
