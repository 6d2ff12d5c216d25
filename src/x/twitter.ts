import type { TwitterApi, TwitterApiTokens, TwitterRateLimit } from "twitter-api-v2";
import type { CallReport, DmPageOptions, PageOptions, RateLimitInfo, XClient } from "./client.js";
import {
  DM_EVENT_FIELDS,
  MAX_QUERY_LENGTH,
  SAMPLE_TWEET_FIELDS,
  TWEET_EXPANSIONS,
  TWEET_FIELDS,
  USER_FIELDS,
} from "./client.js";
import type { PostPricing, Resources, XEndpoint } from "./cost.js";
import type { ResolvedCredentials, XOperation } from "./credentials.js";
import { XAuthError, XInvalidRequestError } from "./errors.js";
import { mapXError } from "./map-error.js";
import { baseUrlPlugin, DEFAULT_TIMEOUT_MS, X_API_BASE } from "./plugin.js";
import { DEFAULT_RETRY_POLICY, type RetryContext, type RetryPolicy, withRetry } from "./retry.js";
import type { XAppUsage, XDmPage, XTweetPage, XUser } from "./types.js";

export interface XClientOptions {
  credentials: ResolvedCredentials;
  /** X_API_BASE_URL; default https://api.x.com. An http: base (the sandbox) gets an http.Agent. */
  baseUrl?: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Every HTTP attempt, successful or not, for the cost ledger. */
  onCall?: (report: CallReport) => void;
  onWait?: RetryContext["onWait"];
  /** OAuth 2.0 tokens rotate on refresh: persist the new pair. */
  onTokenRefresh?: (tokens: { accessToken: string; refreshToken?: string }) => void;
}

type TwitterApiClass = typeof TwitterApi;
type Query = Record<string, string | number | undefined>;

interface RawResponse<T> {
  data: T;
  rateLimit?: TwitterRateLimit;
}

const NO_RESOURCES: Resources = { posts: 0, users: 0, dmEvents: 0 };

function countTweetPage(page: XTweetPage): Resources {
  return {
    posts: (page.data?.length ?? 0) + (page.includes?.tweets?.length ?? 0),
    users: page.includes?.users?.length ?? 0,
    dmEvents: 0,
  };
}

function rateLimitOf(value: TwitterRateLimit | undefined): RateLimitInfo | undefined {
  if (!value || !Number.isFinite(value.limit)) return undefined;
  return { limit: value.limit, remaining: value.remaining, reset: value.reset };
}

function requireSnowflake(name: string, value: string | undefined, endpoint: string): void {
  if (value !== undefined && !/^[0-9]{1,19}$/.test(value)) {
    throw new XInvalidRequestError(`${name} must be a numeric X id (got "${value}")`, { endpoint });
  }
}

/** Builds the real client; twitter-api-v2 is loaded here, on first use, never at import time. */
export async function createXClient(options: XClientOptions): Promise<XClient> {
  const lib = await import("twitter-api-v2");
  // Bundled by esbuild, the package resolves to its CommonJS build: the class is then under `default`.
  const TwitterApiClass: TwitterApiClass =
    lib.TwitterApi ?? (lib as unknown as { default: { TwitterApi: TwitterApiClass } }).default.TwitterApi;
  const { default: http } = await import("node:http");
  const baseUrl = options.baseUrl ?? X_API_BASE;
  const settings = {
    plugins: [baseUrlPlugin(baseUrl, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)],
    // twitter-api-v2 always calls https.request(); an http: target needs an http.Agent (x-api.md §1).
    ...(baseUrl.startsWith("http:") ? { httpAgent: new http.Agent({ keepAlive: false }) } : {}),
  };
  return new TwitterXClient(TwitterApiClass, options, settings);
}

