import type { ErrorObject } from "ajv";
import { validate } from "./generated/config-validator.js";

/** A year: longer SLA minutes are a typo, and would push due dates past what a Date can hold. */
const MAX_SLA_MINUTES = 525_600;
const minutes = { type: "number", exclusiveMinimum: 0, maximum: MAX_SLA_MINUTES };

const sla = {
  type: "object",
  additionalProperties: false,
  properties: { first_response_minutes: minutes, ceiling_minutes: minutes },
};

/** A time of day, 00:00 to 23:59. */
const TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
/** An X id: digits, and a string, since YAML reads a bare number into a double that loses digits. */
const ID_PATTERN = "^[0-9]{1,19}$";

const stringList = { type: "array", items: { type: "string", minLength: 1 } };

const handle = { type: "string", pattern: "^@?[A-Za-z0-9_]{1,15}$" };

/** JSON Schema of the YAML config file (snake_case keys, as users write them). */
export const configSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    accounts: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["handle"],
        properties: {
          handle,
          id: { type: "string", pattern: ID_PATTERN },
          lang: { type: "string" },
          sla,
          business_hours: {
            type: "object",
            additionalProperties: false,
            required: ["start", "end"],
            properties: {
              // an IANA zone: checked with Intl below, JSON Schema cannot
              tz: { type: "string", minLength: 1 },
              // at least one: with none, no wait would ever count and no case could breach
              days: {
                type: "array",
                minItems: 1,
                items: { enum: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] },
              },
              start: { type: "string", pattern: TIME_PATTERN },
              end: { type: "string", pattern: TIME_PATTERN },
            },
          },
        },
      },
    },
    search_queries: stringList,
    /** Handles, or { handle, name } with a display name (string keywords apply to strings, object ones to objects). */
    competitors: {
      type: "array",
      items: {
        type: ["string", "object"],
        pattern: handle.pattern,
        additionalProperties: false,
        required: ["handle"],
        properties: { handle, name: { type: "string", minLength: 1 } },
      },
    },
    vip_handles: stringList,
    crisis_hashtags: stringList,
    popular_hashtag_authors: { type: "integer", minimum: 1 },
    agents: {
      type: "object",
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: { name: { type: "string" }, signature: { type: "string" } },
      },
    },
    templates: {
      type: "object",
      additionalProperties: {
        oneOf: [
          { type: "string", minLength: 1 },
          {
            type: "object",
            additionalProperties: false,
            required: ["text"],
            properties: { lang: { type: "string" }, text: { type: "string", minLength: 1 } },
          },
        ],
      },
    },
    scoring: {
      type: "object",
      additionalProperties: false,
      properties: {
        words: { type: "object", additionalProperties: { type: "object", additionalProperties: stringList } },
        weights: { type: "object", additionalProperties: { type: "number" } },
      },
    },
    prices: { type: "object", additionalProperties: { type: "number", minimum: 0 } },
    sla,
  },
} as const;

/**
 * Returns a readable description of the first problem, or null when the document is valid.
 * `literal` gives a value as written in the file (by its path), so a hint can quote the digits of
 * an id that YAML has already rounded.
 */
export function validateConfigDocument(
  doc: unknown,
  literal: (path: string[]) => string | undefined = () => undefined,
): string | null {
  if (!validate(doc)) return schemaProblem(doc, validate.errors?.[0], literal);
  return zoneProblem(doc as { accounts?: { business_hours?: { tz?: string } }[] });
}

function schemaProblem(
  doc: unknown,
  e: ErrorObject | undefined,
  literal: (path: string[]) => string | undefined,
): string {
  if (!e) return "invalid configuration";
  // instance paths are JSON pointers; config keys hold no "/" or "~" worth unescaping for a message
  const path = e.instancePath ? e.instancePath.slice(1).split("/") : [];
  const where = path.length > 0 ? path.join(".") : "top level";
  const key = path.at(-1) ?? "";
  const value = path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc);
  if (e.keyword === "type" && typeof value === "number" && String(e.params.type).includes("string")) {
    // never suggest the rounded digits: without the text as written, name no value
    const exact = literal(path) ?? (Number.isSafeInteger(value) ? String(value) : undefined);
    const item = /^\d+$/.test(key) ? "" : `${key}: `;
    const quoted = exact === undefined ? "put it in quotes" : `write ${item}"${exact}"`;
    return key === "id"
      ? `${where} is a number; X ids must be strings (precision is lost): ${quoted}`
      : `${where} is a number, and must be text: ${quoted}`;
  }
  if (e.keyword === "pattern" && e.params.pattern === TIME_PATTERN)
    return `${where}: must be a time of day from 00:00 to 23:59 (HH:MM), not ${JSON.stringify(value)}`;
  if (e.keyword === "pattern" && e.params.pattern === ID_PATTERN)
    return `${where}: must be an X id (digits), not ${JSON.stringify(value)}`;
  const extra = e.keyword === "additionalProperties" ? ` (unknown key "${String(e.params.additionalProperty)}")` : "";
  return `${where}: ${e.message ?? "invalid"}${extra}`;
}

/** Business-hours zones Intl does not know: `report` would fail on them long after the config loaded. */
function zoneProblem(doc: { accounts?: { business_hours?: { tz?: string } }[] }): string | null {
  for (const [i, account] of (doc.accounts ?? []).entries()) {
    const tz = account.business_hours?.tz;
    if (tz !== undefined && !isTimeZone(tz))
      return `accounts.${i}.business_hours.tz: unknown time zone ${JSON.stringify(tz)} (an IANA name, e.g. Europe/Madrid or America/Mexico_City)`;
  }
  return null;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
