import { createHash } from "node:crypto";

/**
 * Which X credentials are in use, from the environment (or a 0600 config file's values, keyed by the
 * same variable names). Precedence: OAuth 1.0a user context, then OAuth 2.0 user token, then the
 * app-only bearer (reads only). The environment wins over the file, except for an OAuth 2.0 pair the
 * file says it replaced (see ROTATED_FROM). Secrets never leave this object except through `tokens`,
 * and `describe()` names variables, never values.
 */
export type CredentialKind = "oauth1" | "oauth2-user" | "app-only" | "none";

export type XOperation = "read" | "me" | "reply" | "dm" | "dm-read";

export interface OAuth1Tokens {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

export interface OAuth2Tokens {
  accessToken: string;
  refreshToken?: string;
  /** Where the refresh token came from: a rotation must replace it there, or mark it stale. */
  refreshFrom?: "environment" | "file";
  clientId?: string;
  clientSecret?: string;
}

export type CredentialTokens =
  | { kind: "oauth1"; oauth1: OAuth1Tokens }
  | { kind: "oauth2-user"; oauth2: OAuth2Tokens }
  | { kind: "app-only"; bearer: string }
  | { kind: "none" };

export interface ResolvedCredentials {
  kind: CredentialKind;
  /** Variable names the values came from (never the values). */
  sources: string[];
  /** Incomplete sets found (e.g. OAuth 1.0a with X_ACCESS_SECRET missing), for error messages. */
  problems: string[];
  allows(operation: XOperation): boolean;
  describe(): string;
  readonly tokens: CredentialTokens;
}

type Values = Record<string, string | undefined>;

/** Each setting with its accepted names, preferred first. */
const NAMES = {
  apiKey: ["X_API_KEY", "TWITTER_API_KEY", "TWITTER_CONSUMER_KEY"],
  apiSecret: ["X_API_SECRET", "TWITTER_API_SECRET", "TWITTER_CONSUMER_SECRET"],
  accessToken: ["X_ACCESS_TOKEN", "TWITTER_ACCESS_TOKEN"],
  accessSecret: ["X_ACCESS_SECRET", "TWITTER_ACCESS_SECRET", "TWITTER_ACCESS_TOKEN_SECRET"],
  oauth2AccessToken: ["X_OAUTH2_ACCESS_TOKEN", "TWITTER_OAUTH2_ACCESS_TOKEN"],
  oauth2RefreshToken: ["X_OAUTH2_REFRESH_TOKEN", "TWITTER_OAUTH2_REFRESH_TOKEN"],
  clientId: ["X_API_CLIENT_ID", "TWITTER_CLIENT_ID", "TWITTER_API_CLIENT_ID"],
  clientSecret: ["X_API_CLIENT_SECRET", "TWITTER_CLIENT_SECRET", "TWITTER_API_CLIENT_SECRET"],
  bearer: ["X_API_BEARER_TOKEN", "TWITTER_BEARER_TOKEN", "TWITTER_API_BEARER_TOKEN"],
} as const;

type Setting = keyof typeof NAMES;

/**
 * The credentials file line naming (by fingerprint) the environment's refresh token that the file's
 * OAuth 2.0 pair replaced. X refresh tokens are single-use: once xtriage has rotated the environment's
 * pair, that pair is dead, and the file's newer pair wins until the environment holds another one.
 */
export const ROTATED_FROM = "X_OAUTH2_ROTATED_FROM";

/** A one-way fingerprint of a token, safe to write down: names it without revealing it. */
export function tokenFingerprint(token: string): string {
  return `sha256:${createHash("sha256").update(token).digest("hex")}`;
}

const OPERATIONS: Record<CredentialKind, XOperation[]> = {
  oauth1: ["read", "me", "reply", "dm", "dm-read"],
  "oauth2-user": ["read", "me", "reply", "dm", "dm-read"],
  "app-only": ["read"],
  none: [],
};

const LABELS: Record<CredentialKind, string> = {
  oauth1: "OAuth 1.0a user context",
  "oauth2-user": "OAuth 2.0 user token",
  "app-only": "app-only bearer token (reads only: mentions, search, user lookup)",
  none: "no X credentials",
};

interface Found {
  value: string;
  name: string;
  from: "environment" | "file";
}

function lookupIn(setting: Setting, values: Values, from: Found["from"]): Found | undefined {
  for (const name of NAMES[setting]) {
    const value = values[name]?.trim();
    if (value) return { value, name, from };
  }
  return undefined;
}

function lookup(setting: Setting, env: Values, file: Values): Found | undefined {
  return lookupIn(setting, env, "environment") ?? lookupIn(setting, file, "file");
}

/** The environment's OAuth 2.0 pair was rotated by an earlier run, which saved its successor in the file. */
function envPairRotated(env: Values, file: Values): boolean {
  const envRefresh = lookupIn("oauth2RefreshToken", env, "environment");
  const marker = file[ROTATED_FROM]?.trim();
  return (
    envRefresh !== undefined &&
    marker === tokenFingerprint(envRefresh.value) &&
    lookupIn("oauth2AccessToken", file, "file") !== undefined
  );
}

export function resolveCredentials(env: Values, fileValues: Values = {}): ResolvedCredentials {
  const rotated = envPairRotated(env, fileValues);
  const get = (setting: Setting) =>
    rotated && (setting === "oauth2AccessToken" || setting === "oauth2RefreshToken")
      ? lookupIn(setting, fileValues, "file")
      : lookup(setting, env, fileValues);
  const problems: string[] = [];
  const notes: string[] = [];

  const oauth1Parts = (["apiKey", "apiSecret", "accessToken", "accessSecret"] as const).map(
    (s) => [s, get(s)] as const,
  );
  const oauth1Found = oauth1Parts.filter(([, found]) => found !== undefined);
  let tokens: CredentialTokens = { kind: "none" };
  let sources: string[] = [];

  if (oauth1Found.length === 4) {
    const [key, secret, token, tokenSecret] = oauth1Parts.map(([, found]) => found!);
    tokens = {
      kind: "oauth1",
      oauth1: {
        appKey: key!.value,
        appSecret: secret!.value,
        accessToken: token!.value,
        accessSecret: tokenSecret!.value,
      },
    };
    sources = oauth1Parts.map(([, found]) => found!.name);
  } else if (oauth1Found.length > 0) {
    const missing = oauth1Parts.filter(([, found]) => !found).map(([setting]) => NAMES[setting][0]);
    problems.push(`OAuth 1.0a credentials are incomplete: ${missing.join(", ")} missing`);
  }

  const oauth2 = get("oauth2AccessToken");
  if (tokens.kind === "none" && oauth2) {
    const refresh = get("oauth2RefreshToken");
    const clientId = get("clientId");
    const clientSecret = get("clientSecret");
    tokens = {
      kind: "oauth2-user",
      oauth2: {
        accessToken: oauth2.value,
        ...(refresh ? { refreshToken: refresh.value, refreshFrom: refresh.from } : {}),
        ...(clientId ? { clientId: clientId.value } : {}),
        ...(clientSecret ? { clientSecret: clientSecret.value } : {}),
      },
    };
    sources = [oauth2, refresh, clientId, clientSecret].flatMap((found) => (found ? [found.name] : []));
    if (refresh && !clientId) problems.push("X_OAUTH2_REFRESH_TOKEN is set but X_API_CLIENT_ID is missing: no refresh");
    if (rotated) {
      notes.push("the environment's OAuth 2.0 pair was already rotated; using its successor from the credentials file");
    }
  }

  const bearer = get("bearer");
  if (tokens.kind === "none" && bearer) {
    tokens = { kind: "app-only", bearer: bearer.value };
    sources = [bearer.name];
  }

  const kind = tokens.kind;
  const frozenTokens = tokens;
  return {
    kind,
    sources,
    problems,
    allows: (operation) => OPERATIONS[kind].includes(operation),
    describe: () => {
      const from = sources.length > 0 ? ` from ${sources.join(", ")}` : "";
      const can = OPERATIONS[kind].length > 0 ? `; allows: ${OPERATIONS[kind].join(", ")}` : "";
      const remarks = [...notes, ...problems];
      return `${LABELS[kind]}${from}${can}${remarks.length > 0 ? ` (${remarks.join("; ")})` : ""}`;
    },
    get tokens() {
      return frozenTokens;
    },
  };
}
