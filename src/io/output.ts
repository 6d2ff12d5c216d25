import type { Writable } from "node:stream";
import { UsageError } from "../errors.js";
import type { IOStreams } from "./iostreams.js";
import { escapeJsonForTerminal, neutralizeCsvFormula, sanitizeText } from "./sanitize.js";
import { shortAge } from "./time.js";

/** One field a row-returning command can print. */
export interface FieldDef<T> {
  name: string;
  /** Table header, when shorter than the name reads better. */
  header?: string;
  /** Table cell text, when a table should show less than TSV (e.g. leading @mentions dropped). */
  brief?(value: unknown): string;
  get(row: T): unknown;
  /** How to render it in a table or TSV. */
  kind?: "text" | "number" | "time" | "list" | "json";
  /** Text for a table cell or TSV field, when the default rendering of the value does not read well. */
  plain?(value: unknown): string;
  /** Table cell colour, given the raw value. */
  tone?(value: unknown): Tone | undefined;
  /** The column that absorbs the remaining terminal width in a table. */
  flexible?: boolean;
}

export type Tone = "red" | "yellow" | "green" | "dim" | "cyan" | "bold";

export interface OutputFlags {
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  fields?: string;
}

export type Format = "table" | "tsv" | "json" | "ndjson" | "csv";

export function chooseFormat(io: IOStreams, flags: OutputFlags): Format {
  const chosen = (["json", "ndjson", "csv"] as const).filter((f) => flags[f]);
  if (chosen.length > 1)
    throw new UsageError(`choose one output format, not ${chosen.map((f) => `--${f}`).join(" and ")}`);
  return chosen[0] ?? (io.stdoutIsTTY ? "table" : "tsv");
}

/**
 * `--fields help`: print the field names instead of rows (a JSON array with --json, a JSON string a
 * line with --ndjson, else one a line) and return true; the command then prints nothing else.
 */
export function writeFieldHelp(io: IOStreams, defs: readonly { name: string }[], flags: OutputFlags): boolean {
  if (flags.fields?.trim().toLowerCase() !== "help") return false;
  const format = chooseFormat(io, flags);
  const names = defs.map((d) => d.name);
  if (format === "json") writeJson(io, names);
  else if (format === "ndjson") io.out.write(names.map((n) => `${JSON.stringify(n)}\n`).join(""));
  else io.out.write(`${names.join("\n")}\n`);
  return true;
}

/** Resolve `--fields a,b,c` against the known fields, naming any unknown ones. */
export function selectFields<T>(defs: FieldDef<T>[], requested: string | undefined, defaults: string[]): FieldDef<T>[] {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const names = requested
    ? requested
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : defaults;
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
      `available fields: ${defs.map((d) => d.name).join(", ")}`,
    );
  }
  if (names.length === 0) throw new UsageError("--fields needs at least one field name");
  return names.map((n) => byName.get(n)!);
}

export interface WriteOptions<T> {
  defs: FieldDef<T>[];
  flags: OutputFlags;
  /** Fields shown by the table and TSV when --fields is not given. */
  tableFields: string[];
  now: Date;
}

/**
 * Write rows in the format the contract asks for: a table on a TTY, TSV when piped, or --json /
 * --ndjson / --csv (all fields unless --fields). Streams everything but the table.
 */
export async function writeRecords<T>(io: IOStreams, rows: Iterable<T>, opts: WriteOptions<T>): Promise<number> {
  if (writeFieldHelp(io, opts.defs, opts.flags)) return 0;
  const format = chooseFormat(io, opts.flags);
  const machine = format === "json" || format === "ndjson" || format === "csv";
  const fields = selectFields(opts.defs, opts.flags.fields, machine ? opts.defs.map((d) => d.name) : opts.tableFields);
  if (format === "table") return writeTable(io, rows, fields, opts.now);
  const out = new BufferedWriter(io.out);
  let count = 0;
  if (format === "csv") out.write(`${fields.map((f) => csvCell(f.name)).join(",")}\r\n`);
  if (format === "json") out.write("[");
  for (const row of rows) {
    if (format === "json") out.write(`${count === 0 ? "\n" : ",\n"}${jsonRecord(row, fields)}`);
    else if (format === "ndjson") out.write(`${jsonRecord(row, fields)}\n`);
    else if (format === "csv") out.write(`${fields.map((f) => csvField(f, f.get(row))).join(",")}\r\n`);
    else out.write(`${fields.map((f) => tsvValue(f, f.get(row))).join("\t")}\n`);
    count++;
  }
  if (format === "json") out.write(count === 0 ? "]\n" : "\n]\n");
  out.flush();
  return count;
}

