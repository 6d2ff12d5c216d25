import { TwitterApi } from "twitter-api-v2";
import { afterEach, describe, expect, it } from "vitest";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/server.js";
import { type CallReport, SAMPLE_TWEET_FIELDS, type XClient } from "../../src/x/client.js";
import { resolveCredentials } from "../../src/x/credentials.js";
import {
  XAuthError,
  XCreditsError,
  XForbiddenError,
  XInvalidRequestError,
  XNetworkError,
  XRateLimitError,
  XServerError,
  XUsageCapError,
} from "../../src/x/errors.js";
import { mapXError } from "../../src/x/map-error.js";
import { baseUrlPlugin } from "../../src/x/plugin.js";
import type { RetryPolicy } from "../../src/x/retry.js";
import { createXClient } from "../../src/x/twitter.js";
import type { XTweetPage } from "../../src/x/types.js";
import { ANCHOR, BOB, BRAND, BRAND_POST, buildTestSeed, CLOSED } from "../sandbox/test-seed.js";

const OAUTH1_ENV = {
  X_API_KEY: "sandbox-key",
  X_API_SECRET: "sandbox-secret",
  X_ACCESS_TOKEN: "sandbox-access-token",
  X_ACCESS_SECRET: "sandbox-access-secret",
};

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface Harness {
  box: Sandbox;
  client: XClient;
  calls: CallReport[];
  sleeps: number[];
}

