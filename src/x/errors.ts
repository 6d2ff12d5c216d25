import { Exit, type ExitCode, XtriageError } from "../errors.js";
import type { XProblem } from "./types.js";

export interface XErrorDetails {
  /** "GET /2/users/:id/mentions" style endpoint name. */
  endpoint: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** The parsed body X sent (problem+json), kept for logs. */
  data?: unknown;
  cause?: unknown;
}

/** Base of every error the X client throws; the subclass says what the user can do. */
export class XApiError extends XtriageError {
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly data: unknown;

  constructor(message: string, details: XErrorDetails, exitCode: ExitCode, hint?: string) {
    super(message, exitCode, hint);
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.data = details.data;
    if (details.cause !== undefined) this.cause = details.cause;
  }

  /** The `detail` (or title) of X's problem body, if any. */
  get problemDetail(): string | undefined {
    const problem = this.data as Partial<XProblem> | undefined;
    return problem?.detail ?? problem?.title;
  }
}

/** 429 for the 15-minute window: try again after `resetAt`. */
export class XRateLimitError extends XApiError {
  constructor(
    details: XErrorDetails,
    /** When the window resets (from x-rate-limit-reset), or undefined when X did not say. */
    readonly resetAt: Date | undefined,
    /** What to do: a command may name its own flags (fetch: --max-wait). */
    hint = "wait for the window to reset, then try again",
  ) {
    const when = resetAt ? ` until ${resetAt.toISOString()}` : "";
    super(`X rate limit reached on ${details.endpoint}${when}`, details, Exit.tryLater, hint);
  }

  /** The same error with another hint. */
  withHint(hint: string): XRateLimitError {
    const details = { endpoint: this.endpoint, status: this.status, data: this.data, cause: this.cause };
    return new XRateLimitError(details, this.resetAt, hint);
  }
}

/** 429 with a `…/usage-capped` problem: the monthly cap is spent; waiting minutes will not help. */
export class XUsageCapError extends XApiError {
  constructor(details: XErrorDetails) {
    super(
      "X usage cap exceeded (monthly post-read cap of the developer account)",
      details,
      Exit.tryLater,
      "check usage in the X developer console; reads resume next billing cycle",
    );
  }
}

/** 402: pay-per-use credits depleted. */
export class XCreditsError extends XApiError {
  constructor(details: XErrorDetails) {
    super("X API credits depleted", details, Exit.tryLater, "add credits in the X developer console (console.x.com)");
  }
}

/** 401, or a 403 about the token or app permissions: the credentials need fixing. */
export class XAuthError extends XApiError {
  constructor(message: string, details: XErrorDetails, hint: string) {
    super(message, details, Exit.auth, hint);
  }
}

/** 403 for an action X refuses on the merits: reply not allowed, duplicate text, closed DMs. */
export class XForbiddenError extends XApiError {
  constructor(
    message: string,
    details: XErrorDetails,
    readonly reason: "not-summoned" | "duplicate" | "dm-refused" | "other",
  ) {
    super(message, details, Exit.auth);
  }
}

export class XNotFoundError extends XApiError {
  constructor(message: string, details: XErrorDetails) {
    super(message, details, Exit.notFound);
  }
}

/** 400: the request itself is wrong (bad id, bad parameter). A bug or a bad argument, not transient. */
export class XInvalidRequestError extends XApiError {
  constructor(message: string, details: XErrorDetails) {
    super(message, details, Exit.error);
  }
}

/** 5xx after retries. */
export class XServerError extends XApiError {
  constructor(details: XErrorDetails) {
    super(
      `X answered ${details.status ?? "an error"} on ${details.endpoint}`,
      details,
      Exit.tryLater,
      "X is having trouble; try again later",
    );
  }
}

/** No usable answer: connection refused or reset, timeout, or a body cut off in transit. */
export class XNetworkError extends XApiError {
  constructor(
    message: string,
    details: XErrorDetails,
    readonly kind: "timeout" | "connection" | "truncated",
  ) {
    super(message, details, Exit.tryLater, "check the network; try again later");
  }
}

/** Errors the retry policy may repeat for idempotent reads. */
export function isTransient(error: unknown): error is XServerError | XNetworkError {
  return error instanceof XServerError || error instanceof XNetworkError;
}