function tokensFor(credentials: ResolvedCredentials): TwitterApiTokens | string | null {
  const tokens = credentials.tokens;
  switch (tokens.kind) {
    case "oauth1":
      return tokens.oauth1;
    case "oauth2-user":
      return tokens.oauth2.accessToken;
    case "app-only":
      return tokens.bearer;
    case "none":
      return null;
  }
}

class TwitterXClient implements XClient {
  private api: TwitterApi;
  private readonly policy: RetryPolicy;
  private refreshToken: string | undefined;

  constructor(
    private readonly TwitterApiClass: TwitterApiClass,
    private readonly options: XClientOptions,
    private readonly settings: ConstructorParameters<TwitterApiClass>[1],
  ) {
    const tokens = tokensFor(options.credentials);
    // With no credentials the client still exists; every call fails with XAuthError first.
    this.api =
      typeof tokens === "string" || tokens === null
        ? new TwitterApiClass(tokens ?? "", settings)
        : new TwitterApiClass(tokens, settings);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const creds = options.credentials.tokens;
    this.refreshToken = creds.kind === "oauth2-user" ? creds.oauth2.refreshToken : undefined;
  }

  get credentials(): ResolvedCredentials {
    return this.options.credentials;
  }

  private ensureAllowed(operation: XOperation, endpoint: XEndpoint): void {
    const credentials = this.options.credentials;
    if (credentials.allows(operation)) return;
    const hint =
      credentials.kind === "none"
        ? "set X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET (or X_OAUTH2_ACCESS_TOKEN, or X_API_BEARER_TOKEN for reads)"
        : "this needs user-context credentials: X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/X_ACCESS_SECRET or X_OAUTH2_ACCESS_TOKEN";
    throw new XAuthError(`${credentials.describe()} cannot call ${endpoint}`, { endpoint }, hint);
  }

  private report(report: CallReport): void {
    this.options.onCall?.(report);
  }

  /** One logical call: retried under the policy, every attempt reported, errors typed. */
  private async call<T>(
    endpoint: XEndpoint,
    idempotent: boolean,
    successStatus: number,
    run: (api: TwitterApi) => Promise<RawResponse<T>>,
    count: (data: T) => Resources,
    pricing?: PostPricing,
  ): Promise<T> {
    let refreshed = false;
    const attempt = async (): Promise<T> => {
      const started = Date.now();
      try {
        const response = await run(this.api);
        this.report({
          endpoint,
          status: successStatus,
          resources: count(response.data),
          rateLimit: rateLimitOf(response.rateLimit),
          durationMs: Date.now() - started,
          ...(pricing ? { pricing } : {}),
        });
        return response.data;
      } catch (error) {
        const mapped = mapXError(endpoint, error);
        const status = (mapped as { status?: number }).status ?? 0;
        this.report({
          endpoint,
          status,
          resources: NO_RESOURCES,
          rateLimit: rateLimitOf((error as { rateLimit?: TwitterRateLimit }).rateLimit),
          durationMs: Date.now() - started,
          error: mapped.message,
          ...(pricing ? { pricing } : {}),
        });
        if (status === 401 && !refreshed && (await this.tryRefresh())) {
          refreshed = true;
          return attempt();
        }
        throw mapped;
      }
    };
    return withRetry(attempt, this.policy, {
      idempotent,
      ...(this.options.onWait ? { onWait: this.options.onWait } : {}),
    });
  }

