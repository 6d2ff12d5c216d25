import Database from "better-sqlite3";

/** Runs one statement on a database file in its own connection: the rows a query reads, else []. */
export function sqlOn<T>(path: string, query: string, ...params: unknown[]): T[] {
  const db = new Database(path);
  try {
    const stmt = db.prepare(query);
    if (stmt.reader) return stmt.all(...params) as T[];
    stmt.run(...params);
    return [];
  } finally {
    db.close();
  }
}