async function harness(
  options: {
    env?: Record<string, string>;
    sandbox?: SandboxOptions;
    retry?: Partial<RetryPolicy>;
    timeoutMs?: number;
    onTokenRefresh?: (tokens: { accessToken: string; refreshToken?: string }) => void;
  } = {},
): Promise<Harness> {
  sandbox = await startSandbox({ seed: buildTestSeed(), ...options.sandbox });
  const calls: CallReport[] = [];
  const sleeps: number[] = [];
  const client = await createXClient({
    credentials: resolveCredentials(options.env ?? OAUTH1_ENV),
    baseUrl: sandbox.baseUrl,
    timeoutMs: options.timeoutMs ?? 5000,
    onCall: (report) => calls.push(report),
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      baseDelayMs: 100,
      ...options.retry,
    },
    ...(options.onTokenRefresh ? { onTokenRefresh: options.onTokenRefresh } : {}),
  });
  return { box: sandbox, client, calls, sleeps };
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const idsOf = (pages: XTweetPage[]) => pages.flatMap((page) => (page.data ?? []).map((post) => post.id));
const visibleMentions = () => buildTestSeed().mentions.filter((post) => post.created_at! <= ANCHOR);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("XClient reads", () => {
  it("me() over OAuth 1.0a reports the call for the ledger", async () => {
    const { client, calls, box } = await harness();
    const me = await client.me();
    expect(me).toMatchObject({ id: BRAND.id, username: BRAND.username, verified: true });
    expect(calls).toEqual([
      expect.objectContaining({
        endpoint: "GET /2/users/me",
        status: 200,
        resources: { posts: 0, users: 1, dmEvents: 0 },
        rateLimit: expect.objectContaining({ limit: 75, remaining: 74 }),
      }),
    ]);
    expect(box.requests[0]?.auth).toBe("oauth1");
  });

  it("rejects a wrong OAuth 1.0a secret with XAuthError (exit 4)", async () => {
    const { client } = await harness({ env: { ...OAUTH1_ENV, X_ACCESS_SECRET: "wrong" } });
    const error = await failure(client.me());
    expect(error).toBeInstanceOf(XAuthError);
    expect((error as XAuthError).status).toBe(401);
    expect((error as XAuthError).exitCode).toBe(4);
    expect((error as XAuthError).hint).toMatch(/X_API_KEY/);
  });

  it("walks every mentions page with pagination_token, then only newer ones with since_id", async () => {
    const { client, calls, box } = await harness();
    const pages = await collect(client.mentionsPages(BRAND.id, { maxResults: 10 }));
    const expected = visibleMentions()
      .map((post) => post.id)
      .sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
    expect(idsOf(pages)).toEqual(expected);
    expect(pages).toHaveLength(Math.ceil(expected.length / 10));
    expect(box.requests.slice(1).every((r) => r.query.pagination_token !== undefined)).toBe(true);
    expect(calls.map((c) => c.resources.posts - (pages[calls.indexOf(c)]?.includes?.tweets?.length ?? 0))).toEqual(
      pages.map((page) => page.data?.length ?? 0),
    );
    const remaining = calls.map((c) => c.rateLimit?.remaining ?? -1);
    expect(remaining).toEqual([...remaining].sort((a, b) => b - a));
    expect(new Set(remaining).size).toBe(remaining.length);

    box.advanceClock(60 * 60_000);
    const newer = await collect(client.mentionsPages(BRAND.id, { sinceId: expected[0]! }));
    expect(idsOf(newer)).toHaveLength(3);
    expect(newer[0]?.meta.newest_id).toBe(idsOf(newer)[0]);
  });

  it("asks for the fields and expansions xtriage stores", async () => {
    const { client } = await harness();
    const [page] = await collect(client.mentionsPages(BRAND.id, { maxResults: 100, maxPages: 1 }));
    const post = page!.data!.find((p) => p.referenced_tweets !== undefined)!;
    expect(post).toMatchObject({ conversation_id: BRAND_POST.id, in_reply_to_user_id: BRAND.id, lang: "es" });
    expect(page!.includes?.tweets?.map((t) => t.id)).toEqual([BRAND_POST.id]);
    const bob = page!.includes!.users!.find((u) => u.id === BOB.id)!;
    expect(bob).toMatchObject({ verified: true, verified_type: "blue", public_metrics: BOB.public_metrics });
    expect(bob.receives_your_dm).toBeUndefined();
  });

  it("walks search with next_token and keeps partial errors with the page", async () => {
    const { client, box } = await harness();
    const pages = await collect(client.searchPages("acmefibra -@acmefibra", { maxResults: 10 }));
    expect(idsOf(pages)).toHaveLength(4);
    const retweetPage = pages.find((page) => page.data?.some((post) => post.text.startsWith("RT ")));
    expect(retweetPage?.errors?.[0]).toMatchObject({ resource_type: "tweet", parameter: "referenced_tweets.id" });

    await collect(client.searchPages("acmefibra", { maxResults: 10 }));
    const searches = box.requests.filter((r) => r.path === "/2/tweets/search/recent");
    expect(searches.filter((r) => r.query.next_token !== undefined).length).toBeGreaterThan(0);
    expect(searches.every((r) => r.query.pagination_token === undefined)).toBe(true);
  });

  it("a lean walk asks for the sample's fields only (no includes to pay for) and resumes from a token", async () => {
    const { client, box, calls } = await harness();
    const all = idsOf(await collect(client.searchPages("acmefibra", { maxResults: 10 })));
    const [first] = await collect(client.searchPages("acmefibra", { maxResults: 10, maxPages: 1, lean: true }));
    expect(first!.includes).toBeUndefined();
    expect(first!.data![0]!.public_metrics).toBeUndefined();
    expect(calls.at(-1)!.resources).toEqual({ posts: first!.data!.length, users: 0, dmEvents: 0 });
    const token = first!.meta.next_token;
    expect(token).toBeDefined();
    const rest = await collect(
      client.searchPages("acmefibra", { maxResults: 10, lean: true, paginationToken: token! }),
    );
    expect([...idsOf([first!]), ...idsOf(rest)]).toEqual(all);
    const lean = box.requests.filter((r) => r.query["tweet.fields"] === SAMPLE_TWEET_FIELDS.join(","));
    expect(lean).toHaveLength(1 + rest.length);
    expect(lean.every((r) => r.query.expansions === undefined && r.query["user.fields"] === undefined)).toBe(true);
    expect(lean[1]!.query.next_token).toBe(token);
  });

  it("signs queries with quotes, groups, accents and emoji correctly (OAuth 1.0a)", async () => {
    const { client, box } = await harness();
    const pages = await collect(client.searchPages('("ventana" OR barrió OR 😀 OR acmefibra) -is:retweet lang:es'));
    expect(box.requests.map((r) => r.status)).toEqual([200]);
    expect(idsOf(pages).length).toBeGreaterThan(0);
  });

  it("treats an empty poll as one page with no data, costing no resources", async () => {
    const { client, calls } = await harness();
    const [first] = await collect(client.mentionsPages(BRAND.id, { maxResults: 5, maxPages: 1 }));
    const empty = await collect(client.mentionsPages(BRAND.id, { sinceId: first!.meta.newest_id! }));
    expect(empty).toEqual([{ meta: { result_count: 0 } }]);
    expect(calls.at(-1)?.resources).toEqual({ posts: 0, users: 0, dmEvents: 0 });
  });

  it("refuses bad arguments before spending a request", async () => {
    const { client, box } = await harness();
    await expect(collect(client.searchPages("x".repeat(513)))).rejects.toBeInstanceOf(XInvalidRequestError);
    await expect(collect(client.mentionsPages(BRAND.id, { sinceId: "12ab" }))).rejects.toBeInstanceOf(
      XInvalidRequestError,
    );
    await expect(client.reply("  ", "123", {})).rejects.toBeInstanceOf(XInvalidRequestError);
    await expect(client.sendDm(BOB.id, "")).rejects.toBeInstanceOf(XInvalidRequestError);
    expect(box.requests).toEqual([]);
  });

  it("looks users up, returning null for unknown ones", async () => {
    const { client } = await harness();
    expect((await client.userByUsername(`@${BOB.username}`))?.id).toBe(BOB.id);
    expect(await client.userByUsername("nobody_here")).toBeNull();
  });
});

