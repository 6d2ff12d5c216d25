import twitterText from "twitter-text";

/** X's limit on a post, in weighted characters (twitter-text). */
export const MAX_WEIGHTED_LENGTH = 280;
/** X rejects a post identical to one the account sent recently; we refuse within this window. */
export const DUPLICATE_WINDOW_MS = 36 * 3_600_000;
/** Below this many followers a troll's post reaches almost nobody: answering only feeds it. */
export const LOW_REACH_FOLLOWERS = 1000;
/** What a post with a link costs against a plain one on pay-per-use X (0.20 vs 0.015 USD). */
export const LINK_COST_FACTOR = 13;

export type LintLevel = "error" | "warning";

export interface LintIssue {
  level: LintLevel;
  code:
    | "no-mention"
    | "too-long"
    | "empty"
    | "unfilled-variable"
    | "no-signature"
    | "asks-personal-data"
    | "exposes-personal-data"
    | "link-cost"
    | "duplicate"
    | "low-reach-troll";
  message: string;
  /** What to do instead, when there is a better action (e.g. `xtriage dm <id>`). */
  suggest?: string;
}

export interface TemplateVars {
  /** The customer's handle, without the @. */
  user: string;
  agent: string;
  signature: string;
  /** The case (mention) id. */
  case: string;
}

export { TEMPLATE_VARIABLES } from "./template-vars.js";

/**
 * Fill `{user} {agent} {signature} {case}` in a template or draft. `{user}` becomes `@handle`.
 * Unknown `{names}` are left in place for the linter to report.
 */
export function fillTemplate(text: string, vars: TemplateVars): string {
  return text.replace(/\{(user|agent|signature|case)\}/g, (_m, name: keyof TemplateVars) =>
    name === "user" ? `@${vars.user}` : vars[name],
  );
}

/**
 * The reply as it will be posted: variables filled, the customer @mentioned at the start when the
 * text does not mention them, the agent's signature at the end when configured and missing.
 */
export function composeReply(draft: string, vars: TemplateVars): string {
  let text = fillTemplate(draft, vars)
    .replace(/[ \t]+$/gm, "")
    .trim();
  if (!mentionsUser(text, vars.user)) text = `@${vars.user} ${text}`;
  if (vars.signature && !text.includes(vars.signature)) text = `${text} ${vars.signature}`;
  return text.replace(/ {2,}/g, " ");
}

export function mentionsUser(text: string, username: string): boolean {
  const wanted = username.toLowerCase();
  return twitterText.extractMentions(text).some((m) => m.toLowerCase() === wanted);
}

/** A link X will wrap: the post is billed at the with-URL rate (x-api.md §5). */
export function containsLink(text: string): boolean {
  return twitterText.extractUrls(text).length > 0;
}

export function weightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

export interface SentReply {
  text: string;
  /** ISO time it was sent. */
  at: string;
}

export interface LintInput {
  /** The final text (after composeReply). */
  text: string;
  /** The customer's handle, without the @. */
  customer: string;
  /** The agent's configured signature, if any. */
  signature?: string;
  /** Set when the config signs its agents' replies but has no signature for this one: it would go out unsigned. */
  unsignedAgent?: { agent: string; agents: readonly string[] };
  /** Replies the brand sent recently (any case): X refuses identical text. */
  recent?: SentReply[];
  now: Date;
  /** What the scorer said about the post being answered. */
  target?: { label?: string | null; followers?: number | null; answerForAudience?: boolean };
  /** `dm` for a direct message: PII requests are fine there, no @mention needed. */
  channel?: "public" | "dm";
}

export interface LintResult {
  ok: boolean;
  errors: LintIssue[];
  warnings: LintIssue[];
  weightedLength: number;
}