/** Write one JSON document (an object result of a command), inert on a terminal. */
export function writeJson(io: IOStreams, value: unknown): void {
  io.out.write(`${escapeJsonForTerminal(JSON.stringify(value, null, 2))}\n`);
}

function jsonRecord<T>(row: T, fields: FieldDef<T>[]): string {
  const obj: Record<string, unknown> = {};
  for (const f of fields) obj[f.name] = f.get(row) ?? null;
  return escapeJsonForTerminal(JSON.stringify(obj));
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(",");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Numbers stay numbers (-0.5 is not a formula); any text is made inert. A field with a readable form
 * (reasons) is written as TSV writes it: a spreadsheet cell is read by people; --json is for programs.
 */
function csvField<T>(f: FieldDef<T>, value: unknown): string {
  const text = f.plain && value !== null && value !== undefined ? f.plain(value) : csvValue(value);
  return typeof value === "number" || typeof value === "boolean" ? text : csvCell(text);
}

function csvCell(text: string): string {
  const safe = neutralizeCsvFormula(sanitizeText(text, "multiline"));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function plainValue<T>(f: FieldDef<T>, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (f.plain) return f.plain(value);
  if (f.kind === "list" && Array.isArray(value)) return value.map((v) => csvValue(v)).join(",");
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

function tsvValue<T>(f: FieldDef<T>, value: unknown): string {
  return sanitizeText(plainValue(f, value), "line");
}

async function writeTable<T>(io: IOStreams, rows: Iterable<T>, fields: FieldDef<T>[], now: Date): Promise<number> {
  const [{ default: Table }, { Chalk }] = await Promise.all([import("cli-table3"), import("chalk")]);
  const chalk = new Chalk({ level: io.colorOut ? 1 : 0 });
  const paint = (tone: Tone | undefined, text: string) => (tone ? chalk[tone](text) : text);
  const cells: string[][] = [];
  const raw: unknown[][] = [];
  for (const row of rows) {
    const values = fields.map((f) => f.get(row));
    raw.push(values);
    cells.push(fields.map((f, i) => tableText(f, values[i], now)));
  }
  if (cells.length === 0) return 0;
  const heads = fields.map((f) => (f.header ?? f.name).toUpperCase());
  const widths = fields.map((_, i) => Math.max(heads[i]!.length, ...cells.map((r) => displayWidth(r[i] ?? ""))));
  const flex = fields.findIndex((f) => f.flexible);
  if (flex >= 0) {
    // every column carries 2 columns of right padding; keep the last terminal column free
    const padding = 2 * fields.length;
    const fixed = widths.reduce((a, w, i) => (i === flex ? a : a + w), 0);
    widths[flex] = Math.max(10, Math.min(widths[flex] ?? 10, io.columns - fixed - padding - 1));
  }
  const table = new Table({
    head: heads,
    colWidths: widths.map((w) => w + 2),
    chars: borderless,
    style: { head: io.colorOut ? ["bold"] : [], border: [], "padding-left": 0, "padding-right": 2, compact: true },
    wordWrap: false,
  });
  cells.forEach((r, ri) => {
    table.push(r.map((text, ci) => paint(fields[ci]?.tone?.(raw[ri]?.[ci]), text)));
  });
  io.out.write(`${table.toString()}\n`);
  return cells.length;
}

function tableText<T>(f: FieldDef<T>, value: unknown, now: Date): string {
  if (f.kind === "time" && typeof value === "string") return shortAge(value, now);
  if (f.brief && value !== null && value !== undefined) return sanitizeText(f.brief(value), "line");
  return sanitizeText(plainValue(f, value), "line");
}

/** Terminal columns a string takes: wide East Asian and emoji count 2, marks and joiners 0. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const seg of graphemes(text)) {
    const cp = seg.segment.codePointAt(0) ?? 0;
    if (cp < 0x20) continue;
    width += /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(seg.segment) || isWide(cp) ? 2 : 1;
  }
  return width;
}

/** One column per character, nothing to segment. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

let segmenter: Intl.Segmenter | undefined;

/** Grapheme clusters of a text. The segmenter is built on first use: building one loads ICU's
 * break data, ~13 ms, which `list --json` and every other run that never measures text would pay. */
function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return segmenter.segment(text);
}

/** Cut to `width` terminal columns (emoji and CJK take two), marking the cut with an ellipsis. */
export function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

const borderless = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "",
};

/** Collects small writes into ~64 KB chunks: far fewer syscalls when streaming many rows. */
class BufferedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: Writable) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65536) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    this.sink.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}
