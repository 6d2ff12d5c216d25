import { hostname } from "node:os";
import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Context } from "../context.js";
import type { UsersSeen } from "../core/prepare.js";
import { compareIds, snowflakeTime } from "../core/snowflake.js";
import { Exit, TryLaterError, UsageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import type { DB } from "../store/db.js";
import { MAX_QUERY_LENGTH, type XClient } from "../x/client.js";
import type { XTweetPage } from "../x/types.js";
import { emptyCounts, type IngestCounts } from "./ingest.js";
import { act, examples, hintMaxWait, parseBudget } from "./options.js";

export interface FetchOptions {
  query?: string[];
  maxWait?: number;
  wait?: boolean;
  budget?: number;
  json?: boolean;
}

/** X serves only the 800 most recent mentions; search reaches back 7 days. */
export const MENTIONS_REACH = 800;
const SEARCH_WINDOW_MS = 7 * 86_400_000;
/** A fetch lock older than this is stale whoever holds it. */
const LOCK_STALE_MS = 30 * 60_000;

interface Account {
  id: string;
  handle: string;
}

interface Source {
  account: Account;
  kind: "mentions" | "search";
  query?: string;
  /** The sync_state key: "mentions" or "search:<query>". */
  key: string;
}

export interface SourceResult extends IngestCounts {
  account: string;
  source: string;
  pages: number;
  fetched: number;
  complete: boolean;
  gap?: string;
  api_errors: number;
  /** Stored posts scored again because their author's profile changed (when any were). */
  rescored?: number;
}

export function register(program: Command, ctx: Context): void {
  program
    .command("fetch")
    .summary("fetch new mentions (and search results) from X into the database")
    .description(
      "Fetch every mention of each configured account (or of the authenticated user) since the last\n" +
        "fetch, plus configured search queries and --query, page by page. The cursor moves only when a\n" +
        "walk completed, so a crash or kill at any moment loses nothing and duplicates nothing. Retweets\n" +
        "and the brand's own posts are dropped. Exit 7 when X could not return everything since the last\n" +
        "fetch (a gap); exit 5 on rate limits past --max-wait, usage caps, spent credits or --budget.",
    )
    .option("--query <query>", "also run this recent-search query (repeatable)", collect, [])
    .option("--max-wait <seconds>", "longest wait for a rate-limit window (default 120)", Number)
    .option("--no-wait", "never wait for a rate-limit window: exit 5 (for cron)")
    .option("--budget <usd>", "stop before this run would spend more than this many USD", parseBudget)
    .option("--json", "print a summary object on stdout")
    .addHelpText(
      "after",
      examples([
        "xtriage fetch",
        "xtriage --sandbox fetch --json",
        "*/5 * * * *  xtriage fetch --no-wait --quiet || mail -s 'xtriage needs a human' care@example.com",
        "xtriage fetch --query '\"fibra nova\" -is:retweet' --budget 0.50",
      ]),
    )
    .action(act(ctx, (opts: FetchOptions) => hintMaxWait(() => runFetch(ctx, opts))));
}

/** A query X would refuse is a usage error before anything is fetched (or paid for). */
function checkQueries(queries: readonly string[], where: string): void {
  const bad = queries.find((q) => q.trim() === "" || q.length > MAX_QUERY_LENGTH);
  if (bad === undefined) return;
  throw new UsageError(`${where}: a recent-search query needs 1 to ${MAX_QUERY_LENGTH} characters (got ${bad.length})`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function runFetch(ctx: Context, opts: FetchOptions): Promise<number> {
  const maxWaitSeconds = opts.wait === false ? 0 : (opts.maxWait ?? 120);
  if (!Number.isFinite(maxWaitSeconds) || maxWaitSeconds < 0) throw new UsageError("--max-wait takes seconds");
  const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
  checkQueries(config.searchQueries, "search_queries in the config");
  checkQueries(opts.query ?? [], "--query");
  const { locksRepo } = await import("../store/sync.js");
  const locks = locksRepo(db);
  const holder = `${process.pid}@${hostname()}`;
  const lock = locks.acquire("fetch", holder, ctx.now(), isStaleHolder(ctx.now()));
  if (!lock.ok) {
    if (!ctx.io.quiet)
      ctx.io.err.write(`another fetch is running (${lock.holder} since ${lock.since}); nothing to do\n`);
    if (opts.json) writeJson(ctx.io, { skipped: "another fetch is running", holder: lock.holder, since: lock.since });
    return Exit.ok;
  }
  try {
    const x = await ctx.x({ maxWaitSeconds });
    const accounts = await resolveAccounts(ctx, db, config, x);
    const queries = [...new Set([...config.searchQueries, ...(opts.query ?? [])])];
    const sources: Source[] = accounts.map((account) => ({ account, kind: "mentions", key: "mentions" }));
    for (const query of queries) sources.push({ account: accounts[0]!, kind: "search", query, key: `search:${query}` });
    const results: SourceResult[] = [];
    let stoppedFor: string | undefined;
    for (const source of sources) {
      const result = await walk(ctx, db, config, x, source, accounts, opts.budget);
      results.push(result);
      if (!result.complete) {
        stoppedFor = "budget";
        break;
      }
    }
    report(ctx, results, opts.json === true, stoppedFor);
    if (stoppedFor) {
      throw new TryLaterError(
        `stopped: the next page could cost more than the --budget of $${opts.budget?.toFixed(2)} allows`,
        "the cursor did not move for that source; the next fetch picks up there",
      );
    }
    return results.some((r) => r.gap) ? Exit.attention : Exit.ok;
  } finally {
    locks.release("fetch", holder);
  }
}

/** A lock is stale when its process is gone (same host) or it is older than the stale age. */
function isStaleHolder(now: Date) {
  return (holderId: string, acquiredAt: string): boolean => {
    if (now.getTime() - Date.parse(acquiredAt) > LOCK_STALE_MS) return true;
    const [pid, host] = holderId.split("@");
    if (host !== hostname()) return false;
    try {
      process.kill(Number(pid), 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ESRCH";
    }
  };
}

/**
 * The brand accounts: from the config (ids looked up once by handle and cached), or, with no config,
 * the authenticated user (GET /2/users/me, cached in the database).
 */
async function resolveAccounts(ctx: Context, db: DB, config: Config, x: XClient): Promise<Account[]> {
  const { syncRepo } = await import("../store/sync.js");
  const sync = syncRepo(db);
  const now = ctx.now().toISOString();
  if (config.accounts.length > 0) {
    const out: Account[] = [];
    for (const a of config.accounts) {
      const cached = a.id ? { id: a.id, handle: a.handle } : sync.accountByHandle(a.handle);
      if (cached) {
        out.push({ id: cached.id, handle: a.handle });
        continue;
      }
      const user = await x.userByUsername(a.handle);
      if (!user) throw new UsageError(`X has no account @${a.handle} (from the config's accounts)`);
      sync.saveAccount({ id: user.id, handle: user.username.toLowerCase(), name: user.name }, now);
      out.push({ id: user.id, handle: user.username.toLowerCase() });
    }
    return out;
  }
  const known = sync.accounts();
  if (known.length > 0) return known.map((a) => ({ id: a.id, handle: a.handle }));
  const me = await x.me();
  sync.saveAccount({ id: me.id, handle: me.username.toLowerCase(), name: me.name }, now);
  return [{ id: me.id, handle: me.username.toLowerCase() }];
}

/**
 * Worst case per post returned, so a budget is never overrun: the post and up to two posts it refers
 * to (replied-to, quoted), its author and the user it replies to, all billed as distinct resources.
 */
function worstCostPerPost(prices: Record<string, number>): number {
  return 3 * (prices.post_read ?? 0.005) + 2 * (prices.user_read ?? 0.01);
}

async function walk(
  ctx: Context,
  db: DB,
  config: Config,
  x: XClient,
  source: Source,
  accounts: Account[],
  budget: number | undefined,
): Promise<SourceResult> {
  const [{ syncRepo }, { parseDocument }, { prepareDocument }, { createIngester }, scorer, { priceTable }] =
    await Promise.all([
      import("../store/sync.js"),
      import("../core/normalize.js"),
      import("../core/prepare.js"),
      import("./ingest.js"),
      import("../core/score/index.js"),
      import("../x/cost.js"),
    ]);
  const sync = syncRepo(db);
  const now = ctx.now();
  const cursor = sync.cursor(source.account.id, source.key);
  sync.markRun(source.account.id, source.key, now.toISOString());
  const ingester = createIngester(
    db,
    config,
    scorer,
    source.kind === "mentions" ? "mentions" : `search:${source.query}`,
    accounts.map((a) => a.id),
  );
  const counts = emptyCounts();
  const usersSeen: UsersSeen = new Map();
  const result: SourceResult = {
    account: source.account.handle,
    source: source.key,
    pages: 0,
    fetched: 0,
    complete: true,
    api_errors: 0,
    ...counts,
  };
  const perPost = worstCostPerPost(priceTable(config.prices));
  const minPage = source.kind === "mentions" ? 5 : 10;
  const affordable = () =>
    budget === undefined ? 100 : Math.min(100, Math.floor((budget - ctx.spentUsd()) / perPost));
  let maxResults = affordable();
  if (maxResults < minPage) return { ...result, complete: false };

  const sinceId = cursor.since_id ?? undefined;
  const walkFrom = (paginationToken: string | undefined): AsyncGenerator<XTweetPage> => {
    const options = { ...(sinceId ? { sinceId } : {}), ...(paginationToken ? { paginationToken } : {}), maxResults };
    return source.kind === "mentions"
      ? x.mentionsPages(source.account.id, options)
      : x.searchPages(source.query!, options);
  };
  const progress = ctx.io.stderrIsTTY && !ctx.io.quiet;
  let newest: string | undefined;
  let oldest: string | undefined;
  let pages: AsyncGenerator<XTweetPage> | undefined = walkFrom(undefined);
  const fresh: string[] = [];
  while (pages) {
    let resumeAt: string | undefined;
    for await (const page of pages) {
      result.pages++;
      newest ??= page.meta.newest_id;
      if (page.meta.oldest_id) oldest = page.meta.oldest_id;
      result.fetched += page.data?.length ?? 0;
      result.api_errors += page.errors?.length ?? 0;
      const prepared = prepareDocument(parseDocument(page), undefined, usersSeen);
      fresh.push(...db.transaction(() => ingester.add(prepared, now.toISOString(), counts)).immediate());
      if (progress) {
        ctx.io.err.write(`\r@${source.account.handle} ${source.key}: page ${result.pages}, ${result.fetched} posts`);
      }
      const next = page.meta.next_token;
      const left = affordable();
      if (next && left < minPage) {
        result.complete = false;
        break;
      }
      // A full page of the current size could overrun the budget: go on with smaller pages.
      if (next && left < maxResults) {
        maxResults = left;
        resumeAt = next;
        break;
      }
    }
    pages = resumeAt ? walkFrom(resumeAt) : undefined;
  }
  // X's pages come newest first, so each new post was scored before the older ones of this walk were
  // stored: scored again oldest first, each sees its whole context (contacts, hashtag use). And the
  // earlier posts of authors whose profile changed in what the scorer reads are scored again.
  const rescored = db
    .transaction(() => {
      if (fresh.length > 1) ingester.rescoreInOrder(fresh, scorer, now.toISOString());
      return ingester.rescoreStale(scorer, now.toISOString());
    })
    .immediate();
  if (rescored > 0) result.rescored = rescored;
  if (progress && result.pages > 0) ctx.io.err.write("\n");
  Object.assign(result, counts);
  if (!result.complete) return result;

  const gap = detectGap(source, previousFetch(cursor), result.fetched, oldest, now);
  if (gap) {
    result.gap = gap;
    sync.recordGap(source.account.id, source.key, now.toISOString(), gap);
  }
  // Only now, after the whole walk: the next fetch starts after the newest post seen.
  const next = newest && (!sinceId || compareIds(newest, sinceId) > 0) ? newest : undefined;
  sync.markSuccess(source.account.id, source.key, next, now.toISOString());
  return result;
}

/**
 * When the previous successful fetch of a source ended: everything X had up to then is stored.
 * xtriage writes both columns together; a cursor with no success time (a hand-edited row) falls back
 * to the time of the newest post seen, the older and more cautious answer.
 */
export function previousFetch(cursor: { since_id: string | null; last_success_at: string | null }): Date | undefined {
  if (cursor.last_success_at) return new Date(cursor.last_success_at);
  return cursor.since_id ? new Date(snowflakeTime(cursor.since_id)) : undefined;
}

/**
 * Did X leave out posts between the last successful fetch and this one? Measured from that fetch, not
 * from the newest post it found: a quiet search query is not a gap, a week without a fetch is.
 */
export function detectGap(
  source: { kind: "mentions" | "search" },
  lastFetch: Date | undefined,
  fetched: number,
  oldest: string | undefined,
  now: Date,
): string | undefined {
  if (!lastFetch) return undefined;
  if (source.kind === "mentions" && fetched >= MENTIONS_REACH) {
    return `more than ${MENTIONS_REACH} mentions since the last fetch: X serves only the ${MENTIONS_REACH} most recent, so mentions before ${oldest ?? "the oldest fetched"} may be missing`;
  }
  const windowStart = now.getTime() - SEARCH_WINDOW_MS;
  if (source.kind === "search" && lastFetch.getTime() < windowStart) {
    return `the last successful fetch was more than 7 days ago (${lastFetch.toISOString()}): recent search reaches back 7 days, so posts from then to ${new Date(windowStart).toISOString()} are missing`;
  }
  return undefined;
}

function report(ctx: Context, results: SourceResult[], json: boolean, stoppedFor: string | undefined): void {
  if (json) {
    writeJson(ctx.io, {
      sources: results,
      spent_usd: Math.round(ctx.spentUsd() * 10_000) / 10_000,
      stopped: stoppedFor ?? null,
    });
  }
  for (const r of results) {
    if (r.gap) ctx.io.err.write(`xtriage: gap in @${r.account} ${sanitizeText(r.source)}: ${r.gap}\n`);
    if (r.api_errors > 0 && !ctx.io.quiet) {
      ctx.io.err.write(
        `X reported ${r.api_errors} partial error${r.api_errors === 1 ? "" : "s"} for @${r.account} ${sanitizeText(r.source)} (e.g. a deleted referenced post); the rest was stored\n`,
      );
    }
  }
  if (json || ctx.io.quiet) return;
  for (const r of results) {
    ctx.io.err.write(
      `@${r.account} ${sanitizeText(r.source)}: ${r.fetched} fetched in ${r.pages} page${r.pages === 1 ? "" : "s"}; ` +
        `${r.imported} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.dropped} retweets or own posts` +
        `${r.rescored ? `, ${r.rescored} scored again (their author's profile changed)` : ""}` +
        `${r.complete ? "" : " (incomplete)"}\n`,
    );
  }
  ctx.io.err.write(`estimated X cost of this run: $${ctx.spentUsd().toFixed(4)}\n`);
}
