import { byEffectivePriority } from "../commands/list.js";
import type { AccountClocks } from "../commands/sla-clocks.js";
import { ConflictError } from "../errors.js";
import type { CaseStore } from "../store/actions.js";
import type { DB } from "../store/db.js";
import { type ListFilter, type MentionRow, mentionsRepo } from "../store/mentions.js";

export interface TriageFilter {
  langs?: string[];
  labels?: string[];
  minPriority?: number;
  /** Brand account user ids (the command checks the names given against the known accounts). */
  accountIds?: string[];
}

export interface Picked {
  row: MentionRow;
  effective: number;
  /** True when this session took the claim (so skipping or quitting gives it back). */
  claimedNow: boolean;
}

/** Candidates read per round; the next rounds read more only when every one was taken or skipped. */
const ROUNDS = [50, 500, 0];

/**
 * The next case for `agent`: the highest effective priority among open cases (the same ranking as
 * `list`) that are unclaimed or already theirs, whose customer is not another agent's, and that were
 * not skipped. Claimed through the case store; a case another agent takes first is passed over.
 * Each round reads a closed list of candidates first, so no statement stays open across a claim.
 */
export function pickNextCase(
  db: DB,
  store: CaseStore,
  clocks: AccountClocks,
  agent: string,
  filter: TriageFilter,
  skipped: ReadonlySet<string>,
  now: Date,
): Picked | undefined {
  const repo = mentionsRepo(db);
  const list: ListFilter = {
    statuses: ["new", "pending"],
    ...(filter.labels ? { labels: filter.labels } : {}),
    ...(filter.langs ? { langs: filter.langs } : {}),
    order: "priority",
  };
  const accountIds = filter.accountIds?.length ? new Set(filter.accountIds) : undefined;
  const tried = new Set<string>();
  for (const limit of ROUNDS) {
    const views = [...byEffectivePriority(repo, list, clocks, now, limit, filter.minPriority ?? 0)];
    for (const v of views) {
      if (tried.has(v.id) || skipped.has(v.id)) continue;
      tried.add(v.id);
      if (v.assignee !== null && v.assignee !== agent) continue;
      if (accountIds && !accountIds.has(v.account_id ?? "")) continue;
      const owner = store.lastHandler(v.author_id);
      if (owner && owner !== agent) continue;
      try {
        const before = v.assignee;
        store.claim(v.id, agent, false);
        const row = repo.get(v.id);
        if (row) return { row, effective: v.effective_priority, claimedNow: before === null };
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e; // another agent took it first
      }
    }
    if (limit === 0 || views.length < limit) return undefined;
  }
  return undefined;
}
