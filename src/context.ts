import type { Config } from "./config.js";
import { UsageError } from "./errors.js";
import type { IOStreams } from "./io/iostreams.js";
import { type Prompter, terminalPrompter } from "./io/prompter.js";
import type { Sandbox } from "./sandbox/server.js";
import type { DB } from "./store/db.js";
import type { XClient } from "./x/client.js";

type Env = Record<string, string | undefined>;

/** What a command that talks to X can tune about the client. */
export interface XOptions {
  /** Longest wait for a rate-limit window, in seconds (0: never wait, exit 5). */
  maxWaitSeconds?: number;
}

export interface GlobalOptions {
  db?: string;
  config?: string;
  agent?: string;
  sandbox?: boolean;
  input?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * What every command receives: streams, and lazy getters for the expensive or fallible parts, so a
 * command pays only for what it uses (`--version` never loads SQLite) and tests can hand in their own.
 */
export interface Context {
  io: IOStreams;
  env: Env;
  now(): Date;
  db(): Promise<DB>;
  dbPath(): Promise<string>;
  config(): Promise<Config>;
  /** The agent acting: --agent, XTRIAGE_AGENT, then the login name. */
  agent(): string;
  /** Questions to a person at the terminal (the prompt library loads only when one is asked). */
  prompter(): Prompter;
  /** The X client (twitter-api-v2), built on first use; every call lands in the cost ledger. */
  x(options?: XOptions): Promise<XClient>;
  /** Environment for X: the process's, or the in-process sandbox's with --sandbox. */
  xEnv(): Promise<Env>;
  /** Estimated USD spent on X by this process so far. */
  spentUsd(): number;
  /** The command being run, for the ledger. */
  commandName: string;
  /** The exit code the command's action settled on. */
  exitCode: number;
  close(): Promise<void>;
}

/** XTRIAGE_NOW pins the clock (tests, demos, reproducible reports). */
export function clockFromEnv(env: Env): () => Date {
  const pinned = env.XTRIAGE_NOW;
  if (!pinned) return () => new Date();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new UsageError(`XTRIAGE_NOW is not a date: ${pinned}`);
  return () => new Date(t);
}

/** Schema 3 brought the report cache: a database from before it gets its recent hours cached once. */
const REPORT_CACHE_SCHEMA = 3;

/**
 * One-off work after migrating an existing database. Filling the report cache reads every recent
 * mention (seconds for a million), once, so that no report ever starts from an empty cache.
 */
async function afterUpgrade(db: DB, fromVersion: number, io: IOStreams): Promise<void> {
  if (fromVersion >= REPORT_CACHE_SCHEMA) return;
  if (!io.quiet) io.err.write("xtriage: database upgraded; filling the report cache (once)\n");
  try {
    const { warmRecentHours } = await import("./store/report.js");
    warmRecentHours(db, 0);
  } catch (e) {
    // not the command's business: a report fills what it reads itself, only slower the first time
    io.err.write(`xtriage: the report cache was not filled (${(e as Error).message}); the first report will fill it\n`);
  }
}

export function createContext(io: IOStreams, globals: () => GlobalOptions, env: Env): Context {
  let db: DB | undefined;
  let config: Promise<Config> | undefined;
  let sandbox: Promise<Sandbox> | undefined;
  let client: Promise<XClient> | undefined;
  let spent = 0;
  const prompter = terminalPrompter(io);
  const ctx: Context = {
    io,
    env,
    now: clockFromEnv(env),
    async dbPath() {
      const { resolveDbPath } = await import("./config.js");
      return resolveDbPath(globals().db, env);
    },
    async db() {
      if (!db) {
        const [{ openDb }, path] = await Promise.all([import("./store/db.js"), ctx.dbPath()]);
        const busy = Number(env.XTRIAGE_BUSY_TIMEOUT_MS);
        let upgradedFrom: number | undefined;
        const onUpgrade = (from: number) => {
          upgradedFrom = from;
        };
        db ??= openDb(path, { ...(Number.isFinite(busy) && busy >= 0 ? { busyTimeoutMs: busy } : {}), onUpgrade });
        if (upgradedFrom !== undefined) await afterUpgrade(db, upgradedFrom, io);
      }
      return db;
    },
    config() {
      config ??= import("./config.js").then((m) => m.loadConfig(globals().config, env));
      return config;
    },
    agent() {
      return globals().agent || env.XTRIAGE_AGENT || env.USER || env.LOGNAME || "agent";
    },
    async xEnv() {
      if (!globals().sandbox) return env;
      sandbox ??= import("./sandbox/server.js").then((m) => m.startSandbox({ port: 0 }));
      const box = await sandbox;
      return { ...stripCredentials(env), ...box.env() };
    },
    x(options = {}) {
      client ??= buildClient(ctx, options, (usd) => {
        spent += usd;
      });
      return client;
    },
    spentUsd: () => spent,
    prompter: () => prompter,
    commandName: "",
    exitCode: 0,
    async close() {
      db?.close();
      db = undefined;
      if (sandbox) await (await sandbox).close();
      sandbox = undefined;
    },
  };
  return ctx;
}

/** With --sandbox, credentials in the environment must not leak to (or be mixed with) the sandbox's. */
function stripCredentials(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^(X_|TWITTER_)/.test(k)));
}