/** Check an outgoing reply against the rules that protect the brand (design §1, issue 5). */
export function lintReply(input: LintInput): LintResult {
  const channel = input.channel ?? "public";
  const issues: LintIssue[] = [];
  const text = input.text.trim();
  const length = text ? weightedLength(text) : 0;
  if (!text) issues.push({ level: "error", code: "empty", message: "the reply is empty" });
  if (channel === "public") {
    if (text && !mentionsUser(text, input.customer)) {
      issues.push({ level: "error", code: "no-mention", message: `the reply does not @mention @${input.customer}` });
    }
    if (length > MAX_WEIGHTED_LENGTH) {
      issues.push({
        level: "error",
        code: "too-long",
        message: `the reply is ${length} weighted characters; X allows ${MAX_WEIGHTED_LENGTH}`,
      });
    }
  }
  const unfilled = unfilledVariables(text);
  if (unfilled.length) {
    issues.push({
      level: "error",
      code: "unfilled-variable",
      message: `template variables not filled: ${unfilled.map((v) => `{${v}}`).join(" ")}`,
    });
  }
  if (input.signature && text && !text.includes(input.signature)) {
    issues.push({ level: "error", code: "no-signature", message: `the reply lacks your signature ${input.signature}` });
  }
  if (input.unsignedAgent) issues.push(unsignedAgentIssue(input.unsignedAgent));
  if (channel === "public") issues.push(...personalDataIssues(text));
  if (channel === "public" && containsLink(text)) {
    issues.push({
      level: "warning",
      code: "link-cost",
      message: `a reply with a link costs about ${LINK_COST_FACTOR}x a plain reply on X`,
    });
  }
  const duplicate = duplicateIssue(text, input.recent ?? [], input.now);
  if (duplicate) issues.push(duplicate);
  const t = input.target;
  if (
    channel === "public" &&
    t?.label === "troll" &&
    !t.answerForAudience &&
    (t.followers ?? 0) < LOW_REACH_FOLLOWERS
  ) {
    issues.push({
      level: "warning",
      code: "low-reach-troll",
      message: `this looks like a troll with ${t.followers ?? 0} followers: a public answer may only feed it`,
      suggest: "xtriage ignore <id> --reason troll",
    });
  }
  const errors = issues.filter((i) => i.level === "error");
  return {
    ok: errors.length === 0,
    errors,
    warnings: issues.filter((i) => i.level === "warning"),
    weightedLength: length,
  };
}

/** Replies go out under the agent's own name (design §1): an agent the config does not sign for is stopped. */
function unsignedAgentIssue({ agent, agents }: { agent: string; agents: readonly string[] }): LintIssue {
  return {
    level: "error",
    code: "no-signature",
    message: `agent ${agent} has no signature in the config (agents with one: ${agents.join(", ")})`,
    suggest: `act as a configured agent (--agent or XTRIAGE_AGENT), or give ${agent} a signature under agents: in the config`,
  };
}

function unfilledVariables(text: string): string[] {
  return [...text.matchAll(/\{([a-z_]+)\}/gi)].map((m) => m[1]!);
}

