import type { DB } from "./db.js";

export interface SyncRow {
  account_id: string;
  source: string;
  since_id: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  gaps: number;
  last_gap_at: string | null;
  last_gap_detail: string | null;
}

export interface AccountRow {
  id: string;
  handle: string;
  name: string;
}

/** Cursors per account and source, the brand accounts, the cost ledger and the fetch lock. */
export function syncRepo(db: DB) {
  const get = db.prepare<[string, string], SyncRow>("SELECT * FROM sync_state WHERE account_id = ? AND source = ?");
  const ensure = db.prepare("INSERT OR IGNORE INTO sync_state (account_id, source) VALUES (?, ?)");
  const ran = db.prepare("UPDATE sync_state SET last_run_at = ? WHERE account_id = ? AND source = ?");
  const succeeded = db.prepare(
    "UPDATE sync_state SET since_id = coalesce(?, since_id), last_success_at = ? WHERE account_id = ? AND source = ?",
  );
  const gap = db.prepare(
    "UPDATE sync_state SET gaps = gaps + 1, last_gap_at = ?, last_gap_detail = ? WHERE account_id = ? AND source = ?",
  );
  const all = db.prepare<[], SyncRow>("SELECT * FROM sync_state ORDER BY account_id, source");
  const upsertAccount = db.prepare(`
    INSERT INTO accounts (id, handle, name, created_at, updated_at) VALUES (@id, @handle, @name, @now, @now)
    ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, name = excluded.name, updated_at = excluded.updated_at
    WHERE accounts.handle IS NOT excluded.handle OR accounts.name IS NOT excluded.name`);
  const accountByHandle = db.prepare<[string], AccountRow>("SELECT id, handle, name FROM accounts WHERE handle = ?");
  const accounts = db.prepare<[], AccountRow>("SELECT id, handle, name FROM accounts ORDER BY handle");

  return {
    cursor(accountId: string, source: string): SyncRow {
      ensure.run(accountId, source);
      return get.get(accountId, source)!;
    },
    markRun(accountId: string, source: string, at: string): void {
      ran.run(at, accountId, source);
    },
    /** Move the cursor: only after a walk that completed. */
    markSuccess(accountId: string, source: string, sinceId: string | undefined, at: string): void {
      succeeded.run(sinceId ?? null, at, accountId, source);
    },
    recordGap(accountId: string, source: string, at: string, detail: string): void {
      gap.run(at, detail, accountId, source);
    },
    all(): SyncRow[] {
      return all.all();
    },
    saveAccount(a: { id: string; handle: string; name: string }, now: string): void {
      upsertAccount.run({ ...a, now });
    },
    accountByHandle(handle: string): AccountRow | undefined {
      return accountByHandle.get(handle.toLowerCase());
    },
    accounts(): AccountRow[] {
      return accounts.all();
    },
  };
}

export interface CallRow {
  at: string;
  method: string;
  endpoint: string;
  status: number;
  posts: number;
  users: number;
  dm_events: number;
  cost_usd: number;
  rate_remaining: number | null;
  rate_reset_at: string | null;
  command: string;
}

export interface CostLine {
  day: string;
  endpoint: string;
  calls: number;
  errors: number;
  posts: number;
  users: number;
  dm_events: number;
  cost_usd: number;
}

export function ledgerRepo(db: DB) {
  const add = db.prepare(`
    INSERT INTO api_calls (at, method, endpoint, status, posts, users, dm_events, cost_usd, rate_remaining,
      rate_reset_at, command)
    VALUES (@at, @method, @endpoint, @status, @posts, @users, @dm_events, @cost_usd, @rate_remaining,
      @rate_reset_at, @command)`);
  const byDay = db.prepare<[string, string], CostLine>(`
    SELECT substr(at, 1, 10) AS day, method || ' ' || endpoint AS endpoint, count(*) AS calls,
      sum(status = 0 OR status >= 400) AS errors, sum(posts) AS posts, sum(users) AS users,
      sum(dm_events) AS dm_events, round(sum(cost_usd), 4) AS cost_usd
    FROM api_calls WHERE at >= ? AND at < ? GROUP BY day, endpoint ORDER BY day, endpoint`);
  return {
    add(row: CallRow): void {
      add.run(row);
    },
    report(since: string, until: string): CostLine[] {
      return byDay.all(since, until);
    },
  };
}

/**
 * A named lock row that outlives no process: a holder that died (same host, pid gone) or that is
 * older than `staleMs` is taken over. Returns the current holder when the lock is taken.
 */
export function locksRepo(db: DB) {
  const take = db.prepare(
    "INSERT INTO locks (name, holder, acquired_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
  );
  const read = db.prepare<[string], { holder: string; acquired_at: string }>(
    "SELECT holder, acquired_at FROM locks WHERE name = ?",
  );
  const steal = db.prepare("UPDATE locks SET holder = ?, acquired_at = ? WHERE name = ? AND holder = ?");
  const release = db.prepare("DELETE FROM locks WHERE name = ? AND holder = ?");
  return {
    acquire(
      name: string,
      holder: string,
      now: Date,
      isStale: (holder: string, acquiredAt: string) => boolean,
    ): { ok: true } | { ok: false; holder: string; since: string } {
      return db
        .transaction(() => {
          if (take.run(name, holder, now.toISOString()).changes === 1) return { ok: true as const };
          const current = read.get(name);
          if (!current) return { ok: take.run(name, holder, now.toISOString()).changes === 1 } as { ok: true };
          if (isStale(current.holder, current.acquired_at)) {
            steal.run(holder, now.toISOString(), name, current.holder);
            return { ok: true as const };
          }
          return { ok: false as const, holder: current.holder, since: current.acquired_at };
        })
        .immediate();
    },
    release(name: string, holder: string): void {
      release.run(name, holder);
    },
  };
}
