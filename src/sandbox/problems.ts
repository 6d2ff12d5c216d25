import type { XProblem } from "../x/types.js";

/** A response the sandbox sends: status, JSON body, extra headers. */
export interface SandboxReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const PROBLEM_BASE = "https://api.twitter.com/2/problems/";

function problem(status: number, body: Record<string, unknown>): SandboxReply {
  return { status, body: { ...body, status }, headers: { "content-type": "application/problem+json" } };
}

export function unauthorized(): SandboxReply {
  return problem(401, { title: "Unauthorized", type: "about:blank", detail: "Unauthorized" });
}

export function forbidden(detail = "Forbidden"): SandboxReply {
  return problem(403, { title: "Forbidden", type: "about:blank", detail });
}

/** 403 for an app-only token on a user-context endpoint (or the reverse), as X words it. */
export function unsupportedAuthentication(used: "app" | "user"): SandboxReply {
  const detail =
    used === "app"
      ? "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context]."
      : "Authenticating with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 Application-Only].";
  return problem(403, {
    title: "Unsupported Authentication",
    type: `${PROBLEM_BASE}unsupported-authentication`,
    detail,
  });
}

export function notFoundRoute(path: string): SandboxReply {
  return problem(404, { title: "Not Found", type: "about:blank", detail: `No route for ${path}` });
}

export function invalidRequest(parameter: string, value: string, message: string): SandboxReply {
  return {
    status: 400,
    headers: { "content-type": "application/problem+json" },
    body: {
      errors: [{ parameters: { [parameter]: [value] }, message }],
      title: "Invalid Request",
      detail: "One or more parameters to your request was invalid.",
      type: `${PROBLEM_BASE}invalid-request`,
    },
  };
}

export function tooManyRequests(): SandboxReply {
  return problem(429, { title: "Too Many Requests", type: "about:blank", detail: "Too Many Requests" });
}

export function usageCapped(): SandboxReply {
  return problem(429, {
    title: "UsageCapExceeded",
    type: `${PROBLEM_BASE}usage-capped`,
    detail: "Usage cap exceeded: Monthly product cap",
    period: "Monthly",
    scope: "Product",
  });
}

export function creditsDepleted(): SandboxReply {
  return problem(402, {
    title: "CreditsDepleted",
    type: `${PROBLEM_BASE}credits-depleted`,
    detail: "Your enrolled account does not have any credits to fulfill this request.",
  });
}

export function serverError(status: number): SandboxReply {
  const title = status === 503 ? "Service Unavailable" : "Internal Server Error";
  return problem(status, { title, type: "about:blank", detail: title });
}

/** A partial error inside a 200: a referenced resource that could not be found. */
export function resourceNotFound(resourceType: "tweet" | "user", parameter: string, value: string): XProblem {
  const what = resourceType === "tweet" ? "tweet" : "user";
  return {
    value,
    detail: `Could not find ${what} with ${parameter}: [${value}].`,
    title: "Not Found Error",
    resource_type: resourceType,
    parameter,
    resource_id: value,
    type: `${PROBLEM_BASE}resource-not-found`,
  };
}