function normalizeForDuplicate(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The duplicate rule alone, for a text checked once already (a retry from the outbox). */
export function duplicateIssue(text: string, recent: SentReply[], now: Date): LintIssue | undefined {
  const key = normalizeForDuplicate(text);
  const since = now.getTime() - DUPLICATE_WINDOW_MS;
  const duplicate = recent.find((r) => Date.parse(r.at) >= since && normalizeForDuplicate(r.text) === key);
  if (!duplicate) return undefined;
  return {
    level: "error",
    code: "duplicate",
    message: `identical to a reply sent at ${duplicate.at} (X rejects duplicates within hours)`,
    suggest: "change the wording",
  };
}

/**
 * Requests for personal or bank data, Spanish and English. A sentence that sends the customer to DM,
 * or tells them NOT to share data, is fine: that is exactly what a careful reply says.
 */
const DATA_REQUESTS: { what: string; pattern: RegExp }[] = [
  { what: "an identity document", pattern: /\b(dni|nie|nif|pasaporte|passport|curp|ssn|social security)\b/i },
  {
    what: "card or bank numbers",
    pattern:
      /\b(iban|cvv|cvc|pin|n[uú]mero de (la )?(tarjeta|cuenta)|datos bancarios|cuenta bancaria|tarjeta de cr[eé]dito|(credit |debit )?card (number|details)|account number|bank (details|account)|sort code|routing number)\b/i,
  },
  {
    what: "a postal address",
    pattern: /\b((tu|su|vuestra) direcci[oó]n|direcci[oó]n postal|domicilio|(your|home|postal|street) address)\b/i,
  },
  {
    what: "a phone number",
    pattern: /\b(n[uú]mero de (tel[eé]fono|m[oó]vil|celular)|(tu|su) (tel[eé]fono|celular)|(your )?phone number)\b/i,
  },
  {
    what: "an email address",
    pattern: /\b((tu|su) (e-?mail|correo)|correo electr[oó]nico|(your )?e-?mail( address)?)\b/i,
  },
  { what: "a password", pattern: /\b(contrase[ñn]a|(tu|su) clave|password|passcode)\b/i },
  {
    what: "personal data",
    pattern:
      /\b((p[aá]sa|m[aá]nda|env[ií]a|d[aá])(nos|me) (tus|sus) datos|(tus|sus) datos personales|datos personales|your (personal )?(details|data|information|info))\b/i,
  },
];

const PRIVATE_CHANNEL = /\b(dm|md|mensaje (directo|privado)|privado|en privado|privately|direct message|inbox)\b/i;
const NEGATION = /\b(no|nunca|jam[aá]s|ni|don'?t|do not|never|not)\b/i;

function personalDataIssues(text: string): LintIssue[] {
  const issues: LintIssue[] = [];
  const asked = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?¿¡\n])\s*/)) {
    if (PRIVATE_CHANNEL.test(sentence)) continue;
    for (const { what, pattern } of DATA_REQUESTS) {
      const m = pattern.exec(sentence);
      if (!m) continue;
      if (NEGATION.test(sentence.slice(0, m.index))) continue;
      asked.add(what);
    }
  }
  if (asked.size) {
    issues.push({
      level: "error",
      code: "asks-personal-data",
      message: `a public reply must not ask for ${[...asked].join(", ")}`,
      suggest: "move the case to DM: xtriage dm <id>",
    });
  }
  const exposed = exposedData(text);
  if (exposed.length) {
    issues.push({
      level: "error",
      code: "exposes-personal-data",
      message: `the reply contains ${exposed.join(", ")}`,
      suggest: "move the case to DM: xtriage dm <id>",
    });
  }
  return issues;
}

/** Data that must never appear in a public reply, found by shape (not by wording). */
function exposedData(text: string): string[] {
  const found: string[] = [];
  if (/\b\d{8}[-\s]?[A-HJ-NP-TV-Z]\b|\b[XYZ][-\s]?\d{7}[-\s]?[A-HJ-NP-TV-Z]\b/i.test(text))
    found.push("an identity number");
  if (/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}\b/.test(text)) found.push("an IBAN");
  for (const m of text.matchAll(/\b(?:\d[ -]?){13,19}\b/g)) {
    if (luhn(m[0].replace(/\D/g, ""))) {
      found.push("a card number");
      break;
    }
  }
  const withoutMentions = text.replace(/(^|\s)@\w+/g, " ");
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(withoutMentions)) found.push("an email address");
  // grouped digits ("600 123 456", "555-123-4567") or an international prefix: a run of plain digits
  // is more often a ticket or contract number, which is fine in public
  const withoutLongNumbers = text.replace(/\b(?:\d[ -]?){13,19}\b/g, "");
  if (/\b\d{3}[\s-]\d{2,3}[\s-]\d{2,4}\b|\+\d{1,3}[\s-]?\d{6,12}\b/.test(withoutLongNumbers)) {
    found.push("a phone number");
  }
  return found;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}
