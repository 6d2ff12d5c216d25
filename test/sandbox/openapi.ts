/**
 * Validates sandbox bodies against X's official OpenAPI document (spec 2.159), loaded at test time
 * only. Looks for `fixtures/x-openapi.json`, then X_OPENAPI_SPEC, then the shared research copy.
 */
import { existsSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";

const CANDIDATES = [process.env.X_OPENAPI_SPEC, "fixtures/x-openapi.json", "/work/shared/x-openapi.json"];

export type SchemaName =
  | "Get2UsersMeResponse"
  | "Get2UsersIdMentionsResponse"
  | "Get2TweetsSearchRecentResponse"
  | "TweetCreateResponse"
  | "CreateDmEventResponse"
  | "Get2DmEventsResponse"
  | "Get2UsersByUsernameUsernameResponse"
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
