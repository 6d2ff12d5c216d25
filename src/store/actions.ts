import { type CaseAction, type CaseStatus, HANDLING_ACTIONS, mayAct, transition } from "../core/queue.js";
import { ConflictError, NotFoundError } from "../errors.js";
import type { DB } from "./db.js";
import type { ActionRow } from "./mentions.js";

export type ActionKind =
  | "reply"
  | "dm"
  | "escalate"
  | "note"
  | "claim"
  | "release"
  | "resolve"
  | "ignore"
  | "reopen"
  | "followup";

/** SQL for "this action handled the customer" on `actions a` (the sticky owner; see HANDLING_ACTIONS). */
const HANDLED = `a.kind IN (${HANDLING_ACTIONS.map((k) => `'${k}'`).join(", ")}) AND a.state IN ('sent', 'done')`;

export interface CaseRow {
  id: string;
  author_id: string;
  username: string | null;
  status: CaseStatus;
  assignee: string | null;
  version: number;
  source: string;
  first_response_at: string | null;
}

export interface NewAction {
  mentionId: string;
  kind: ActionKind;
  agent: string;
  text?: string;
  reason?: string;
  target?: string;
}

export interface FollowupRow {
  id: number;
  mention_id: string;
  due_at: string;
  note: string;
  agent: string;
  done_at: string | null;
  created_at: string;
  username: string | null;
  status: string;
}

/**
 * The case log and the outbox. Every write is one short immediate transaction; none spans a call to X
 * (record pending → call X → record sent). State changes are optimistic: the UPDATE names the version
 * it read, so of two writers exactly one wins and the other gets a ConflictError (exit 6).
 */
