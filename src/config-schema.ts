import { validate } from "./generated/config-validator.js";

const sla = {
  type: "object",
  additionalProperties: false,
  properties: {
    first_response_minutes: { type: "number", exclusiveMinimum: 0 },
    ceiling_minutes: { type: "number", exclusiveMinimum: 0 },
  },
};

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
          id: { type: ["string", "integer"], pattern: "^[0-9]{1,19}$" },
          lang: { type: "string" },
          sla,
          business_hours: {
            type: "object",
            additionalProperties: false,
            required: ["start", "end"],
            properties: {
              tz: { type: "string" },
              days: { type: "array", items: { enum: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] } },
              start: { type: "string", pattern: "^[0-2][0-9]:[0-5][0-9]$" },
              end: { type: "string", pattern: "^[0-2][0-9]:[0-5][0-9]$" },
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

/** Returns a readable description of the first problem, or null when the document is valid. */
export function validateConfigDocument(doc: unknown): string | null {
  if (validate(doc)) return null;
  const e = validate.errors?.[0];
  if (!e) return "invalid configuration";
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "top level";
  const extra = e.keyword === "additionalProperties" ? ` (unknown key "${String(e.params.additionalProperty)}")` : "";
  return `${where}: ${e.message ?? "invalid"}${extra}`;
}
