import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { Exit, fromSqliteError, XtriageError } from "../errors.js";
import { migrations, SCHEMA_VERSION } from "./migrations.js";

export type DB = Database.Database;

const PAGE_SIZE = 8192;

export interface OpenOptions {
  /** Busy wait before giving up on a lock held by another process, in ms. */
  busyTimeoutMs?: number;
  readonly?: boolean;
  /** Called after migrating a database that had data at an older schema version, with that version. */
  onUpgrade?: (fromVersion: number) => void;
}

/**
 * Open (or create) the database: WAL, busy timeout, foreign keys, then apply pending migrations.
 * A database written by a newer xtriage is refused rather than misread.
 */
export function openDb(path: string, opts: OpenOptions = {}): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: DB;
  try {
    const nativeBinding = addonPath();
    db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    throw new XtriageError(`cannot open database ${path}: ${(e as Error).message}`);
  }
  try {
    // Only takes effect on a new database (before its first write). A mention row carries its raw
    // JSON and its scored reasons, about 2 KB: a 4 KB page holds one, an 8 KB page three, so imports
    // write a third fewer pages.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    const from = migrate(db, path);
    if (from > 0 && from < SCHEMA_VERSION) opts.onUpgrade?.(from);
  } catch (e) {
    db.close();
    throw fromSqliteError(e, path);
  }
  return db;
}

/**
 * The compiled addon's path. Handing it to better-sqlite3 skips the `bindings` package's search
 * through a dozen candidate paths on every start (measurable in `list`'s start-up time).
 */
const ADDON = "build/Release/better_sqlite3.node";

function addonPath(): string | undefined {
  // Where npm puts it for this package (from dist/chunks/ and from src/store/ alike): a stat instead
  // of a module resolution, ~2 ms less on every start. Elsewhere (hoisted installs), resolve it.
  const nested = fileURLToPath(new URL(`../../node_modules/better-sqlite3/${ADDON}`, import.meta.url));
  if (existsSync(nested)) return nested;
  try {
    const pkg = createRequire(import.meta.url).resolve("better-sqlite3/package.json");
    const addon = join(dirname(pkg), ADDON);
    return existsSync(addon) ? addon : undefined;
  } catch {
    return undefined;
  }
}

export function schemaVersion(db: DB): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Applies the pending migrations; returns the version the database was at. */
function migrate(db: DB, path: string): number {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new XtriageError(
      `database ${path} has schema version ${current}, newer than this xtriage understands (${SCHEMA_VERSION})`,
      Exit.error,
      "upgrade xtriage, or point --db at another database",
    );
  }
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const step = db.transaction(() => {
      // Another process may have migrated while we waited for the write lock.
      if (schemaVersion(db) >= version) return;
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    });
    step.immediate();
  }
  return current;
}