export function caseStore(db: DB, now: () => Date) {
  const caseById = db.prepare<[string], CaseRow>(`
    SELECT m.id, m.author_id, a.username, m.status, m.assignee, m.version, m.source, m.first_response_at
    FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id = ?`);
  const insertAction = db.prepare(`
    INSERT INTO actions (mention_id, kind, agent, text, reason, target, state, created_at, updated_at)
    VALUES (@mentionId, @kind, @agent, @text, @reason, @target, @state, @now, @now)`);
  const setSent = db.prepare(
    "UPDATE actions SET state = 'sent', remote_id = ?, error = NULL, updated_at = ? WHERE id = ? AND state = 'pending'",
  );
  const setFailed = db.prepare(
    "UPDATE actions SET state = 'failed', error = ?, updated_at = ? WHERE id = ? AND state = 'pending'",
  );
  const setPendingAgain = db.prepare(
    "UPDATE actions SET state = 'pending', error = NULL, updated_at = ? WHERE id = ? AND state = ?",
  );
  const actionById = db.prepare<[number], ActionRow>("SELECT * FROM actions WHERE id = ?");
  const liveReplies = db.prepare<[string, string], ActionRow>(`
    SELECT * FROM actions WHERE mention_id = ? AND kind = ? AND state IN ('pending', 'sent') ORDER BY id`);
  const recentSent = db.prepare<[string, number], { text: string; at: string }>(`
    SELECT text, updated_at AS at FROM actions
    WHERE kind = 'reply' AND state IN ('sent', 'pending') AND updated_at >= ? AND id <> ?`);
  const pendingAll = db.prepare<[], ActionRow>(
    "SELECT * FROM actions WHERE state IN ('pending', 'failed') AND kind IN ('reply', 'dm') ORDER BY id",
  );
  const bumpStatus = db.prepare(`
    UPDATE mentions SET status = @to, status_changed_at = @now, version = version + 1,
      resolved_at = CASE WHEN @to = 'resolved' THEN @now WHEN @to = 'new' THEN NULL ELSE resolved_at END,
      assignee = CASE WHEN @claim = 1 THEN coalesce(assignee, @agent) ELSE assignee END
    WHERE id = @id AND version = @version`);
  const firstResponse = db.prepare(
    "UPDATE mentions SET first_response_at = coalesce(first_response_at, ?) WHERE id = ?",
  );
  const setAssignee = db.prepare(
    "UPDATE mentions SET assignee = ?, version = version + 1 WHERE id = ? AND version = ?",
  );
  const lastActor = db.prepare<[string, string], { agent: string; created_at: string }>(
    "SELECT agent, created_at FROM actions WHERE mention_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
  );

  const lastHandler = db.prepare<[string], { agent: string }>(`
    SELECT a.agent FROM actions a JOIN mentions m ON m.id = a.mention_id
    WHERE m.author_id = ? AND ${HANDLED}
    ORDER BY a.id DESC LIMIT 1`);

  const stamp = () => now().toISOString();

  function mustGet(id: string): CaseRow {
    const row = caseById.get(id);
    if (!row) throw new NotFoundError(`no mention with id ${id}`, "xtriage list --status all shows what is stored");
    return row;
  }

  function ensureMayAct(row: CaseRow, agent: string, force: boolean): void {
    if (!mayAct(row.assignee, agent, force)) {
      throw new ConflictError(
        `case ${row.id} is claimed by ${row.assignee}`,
        "ask them, or pass --force to act anyway",
      );
    }
  }

  function insert(a: NewAction, state: "pending" | "done"): number {
    const info = insertAction.run({
      mentionId: a.mentionId,
      kind: a.kind,
      agent: a.agent,
      text: a.text ?? "",
      reason: a.reason ?? "",
      target: a.target ?? "",
      state,
      now: stamp(),
    });
    return Number(info.lastInsertRowid);
  }

  function applyTransition(row: CaseRow, action: CaseAction, agent: string): CaseStatus {
    const t = transition(row.status, action);
    if (!t.ok) {
      const closer =
        row.status === "resolved" || row.status === "ignored"
          ? lastActor.get(row.id, row.status === "resolved" ? "resolve" : "ignore")
          : undefined;
      throw new ConflictError(`case ${row.id}: ${t.why}${closer ? ` (by ${closer.agent})` : ""}`);
    }
    const changed = bumpStatus.run({
      id: row.id,
      to: t.to,
      now: stamp(),
      agent,
      claim: action === "reply" || action === "dm" ? 1 : 0,
      version: row.version,
    }).changes;
    if (changed === 0) {
      const current = caseById.get(row.id);
      throw new ConflictError(
        `case ${row.id} changed while you acted on it (now ${current?.status ?? "gone"}${current?.assignee ? `, held by ${current.assignee}` : ""})`,
      );
    }
    return t.to;
  }

  function checkRemote(a: NewAction & { kind: "reply" | "dm" }, force: boolean): void {
    const row = mustGet(a.mentionId);
    ensureMayAct(row, a.agent, force);
    const t = transition(row.status, a.kind);
    if (!t.ok && !force) throw new ConflictError(`case ${row.id}: ${t.why}`, "xtriage reopen it first");
    const last = liveReplies.all(a.mentionId, a.kind).at(-1);
    if (!last || force) return;
    const what = a.kind === "reply" ? "public reply" : "DM";
    if (last.state === "pending") {
      throw new ConflictError(
        `a ${what} to case ${row.id} by ${last.agent} is pending (action ${last.id}): it may have been posted`,
        "xtriage outbox shows it; check X before retrying",
      );
    }
    throw new ConflictError(
      `case ${row.id} already has a ${what} by ${last.agent} (action ${last.id})`,
      "pass --force to send another",
    );
  }

  return {
    get: (id: string) => caseById.get(id),
    mustGet,

    /**
     * Before a remote action: check the case may be acted on and record the action `pending`, in one
     * immediate transaction, so two runs on one case cannot both get past this point.
     */
    beginRemote(a: NewAction & { kind: "reply" | "dm" }, force: boolean): number {
      return db
        .transaction(() => {
          checkRemote(a, force);
          return insert(a, "pending");
        })
        .immediate();
    },

    /** The checks of beginRemote without recording anything (to fail early, before a prompt). */
    checkRemote,

    /** After X accepted it: the remote id, the case's new status, its first response time. */
    completeRemote(actionId: number, remoteId: string): CaseStatus | undefined {
      return db
        .transaction(() => {
          setSent.run(remoteId, stamp(), actionId);
          const action = actionById.get(actionId);
          if (!action) return undefined;
          firstResponse.run(stamp(), action.mention_id);
          const row = caseById.get(action.mention_id);
          if (!row) return undefined;
          const t = transition(row.status, action.kind as CaseAction);
          if (!t.ok) return row.status;
          return applyTransition(row, action.kind as CaseAction, action.agent);
        })
        .immediate();
    },

    failRemote(actionId: number, error: string): void {
      setFailed.run(error, stamp(), actionId);
    },

    /**
     * A failed (or, with force, pending) action goes back to pending before a retry, after the checks
     * of beginRemote for `agent`, in one immediate transaction: a retry sends nothing that `reply` or
     * `dm` would refuse (a second public reply, a claimed or closed case) unless forced.
     */
    retryRemote(actionId: number, agent: string, force: boolean): ActionRow {
      return db
        .transaction(() => {
          const a = actionById.get(actionId);
          if (!a) throw new NotFoundError(`no action ${actionId}`);
          if (a.state !== "failed" && a.state !== "pending") {
            throw new ConflictError(`action ${actionId} is ${a.state}, not failed or pending`);
          }
          const kind = a.kind;
          if (kind !== "reply" && kind !== "dm") throw new ConflictError(`action ${actionId} is not sent to X`);
          checkRemote({ mentionId: a.mention_id, kind, agent }, force);
          setPendingAgain.run(stamp(), actionId, a.state);
          return a;
        })
        .immediate();
    },

    action: (id: number) => actionById.get(id),
    /** The agent who last handled this customer: their new posts go to them (the owner is sticky). */
    lastHandler: (authorId: string) => lastHandler.get(authorId)?.agent,
    outbox: () => pendingAll.all(),

    /** Replies sent (or maybe sent) by the brand in the duplicate window, for the linter. */
    recentReplies(sinceIso: string, exceptActionId = -1): { text: string; at: string }[] {
      return recentSent.all(sinceIso, exceptActionId);
    },

    /** A local action that moves the case (escalate, resolve, ignore, reopen). */
    act(a: NewAction & { kind: CaseAction }, force: boolean): { actionId: number; status: CaseStatus } {
      return db
        .transaction(() => {
          const row = mustGet(a.mentionId);
          ensureMayAct(row, a.agent, force);
          const status = applyTransition(row, a.kind, a.agent);
          if (a.kind === "escalate" && a.target) setAssignee.run(a.target, row.id, row.version + 1);
          return { actionId: insert(a, "done"), status };
        })
        .immediate();
    },

    /** A note or a follow-up entry: no state change. */
    log(a: NewAction): number {
      return db
        .transaction(() => {
          mustGet(a.mentionId);
          return insert(a, "done");
        })
        .immediate();
    },

    claim(mentionId: string, agent: string, force: boolean): CaseRow {
      return db
        .transaction(() => {
          const row = mustGet(mentionId);
          if (row.assignee === agent) return row;
          ensureMayAct(row, agent, force);
          if (setAssignee.run(agent, row.id, row.version).changes === 0) {
            throw new ConflictError(`case ${row.id} changed while you claimed it`);
          }
          insert(
            { mentionId, kind: "claim", agent, ...(row.assignee ? { reason: `from ${row.assignee}` } : {}) },
            "done",
          );
          return mustGet(mentionId);
        })
        .immediate();
    },

    release(mentionId: string, agent: string, force: boolean): CaseRow {
      return db
        .transaction(() => {
          const row = mustGet(mentionId);
          if (row.assignee === null) return row;
          ensureMayAct(row, agent, force);
          setAssignee.run(null, row.id, row.version);
          insert({ mentionId, kind: "release", agent }, "done");
          return mustGet(mentionId);
        })
        .immediate();
    },
  };
}

