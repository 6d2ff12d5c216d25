import {
  XApiError,
  XAuthError,
  XCreditsError,
  type XErrorDetails,
  XForbiddenError,
  XInvalidRequestError,
  XNetworkError,
  XNotFoundError,
  XRateLimitError,
  XServerError,
  XUsageCapError,
} from "./errors.js";

/**
 * Turns a twitter-api-v2 error (ApiResponseError, ApiRequestError, ApiPartialResponseError) into
 * a typed X error. Duck-typed on the library's `type` tag so this file never loads the library.
 */
interface LibraryError {
  type?: string;
  code?: number;
  data?: { type?: string; title?: string; detail?: string } & Record<string, unknown>;
  rateLimit?: { reset?: number; remaining?: number };
  message?: string;
  _options?: { error?: { message?: string; code?: string } };
}

function problemType(data: LibraryError["data"]): string {
  return typeof data?.type === "string" ? data.type : "";
}

function detailOf(data: LibraryError["data"]): string {
  return data?.detail ?? data?.title ?? "";
}

function forbiddenFor(endpoint: string, details: XErrorDetails, data: LibraryError["data"]): XApiError {
  const detail = detailOf(data);
  const type = problemType(data);
  if (/duplicate content/i.test(detail)) {
    return new XForbiddenError("X refused the reply: the same text was already posted", details, "duplicate");
  }
  if (/not been mentioned|otherwise engaged|not allowed to reply|Reply to this conversation/i.test(detail)) {
    return new XForbiddenError(
      "X refused the reply: the post's author did not mention the brand (only summoned replies are allowed)",
      details,
      "not-summoned",
    );
  }
  if (/messages to this user|not accepting|DM/i.test(detail) && endpoint.includes("dm_conversations")) {
    return new XForbiddenError(
      "X refused the DM: this user does not accept direct messages from the brand",
      details,
      "dm-refused",
    );
  }
  if (type.endsWith("/unsupported-authentication") || /Application-Only/i.test(detail)) {
    return new XAuthError(
      `X refused app-only authentication on ${endpoint}`,
      details,
      "this needs user-context credentials: X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/X_ACCESS_SECRET or X_OAUTH2_ACCESS_TOKEN",
    );
  }
  return new XAuthError(
    `X refused ${endpoint} (403${detail ? `: ${detail}` : ""})`,
    details,
    "check the app's permissions (Read, Write and Direct Messages) and regenerate the access tokens after changing them",
  );
}

function responseError(endpoint: string, error: LibraryError): XApiError {
  const status = error.code ?? 0;
  const data = error.data;
  const details: XErrorDetails = { endpoint, status, data, cause: error };
  if (status === 429) {
    if (problemType(data).endsWith("/usage-capped")) return new XUsageCapError(details);
    const reset = error.rateLimit?.reset;
    return new XRateLimitError(details, reset ? new Date(reset * 1000) : undefined);
  }
  if (status === 402) return new XCreditsError(details);
  if (status === 401) {
    return new XAuthError(
      `X rejected the credentials (401 on ${endpoint})`,
      details,
      "check X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/X_ACCESS_SECRET, or refresh X_OAUTH2_ACCESS_TOKEN",
    );
  }
  if (status === 403) return forbiddenFor(endpoint, details, data);
  if (status === 404)
    return new XNotFoundError(`X found nothing at ${endpoint}${detailOf(data) ? `: ${detailOf(data)}` : ""}`, details);
  if (status >= 500) return new XServerError(details);
  const detail = detailOf(data);
  return new XInvalidRequestError(
    `X rejected the request to ${endpoint} (${status}${detail ? `: ${detail}` : ""})`,
    details,
  );
}

function requestError(endpoint: string, error: LibraryError): XNetworkError {
  const cause = error._options?.error;
  const message = cause?.message ?? error.message ?? "request failed";
  const details: XErrorDetails = { endpoint, cause: error };
  if (/timeout/i.test(message)) return new XNetworkError(`X did not answer ${endpoint} in time`, details, "timeout");
  return new XNetworkError(`could not reach X for ${endpoint}: ${cause?.code ?? message}`, details, "connection");
}

export function mapXError(endpoint: string, error: unknown): Error {
  if (error instanceof XApiError) return error;
  const lib = (error ?? {}) as LibraryError;
  if (lib.type === "response") return responseError(endpoint, lib);
  if (lib.type === "request") return requestError(endpoint, lib);
  if (lib.type === "partial-response") {
    return new XNetworkError(
      `X's answer to ${endpoint} was cut off or unreadable (${lib.message ?? "partial response"})`,
      { endpoint, status: (lib as { response?: { statusCode?: number } }).response?.statusCode, cause: error },
      "truncated",
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