  /** OAuth 2.0: exchange the refresh token once for a new pair, and tell the owner to persist it. */
  private async tryRefresh(): Promise<boolean> {
    const creds = this.options.credentials.tokens;
    if (creds.kind !== "oauth2-user" || !this.refreshToken || !creds.oauth2.clientId) return false;
    const refresher = new this.TwitterApiClass(
      {
        clientId: creds.oauth2.clientId,
        ...(creds.oauth2.clientSecret ? { clientSecret: creds.oauth2.clientSecret } : {}),
      },
      this.settings,
    );
    const started = Date.now();
    try {
      const result = await refresher.refreshOAuth2Token(this.refreshToken);
      this.report({
        endpoint: "POST /2/oauth2/token",
        status: 200,
        resources: NO_RESOURCES,
        durationMs: Date.now() - started,
      });
      this.api = result.client;
      this.refreshToken = result.refreshToken;
      this.options.onTokenRefresh?.({
        accessToken: result.accessToken,
        ...(result.refreshToken ? { refreshToken: result.refreshToken } : {}),
      });
      return true;
    } catch (error) {
      const mapped = mapXError("POST /2/oauth2/token", error);
      this.report({
        endpoint: "POST /2/oauth2/token",
        status: (mapped as { status?: number }).status ?? 0,
        resources: NO_RESOURCES,
        durationMs: Date.now() - started,
        error: mapped.message,
      });
      return false;
    }
  }

  private get<T>(path: string, query: Query): (api: TwitterApi) => Promise<RawResponse<T>> {
    const clean = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
    return (api) => api.v2.get<T>(path, clean, { fullResponse: true });
  }

  async me(): Promise<XUser> {
    const endpoint = "GET /2/users/me";
    this.ensureAllowed("me", endpoint);
    const body = await this.call<{ data: XUser }>(
      endpoint,
      true,
      200,
      this.get("users/me", { "user.fields": USER_FIELDS.join(",") }),
      () => ({ posts: 0, users: 1, dmEvents: 0 }),
    );
    return body.data;
  }

  async appUsage(): Promise<XAppUsage> {
    const endpoint = "GET /2/usage/tweets";
    const credentials = this.options.credentials;
    if (credentials.kind !== "app-only") {
      throw new XAuthError(
        `${credentials.describe()} cannot call ${endpoint}`,
        { endpoint },
        "X serves usage statistics to an app-only bearer token (X_API_BEARER_TOKEN) only",
      );
    }
    const body = await this.call<{ data?: XAppUsage }>(endpoint, true, 200, this.get("usage/tweets", {}), () => ({
      ...NO_RESOURCES,
    }));
    return body.data ?? {};
  }

