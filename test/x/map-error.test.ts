import { describe, expect, it } from "vitest";
import {
  XAuthError,
  XForbiddenError,
  XInvalidRequestError,
  type XNetworkError,
  XNotFoundError,
  XRateLimitError,
  XUsageCapError,
} from "../../src/x/errors.js";
import { mapXError } from "../../src/x/map-error.js";

/** Shapes of twitter-api-v2's error objects (its `type` tag and the fields the mapper reads). */
const response = (code: number, data: Record<string, unknown>, reset?: number) => ({
  type: "response",
  code,
  data,
  ...(reset ? { rateLimit: { limit: 300, remaining: 0, reset } } : {}),
});

describe("mapXError", () => {
  it("tells a usage cap from a window 429 by the problem type suffix", () => {
    const capped = mapXError("GET /2/users/me", response(429, { type: "https://api.x.com/2/problems/usage-capped" }));
    expect(capped).toBeInstanceOf(XUsageCapError);
    const window = mapXError("GET /2/users/me", response(429, { type: "about:blank" }, 1_900_000_000));
    expect(window).toBeInstanceOf(XRateLimitError);
    expect((window as XRateLimitError).resetAt?.toISOString()).toBe("2030-03-17T17:46:40.000Z");
  });

  it("maps 400, 404 and unknown 403s", () => {
    expect(mapXError("GET /2/tweets/search/recent", response(400, { title: "Invalid Request" }))).toBeInstanceOf(
      XInvalidRequestError,
    );
    expect(mapXError("GET /2/users/me", response(404, { title: "Not Found" }))).toBeInstanceOf(XNotFoundError);
    const other = mapXError("POST /2/tweets", response(403, { title: "Forbidden", detail: "Forbidden" }));
    expect(other).toBeInstanceOf(XAuthError);
    expect(other).not.toBeInstanceOf(XForbiddenError);
  });

  it("reads the cause of a request error from _options.error", () => {
    const timeout = mapXError("GET /2/users/me", {
      type: "request",
      _options: { error: new Error("Request timeout.") },
    });
    expect((timeout as XNetworkError).kind).toBe("timeout");
    const refused = mapXError("GET /2/users/me", {
      type: "request",
      _options: { error: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) },
    });
    expect((refused as XNetworkError).kind).toBe("connection");
    expect(refused.message).toContain("ECONNREFUSED");
  });

  it("passes through errors it does not know", () => {
    const plain = new TypeError("boom");
    expect(mapXError("GET /2/users/me", plain)).toBe(plain);
  });
});