export type CaseStore = ReturnType<typeof caseStore>;

/** Follow-ups: due dates on a case, listed and closed by id. */
export function followupStore(db: DB) {
  const insert = db.prepare(
    "INSERT INTO followups (mention_id, due_at, note, agent, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const SELECT = `SELECT f.*, a.username, m.status FROM followups f JOIN mentions m ON m.id = f.mention_id
    LEFT JOIN authors a ON a.id = m.author_id`;
  const open = db.prepare<[], FollowupRow>(`${SELECT} WHERE f.done_at IS NULL ORDER BY f.due_at, f.id`);
  const due = db.prepare<[string], FollowupRow>(
    `${SELECT} WHERE f.done_at IS NULL AND f.due_at <= ? ORDER BY f.due_at, f.id`,
  );
  const byId = db.prepare<[number], FollowupRow>(`${SELECT} WHERE f.id = ?`);
  const markDone = db.prepare("UPDATE followups SET done_at = ? WHERE id = ? AND done_at IS NULL");
  const forMention = db.prepare<[string], FollowupRow>(`${SELECT} WHERE f.mention_id = ? ORDER BY f.due_at`);
  return {
    add(mentionId: string, dueAt: string, note: string, agent: string, now: string): number {
      return Number(insert.run(mentionId, dueAt, note, agent, now).lastInsertRowid);
    },
    open: () => open.all(),
    due: (nowIso: string) => due.all(nowIso),
    get: (id: number) => byId.get(id),
    forMention: (mentionId: string) => forMention.all(mentionId),
    /** False when it was already done. */
    done(id: number, nowIso: string): boolean {
      return markDone.run(nowIso, id).changes === 1;
    },
  };
}

export interface CustomerRow {
  id: string;
  username: string;
  name: string;
  followers: number;
  verified: number;
  created_at: string;
  description: string;
  location: string;
}

export interface CustomerPost {
  id: string;
  text: string;
  lang: string;
  created_at: string;
  source: string;
  status: string;
  assignee: string | null;
  label: string | null;
  priority: number | null;
  first_response_at: string | null;
  resolved_at: string | null;
}

/** A customer across every case: who they are, what they posted, what the brand did. */
export function customerStore(db: DB) {
  const byUsername = db.prepare<[string], CustomerRow>(
    "SELECT * FROM authors WHERE username = ? COLLATE NOCASE ORDER BY updated_at DESC LIMIT 1",
  );
  const byId = db.prepare<[string], CustomerRow>("SELECT * FROM authors WHERE id = ?");
  const posts = db.prepare<[string], CustomerPost>(`
    SELECT id, text, lang, created_at, source, status, assignee, label, priority, first_response_at, resolved_at
    FROM mentions WHERE author_id = ? ORDER BY created_at, id`);
  const actions = db.prepare<[string], ActionRow>(`
    SELECT a.* FROM actions a JOIN mentions m ON m.id = a.mention_id WHERE m.author_id = ? ORDER BY a.created_at, a.id`);
  const followups = db.prepare<[string], FollowupRow>(`
    SELECT f.*, au.username, m.status FROM followups f JOIN mentions m ON m.id = f.mention_id
    LEFT JOIN authors au ON au.id = m.author_id WHERE m.author_id = ? ORDER BY f.due_at, f.id`);
  const forgetSteps = [
    "DELETE FROM followups WHERE mention_id IN (SELECT id FROM mentions WHERE author_id = @id)",
    "DELETE FROM actions WHERE mention_id IN (SELECT id FROM mentions WHERE author_id = @id)",
    "DELETE FROM mention_hashtags WHERE author_id = @id OR mention_id IN (SELECT id FROM mentions WHERE author_id = @id)",
    "DELETE FROM mentions WHERE author_id = @id",
    "DELETE FROM referenced_posts WHERE author_id = @id OR id IN (SELECT value FROM json_each(@naming))",
    "DELETE FROM authors WHERE id = @id",
  ].map((sql) => db.prepare(sql));
  // Posts by others kept for context (the brand's replies) that answer or @mention the customer:
  // X's own fields first, the text's @handle as a fallback for posts stored without entities.
  const referencedNaming = db.prepare<{ id: string; username: string }, { id: string; text: string; named: number }>(`
    SELECT id, text, (json_valid(raw_json) AND (json_extract(raw_json, '$.in_reply_to_user_id') = @id
      OR EXISTS (SELECT 1 FROM json_each(raw_json, '$.entities.mentions') e
        WHERE json_extract(e.value, '$.id') = @id OR json_extract(e.value, '$.username') = @username COLLATE NOCASE))) AS named
    FROM referenced_posts
    WHERE author_id <> @id AND (raw_json LIKE '%"' || @id || '"%' OR (@username <> '' AND text LIKE '%@' || @username || '%'))`);
  return {
    /** `@handle`, `handle` or a numeric user id. */
    find(who: string): CustomerRow | undefined {
      const handle = who.replace(/^@/, "");
      return (/^\d+$/.test(handle) ? byId.get(handle) : undefined) ?? byUsername.get(handle);
    },
    posts: (authorId: string) => posts.all(authorId),
    actions: (authorId: string) => actions.all(authorId),
    followups: (authorId: string) => followups.all(authorId),
    /** Delete every row about the customer, in one transaction. Returns rows deleted per table. */
    forget(author: { id: string; username: string }): Record<string, number> {
      const tables = ["followups", "actions", "mention_hashtags", "mentions", "referenced_posts", "authors"];
      const escaped = author.username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const handle = escaped ? new RegExp(`(?<![\\w@])@${escaped}(?!\\w)`, "i") : undefined;
      return db
        .transaction(() => {
          const naming = referencedNaming
            .all({ id: author.id, username: author.username })
            .filter((r) => r.named === 1 || handle?.test(r.text))
            .map((r) => r.id);
          const params = { id: author.id, naming: JSON.stringify(naming) };
          const counts: Record<string, number> = {};
          forgetSteps.forEach((step, i) => {
            counts[tables[i]!] = step.run(params).changes;
          });
          return counts;
        })
        .immediate();
    },
  };
}

/**
 * The owner is sticky: unclaimed new posts go to the agent who last handled their author. For
 * import and fetch to call after storing a batch; returns how many posts were assigned.
 */
export function assignStickyOwners(db: DB, mentionIds: readonly string[]): number {
  const assign = db.prepare(`
    UPDATE mentions SET assignee = (
      SELECT a.agent FROM actions a JOIN mentions past ON past.id = a.mention_id
      WHERE past.author_id = mentions.author_id AND past.id <> mentions.id
        AND ${HANDLED}
      ORDER BY a.id DESC LIMIT 1)
    WHERE id = ? AND assignee IS NULL AND status = 'new'
      AND EXISTS (SELECT 1 FROM actions a JOIN mentions past ON past.id = a.mention_id
        WHERE past.author_id = mentions.author_id AND past.id <> mentions.id
          AND ${HANDLED})`);
  return db.transaction(() => mentionIds.reduce((n, id) => n + assign.run(id).changes, 0)).immediate();
}
