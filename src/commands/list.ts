import type { Command } from "commander";
import type { Context } from "../context.js";
import { MAX_WAITING_BOOST, priorityAfterWaiting } from "../core/score/priority.js";
import { type SlaClock, slaState } from "../core/sla.js";
import { UsageError } from "../errors.js";
import { writeFieldHelp, writeRecords } from "../io/output.js";
import {
  type ListFilter,
  type MentionRow,
  mentionsRepo,
  type QueueKey,
  STATUSES,
  type Status,
} from "../store/mentions.js";
import { type MentionView, mentionFields, tableFieldsFor } from "./mention-fields.js";
import { act, addOutputOptions, examples, outputFlags, parseInteger, parseSince, splitList } from "./options.js";
import { type AccountClocks, queueClocks } from "./sla-clocks.js";

const SORTS = ["priority", "newest", "oldest", "reach", "urgency"] as const;
const LABELS = ["troll", "genuine", "unsure"];
/** Statuses that still need an answer: the default queue. */
const OPEN: Status[] = ["new", "pending"];
const TABLE_LIMIT = 50;

export interface ListOptions {
  status?: string;
  label?: string;
  lang?: string;
  minPriority?: number;
  assignee?: string;
  since?: string;
  limit?: number;
  sort?: string;
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  fields?: string;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command("list")
    .alias("queue")
    .summary("list the queue, most important first")
    .description(
      "List mentions, by default the open queue (status new or pending) ordered by priority. Priority\n" +
        "rises while a post waits against the SLA. A table on a terminal (50 rows unless --limit),\n" +
        "tab-separated values when piped (all rows unless --limit), or --json / --ndjson / --csv.",
    )
    .option("--status <list>", `statuses, comma-separated, or all (${STATUSES.join(", ")})`)
    .option("--label <list>", "troll, genuine or unsure, comma-separated")
    .option("--lang <list>", "language codes, comma-separated (es,en)")
    .option("--min-priority <n>", "only priority at least n (0-100)", parseInteger("--min-priority", 0, 100))
    .option("--assignee <agent>", "only cases claimed by this agent (none: unclaimed)")
    .option("--since <when>", "only posts newer than 24h, 7d … or a date")
    .option("--limit <n>", "at most n rows (0: no limit)", parseInteger("--limit", 0))
    .option("--sort <order>", `${SORTS.join(" | ")} (default priority)`);
  addOutputOptions(cmd)
    .addHelpText(
      "after",
      examples([
        "xtriage list",
        "xtriage queue --label genuine --min-priority 60",
        "xtriage list --status all --since 24h --ndjson | jq -r .id",
        "xtriage list --fields priority,id,reasons --json",
        "xtriage list --csv --status all > mentions.csv",
      ]),
    )
    .action(act(ctx, (opts: ListOptions) => runList(ctx, opts)));
}

export async function runList(ctx: Context, opts: ListOptions): Promise<number> {
  const now = ctx.now();
  const flags = outputFlags(opts as Record<string, unknown>);
  if (writeFieldHelp(ctx.io, mentionFields, flags)) return 0;
  const filter = buildFilter(opts, now);
  const machine = flags.json || flags.ndjson || flags.csv || !ctx.io.stdoutIsTTY;
  const limit = opts.limit ?? (machine ? 0 : TABLE_LIMIT);
  const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
  const repo = mentionsRepo(db);
  const clocks = queueClocks(db, config, now, ctx.env);
  // --min-priority is about the priority shown (waiting included): the database narrows by what the
  // stored priority could reach, the exact test is on the effective value.
  const min = opts.minPriority;
  const sqlFilter = min === undefined ? filter : { ...filter, minPriority: Math.max(0, min - MAX_WAITING_BOOST) };
  const rows =
    filter.order === "priority"
      ? byEffectivePriority(repo, sqlFilter, clocks, now, limit, min ?? 0)
      : take(
          atLeast(viewAll(repo.list({ ...sqlFilter, ...(min === undefined ? { limit } : {}) }), clocks, now), min ?? 0),
          limit,
        );
  const shown = await writeRecords(ctx.io, rows, {
    defs: mentionFields,
    flags,
    tableFields: tableFieldsFor(ctx.io.columns),
    now,
  });
  if (shown === 0 && ctx.io.stdoutIsTTY && !ctx.io.quiet) ctx.io.err.write("no mentions match\n");
  if (!machine && shown === limit && limit > 0 && !ctx.io.quiet) {
    ctx.io.err.write(`showing the first ${limit}; --limit 0 shows all\n`);
  }
  return 0;
}

