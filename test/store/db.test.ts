import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { fromSqliteError, TryLaterError, XtriageError } from "../../src/errors.js";
import { openDb, schemaVersion } from "../../src/store/db.js";
import { migrations, SCHEMA_VERSION } from "../../src/store/migrations.js";
import { tempDir } from "../helpers/cli.js";

const dirs: { cleanup(): void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.cleanup();
});
function dbPath(): string {
  const t = tempDir();
  dirs.push(t);
  return join(t.dir, "nested", "x.db");
}

describe("openDb", () => {
  it("creates the file with WAL, foreign keys and every table of the data model", () => {
    const path = dbPath();
    const db = openDb(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name);
    for (const t of ["accounts", "authors", "mentions", "actions", "followups", "sync_state", "api_calls"]) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it("stores ids as TEXT so 64-bit ids survive exactly", () => {
    const db = openDb(dbPath());
    const id = "1861234567890123457"; // > 2^53: a JS number would round it
    db.prepare(
      "INSERT INTO mentions (id, author_id, text, created_at, source, raw_json, fetched_at) VALUES (?, ?, 'x', '2026-11-20T00:00:00.000Z', 'import', '{}', '')",
    ).run(id, "9007199254740993");
    const row = db
      .prepare<[], { id: string; author_id: string; t: string }>("SELECT id, author_id, typeof(id) AS t FROM mentions")
      .get()!;
    expect(row).toEqual({ id, author_id: "9007199254740993", t: "text" });
    expect(Number(id).toString()).not.toBe(id);
    db.close();
  });

  it("upgrades a database from every past schema version, keeping its rows", () => {
    for (let from = 1; from < SCHEMA_VERSION; from++) {
      const path = dbPath();
      mkdirSync(join(path, ".."), { recursive: true });
      const old = new Database(path);
      for (let v = 1; v <= from; v++) old.exec(migrations[v - 1]!);
      old.pragma(`user_version = ${from}`);
      old
        .prepare(
          "INSERT INTO mentions (id, author_id, text, created_at, source, raw_json, fetched_at, status) VALUES ('1861234567890123457', '9', 'hola', '2026-11-20T00:00:00.000Z', 'import', '{}', '', 'replied')",
        )
        .run();
      old.close();
      const db = openDb(path);
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare("SELECT id, status FROM mentions").get()).toEqual({
        id: "1861234567890123457",
        status: "replied",
      });
      db.close();
    }
  });

  it("reopens an up-to-date database without changing it", () => {
    const path = dbPath();
    openDb(path).close();
    const db = openDb(path);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("refuses a database written by a newer xtriage, with a clear message", () => {
    const path = dbPath();
    openDb(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDb(path)).toThrow(XtriageError);
    expect(() => openDb(path)).toThrow(/newer than this xtriage understands/);
  });

  it("reports a file that is not a database", async () => {
    const path = dbPath();
    const { mkdirSync, writeFileSync } = await import("node:fs");
    const { dirname } = await import("node:path");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "this is not sqlite at all, just text ".repeat(200));
    expect(() => openDb(path)).toThrow(/not a usable xtriage database/);
  });

  it("maps a lock held by another process past the busy timeout to try-later (exit 5)", () => {
    const path = dbPath();
    openDb(path).close();
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    let caught: unknown;
    const db = openDb(path, { busyTimeoutMs: 50 });
    try {
      db.transaction(() => db.exec("INSERT INTO locks VALUES ('a', 'b', 'c')")).immediate();
    } catch (e) {
      caught = fromSqliteError(e);
    } finally {
      db.close();
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(caught).toBeInstanceOf(TryLaterError);
    expect((caught as TryLaterError).exitCode).toBe(5);
  });
});