describe("XClient writes", () => {
  it("replies; the reply shows up in later reads in the customer's conversation", async () => {
    const { client, box, calls } = await harness();
    const [page] = await collect(client.mentionsPages(BRAND.id, { maxResults: 5, maxPages: 1 }));
    const target = page!.data![0]!;
    const posted = await client.reply("Hola, lo miramos ya mismo", target.id, { summonedReply: true });
    expect(posted.text).toBe("Hola, lo miramos ya mismo");
    expect(calls.at(-1)).toMatchObject({
      endpoint: "POST /2/tweets",
      status: 201,
      resources: { posts: 1 },
      pricing: { summonedReply: true },
    });
    const found = await collect(client.searchPages(`conversation_id:${target.id}`));
    const reply = found[0]?.data?.find((post) => post.id === posted.id);
    expect(reply).toMatchObject({
      author_id: BRAND.id,
      in_reply_to_user_id: target.author_id,
      conversation_id: target.id,
    });
    expect(box.received.tweets.map((t) => t.inReplyToTweetId)).toEqual([target.id]);
  });

  it("maps 403 for a non-mentioning post and for duplicate text to XForbiddenError", async () => {
    const { client } = await harness();
    const [others] = await collect(client.searchPages("acmefibra -@acmefibra -is:quote", { maxPages: 1 }));
    const notSummoned = await failure(client.reply("Hola", others!.data![0]!.id, {}));
    expect(notSummoned).toBeInstanceOf(XForbiddenError);
    expect((notSummoned as XForbiddenError).reason).toBe("not-summoned");

    const [mentions] = await collect(client.mentionsPages(BRAND.id, { maxResults: 5, maxPages: 1 }));
    await client.reply("Gracias, lo revisamos", mentions!.data![0]!.id, { summonedReply: true });
    const duplicate = await failure(
      client.reply("Gracias, lo revisamos", mentions!.data![1]!.id, { summonedReply: true }),
    );
    expect(duplicate).toBeInstanceOf(XForbiddenError);
    expect((duplicate as XForbiddenError).reason).toBe("duplicate");
    expect((duplicate as XForbiddenError).message).toMatch(/same text/);
  });

  it("sends a DM (result unwrapped from data) that dmEvents lists", async () => {
    const { client } = await harness();
    const sent = await client.sendDm(BOB.id, "Hola Bob, ¿nos pasas tu número de cliente?");
    expect(sent.dmConversationId).toBe(`${BRAND.id}-${BOB.id}`);
    const [page] = await collect(client.dmEvents());
    expect(page?.data?.[0]).toMatchObject({
      id: sent.dmEventId,
      text: "Hola Bob, ¿nos pasas tu número de cliente?",
      sender_id: BRAND.id,
      dm_conversation_id: sent.dmConversationId,
    });
  });

  it("maps a DM to a user who refuses DMs to a clear XForbiddenError", async () => {
    const { client } = await harness();
    const error = await failure(client.sendDm(CLOSED.id, "Hola"));
    expect(error).toBeInstanceOf(XForbiddenError);
    expect((error as XForbiddenError).reason).toBe("dm-refused");
    expect((error as Error).message).toMatch(/does not accept direct messages/);
  });
});