function buildFilter(opts: ListOptions, now: Date): ListFilter {
  const sort = (opts.sort ?? "priority") as ListFilter["order"];
  if (!SORTS.includes(sort)) throw new UsageError(`--sort must be one of ${SORTS.join(", ")}`);
  const labels = opts.label ? splitList(opts.label) : undefined;
  const badLabel = labels?.find((l) => !LABELS.includes(l));
  if (badLabel) throw new UsageError(`unknown label: ${badLabel}`, `labels: ${LABELS.join(", ")}`);
  return {
    statuses: parseStatuses(opts.status),
    ...(labels ? { labels } : {}),
    ...(opts.lang ? { langs: splitList(opts.lang) } : {}),
    ...(opts.assignee ? { assignee: opts.assignee } : {}),
    ...(opts.since ? { since: parseSince(opts.since, now) } : {}),
    order: sort,
  };
}

function parseStatuses(value: string | undefined): Status[] | "all" {
  if (!value) return OPEN;
  if (value === "all") return "all";
  const list = splitList(value);
  const unknown = list.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new UsageError(`unknown status: ${unknown.join(", ")}`, `statuses: ${STATUSES.join(", ")}, or all`);
  }
  return list as Status[];
}

interface Ranked {
  key: QueueKey;
  effective: number;
  answered: boolean;
  /** Minutes waited on the account's SLA clock (business time where it has business hours). */
  waiting: number;
  clock: SlaClock;
}

function rank(key: QueueKey, clocks: AccountClocks, now: Date): Ranked {
  const answered = key.first_response_at !== null || key.status === "resolved" || key.status === "ignored";
  const clock = clocks.clockFor(key.account_id ?? null);
  const created = Date.parse(key.created_at);
  const waiting = answered || Number.isNaN(created) ? 0 : clock.waited(created, now.getTime());
  return {
    key,
    answered,
    waiting,
    clock,
    effective: answered ? (key.priority ?? 0) : priorityAfterWaiting(key.priority ?? 0, waiting, clock),
  };
}

const SLA_STATES = { ok: "ok", late: "due", breached: "breached" } as const;

function toView(row: MentionRow, clocks: AccountClocks, now: Date, r: Ranked = rank(row, clocks, now)): MentionView {
  return {
    ...row,
    effective_priority: r.effective,
    waiting_minutes: r.waiting,
    sla_state: r.answered ? "answered" : SLA_STATES[slaState(r.waiting, r.clock)],
  };
}

function* viewAll(rows: Iterable<MentionRow>, clocks: AccountClocks, now: Date): Generator<MentionView> {
  for (const row of rows) yield toView(row, clocks, now);
}

function* ranks(keys: Iterable<QueueKey>, clocks: AccountClocks, now: Date, min: number): Generator<Ranked> {
  for (const key of keys) {
    const r = rank(key, clocks, now);
    if (Math.round(r.effective) >= min) yield r;
  }
}

function* atLeast(rows: Iterable<MentionView>, min: number): Generator<MentionView> {
  for (const row of rows) if (Math.round(row.effective_priority) >= min) yield row;
}

function* take<T>(rows: Iterable<T>, limit: number): Generator<T> {
  let n = 0;
  for (const row of rows) {
    if (limit > 0 && n++ >= limit) return;
    yield row;
  }
}

const before = (a: Ranked, b: Ranked) =>
  b.effective - a.effective ||
  (b.key.priority ?? 0) - (a.key.priority ?? 0) ||
  a.key.created_at.localeCompare(b.key.created_at);

/**
 * Order by effective priority without reading the whole table. Past the SLA ceiling the waiting
 * boost no longer grows and answered posts get none, so those two streams keep the order of their
 * stored priority and come from the index in that order, stopping early; only the posts that may not
 * have waited that long yet (created after the ceiling's start on every account's clock: a few hours,
 * or a night or a weekend more with business hours) are ranked and sorted here. The three are merged on their keys,
 * and only the rows shown are then read whole.
 */
