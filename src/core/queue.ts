/** The states of a case (design §4) and which action may move it where. Pure. */
export type CaseStatus = "new" | "replied" | "dm" | "escalated" | "pending" | "resolved" | "ignored";

export type CaseAction = "reply" | "dm" | "escalate" | "resolve" | "ignore" | "reopen";

export const OPEN_STATUSES: readonly CaseStatus[] = ["new", "replied", "dm", "escalated", "pending"];
export const CLOSED_STATUSES: readonly CaseStatus[] = ["resolved", "ignored"];

const TARGET: Record<CaseAction, CaseStatus> = {
  reply: "replied",
  dm: "dm",
  escalate: "escalated",
  resolve: "resolved",
  ignore: "ignored",
  reopen: "new",
};

export interface Transition {
  ok: boolean;
  to: CaseStatus;
  /** Why not, in words, when !ok. */
  why?: string;
}

/** Where `action` takes a case in `status`, or why it cannot. */
export function transition(status: CaseStatus, action: CaseAction): Transition {
  const to = TARGET[action];
  if (action === "reopen") {
    return CLOSED_STATUSES.includes(status)
      ? { ok: true, to }
      : { ok: false, to, why: `the case is ${status}, not resolved or ignored` };
  }
  if (CLOSED_STATUSES.includes(status)) {
    return { ok: false, to, why: `the case is already ${status}` };
  }
  // the public invitation that follows a DM does not take the case out of DM
  if (action === "reply" && status === "dm") return { ok: true, to: "dm" };
  return { ok: true, to };
}

/**
 * The actions that handle a customer, so that their next post goes to the same agent (the sticky
 * owner): what the customer sees (a reply, a DM), a hand-over (escalate) and closing their case.
 * A claim, a skip or a quit in triage, a note or a follow-up only look at the case, and ignoring
 * a troll or spam is not looking after them: none of these makes the customer the agent's.
 */
export const HANDLING_ACTIONS: readonly CaseAction[] = ["reply", "dm", "escalate", "resolve"];

export const IGNORE_REASONS = ["troll", "spam", "noise"] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

/** Whether a case claimed by `assignee` may be acted on by `agent`. */
export function mayAct(assignee: string | null, agent: string, force: boolean): boolean {
  return force || assignee === null || assignee === agent;
}

/** A follow-up time: "3d", "12h", "90m", "1w" after now. Undefined when it is not a duration. */
export function dueAfter(duration: string, now: Date): Date | undefined {
  const m = /^(\d+)\s*(m|min|h|d|w)$/i.exec(duration.trim());
  if (!m) return undefined;
  const unit: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  return new Date(now.getTime() + Number(m[1]) * unit[m[2]!.toLowerCase()]!);
}