describe("credentials", () => {
  it("app-only bearer reads, but is refused for posting before any request is made", async () => {
    const { client, box } = await harness({ env: { X_API_BEARER_TOKEN: "sandbox-bearer" } });
    const pages = await collect(client.mentionsPages(BRAND.id, { maxPages: 1 }));
    expect(pages[0]?.data?.length).toBeGreaterThan(0);
    const before = box.requests.length;
    const error = await failure(client.reply("Hola", pages[0]!.data![0]!.id, {}));
    expect(error).toBeInstanceOf(XAuthError);
    expect((error as Error).message).toMatch(/app-only/);
    expect(box.requests.length).toBe(before);
  });

  it("maps the server's own 403 to an app-only bearer into XAuthError", async () => {
    sandbox = await startSandbox({ seed: buildTestSeed() });
    const http = await import("node:http");
    const raw = new TwitterApi("sandbox-bearer", {
      plugins: [baseUrlPlugin(sandbox.baseUrl, 5000)],
      httpAgent: new http.Agent(),
    });
    const error = mapXError("POST /2/tweets", await failure(raw.v2.tweet("hola")));
    expect(error).toBeInstanceOf(XAuthError);
    expect((error as XAuthError).status).toBe(403);
    expect((error as XAuthError).hint).toMatch(/user-context/);
  });

  it("refreshes a rejected OAuth 2.0 token once and hands the new pair to the owner", async () => {
    const refreshed: { accessToken: string; refreshToken?: string }[] = [];
    const { client, calls } = await harness({
      env: {
        X_OAUTH2_ACCESS_TOKEN: "expired-token",
        X_OAUTH2_REFRESH_TOKEN: "sandbox-refresh-token",
        X_API_CLIENT_ID: "sandbox-client-id",
      },
      onTokenRefresh: (tokens) => refreshed.push(tokens),
    });
    expect((await client.me()).id).toBe(BRAND.id);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]?.refreshToken).not.toBe("sandbox-refresh-token");
    expect(calls.map((c) => [c.endpoint, c.status])).toEqual([
      ["GET /2/users/me", 401],
      ["POST /2/oauth2/token", 200],
      ["GET /2/users/me", 200],
    ]);
    expect((await client.me()).id).toBe(BRAND.id);
    expect(refreshed).toHaveLength(1);
  });
});

