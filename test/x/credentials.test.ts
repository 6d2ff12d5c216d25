import { describe, expect, it } from "vitest";
import { ROTATED_FROM, resolveCredentials, tokenFingerprint } from "../../src/x/credentials.js";

const OAUTH1 = {
  X_API_KEY: "key-value-1",
  X_API_SECRET: "secret-value-2",
  X_ACCESS_TOKEN: "token-value-3",
  X_ACCESS_SECRET: "secret-value-4",
};

describe("resolveCredentials", () => {
  it("prefers OAuth 1.0a user context, which allows everything", () => {
    const creds = resolveCredentials({ ...OAUTH1, X_API_BEARER_TOKEN: "bearer-value-5" });
    expect(creds.kind).toBe("oauth1");
    expect(creds.tokens).toEqual({
      kind: "oauth1",
      oauth1: {
        appKey: "key-value-1",
        appSecret: "secret-value-2",
        accessToken: "token-value-3",
        accessSecret: "secret-value-4",
      },
    });
    for (const op of ["read", "me", "reply", "dm", "dm-read"] as const) expect(creds.allows(op)).toBe(true);
  });

  it("never puts a secret in describe()", () => {
    const all = { ...OAUTH1, X_OAUTH2_ACCESS_TOKEN: "oauth2-value-6", X_API_BEARER_TOKEN: "bearer-value-5" };
    for (const env of [all, { X_OAUTH2_ACCESS_TOKEN: "oauth2-value-6" }, { X_API_BEARER_TOKEN: "bearer-value-5" }]) {
      const text = resolveCredentials(env).describe();
      for (const secret of Object.values(env)) expect(text).not.toContain(secret);
    }
    expect(resolveCredentials(OAUTH1).describe()).toContain("X_ACCESS_SECRET");
  });

  it("falls back to the OAuth 2.0 user token, with refresh settings", () => {
    const creds = resolveCredentials({
      X_OAUTH2_ACCESS_TOKEN: "at",
      X_OAUTH2_REFRESH_TOKEN: "rt",
      X_API_CLIENT_ID: "cid",
    });
    expect(creds.kind).toBe("oauth2-user");
    expect(creds.tokens).toEqual({
      kind: "oauth2-user",
      oauth2: { accessToken: "at", refreshToken: "rt", refreshFrom: "environment", clientId: "cid" },
    });
    expect(creds.allows("dm")).toBe(true);
  });

  describe("an OAuth 2.0 pair rotated from the environment", () => {
    const env = { X_OAUTH2_ACCESS_TOKEN: "env-at", X_OAUTH2_REFRESH_TOKEN: "env-rt", X_API_CLIENT_ID: "cid" };
    const file = (rotatedFrom: string) => ({
      X_OAUTH2_ACCESS_TOKEN: "file-at",
      X_OAUTH2_REFRESH_TOKEN: "file-rt",
      [ROTATED_FROM]: rotatedFrom,
    });

    it("loses to the file's successor while the environment still holds the used refresh token", () => {
      const creds = resolveCredentials(env, file(tokenFingerprint("env-rt")));
      expect(creds.tokens).toEqual({
        kind: "oauth2-user",
        oauth2: { accessToken: "file-at", refreshToken: "file-rt", refreshFrom: "file", clientId: "cid" },
      });
      expect(creds.describe()).toContain("already rotated; using its successor from the credentials file");
      for (const secret of ["env-at", "env-rt", "file-at", "file-rt"]) expect(creds.describe()).not.toContain(secret);
    });

    it("wins again once the environment holds another pair", () => {
      const creds = resolveCredentials({ ...env, X_OAUTH2_REFRESH_TOKEN: "new-rt" }, file(tokenFingerprint("env-rt")));
      expect(creds.tokens.kind === "oauth2-user" && creds.tokens.oauth2).toMatchObject({
        accessToken: "env-at",
        refreshToken: "new-rt",
        refreshFrom: "environment",
      });
      expect(creds.describe()).not.toContain("rotated");
    });

    it("never writes the token itself down, only a fingerprint", () => {
      expect(tokenFingerprint("env-rt")).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(tokenFingerprint("env-rt")).not.toContain("env-rt");
      expect(tokenFingerprint("env-rt")).not.toBe(tokenFingerprint("env-rt2"));
    });
  });

  it("limits an app-only bearer to reads", () => {
    const creds = resolveCredentials({ X_API_BEARER_TOKEN: "b" });
    expect(creds.kind).toBe("app-only");
    expect(creds.allows("read")).toBe(true);
    for (const op of ["me", "reply", "dm", "dm-read"] as const) expect(creds.allows(op)).toBe(false);
    expect(creds.describe()).toMatch(/reads only/);
  });

  it("accepts TWITTER_* names and lets the environment win over the file", () => {
    const creds = resolveCredentials(
      { TWITTER_API_KEY: "env-key", TWITTER_API_SECRET: "env-secret" },
      { X_API_KEY: "file-key", X_ACCESS_TOKEN: "file-token", X_ACCESS_SECRET: "file-access-secret" },
    );
    expect(creds.kind).toBe("oauth1");
    expect(creds.tokens.kind === "oauth1" && creds.tokens.oauth1.appKey).toBe("env-key");
    expect(creds.sources).toEqual(["TWITTER_API_KEY", "TWITTER_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_SECRET"]);
  });

  it("reports an incomplete OAuth 1.0a set by the missing names, and none when nothing is set", () => {
    const partial = resolveCredentials({ X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "  " });
    expect(partial.kind).toBe("none");
    expect(partial.problems).toEqual([
      "OAuth 1.0a credentials are incomplete: X_ACCESS_TOKEN, X_ACCESS_SECRET missing",
    ]);
    expect(partial.allows("read")).toBe(false);
    expect(resolveCredentials({}).describe()).toBe("no X credentials");
  });
});
