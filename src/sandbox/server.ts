import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { XTweet, XUser } from "../x/types.js";
import { AuthState, DEFAULT_SANDBOX_CREDENTIALS, type SandboxCredentials } from "./auth.js";
import { ControlApi, oauth2Token, type RequestLogEntry, toDate } from "./control.js";
import { type Fault, FaultBook } from "./faults.js";
import { parseBody, readBody, send, sendTruncated } from "./http.js";
import {
  DEFAULT_APP_RATE_LIMITS,
  DEFAULT_RATE_LIMITS,
  type EndpointKey,
  RATE_WINDOW_MS,
  RateLimiter,
  type RateState,
  rateLimitHeaders,
} from "./limits.js";
import {
  creditsDepleted,
  notFoundRoute,
  type SandboxReply,
  serverError,
  tooManyRequests,
  unauthorized,
  unsupportedAuthentication,
  usageCapped,
} from "./problems.js";
import { findRoute } from "./routes.js";
import { defaultScenarioDir, loadSeedDir, type SandboxSeed } from "./seed.js";
import { type MentionInput, type Received, World } from "./world.js";

export type { RequestLogEntry } from "./control.js";

/** The scenario anchor: the bundled posts end just before it, `later.jsonl` starts at it. */
export const SCENARIO_ANCHOR = "2026-11-20T12:00:00.000Z";

export interface SandboxOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** Seed data, or a scenario directory (default `fixtures/scenario`). */
  seed?: SandboxSeed | string;
  /** The scenario clock; posts dated after it are not visible yet. Default SCENARIO_ANCHOR. */
  clock?: Date | string;
  /** Scenario ms per wall ms: 0 (default) freezes the clock, 1 runs it in real time, 60 = a minute a second. */
  clockSpeed?: number;
  /** Requests per 15-minute window, per endpoint. */
  limits?: Partial<Record<EndpointKey, number>>;
  /** The same for the app-only bearer, which X meters separately. */
  appLimits?: Partial<Record<EndpointKey, number>>;
  credentials?: Partial<SandboxCredentials>;
  /** Wall clock for rate-limit windows (epoch ms). */
  now?: () => number;
  /** Users (ids or usernames) who refuse DMs from the brand, on top of the seed's. */
  dmClosed?: string[];
}

export interface Sandbox {
  readonly baseUrl: string;
  readonly port: number;
  readonly brand: XUser;
  readonly credentials: SandboxCredentials;
  readonly faults: FaultBook;
  /** Posted tweets and DMs, in order. */
  readonly received: Received;
  /** Every X API request served (not control calls), in order. */
  readonly requests: RequestLogEntry[];
  readonly clock: Date;
  setClock(at: Date | string): void;
  advanceClock(ms: number): void;
  injectMention(input: MentionInput): XTweet;
  rateLimit(endpoint: EndpointKey): RateState;
  /** Environment for an xtriage process pointed at this sandbox (OAuth 1.0a user context). */
  env(): Record<string, string>;
  close(): Promise<void>;
}

function faultReply(fault: Fault, state: RateState, nowMs: number): SandboxReply | undefined {
  switch (fault.kind) {
    case "rate-limit": {
      const reset = Math.ceil(nowMs / 1000 + (fault.resetInSeconds ?? RATE_WINDOW_MS / 1000));
      const reply = tooManyRequests();
      return {
        ...reply,
        headers: { ...reply.headers, ...rateLimitHeaders({ limit: state.limit, remaining: 0, reset }) },
      };
    }
    case "usage-cap":
      return { ...usageCapped(), headers: { ...usageCapped().headers, ...rateLimitHeaders(state) } };
    case "credits-depleted":
      return creditsDepleted();
    case "unauthorized":
      return unauthorized();
    case "server-error":
      return serverError(fault.status ?? 500);
    case "unavailable":
      return serverError(503);
    default:
      return undefined;
  }
}

