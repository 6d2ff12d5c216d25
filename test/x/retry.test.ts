import { describe, expect, it } from "vitest";
import {
  XCreditsError,
  XForbiddenError,
  XNetworkError,
  XRateLimitError,
  XServerError,
  XUsageCapError,
} from "../../src/x/errors.js";
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy, rateLimitDelay, withRetry } from "../../src/x/retry.js";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const endpoint = "GET /2/users/me";

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    ...DEFAULT_RETRY_POLICY,
    baseDelayMs: 1000,
    maxDelayMs: 5000,
    maxRetries: 3,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
    sleeps,
  };
}

/** An attempt function that throws the given errors in turn, then returns "ok". */
function script(errors: Error[]): { run: () => Promise<string>; calls: () => number } {
  let n = 0;
  return {
    run: async () => {
      const error = errors[n++];
      if (error) throw error;
      return "ok";
    },
    calls: () => n,
  };
}

const rateLimited = (inSeconds: number) =>
  new XRateLimitError({ endpoint, status: 429 }, new Date(NOW + inSeconds * 1000));

describe("withRetry", () => {
  it("waits for a 429 window to reset when within maxWait", async () => {
    const p = policy({ maxWaitSeconds: 60 });
    const attempt = script([rateLimited(30)]);
    expect(await withRetry(attempt.run, p, { idempotent: true })).toBe("ok");
    expect(p.sleeps).toEqual([30_250]);
  });

  it("throws the 429 at once when maxWait is 0 or the reset is too far", async () => {
    for (const [maxWaitSeconds, inSeconds] of [
      [0, 1],
      [60, 600],
    ] as const) {
      const p = policy({ maxWaitSeconds });
      const attempt = script([rateLimited(inSeconds)]);
      await expect(withRetry(attempt.run, p, { idempotent: true })).rejects.toBeInstanceOf(XRateLimitError);
      expect(p.sleeps).toEqual([]);
    }
  });

  it("never retries usage cap, 402 or a refusal", async () => {
    for (const error of [
      new XUsageCapError({ endpoint, status: 429 }),
      new XCreditsError({ endpoint, status: 402 }),
      new XForbiddenError("no", { endpoint, status: 403 }, "duplicate"),
    ]) {
      const p = policy();
      const attempt = script([error]);
      await expect(withRetry(attempt.run, p, { idempotent: true })).rejects.toBe(error);
      expect(attempt.calls()).toBe(1);
    }
  });

  it("backs off exponentially with a cap on 5xx and network errors for reads", async () => {
    const p = policy({ maxRetries: 4 });
    const attempt = script([
      new XServerError({ endpoint, status: 500 }),
      new XNetworkError("reset", { endpoint }, "connection"),
      new XNetworkError("slow", { endpoint }, "timeout"),
      new XServerError({ endpoint, status: 503 }),
    ]);
    expect(await withRetry(attempt.run, p, { idempotent: true })).toBe("ok");
    expect(p.sleeps).toEqual([1000, 2000, 4000, 5000]);
  });

  it("gives up after maxRetries with the last error", async () => {
    const p = policy({ maxRetries: 2 });
    const last = new XServerError({ endpoint, status: 502 });
    const attempt = script([
      new XServerError({ endpoint, status: 500 }),
      new XServerError({ endpoint, status: 500 }),
      last,
    ]);
    await expect(withRetry(attempt.run, p, { idempotent: true })).rejects.toBe(last);
    expect(attempt.calls()).toBe(3);
  });

  it("repeats a write only on 503 and 429, never after a timeout or a 500", async () => {
    const write = { idempotent: false };
    const ok = script([new XServerError({ endpoint, status: 503 }), rateLimited(5)]);
    expect(await withRetry(ok.run, policy(), write)).toBe("ok");
    for (const error of [
      new XServerError({ endpoint, status: 500 }),
      new XNetworkError("t", { endpoint }, "timeout"),
    ]) {
      const attempt = script([error]);
      await expect(withRetry(attempt.run, policy(), write)).rejects.toBe(error);
      expect(attempt.calls()).toBe(1);
    }
  });

  it("tells the caller before each wait", async () => {
    const waits: string[] = [];
    const attempt = script([rateLimited(2), new XServerError({ endpoint, status: 500 })]);
    await withRetry(attempt.run, policy(), {
      idempotent: true,
      onWait: (info) => waits.push(`${info.reason}:${info.delayMs}`),
    });
    expect(waits).toEqual(["rate-limit:2250", "transient:1000"]);
  });
});

describe("delays", () => {
  it("computes backoff and rate-limit waits", () => {
    const p = policy();
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(p, n))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(rateLimitDelay(p, rateLimited(-5))).toBe(250);
    expect(rateLimitDelay(p, new XRateLimitError({ endpoint }, undefined))).toBeNull();
  });
});
