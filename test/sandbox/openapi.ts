/**
 * Validates sandbox bodies against X's official OpenAPI document (spec 2.159), loaded at test time
 * only: X_OPENAPI_SPEC, else the copy in ../shared beside the project (there in CI too).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";

const ROOT = resolve(import.meta.dirname, "../..");
const CANDIDATES = [process.env.X_OPENAPI_SPEC, join(ROOT, "..", "shared", "x-openapi.json")];

export type SchemaName =
  | "Get2UsersMeResponse"
  | "Get2UsersIdMentionsResponse"
  | "Get2TweetsSearchRecentResponse"
  | "TweetCreateResponse"
  | "CreateDmEventResponse"
  | "Get2DmEventsResponse"
  | "Get2UsersByUsernameUsernameResponse"
  | "Get2UsageTweetsResponse"
  | "Problem";

export function loadSpecValidator(): (schema: SchemaName, body: unknown) => string | null {
  const path = CANDIDATES.find((candidate) => candidate !== undefined && existsSync(candidate));
  if (!path) throw new Error("x-openapi.json not found (set X_OPENAPI_SPEC)");
  const spec = JSON.parse(readFileSync(path, "utf8")) as { components: Record<string, unknown> };
  const ajv = new Ajv({ strict: false, validateFormats: false, discriminator: false, allErrors: true });
  ajv.addSchema({ components: spec.components }, "spec");
  return (schema, body) => {
    const valid = ajv.validate({ $ref: `spec#/components/schemas/${schema}` }, body);
    return valid ? null : ajv.errorsText(ajv.errors);
  };
}
