import type { AuthKind, AuthState } from "./auth.js";
import { type FaultBook, type FaultSpec, FaultSpecError } from "./faults.js";
import { notFoundRoute, type SandboxReply } from "./problems.js";
import type { MentionInput, World } from "./world.js";

/** What the request log keeps of each X API request. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** HTTP status sent; -1 when the connection was reset on purpose. */
  status: number;
  auth: AuthKind | "none";
}

export function toDate(at: Date | string): Date {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid sandbox clock: ${String(at)}`);
  return date;
}

/** POST /2/oauth2/token (refresh grant). twitter-api-v2 sends it as JSON (x-api.md §4). */
export function oauth2Token(auth: AuthState, body: unknown): SandboxReply {
  const request = (body ?? {}) as Record<string, unknown>;
  const refreshToken = typeof request.refresh_token === "string" ? request.refresh_token : "";
  const clientId = typeof request.client_id === "string" ? request.client_id : undefined;
  const tokens = request.grant_type === "refresh_token" ? auth.refresh(refreshToken, clientId) : null;
  if (!tokens) {
    return {
      status: 400,
      body: { error: "invalid_request", error_description: "Value passed for the token was invalid." },
    };
  }
  return {
    status: 200,
    body: {
      token_type: "bearer",
      expires_in: 7200,
      access_token: tokens.accessToken,
      scope: "tweet.read users.read tweet.write dm.read dm.write offline.access",
      refresh_token: tokens.refreshToken,
    },
  };
}

/** The `/_sandbox/…` control API for scripts and tests: clock, faults, injected mentions, logs. */
export class ControlApi {
  constructor(
    private readonly world: World,
    private readonly faults: FaultBook,
    private readonly requests: RequestLogEntry[],
  ) {}

  handle(method: string, path: string, raw: string): SandboxReply {
    let body: unknown;
    try {
      body = raw === "" ? undefined : JSON.parse(raw);
    } catch {
      return this.bad("body is not JSON");
    }
    const route = `${method} ${path.replace(/\/$/, "")}`;
    try {
      switch (route) {
        case "GET /_sandbox":
          return this.ok({
            clock: this.world.clock.toISOString(),
            brand: { id: this.world.brand.id, username: this.world.brand.username },
            received: { tweets: this.world.received.tweets.length, dms: this.world.received.dms.length },
            requests: this.requests.length,
          });
        case "GET /_sandbox/clock":
          return this.ok({ clock: this.world.clock.toISOString() });
        case "POST /_sandbox/clock":
          return this.moveClock(body as { at?: string; advanceMs?: number; advanceMinutes?: number } | undefined);
        case "GET /_sandbox/faults":
          return this.ok({ faults: this.faults.list() });
        case "POST /_sandbox/faults": {
          const specs = (Array.isArray(body) ? body : [body]) as FaultSpec[];
          return { status: 201, body: { faults: this.faults.add(specs) } };
        }
        case "DELETE /_sandbox/faults":
          this.faults.clear();
          return this.ok({ faults: [] });
        case "POST /_sandbox/mentions":
          return { status: 201, body: { data: this.world.injectMention(body as MentionInput) } };
        case "GET /_sandbox/received":
          return this.ok(this.world.received);
        case "GET /_sandbox/requests":
          return this.ok({ requests: this.requests });
        case "DELETE /_sandbox/requests":
          this.requests.length = 0;
          return this.ok({ requests: [] });
        default:
          return notFoundRoute(path);
      }
    } catch (error) {
      if (error instanceof FaultSpecError || error instanceof RangeError || error instanceof TypeError) {
        return this.bad(error.message);
      }
      throw error;
    }
  }

  private moveClock(body: { at?: string; advanceMs?: number; advanceMinutes?: number } | undefined): SandboxReply {
    const current = this.world.clock.getTime();
    if (body?.at !== undefined) this.world.setClock(toDate(body.at));
    else if (body?.advanceMs !== undefined) this.world.setClock(new Date(current + Number(body.advanceMs)));
    else if (body?.advanceMinutes !== undefined)
      this.world.setClock(new Date(current + Number(body.advanceMinutes) * 60_000));
    else return this.bad("POST /_sandbox/clock takes {at} or {advanceMs} or {advanceMinutes}");
    return this.ok({ clock: this.world.clock.toISOString() });
  }

  private ok(body: unknown): SandboxReply {
    return { status: 200, body };
  }

  private bad(detail: string): SandboxReply {
    return { status: 400, body: { title: "Invalid Request", type: "about:blank", detail } };
  }
}
