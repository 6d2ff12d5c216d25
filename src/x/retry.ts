import { isTransient, XRateLimitError, XServerError } from "./errors.js";

export interface RetryPolicy {
  /** Longest wait for a 429 window to reset; 0 = never wait, throw at once. */
  maxWaitSeconds: number;
  /** Retries for 5xx and network errors (reads only). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Epoch ms. */
  now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxWaitSeconds: 900,
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/** How many 429 windows one call may wait through before giving up. */
const MAX_WINDOW_WAITS = 3;
/** X's reset is in whole seconds; a little slack avoids arriving just before it. */
const RESET_SLACK_MS = 250;

export interface RetryContext {
  /**
   * Reads are safe to repeat. Writes are repeated only when X surely did not act:
   * a 429 window, or a 503.
   */
  idempotent: boolean;
  /** Told before each wait, e.g. to show "rate limited, waiting 42 s". */
  onWait?: (info: { reason: "rate-limit" | "transient"; delayMs: number; attempt: number; error: Error }) => void;
}

export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/** Milliseconds to wait for a 429 window, or null when the policy says not to wait. */
export function rateLimitDelay(policy: RetryPolicy, error: XRateLimitError): number | null {
  if (policy.maxWaitSeconds <= 0 || !error.resetAt) return null;
  const delay = Math.max(0, error.resetAt.getTime() - policy.now()) + RESET_SLACK_MS;
  return delay <= policy.maxWaitSeconds * 1000 + RESET_SLACK_MS ? delay : null;
}

function retriesTransient(error: unknown, context: RetryContext): boolean {
  if (!isTransient(error)) return false;
  return context.idempotent || (error instanceof XServerError && error.status === 503);
}

/**
 * Runs `attempt` under the policy: a 429 window waits until reset (bounded by maxWaitSeconds),
 * 5xx and network errors back off exponentially (capped), usage cap and 402 fail at once.
 * `attempt` must already throw typed X errors.
 */
export async function withRetry<T>(attempt: () => Promise<T>, policy: RetryPolicy, context: RetryContext): Promise<T> {
  let transientRetries = 0;
  let windowWaits = 0;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof XRateLimitError && windowWaits < MAX_WINDOW_WAITS) {
        const delay = rateLimitDelay(policy, error);
        if (delay === null) throw error;
        windowWaits++;
        context.onWait?.({ reason: "rate-limit", delayMs: delay, attempt: windowWaits, error });
        await policy.sleep(delay);
        continue;
      }
      if (retriesTransient(error, context) && transientRetries < policy.maxRetries) {
        const delay = backoffDelay(policy, transientRetries);
        transientRetries++;
        context.onWait?.({ reason: "transient", delayMs: delay, attempt: transientRetries, error: error as Error });
        await policy.sleep(delay);
        continue;
      }
      throw error;
    }
  }
}