  async userByUsername(username: string): Promise<XUser | null> {
    const endpoint = "GET /2/users/by/username/:username";
    this.ensureAllowed("read", endpoint);
    const handle = username.replace(/^@/, "");
    if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) {
      throw new XInvalidRequestError(`"${username}" is not a valid X username`, { endpoint });
    }
    const body = await this.call<{ data?: XUser }>(
      endpoint,
      true,
      200,
      this.get(`users/by/username/${handle}`, { "user.fields": USER_FIELDS.join(",") }),
      (data) => ({ posts: 0, users: data.data ? 1 : 0, dmEvents: 0 }),
    );
    return body.data ?? null;
  }

  private async *tweetPages(
    endpoint: XEndpoint,
    path: string,
    base: Query,
    tokenParam: "pagination_token" | "next_token",
    options: PageOptions,
  ): AsyncGenerator<XTweetPage, void, undefined> {
    requireSnowflake("since_id", options.sinceId, endpoint);
    requireSnowflake("until_id", options.untilId, endpoint);
    const query: Query = {
      ...base,
      max_results: options.maxResults ?? 100,
      since_id: options.sinceId,
      until_id: options.untilId,
      start_time: options.startTime,
      end_time: options.endTime,
      ...(options.lean
        ? { "tweet.fields": SAMPLE_TWEET_FIELDS.join(",") }
        : {
            "tweet.fields": TWEET_FIELDS.join(","),
            expansions: TWEET_EXPANSIONS.join(","),
            "user.fields": USER_FIELDS.join(","),
          }),
    };
    let token = options.paginationToken;
    let pages = 0;
    do {
      const page = await this.call<XTweetPage>(
        endpoint,
        true,
        200,
        this.get(path, { ...query, [tokenParam]: token }),
        countTweetPage,
      );
      yield page;
      pages++;
      token = page.meta?.next_token;
    } while (token !== undefined && pages < (options.maxPages ?? Number.POSITIVE_INFINITY));
  }

  async *mentionsPages(userId: string, options: PageOptions = {}): AsyncGenerator<XTweetPage, void, undefined> {
    const endpoint = "GET /2/users/:id/mentions";
    this.ensureAllowed("read", endpoint);
    requireSnowflake("user id", userId, endpoint);
    yield* this.tweetPages(endpoint, `users/${userId}/mentions`, {}, "pagination_token", options);
  }

  async *searchPages(query: string, options: PageOptions = {}): AsyncGenerator<XTweetPage, void, undefined> {
    const endpoint = "GET /2/tweets/search/recent";
    this.ensureAllowed("read", endpoint);
    if (query.trim() === "" || query.length > MAX_QUERY_LENGTH) {
      throw new XInvalidRequestError(`a search query needs 1 to ${MAX_QUERY_LENGTH} characters`, { endpoint });
    }
    yield* this.tweetPages(endpoint, "tweets/search/recent", { query }, "next_token", options);
  }

  async reply(text: string, inReplyToId: string, pricing: PostPricing): Promise<{ id: string; text: string }> {
    const endpoint = "POST /2/tweets";
    this.ensureAllowed("reply", endpoint);
    if (text.trim() === "") throw new XInvalidRequestError("a reply needs text", { endpoint });
    requireSnowflake("in_reply_to_tweet_id", inReplyToId, endpoint);
    const body = await this.call<{ data: { id: string; text: string } }>(
      endpoint,
      false,
      201,
      (api) =>
        api.v2.post<{ data: { id: string; text: string } }>(
          "tweets",
          { text, reply: { in_reply_to_tweet_id: inReplyToId } },
          { fullResponse: true },
        ),
      () => ({ posts: 1, users: 0, dmEvents: 0 }),
      pricing,
    );
    return { id: body.data.id, text: body.data.text };
  }

  async sendDm(participantId: string, text: string): Promise<{ dmConversationId: string; dmEventId: string }> {
    const endpoint = "POST /2/dm_conversations/with/:participant_id/messages";
    this.ensureAllowed("dm", endpoint);
    if (text.trim() === "") throw new XInvalidRequestError("a DM needs text", { endpoint });
    requireSnowflake("participant_id", participantId, endpoint);
    // The wire wraps the result in `data` (the library's declared type does not; x-api.md §7.3).
    const body = await this.call<{ data: { dm_conversation_id: string; dm_event_id: string } }>(
      endpoint,
      false,
      201,
      (api) => api.v2.post(`dm_conversations/with/${participantId}/messages`, { text }, { fullResponse: true }),
      () => ({ posts: 0, users: 0, dmEvents: 1 }),
    );
    return { dmConversationId: body.data.dm_conversation_id, dmEventId: body.data.dm_event_id };
  }

  async *dmEvents(options: DmPageOptions = {}): AsyncGenerator<XDmPage, void, undefined> {
    const endpoint = "GET /2/dm_events";
    this.ensureAllowed("dm-read", endpoint);
    yield* this.dmPages(endpoint, options);
  }

  private async *dmPages(endpoint: XEndpoint, options: DmPageOptions): AsyncGenerator<XDmPage, void, undefined> {
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await this.call<XDmPage>(
        endpoint,
        true,
        200,
        this.get("dm_events", {
          max_results: options.maxResults ?? 100,
          "dm_event.fields": DM_EVENT_FIELDS.join(","),
          expansions: "sender_id",
          "user.fields": USER_FIELDS.join(","),
          pagination_token: token,
        }),
        (data) => ({ posts: 0, users: data.includes?.users?.length ?? 0, dmEvents: data.data?.length ?? 0 }),
      );
      yield page;
      pages++;
      token = page.meta?.next_token;
    } while (token !== undefined && pages < (options.maxPages ?? Number.POSITIVE_INFINITY));
  }
}
