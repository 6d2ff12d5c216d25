import type { Config } from "./config.js";
import { UsageError } from "./errors.js";
import type { IOStreams } from "./io/iostreams.js";
import type { DB } from "./store/db.js";

type Env = Record<string, string | undefined>;

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
  /** The exit code the command's action settled on. */
  exitCode: number;
  close(): void;
}

/** XTRIAGE_NOW pins the clock (tests, demos, reproducible reports). */
export function clockFromEnv(env: Env): () => Date {
  const pinned = env.XTRIAGE_NOW;
  if (!pinned) return () => new Date();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new UsageError(`XTRIAGE_NOW is not a date: ${pinned}`);
  return () => new Date(t);
}

export function createContext(io: IOStreams, globals: () => GlobalOptions, env: Env): Context {
  let db: DB | undefined;
  let config: Promise<Config> | undefined;
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
        db ??= openDb(path, Number.isFinite(busy) && busy >= 0 ? { busyTimeoutMs: busy } : {});
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
    exitCode: 0,
    close() {
      db?.close();
      db = undefined;
    },
  };
  return ctx;
}
