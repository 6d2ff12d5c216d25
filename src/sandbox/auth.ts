import { createHmac, timingSafeEqual } from "node:crypto";

/** Credentials the sandbox accepts. Defaults are public on purpose: the sandbox guards nothing. */
export interface SandboxCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessSecret: string;
  oauth2AccessToken: string;
  oauth2RefreshToken: string;
  clientId: string;
  clientSecret: string;
  appBearer: string;
}

export const DEFAULT_SANDBOX_CREDENTIALS: SandboxCredentials = {
  consumerKey: "sandbox-key",
  consumerSecret: "sandbox-secret",
  accessToken: "sandbox-access-token",
  accessSecret: "sandbox-access-secret",
  oauth2AccessToken: "sandbox-oauth2-token",
  oauth2RefreshToken: "sandbox-refresh-token",
  clientId: "sandbox-client-id",
  clientSecret: "sandbox-client-secret",
  appBearer: "sandbox-bearer",
};

/** Who is calling: a user context (OAuth 1.0a or OAuth 2.0 user token) or the app alone. */
export type AuthKind = "oauth1" | "oauth2-user" | "app";

export interface SignedRequest {
  method: string;
  /** Absolute URL as the client signed it (scheme, host, path, query). */
  url: URL;
  authorization: string | undefined;
}

function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function parseOAuthHeader(header: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const match of header.slice("OAuth ".length).matchAll(/([\w-]+)="([^"]*)"/g)) {
    params.set(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!));
  }
  return params;
}

/** RFC 5849 HMAC-SHA1 signature over method, base URL, query and oauth_* parameters. */
function oauth1Signature(request: SignedRequest, oauth: Map<string, string>, creds: SandboxCredentials): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of oauth)
    if (key !== "oauth_signature") pairs.push([percentEncode(key), percentEncode(value)]);
  for (const [key, value] of request.url.searchParams) pairs.push([percentEncode(key), percentEncode(value)]);
  pairs.sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : 1) : ka < kb ? -1 : 1));
  const paramString = pairs.map(([key, value]) => `${key}=${value}`).join("&");
  const baseUrl = `${request.url.protocol}//${request.url.host}${request.url.pathname}`;
  const base = [request.method.toUpperCase(), percentEncode(baseUrl), percentEncode(paramString)].join("&");
  const key = `${percentEncode(creds.consumerSecret)}&${percentEncode(creds.accessSecret)}`;
  return createHmac("sha1", key).update(base).digest("base64");
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Tracks OAuth 2.0 user tokens, which rotate on every refresh. */
export class AuthState {
  private readonly accessTokens: Set<string>;
  private refreshToken: string;
  private rotations = 0;

  constructor(readonly creds: SandboxCredentials) {
    this.accessTokens = new Set([creds.oauth2AccessToken]);
    this.refreshToken = creds.oauth2RefreshToken;
  }

  /** Identifies the caller, or null when the credentials are wrong (→ 401). */
  authenticate(request: SignedRequest): AuthKind | null {
    const header = request.authorization ?? "";
    if (header.startsWith("OAuth ")) return this.checkOAuth1(request, parseOAuthHeader(header)) ? "oauth1" : null;
    if (header.startsWith("Bearer ")) {
      const token = header.slice("Bearer ".length).trim();
      if (this.accessTokens.has(token)) return "oauth2-user";
      if (sameSecret(token, this.creds.appBearer)) return "app";
    }
    return null;
  }

  private checkOAuth1(request: SignedRequest, oauth: Map<string, string>): boolean {
    if (oauth.get("oauth_consumer_key") !== this.creds.consumerKey) return false;
    if (oauth.get("oauth_token") !== this.creds.accessToken) return false;
    const signature = oauth.get("oauth_signature") ?? "";
    return sameSecret(signature, oauth1Signature(request, oauth, this.creds));
  }

  /** Exchanges a refresh token for new tokens (both rotate), or null when it is not the current one. */
  refresh(refreshToken: string, clientId: string | undefined): { accessToken: string; refreshToken: string } | null {
    if (refreshToken !== this.refreshToken || (clientId !== undefined && clientId !== this.creds.clientId)) return null;
    this.rotations++;
    const accessToken = `${this.creds.oauth2AccessToken}-${this.rotations}`;
    this.accessTokens.add(accessToken);
    this.refreshToken = `${this.creds.oauth2RefreshToken}-${this.rotations}`;
    return { accessToken, refreshToken: this.refreshToken };
  }
}