function loadSeed(seed: SandboxSeed | string | undefined): SandboxSeed {
  if (seed === undefined || typeof seed === "string") return loadSeedDir(seed ?? defaultScenarioDir());
  return seed;
}

/** Starts a local X API v2 server on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const seed = loadSeed(options.seed);
  const world = new World(
    { ...seed, dmClosedUserIds: [...(seed.dmClosedUserIds ?? []), ...(options.dmClosed ?? [])] },
    toDate(options.clock ?? SCENARIO_ANCHOR),
    options.clockSpeed ?? 0,
    now,
  );
  const credentials = { ...DEFAULT_SANDBOX_CREDENTIALS, ...options.credentials };
  const auth = new AuthState(credentials);
  const userLimits = { ...DEFAULT_RATE_LIMITS, ...options.limits };
  const limiter = new RateLimiter(userLimits, now);
  const appLimiter = new RateLimiter({ ...userLimits, ...DEFAULT_APP_RATE_LIMITS, ...options.appLimits }, now);
  const faults = new FaultBook();
  const requests: RequestLogEntry[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const control = new ControlApi(world, faults, requests);

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    const entry: RequestLogEntry = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      auth: "none",
    };
    requests.push(entry);
    const reply = (r: SandboxReply, truncated = false) => {
      entry.status = r.status;
      if (truncated) sendTruncated(res, r);
      else send(res, r);
    };
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = parseBody(raw, req.headers["content-type"]);
    } catch {
      return reply({
        status: 400,
        body: { title: "Invalid Request", type: "about:blank", detail: "Body is not JSON" },
      });
    }
    if (method === "POST" && url.pathname === "/2/oauth2/token") return reply(oauth2Token(auth, body));
    const found = findRoute(method, url.pathname);
    if (!found) return reply(notFoundRoute(url.pathname));
    const who = auth.authenticate({ method, url, authorization: req.headers.authorization });
    if (who === null) return reply(unauthorized());
    entry.auth = who;
    if (who === "app" && found.route.userOnly) return reply(unsupportedAuthentication("app"));
    if (who !== "app" && found.route.appOnly) return reply(unsupportedAuthentication("user"));

    const fault = faults.take(method, url.pathname);
    if (fault?.kind === "reset") {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "slow") await delay(fault.delayMs ?? 1000);
    if (res.destroyed) return;
    const meter = who === "app" ? appLimiter : limiter;
    const injected = fault ? faultReply(fault, meter.peek(found.route.key), now()) : undefined;
    if (injected) return reply(injected);

    const { allowed, state } = meter.take(found.route.key);
    const headers = rateLimitHeaders(state);
    if (!allowed) return reply({ ...tooManyRequests(), headers: { ...tooManyRequests().headers, ...headers } });
    const answer = found.route.handle(world, found.args, url.searchParams, body);
    reply({ ...answer, headers: { ...answer.headers, ...headers } }, fault?.kind === "truncated");
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const work = url.pathname.startsWith("/_sandbox")
      ? readBody(req).then((raw) => send(res, control.handle(req.method ?? "GET", url.pathname, raw)))
      : serveApi(req, res, url);
    work.catch((error: unknown) => {
      if (!res.headersSent)
        send(res, { ...serverError(500), body: { ...(serverError(500).body as object), detail: String(error) } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    brand: world.brand,
    credentials,
    faults,
    received: world.received,
    requests,
    get clock() {
      return world.clock;
    },
    setClock: (at) => world.setClock(toDate(at)),
    advanceClock: (ms) => world.setClock(new Date(world.clock.getTime() + ms)),
    injectMention: (input) => world.injectMention(input),
    rateLimit: (endpoint) => limiter.peek(endpoint),
    env: () => ({
      X_API_BASE_URL: `http://127.0.0.1:${port}`,
      X_API_KEY: credentials.consumerKey,
      X_API_SECRET: credentials.consumerSecret,
      X_ACCESS_TOKEN: credentials.accessToken,
      X_ACCESS_SECRET: credentials.accessSecret,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