async function buildClient(ctx: Context, options: XOptions, addSpent: (usd: number) => void): Promise<XClient> {
  const [
    xEnv,
    db,
    config,
    { resolveCredentials, tokenFingerprint },
    { estimateCost },
    { ledgerRepo },
    { readCredentialFile, saveRotatedOAuth2Tokens },
  ] = await Promise.all([
    ctx.xEnv(),
    ctx.db(),
    ctx.config(),
    import("./x/credentials.js"),
    import("./x/cost.js"),
    import("./store/sync.js"),
    import("./credential-file.js"),
  ]);
  const credentials = resolveCredentials(xEnv, readCredentialFile(xEnv));
  const ledger = ledgerRepo(db);
  const { createXClient } = await import("./x/twitter.js");
  const userContext = credentials.kind === "oauth1" || credentials.kind === "oauth2-user";
  const oauth2 = credentials.tokens.kind === "oauth2-user" ? credentials.tokens.oauth2 : undefined;
  const envRefresh = oauth2?.refreshFrom === "environment" ? oauth2.refreshToken : undefined;
  return createXClient({
    credentials,
    ...(xEnv.X_API_BASE_URL ? { baseUrl: xEnv.X_API_BASE_URL } : {}),
    retry: { maxWaitSeconds: options.maxWaitSeconds ?? 120 },
    ...(Number(xEnv.XTRIAGE_X_TIMEOUT_MS) > 0 ? { timeoutMs: Number(xEnv.XTRIAGE_X_TIMEOUT_MS) } : {}),
    onWait: (w) => {
      if (ctx.io.quiet) return;
      const seconds = Math.ceil(w.delayMs / 1000);
      ctx.io.err.write(
        w.reason === "rate-limit"
          ? `X rate limit reached: waiting ${seconds} s for the window to reset\n`
          : `X did not answer (${w.error.message}): retrying in ${seconds} s\n`,
      );
    },
    onTokenRefresh: (tokens) =>
      saveRotated(ctx.io, envRefresh !== undefined, () =>
        saveRotatedOAuth2Tokens(xEnv, tokens, envRefresh === undefined ? undefined : tokenFingerprint(envRefresh)),
      ),
    onCall: (r) => {
      const cost = estimateCost(r.endpoint, r.resources, {
        prices: config.prices,
        ownedRead: userContext,
        ...r.pricing,
      });
      addSpent(cost);
      const [method, endpoint] = r.endpoint.split(" ", 2);
      ledger.add({
        at: ctx.now().toISOString(),
        method: method ?? "",
        endpoint: endpoint ?? r.endpoint,
        status: r.status,
        posts: r.resources.posts,
        users: r.resources.users,
        dm_events: r.resources.dmEvents,
        cost_usd: cost,
        rate_remaining: r.rateLimit?.remaining ?? null,
        rate_reset_at: r.rateLimit ? new Date(r.rateLimit.reset * 1000).toISOString() : null,
        command: ctx.commandName,
      });
    },
  });
}

/**
 * X refresh tokens are single-use, so the rotated pair must be kept or the next run is locked out:
 * `save` puts it in the 0600 credentials file, also when the used pair came from the environment
 * (which xtriage cannot change; the file then records that pair as replaced, so it wins over it).
 */
function saveRotated(io: IOStreams, fromEnvironment: boolean, save: () => string): void {
  try {
    const path = save();
    if (fromEnvironment && !io.quiet) {
      io.err.write(
        "xtriage: X rotated the OAuth 2.0 tokens from the environment (a refresh token works once); " +
          `the new pair is saved in ${path} (0600) and used from now on, until the environment holds another pair\n`,
      );
    }
  } catch (e) {
    io.err.write(
      `xtriage: X rotated the OAuth 2.0 tokens but they could not be saved in the credentials file (${(e as Error).message}); ` +
        "the old refresh token no longer works, so the next run needs the app authorised again\n",
    );
  }
}