export function* byEffectivePriority(
  repo: ReturnType<typeof mentionsRepo>,
  filter: ListFilter,
  clocks: AccountClocks,
  now: Date,
  limit: number,
  min: number,
): Generator<MentionView> {
  let order: Iterable<Ranked>;
  const withAccount = clocks.perAccount;
  const saturatedBy = boostSaturates(clocks.all) ? ceilingStart(clocks.all, now) : Number.NEGATIVE_INFINITY;
  if (Number.isFinite(saturatedBy)) {
    const cutoff = new Date(saturatedBy).toISOString();
    const part = (name: "young" | "waiting" | "answered", atLeast = filter.minPriority) =>
      ranks(
        repo.listKeys(
          {
            ...filter,
            stream: { part: name, cutoff },
            ...(atLeast === undefined ? {} : { minPriority: atLeast }),
          },
          withAccount,
        ),
        clocks,
        now,
        min,
      );
    if (limit === 0) {
      const young = [...part("young")].sort(before);
      order = mergeSorted([young[Symbol.iterator](), part("waiting"), part("answered")], 0);
    } else {
      // The older posts first (read in order, stopping at `limit`): a young post can only make the page
      // if its stored priority plus a boost still short of the ceiling's reaches the last one of them.
      const older = [...mergeSorted([part("waiting"), part("answered")], limit)];
      const bound =
        older.length === limit ? Math.floor(older[limit - 1]!.effective - MAX_WAITING_BOOST) : Number.NEGATIVE_INFINITY;
      const atLeast = bound > 0 ? Math.max(bound, filter.minPriority ?? 0) : filter.minPriority;
      const young = [...part("young", atLeast)].sort(before);
      order = mergeSorted([young[Symbol.iterator](), older[Symbol.iterator]()], limit);
    }
  } else {
    order = [...ranks(repo.listKeys(filter, withAccount), clocks, now, min)].sort(before).slice(0, limit || undefined);
  }
  yield* readWhole(repo, order, clocks, now);
}

/** Rows read whole per this many keys: one query per page instead of one per row. */
const READ_PAGE = 100;

function* readWhole(
  repo: ReturnType<typeof mentionsRepo>,
  order: Iterable<Ranked>,
  clocks: AccountClocks,
  now: Date,
): Generator<MentionView> {
  let page: Ranked[] = [];
  const views = function* () {
    const rows = repo.getMany(page.map((r) => r.key.id));
    for (const r of page) {
      const row = rows.get(r.key.id);
      if (row) yield toView(row, clocks, now, r);
    }
    page = [];
  };
  for (const r of order) {
    page.push(r);
    if (page.length === READ_PAGE) yield* views();
  }
  yield* views();
}

/** k-way merge of streams each already in `before` order. */
function* mergeSorted(streams: Iterator<Ranked>[], limit: number): Generator<Ranked> {
  const heads = streams.map((s) => s.next());
  for (let emitted = 0; limit === 0 || emitted < limit; emitted++) {
    let best = -1;
    heads.forEach((h, i) => {
      if (!h.done && (best === -1 || before(h.value, (heads[best] as IteratorYieldResult<Ranked>).value) < 0)) {
        best = i;
      }
    });
    if (best === -1) return;
    yield (heads[best] as IteratorYieldResult<Ranked>).value;
    heads[best] = streams[best]!.next();
  }
  for (const s of streams) s.return?.(undefined);
}

/** True when the waiting boost stops growing at the SLA ceiling (checked, not assumed). */
function boostSaturates(clocks: SlaClock[]): boolean {
  return clocks.every((c) =>
    [0, 33, 67, 100].every(
      (p) => priorityAfterWaiting(p, c.ceilingMinutes, c) === priorityAfterWaiting(p, c.ceilingMinutes * 10 + 1440, c),
    ),
  );
}

/** The latest instant by which a post has waited past its ceiling on every clock. */
function ceilingStart(clocks: SlaClock[], now: Date): number {
  return Math.min(...clocks.map((c) => c.startOf(c.ceilingMinutes, now.getTime())));
}
