import type { XEndpoint } from "../x/cost.js";
/** Endpoint keys: method and route template, e.g. "GET /2/users/:id/mentions" (the client's, minus OAuth). */
export type EndpointKey = Exclude<XEndpoint, "POST /2/oauth2/token">;

/** Requests per 15-minute window, user context (x-api.md §3.1). */
export const DEFAULT_RATE_LIMITS: Record<EndpointKey, number> = {
  "GET /2/users/me": 75,
  "GET /2/users/:id/mentions": 300,
  "GET /2/tweets/search/recent": 300,
  "GET /2/users/by/username/:username": 900,
  "GET /2/dm_events": 15,
  "POST /2/tweets": 100,
  "POST /2/dm_conversations/with/:participant_id/messages": 15,
  /** App-only; a user-context call is refused before it is counted. */
  "GET /2/usage/tweets": 50,
};

/** Per app (app-only bearer), where X allows it at all; user-only endpoints never get this far. */
export const DEFAULT_APP_RATE_LIMITS: Partial<Record<EndpointKey, number>> = {
  "GET /2/users/:id/mentions": 450,
  "GET /2/tweets/search/recent": 450,
  "GET /2/users/by/username/:username": 300,
  "GET /2/usage/tweets": 50,
};

export const RATE_WINDOW_MS = 15 * 60 * 1000;

export interface RateState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

interface Window {
  startedAt: number;
  used: number;
}

/**
 * Fixed 15-minute windows per endpoint, on the wall clock (not the scenario clock): clients compare
 * `x-rate-limit-reset` with their own time.
 */
export class RateLimiter {
  private readonly windows = new Map<EndpointKey, Window>();

  constructor(
    private readonly limits: Record<EndpointKey, number>,
    private readonly now: () => number,
  ) {}

  /** Counts one request; returns the state after it and whether it was allowed. */
  take(key: EndpointKey): { allowed: boolean; state: RateState } {
    const window = this.current(key);
    const limit = this.limits[key];
    const allowed = window.used < limit;
    if (allowed) window.used++;
    return { allowed, state: this.stateOf(key, window) };
  }

  peek(key: EndpointKey): RateState {
    return this.stateOf(key, this.current(key));
  }

  /** Empties the window so the next request is refused until `reset` (fault injection). */
  exhaust(key: EndpointKey, resetInSeconds?: number): RateState {
    const window = this.current(key);
    window.used = this.limits[key];
    if (resetInSeconds !== undefined) window.startedAt = this.now() + resetInSeconds * 1000 - RATE_WINDOW_MS;
    return this.stateOf(key, window);
  }

  private current(key: EndpointKey): Window {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now >= window.startedAt + RATE_WINDOW_MS) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private stateOf(key: EndpointKey, window: Window): RateState {
    const limit = this.limits[key];
    return {
      limit,
      remaining: Math.max(0, limit - window.used),
      reset: Math.ceil((window.startedAt + RATE_WINDOW_MS) / 1000),
    };
  }
}

export function rateLimitHeaders(state: RateState): Record<string, string> {
  return {
    "x-rate-limit-limit": String(state.limit),
    "x-rate-limit-remaining": String(state.remaining),
    "x-rate-limit-reset": String(state.reset),
  };
}
