import type { Reason } from "../core/types.js";
import type { FieldDef, Tone } from "../io/output.js";
import type { MentionRow } from "../store/mentions.js";
import { decodeScoreExtras, type ScoreExtras } from "../store/score-json.js";

/** A stored mention with what is computed when it is read: effective priority and SLA state. */
export interface MentionView extends MentionRow {
  effective_priority: number;
  waiting_minutes: number;
  sla_state: "answered" | "ok" | "due" | "breached";
}

export function scoreExtras(row: MentionRow): ScoreExtras {
  return decodeScoreExtras(row.score_json);
}

export function postUrl(row: { username: string | null; id: string }): string {
  return `https://x.com/${row.username || "i/web"}/status/${row.id}`;
}

export function signed(weight: number): string {
  const w = Math.abs(weight) < 1 ? weight.toFixed(2) : String(Math.round(weight));
  return weight >= 0 ? `+${w}` : w;
}

/** "@fibranova @ana hola" reads "hola" in a narrow table; the full text is in TSV, JSON and show. */
function withoutLeadingMentions(text: string): string {
  const rest = text.replace(/^(?:\s*@\w{1,15}\b)+[\s,:]*/u, "");
  return rest || text;
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

const labelTone = (v: unknown): Tone | undefined =>
  v === "troll" ? "red" : v === "unsure" ? "yellow" : v === "genuine" ? "green" : undefined;
const levelTone = (v: unknown): Tone | undefined =>
  typeof v === "number" ? (v >= 70 ? "red" : v >= 40 ? "yellow" : "dim") : undefined;
const slaTone = (v: unknown): Tone | undefined => (v === "breached" ? "red" : v === "due" ? "yellow" : undefined);

export const mentionFields: FieldDef<MentionView>[] = [
  { name: "priority", header: "pri", kind: "number", get: (r) => Math.round(r.effective_priority), tone: levelTone },
  { name: "id", get: (r) => r.id },
  { name: "age", kind: "time", get: (r) => r.created_at },
  { name: "created_at", get: (r) => r.created_at },
  { name: "author", get: (r) => (r.username ? `@${r.username}` : r.author_id) },
  { name: "author_id", get: (r) => r.author_id },
  { name: "name", get: (r) => r.author_name ?? "" },
  { name: "followers", kind: "number", get: (r) => r.followers ?? 0 },
  { name: "verified", get: (r) => r.verified === 1 },
  { name: "label", get: (r) => r.label, tone: labelTone },
  { name: "troll", kind: "number", get: (r) => round2(r.troll) },
  { name: "complaint", kind: "number", get: (r) => round2(r.complaint) },
  { name: "sentiment", kind: "number", get: (r) => round2(r.sentiment) },
  { name: "reach", kind: "number", get: (r) => r.reach },
  { name: "urgency", header: "urg", kind: "number", get: (r) => r.urgency, tone: levelTone },
  { name: "base_priority", kind: "number", get: (r) => r.priority },
  { name: "status", get: (r) => r.status },
  { name: "assignee", get: (r) => r.assignee },
  { name: "sla", get: (r) => r.sla_state, tone: slaTone },
  { name: "waiting_minutes", kind: "number", get: (r) => Math.round(r.waiting_minutes) },
  { name: "lang", get: (r) => r.lang },
  { name: "hashtags", kind: "list", get: (r) => JSON.parse(r.hashtags) as string[] },
  {
    name: "reasons",
    kind: "list",
    get: (r) => (scoreExtras(r).reasons ?? []).map((x) => ({ field: x.field, weight: x.weight, text: x.text })),
    plain: (v) => (v as Reason[]).map((x) => `${x.field} ${signed(x.weight)}: ${x.text}`).join("; "),
  },
  { name: "source", get: (r) => r.source },
  { name: "conversation_id", get: (r) => r.conversation_id },
  { name: "url", get: (r) => postUrl(r) },
  { name: "text", get: (r) => r.text, brief: (v) => withoutLeadingMentions(String(v)), flexible: true },
];

export const tableMentionFields = ["priority", "age", "id", "author", "label", "urgency", "sla", "text"];
/** Under 100 columns the text needs the room more than the label, urgency and SLA columns. */
export const narrowTableMentionFields = ["priority", "age", "id", "author", "text"];

export function tableFieldsFor(columns: number): string[] {
  return columns < 100 ? narrowTableMentionFields : tableMentionFields;
}