describe("faults", () => {
  it("waits out a 429 window with a small reset, then succeeds", async () => {
    const { client, box, sleeps } = await harness({ retry: { maxWaitSeconds: 60 } });
    box.faults.add([{ path: "/2/users/me", status: 429, resetInSeconds: 2 }]);
    expect((await client.me()).id).toBe(BRAND.id);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[0]).toBeLessThanOrEqual(3500);
    expect(box.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("throws XRateLimitError with the reset time when maxWait is 0", async () => {
    const { client, box, sleeps } = await harness({ retry: { maxWaitSeconds: 0 } });
    box.faults.add([{ path: "/2/users/:id/mentions", status: 429, resetInSeconds: 120 }]);
    const error = await failure(collect(client.mentionsPages(BRAND.id)));
    expect(error).toBeInstanceOf(XRateLimitError);
    const resetAt = (error as XRateLimitError).resetAt!.getTime();
    expect(resetAt).toBeGreaterThan(Date.now() + 100_000);
    expect((error as XRateLimitError).exitCode).toBe(5);
    expect(sleeps).toEqual([]);
  });

  it("stops at once on a usage cap and on 402, without retrying", async () => {
    const { client, box, sleeps } = await harness();
    box.faults.add([{ path: "/2/users/me", kind: "usage-cap" }]);
    expect(await failure(client.me())).toBeInstanceOf(XUsageCapError);
    box.faults.add([{ path: "/2/tweets/search/recent", status: 402 }]);
    expect(await failure(collect(client.searchPages("acmefibra")))).toBeInstanceOf(XCreditsError);
    expect(box.requests).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it("retries 500 and 503 with capped exponential backoff, then succeeds", async () => {
    const { client, box, sleeps } = await harness({ retry: { maxRetries: 4, baseDelayMs: 100, maxDelayMs: 250 } });
    box.faults.add([
      { path: "/2/users/me", status: 500, times: 2 },
      { path: "/2/users/me", status: 503, times: 1 },
    ]);
    expect((await client.me()).id).toBe(BRAND.id);
    expect(box.requests.map((r) => r.status)).toEqual([500, 500, 503, 200]);
    expect(sleeps).toEqual([100, 200, 250]);
  });

  it("gives up with XServerError after maxRetries", async () => {
    const { client, box } = await harness({ retry: { maxRetries: 2 } });
    box.faults.add([{ path: "/2/users/me", status: 503, times: -1 }]);
    const error = await failure(client.me());
    expect(error).toBeInstanceOf(XServerError);
    expect((error as XServerError).status).toBe(503);
    expect(box.requests).toHaveLength(3);
  });

  it("turns a slow answer into a timeout error instead of hanging", async () => {
    const { client, box } = await harness({ timeoutMs: 150, retry: { maxRetries: 1 } });
    box.faults.add([{ path: "/2/users/me", kind: "slow", delayMs: 2000, times: -1 }]);
    const started = Date.now();
    const error = await failure(client.me());
    expect(error).toBeInstanceOf(XNetworkError);
    expect((error as XNetworkError).kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1500);
    expect(box.requests).toHaveLength(2);
  });

  it("reports a truncated body as a clear network error", async () => {
    const { client, box } = await harness({ retry: { maxRetries: 1 } });
    box.faults.add([{ path: "/2/users/:id/mentions", kind: "truncated", times: -1 }]);
    const error = await failure(collect(client.mentionsPages(BRAND.id)));
    expect(error).toBeInstanceOf(XNetworkError);
    expect((error as XNetworkError).kind).toBe("truncated");
    expect((error as Error).message).toMatch(/cut off or unreadable/);
    expect(box.requests).toHaveLength(2);
  });

  it("retries a read after a connection reset", async () => {
    const { client, box, sleeps } = await harness();
    box.faults.add([{ path: "/2/users/me", kind: "reset" }]);
    expect((await client.me()).id).toBe(BRAND.id);
    expect(sleeps).toEqual([100]);
    expect(box.requests.map((r) => r.status)).toEqual([-1, 200]);
  });

  it("fails with a connection error, after retries, when nothing listens", async () => {
    const { client, box, sleeps } = await harness({ retry: { maxRetries: 2 } });
    await box.close();
    sandbox = undefined;
    const error = await failure(client.me());
    expect(error).toBeInstanceOf(XNetworkError);
    expect((error as XNetworkError).kind).toBe("connection");
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(sleeps).toEqual([100, 200]);
  });

  it("does not repeat a reply whose answer was cut off", async () => {
    const { client, box } = await harness();
    const [page] = await collect(client.mentionsPages(BRAND.id, { maxResults: 5, maxPages: 1 }));
    box.faults.add([{ path: "/2/tweets", kind: "truncated" }]);
    const error = await failure(client.reply("Hola, lo vemos", page!.data![0]!.id, {}));
    expect((error as XNetworkError).kind).toBe("truncated");
    expect(box.received.tweets).toHaveLength(1);
    expect(box.requests.filter((r) => r.path === "/2/tweets")).toHaveLength(1);
  });

  it("does not repeat a reply after a connection reset (it may have been posted)", async () => {
    const { client, box } = await harness();
    const [page] = await collect(client.mentionsPages(BRAND.id, { maxResults: 5, maxPages: 1 }));
    box.faults.add([{ path: "/2/tweets", kind: "reset" }]);
    const error = await failure(client.reply("Hola", page!.data![0]!.id, {}));
    expect(error).toBeInstanceOf(XNetworkError);
    expect((error as XNetworkError).kind).toBe("connection");
    expect(box.requests.filter((r) => r.path === "/2/tweets")).toHaveLength(1);
  });
});
