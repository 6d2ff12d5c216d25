import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultScenarioDir } from "../../src/sandbox/seed.js";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/server.js";
import { MENTIONS_REACH } from "../../src/sandbox/world.js";
import type { XDmPage, XTweet, XTweetPage } from "../../src/x/types.js";
import { loadSpecValidator, type SchemaName } from "./openapi.js";
import { ANCHOR, BOB, BRAND, BRAND_POST, buildTestSeed, CLOSED, writeSeedDir } from "./test-seed.js";

const USER_TOKEN = "Bearer sandbox-oauth2-token";
const APP_TOKEN = "Bearer sandbox-bearer";

let validate: ReturnType<typeof loadSpecValidator>;
beforeAll(() => {
  validate = loadSpecValidator();
});

function expectSchema(schema: SchemaName, body: unknown): void {
  expect(validate(schema, body), `${schema}: ${JSON.stringify(body).slice(0, 300)}`).toBeNull();
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ seed: buildTestSeed(), ...options });
  return sandbox;
}

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T = Record<string, unknown>>(
  box: Sandbox,
  path: string,
  init: { method?: string; auth?: string | null; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (init.auth !== null) headers.authorization = init.auth ?? USER_TOKEN;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${box.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === "" ? undefined : JSON.parse(text)) as T };
}

const mentionsPath = (query = "") => `/2/users/${BRAND.id}/mentions${query ? `?${query}` : ""}`;

async function walkMentions(box: Sandbox, query: string): Promise<{ pages: XTweetPage[]; ids: string[] }> {
  const pages: XTweetPage[] = [];
  let token: string | undefined;
  do {
    const suffix = token ? `&pagination_token=${token}` : "";
    const { status, body } = await call<XTweetPage>(box, mentionsPath(`${query}${suffix}`), { auth: APP_TOKEN });
    expect(status).toBe(200);
    expectSchema("Get2UsersIdMentionsResponse", body);
    pages.push(body);
    token = body.meta.next_token;
  } while (token);
  return { pages, ids: pages.flatMap((page) => (page.data ?? []).map((post) => post.id)) };
}

function isStrictlyDescending(ids: string[]): boolean {
  return ids.every((id, i) => i === 0 || BigInt(ids[i - 1]!) > BigInt(id));
}

describe("sandbox seed", () => {
  it("serves the bundled scenario by default, newest mention first", async () => {
    sandbox = await startSandbox();
    const firstPage = JSON.parse(readFileSync("fixtures/scenario/pages.jsonl", "utf8").split("\n")[0]!) as XTweetPage;
    const brand = JSON.parse(readFileSync("fixtures/scenario/brand.json", "utf8")) as { id: string };
    const { status, body } = await call<XTweetPage>(sandbox, `/2/users/${brand.id}/mentions?max_results=100`);
    expect(status).toBe(200);
    expectSchema("Get2UsersIdMentionsResponse", body);
    expect(body.meta.newest_id).toBe(firstPage.meta.newest_id);
    expect(body.data?.map((post) => post.id)).toEqual(firstPage.data?.map((post) => post.id));
  });

  it("serves every bundled post, with full fields, in bodies that validate against the OpenAPI spec", async () => {
    sandbox = await startSandbox({ clock: "2026-11-20T14:30:00Z" });
    const readPages = (name: string) =>
      readFileSync(`fixtures/scenario/${name}`, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as XTweetPage);
    const bundled = [...readPages("pages.jsonl"), ...readPages("later.jsonl")].flatMap((page) => page.data ?? []);
    const fields =
      "tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,public_metrics,entities,note_tweet,edit_history_tweet_ids" +
      "&expansions=author_id,referenced_tweets.id,in_reply_to_user_id" +
      "&user.fields=username,name,public_metrics,verified,verified_type,created_at,description,location,protected";
    const brandId = sandbox.brand.id;
    const served: XTweet[] = [];
    let token: string | undefined;
    do {
      const suffix = token ? `&pagination_token=${token}` : "";
      const { body } = await call<XTweetPage>(
        sandbox,
        `/2/users/${brandId}/mentions?max_results=100&${fields}${suffix}`,
      );
      expectSchema("Get2UsersIdMentionsResponse", body);
      served.push(...(body.data ?? []));
      token = body.meta.next_token;
    } while (token);
    expect(served.length).toBe(Math.min(bundled.length, MENTIONS_REACH));
    const byId = new Map(bundled.map((post) => [post.id, post]));
    for (const post of served) expect(post).toEqual(byId.get(post.id));

    const search = await call<XTweetPage>(sandbox, `/2/tweets/search/recent?query=fibranova&max_results=100&${fields}`);
    expectSchema("Get2TweetsSearchRecentResponse", search.body);
    expect(search.body.data?.length).toBeGreaterThan(0);
  });

  it("finds the bundled scenario from any working directory", async () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      expect(defaultScenarioDir()).toBe(join(cwd, "fixtures", "scenario"));
      sandbox = await startSandbox();
      expect(sandbox.brand.username).toBe("fibranova");
    } finally {
      process.chdir(cwd);
    }
  });

  it("reads a scenario directory in the bundled format", async () => {
    const seed = buildTestSeed();
    await start({ seed: writeSeedDir(seed) });
    const { ids } = await walkMentions(sandbox!, "max_results=100");
    const visible = seed.mentions.filter((post) => post.created_at! <= ANCHOR).length;
    expect(ids).toHaveLength(visible);
  });
});

describe("auth", () => {
  it("answers 401 problem+json to unknown tokens and to no token", async () => {
    const box = await start();
    for (const auth of ["Bearer nope", null]) {
      const { status, headers, body } = await call(box, "/2/users/me", { auth });
      expect(status).toBe(401);
      expect(headers.get("content-type")).toContain("application/problem+json");
      expect(body).toMatchObject({ title: "Unauthorized", status: 401, type: "about:blank" });
      expectSchema("Problem", body);
    }
  });

  it("refuses the app-only bearer on users/me, posting and DMs, but serves reads", async () => {
    const box = await start();
    const me = await call(box, "/2/users/me", { auth: APP_TOKEN });
    const post = await call(box, "/2/tweets", { method: "POST", auth: APP_TOKEN, body: { text: "hola" } });
    const dm = await call(box, `/2/dm_conversations/with/${BOB.id}/messages`, {
      method: "POST",
      auth: APP_TOKEN,
      body: { text: "hola" },
    });
    for (const answer of [me, post, dm]) {
      expect(answer.status).toBe(403);
      expectSchema("Problem", answer.body);
    }
    expect((await call(box, mentionsPath(), { auth: APP_TOKEN })).status).toBe(200);
    expect(box.received.tweets).toHaveLength(0);
  });

  it("serves usage statistics to the app-only bearer only, counting the posts it served", async () => {
    const box = await start();
    const before = await call<{ data: { project_usage: number } }>(box, "/2/usage/tweets", { auth: APP_TOKEN });
    expect(before.status).toBe(200);
    expectSchema("Get2UsageTweetsResponse", before.body);
    const page = await call<XTweetPage>(box, mentionsPath("max_results=5"), { auth: APP_TOKEN });
    const after = await call<{ data: { project_usage: number } }>(box, "/2/usage/tweets?days=30", { auth: APP_TOKEN });
    expect(after.body.data.project_usage - before.body.data.project_usage).toBe(page.body.data!.length);
    const user = await call(box, "/2/usage/tweets", { auth: USER_TOKEN });
    expect(user.status).toBe(403);
    expectSchema("Problem", user.body);
    expect(JSON.stringify(user.body)).toContain("Supported authentication types are [OAuth 2.0 Application-Only]");
    expect((await call(box, "/2/usage/tweets", { auth: "Bearer wrong" })).status).toBe(401);
    expect((await call(box, "/2/usage/tweets?days=91", { auth: APP_TOKEN })).status).toBe(400);
  });

  it("rotates OAuth 2.0 tokens on refresh (JSON body) and refuses a used refresh token", async () => {
    const box = await start();
    const body = {
      refresh_token: "sandbox-refresh-token",
      grant_type: "refresh_token",
      client_id: "sandbox-client-id",
    };
    const first = await call<{ access_token: string; refresh_token: string }>(box, "/2/oauth2/token", {
      method: "POST",
      auth: null,
      body,
    });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe("sandbox-refresh-token");
    expect((await call(box, "/2/users/me", { auth: `Bearer ${first.body.access_token}` })).status).toBe(200);
    const again = await call(box, "/2/oauth2/token", { method: "POST", auth: null, body });
    expect(again.status).toBe(400);
  });
});

describe("users", () => {
  it("returns only the default user fields unless more are asked for", async () => {
    const box = await start();
    const plain = await call<{ data: Record<string, unknown> }>(box, "/2/users/me");
    expectSchema("Get2UsersMeResponse", plain.body);
    expect(Object.keys(plain.body.data).sort()).toEqual(["id", "name", "username"]);
    const rich = await call<{ data: Record<string, unknown> }>(
      box,
      "/2/users/me?user.fields=created_at,public_metrics",
    );
    expectSchema("Get2UsersMeResponse", rich.body);
    expect(Object.keys(rich.body.data).sort()).toEqual(["created_at", "id", "name", "public_metrics", "username"]);
  });

  it("looks users up by username, with a 200 + errors for unknown ones and 400 for bad names", async () => {
    const box = await start();
    const found = await call<{ data: { id: string } }>(box, `/2/users/by/username/${BOB.username.toUpperCase()}`, {
      auth: APP_TOKEN,
    });
    expectSchema("Get2UsersByUsernameUsernameResponse", found.body);
    expect(found.body.data.id).toBe(BOB.id);
    const missing = await call<{ data?: unknown; errors: { resource_id: string }[] }>(
      box,
      "/2/users/by/username/nobody_here",
    );
    expect(missing.status).toBe(200);
    expectSchema("Get2UsersByUsernameUsernameResponse", missing.body);
    expect(missing.body.data).toBeUndefined();
    expect(missing.body.errors[0]?.resource_id).toBe("nobody_here");
    expect((await call(box, "/2/users/by/username/bad-name!")).status).toBe(400);
  });
});

describe("mentions timeline", () => {
  it("defaults to 10 per page and honours tweet.fields, user.fields and expansions", async () => {
    const box = await start();
    const plain = await call<XTweetPage>(box, mentionsPath());
    expect(plain.body.data).toHaveLength(10);
    expect(plain.body.includes).toBeUndefined();
    for (const post of plain.body.data!)
      expect(Object.keys(post).sort()).toEqual(["edit_history_tweet_ids", "id", "text"]);

    const rich = await call<XTweetPage>(
      box,
      mentionsPath("max_results=5&tweet.fields=created_at,author_id&expansions=author_id&user.fields=verified"),
    );
    expectSchema("Get2UsersIdMentionsResponse", rich.body);
    for (const post of rich.body.data!) {
      expect(Object.keys(post).sort()).toEqual(["author_id", "created_at", "edit_history_tweet_ids", "id", "text"]);
    }
    const authors = new Set(rich.body.data!.map((post) => post.author_id));
    expect(rich.body.includes?.users?.map((u) => u.id).sort()).toEqual([...authors].sort());
    for (const user of rich.body.includes!.users!)
      expect(Object.keys(user).sort()).toEqual(["id", "name", "username", "verified"]);
  });

  it("expands referenced posts into includes.tweets", async () => {
    const box = await start();
    const { body } = await call<XTweetPage>(
      box,
      mentionsPath("max_results=100&tweet.fields=referenced_tweets,author_id&expansions=referenced_tweets.id"),
    );
    expectSchema("Get2UsersIdMentionsResponse", body);
    expect(body.includes?.tweets?.map((post) => post.id)).toEqual([BRAND_POST.id]);
    expect(body.includes?.tweets?.[0]?.author_id).toBe(BRAND.id);
  });

  it("paginates with pagination_token, newest first, and honours since_id", async () => {
    const seed = buildTestSeed();
    const box = await start({ seed });
    const { pages, ids } = await walkMentions(box, "max_results=7");
    const visible = seed.mentions.filter((post) => post.created_at! <= ANCHOR);
    expect(ids).toHaveLength(visible.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(isStrictlyDescending(ids)).toBe(true);
    expect(pages.at(-1)?.meta.next_token).toBeUndefined();
    expect(pages[0]?.meta.newest_id).toBe(ids[0]);

    const sinceId = ids[12]!;
    const newer = await walkMentions(box, `max_results=5&since_id=${sinceId}`);
    expect(newer.ids).toEqual(ids.slice(0, 12));

    const untilId = ids[3]!;
    const older = await call<XTweetPage>(box, mentionsPath(`max_results=5&until_id=${untilId}`));
    expect(older.body.data?.map((post) => post.id)).toEqual(ids.slice(4, 9));
  });

  it("answers an empty poll with meta only", async () => {
    const box = await start();
    const newest = (await call<XTweetPage>(box, mentionsPath("max_results=5"))).body.meta.newest_id!;
    const { status, body } = await call<XTweetPage>(box, mentionsPath(`since_id=${newest}`));
    expect(status).toBe(200);
    expect(body).toEqual({ meta: { result_count: 0 } });
    expectSchema("Get2UsersIdMentionsResponse", body);
  });

  it(`reaches back ${MENTIONS_REACH} posts only, then 200 with no data`, async () => {
    const box = await start({ seed: buildTestSeed({ mentionCount: 850 }) });
    const { ids } = await walkMentions(box, "max_results=100");
    expect(ids).toHaveLength(MENTIONS_REACH);
    const beyond = await call<XTweetPage>(box, mentionsPath(`until_id=${ids.at(-1)}`));
    expect(beyond.status).toBe(200);
    expect(beyond.body).toEqual({ meta: { result_count: 0 } });
  });

  it("rejects bad parameters with X's invalid-request problem", async () => {
    const box = await start();
    for (const query of [
      "since_id=abc",
      "until_id=12a",
      "max_results=4",
      "max_results=101",
      "start_time=yesterday",
      "tweet.fields=created_at,bogus",
      "expansions=author",
      "colour=blue",
      "pagination_token=%21%21",
    ]) {
      const { status, headers, body } = await call<{ type: string; errors: unknown[] }>(box, mentionsPath(query));
      expect(status, query).toBe(400);
      expect(headers.get("content-type")).toContain("application/problem+json");
      expect(body.type).toMatch(/\/invalid-request$/);
      expect(body.errors).toHaveLength(1);
      expectSchema("Problem", body);
    }
  });
});

describe("recent search", () => {
  it("finds posts that name the brand within 7 days, paginating with next_token", async () => {
    const box = await start();
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const suffix = token ? `&next_token=${token}` : "";
      const { status, body } = await call<XTweetPage>(
        box,
        `/2/tweets/search/recent?query=acmefibra&max_results=10${suffix}`,
      );
      expect(status).toBe(200);
      expectSchema("Get2TweetsSearchRecentResponse", body);
      ids.push(...(body.data ?? []).map((post) => post.id));
      token = body.meta.next_token;
      pages++;
    } while (token);
    // Every visible mention (@acmefibra) plus four "others" within the window; the 8-day-old one is out.
    const seed = buildTestSeed();
    const visibleMentions = seed.mentions.filter((post) => post.created_at! <= ANCHOR).length;
    expect(ids).toHaveLength(visibleMentions + 4);
    expect(pages).toBe(Math.ceil(ids.length / 10));
    expect(isStrictlyDescending(ids)).toBe(true);
  });

  it("supports operators: -is:retweet, from:, phrases, OR and negation", async () => {
    const box = await start();
    const search = async (q: string) =>
      (await call<XTweetPage>(box, `/2/tweets/search/recent?max_results=100&query=${encodeURIComponent(q)}`)).body
        .data ?? [];
    const texts = (posts: XTweet[]) => posts.map((post) => post.text);
    expect(texts(await search("acmefibra -@acmefibra")).length).toBe(4);
    expect(texts(await search("acmefibra -@acmefibra -is:retweet")).some((t) => t.startsWith("RT "))).toBe(false);
    expect(texts(await search("from:acmefibra"))).toEqual([BRAND_POST.text]);
    expect(texts(await search('"ventana"'))).toEqual([]);
    expect((await search("(vuela OR barrio) -@acmefibra")).length).toBe(2);
    expect((await search("#caida")).length).toBeGreaterThan(0);
  });

  it("keeps partial errors for referenced posts that cannot be found", async () => {
    const box = await start();
    const { body } = await call<XTweetPage>(
      box,
      `/2/tweets/search/recent?query=${encodeURIComponent("acmefibra is:retweet")}&expansions=referenced_tweets.id`,
    );
    expectSchema("Get2TweetsSearchRecentResponse", body);
    expect(body.data).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ resource_type: "tweet", parameter: "referenced_tweets.id" });
  });

  it("refuses start_time older than 7 days and a missing query", async () => {
    const box = await start();
    const old = await call(box, "/2/tweets/search/recent?query=acmefibra&start_time=2026-11-12T00:00:00Z");
    expect(old.status).toBe(400);
    expectSchema("Problem", old.body);
    expect((await call(box, "/2/tweets/search/recent?max_results=10")).status).toBe(400);
    expect((await call(box, "/2/tweets/search/recent?query=acmefibra&max_results=5")).status).toBe(400);
  });
});

describe("clock", () => {
  it("hides posts dated after the clock; moving it (API or control endpoint) makes them arrive", async () => {
    const seed = buildTestSeed();
    const box = await start({ seed });
    const before = await walkMentions(box, "max_results=100");
    const later = seed.mentions.filter((post) => post.created_at! > ANCHOR);
    expect(before.ids).not.toContain(later[0]!.id);

    box.advanceClock(15 * 60_000);
    const first = await walkMentions(box, `max_results=100&since_id=${before.ids[0]}`);
    expect(first.ids).toEqual([later[0]!.id]);

    const moved = await call<{ clock: string }>(box, "/_sandbox/clock", {
      method: "POST",
      body: { advanceMinutes: 60 },
    });
    expect(moved.body.clock).toBe("2026-11-20T13:15:00.000Z");
    const rest = await walkMentions(box, `max_results=100&since_id=${first.ids[0]}`);
    expect(rest.ids).toEqual([later[2]!.id, later[1]!.id]);
  });

  it("can run the clock faster than real time, for demos", async () => {
    let wall = Date.parse("2026-11-23T10:00:00Z");
    const box = await start({ clockSpeed: 60, now: () => wall });
    expect(box.clock.toISOString()).toBe(ANCHOR);
    wall += 10_000;
    expect(box.clock.toISOString()).toBe("2026-11-20T12:10:00.000Z");
    const { body } = await call<XTweetPage>(box, mentionsPath("max_results=5&tweet.fields=created_at"));
    expect(body.data?.[0]?.created_at).toBe("2026-11-20T12:10:00.000Z");
    box.setClock(ANCHOR);
    wall += 1000;
    expect(box.clock.toISOString()).toBe("2026-11-20T12:01:00.000Z");
  });

  it("injects a new mention through the control API", async () => {
    const box = await start();
    const injected = await call<{ data: XTweet }>(box, "/_sandbox/mentions", {
      method: "POST",
      body: { text: "otra vez sin línea", authorUsername: BOB.username, inReplyToTweetId: BRAND_POST.id },
    });
    expect(injected.status).toBe(201);
    const { body } = await call<XTweetPage>(box, mentionsPath("max_results=5&tweet.fields=conversation_id,author_id"));
    expect(body.data?.[0]).toMatchObject({
      id: injected.body.data.id,
      author_id: BOB.id,
      conversation_id: BRAND_POST.id,
    });
    expect(body.data?.[0]?.text).toBe(`@${BRAND.username} otra vez sin línea`);
  });
});

describe("writes", () => {
  it("posts a reply that later reads show in the right conversation", async () => {
    const box = await start();
    const target = (await call<XTweetPage>(box, mentionsPath("max_results=5&tweet.fields=author_id"))).body.data![0]!;
    const created = await call<{ data: { id: string; text: string } }>(box, "/2/tweets", {
      method: "POST",
      body: { text: "Hola, te escribimos por DM", reply: { in_reply_to_tweet_id: target.id } },
    });
    expect(created.status).toBe(201);
    expectSchema("TweetCreateResponse", created.body);
    const { body } = await call<XTweetPage>(
      box,
      `/2/tweets/search/recent?query=${encodeURIComponent(`conversation_id:${target.id} from:${BRAND.username}`)}&tweet.fields=conversation_id,in_reply_to_user_id,referenced_tweets`,
    );
    expect(body.data).toEqual([
      expect.objectContaining({
        id: created.body.data.id,
        conversation_id: target.id,
        in_reply_to_user_id: target.author_id,
        referenced_tweets: [{ type: "replied_to", id: target.id }],
      }),
    ]);
    expect(box.received.tweets).toEqual([
      expect.objectContaining({ id: created.body.data.id, inReplyToTweetId: target.id, conversationId: target.id }),
    ]);
  });

  it("refuses duplicate text and replies to posts that do not mention the brand, with 403", async () => {
    const box = await start();
    const ids = (await call<XTweetPage>(box, mentionsPath("max_results=5"))).body.data!.map((post) => post.id);
    const reply = (text: string, id: string) =>
      call<{ detail: string }>(box, "/2/tweets", {
        method: "POST",
        body: { text, reply: { in_reply_to_tweet_id: id } },
      });
    expect((await reply("Gracias por avisar", ids[0]!)).status).toBe(201);
    const duplicate = await reply("Gracias por avisar", ids[1]!);
    expect(duplicate.status).toBe(403);
    expect(duplicate.body.detail).toMatch(/duplicate content/);
    expectSchema("Problem", duplicate.body);

    const others = (
      await call<XTweetPage>(
        box,
        `/2/tweets/search/recent?query=${encodeURIComponent("acmefibra -@acmefibra -is:quote")}`,
      )
    ).body.data!;
    const notSummoned = await reply("Hola", others[0]!.id);
    expect(notSummoned.status).toBe(403);
    expect(notSummoned.body.detail).toMatch(/not been mentioned/);
    const quote = (
      await call<XTweetPage>(box, `/2/tweets/search/recent?query=${encodeURIComponent("acmefibra is:quote")}`)
    ).body.data![0]!;
    expect((await reply("Gracias por compartirlo", quote.id)).status).toBe(201);
    expect(box.received.tweets).toHaveLength(2);
  });

  it("sends a DM that dm_events lists, and refuses users who do not accept DMs", async () => {
    const box = await start();
    const sent = await call<{ data: { dm_conversation_id: string; dm_event_id: string } }>(
      box,
      `/2/dm_conversations/with/${BOB.id}/messages`,
      { method: "POST", body: { text: "Hola, ¿nos pasas tu número de cliente?" } },
    );
    expect(sent.status).toBe(201);
    expectSchema("CreateDmEventResponse", sent.body);
    expect(sent.body.data.dm_conversation_id).toBe(`${BRAND.id}-${BOB.id}`);
    const events = await call<XDmPage>(
      box,
      "/2/dm_events?dm_event.fields=sender_id,dm_conversation_id&expansions=sender_id",
    );
    expectSchema("Get2DmEventsResponse", events.body);
    expect(events.body.data).toEqual([
      {
        id: sent.body.data.dm_event_id,
        event_type: "MessageCreate",
        text: "Hola, ¿nos pasas tu número de cliente?",
        sender_id: BRAND.id,
        dm_conversation_id: sent.body.data.dm_conversation_id,
      },
    ]);
    expect(events.body.includes?.users?.map((u) => u.id)).toEqual([BRAND.id]);

    const refused = await call<{ detail: string }>(box, `/2/dm_conversations/with/${CLOSED.id}/messages`, {
      method: "POST",
      body: { text: "Hola" },
    });
    expect(refused.status).toBe(403);
    expectSchema("Problem", refused.body);
    expect(box.received.dms.map((dm) => dm.participantId)).toEqual([BOB.id]);
  });
});

describe("details", () => {
  it("gives posted replies entities with code-point offsets, as X does", async () => {
    const box = await start();
    const target = (await call<XTweetPage>(box, mentionsPath("max_results=5"))).body.data![0]!;
    const text = "😀 @BOB_test mira #Caida";
    const created = await call<{ data: { id: string } }>(box, "/2/tweets", {
      method: "POST",
      body: { text, reply: { in_reply_to_tweet_id: target.id } },
    });
    const { body } = await call<XTweetPage>(
      box,
      `/2/tweets/search/recent?query=${encodeURIComponent(`from:${BRAND.username}`)}&tweet.fields=entities`,
    );
    const posted = body.data!.find((post) => post.id === created.body.data.id)!;
    expect(posted.entities).toEqual({
      mentions: [{ start: 2, end: 11, username: BOB.username, id: BOB.id }],
      hashtags: [{ start: 17, end: 23, tag: "Caida" }],
    });
  });

  it("takes extra DM-refusing users by username as an option", async () => {
    const box = await start({ dmClosed: [BOB.username.toUpperCase()] });
    const refused = await call(box, `/2/dm_conversations/with/${BOB.id}/messages`, {
      method: "POST",
      body: { text: "Hola" },
    });
    expect(refused.status).toBe(403);
  });

  it("refuses a control-API mention without text", async () => {
    const box = await start();
    const { status } = await call(box, "/_sandbox/mentions", { method: "POST", body: { authorUsername: "x" } });
    expect(status).toBe(400);
  });

  it("describes the environment a client needs to reach it", async () => {
    const box = await start();
    const env = box.env();
    expect(env.X_API_BASE_URL).toBe(box.baseUrl);
    expect(env.X_API_KEY).toBe("sandbox-key");
  });
});

describe("rate limits", () => {
  it("sends x-rate-limit headers that count down, then 429 when the window is spent", async () => {
    const box = await start({ limits: { "GET /2/users/:id/mentions": 3 } });
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { status, headers } = await call(box, mentionsPath());
      expect(status).toBe(200);
      expect(headers.get("x-rate-limit-limit")).toBe("3");
      expect(Number(headers.get("x-rate-limit-reset"))).toBeGreaterThan(Date.now() / 1000);
      remaining.push(Number(headers.get("x-rate-limit-remaining")));
    }
    expect(remaining).toEqual([2, 1, 0]);
    const refused = await call(box, mentionsPath());
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-rate-limit-remaining")).toBe("0");
    expectSchema("Problem", refused.body);
    expect((await call(box, "/2/users/me")).status).toBe(200);
  });

  it("meters the app-only bearer apart from the user, with X's app limits", async () => {
    const box = await start();
    const asUser = await call(box, mentionsPath());
    const asApp = await call(box, mentionsPath(), { auth: APP_TOKEN });
    expect([asUser.headers.get("x-rate-limit-limit"), asUser.headers.get("x-rate-limit-remaining")]).toEqual([
      "300",
      "299",
    ]);
    expect([asApp.headers.get("x-rate-limit-limit"), asApp.headers.get("x-rate-limit-remaining")]).toEqual([
      "450",
      "449",
    ]);
  });

  it("opens a new window after 15 minutes of its own wall clock", async () => {
    let now = Date.parse("2026-11-23T10:00:00Z");
    const box = await start({ limits: { "GET /2/users/me": 1 }, now: () => now });
    expect((await call(box, "/2/users/me")).status).toBe(200);
    expect((await call(box, "/2/users/me")).status).toBe(429);
    now += 15 * 60_000;
    expect((await call(box, "/2/users/me")).status).toBe(200);
  });
});

describe("fault injection", () => {
  it("takes faults through POST /_sandbox/faults, once each by default", async () => {
    const box = await start();
    const added = await call(box, "/_sandbox/faults", {
      method: "POST",
      body: [
        { path: "/2/users/:id/mentions", status: 429, times: 1, resetInSeconds: 30 },
        { path: "/2/users/me", kind: "usage-cap" },
        { path: "/2/tweets/search/recent", status: 402 },
        { path: "*", method: "POST", status: 503 },
      ],
    });
    expect(added.status).toBe(201);
    const limited = await call(box, mentionsPath());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-rate-limit-reset"))).toBeGreaterThanOrEqual(
      Math.floor(Date.now() / 1000) + 29,
    );
    expectSchema("Problem", limited.body);
    expect((await call(box, mentionsPath())).status).toBe(200);

    const capped = await call<{ type: string }>(box, "/2/users/me");
    expect(capped.status).toBe(429);
    expect(capped.body.type).toMatch(/\/usage-capped$/);
    expect(Number(capped.headers.get("x-rate-limit-remaining"))).toBeGreaterThan(0);

    const credits = await call<{ title: string }>(box, "/2/tweets/search/recent?query=acmefibra");
    expect(credits.status).toBe(402);
    expect(credits.body.title).toBe("CreditsDepleted");
    expectSchema("Problem", credits.body);

    const unavailable = await call(box, "/2/tweets", { method: "POST", body: { text: "hola" } });
    expect(unavailable.status).toBe(503);
    expect(box.received.tweets).toHaveLength(0);
    expect((await call<{ faults: unknown[] }>(box, "/_sandbox/faults")).body.faults).toEqual([]);
  });

  it("delays, truncates and resets on demand", async () => {
    const box = await start();
    box.faults.add([{ path: "/2/users/me", kind: "slow", delayMs: 300 }]);
    const started = Date.now();
    expect((await call(box, "/2/users/me")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    box.faults.add([{ path: "/2/users/me", kind: "truncated" }]);
    const res = await fetch(`${box.baseUrl}/2/users/me`, { headers: { authorization: USER_TOKEN } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.length).toBeGreaterThan(0);

    box.faults.add([{ path: "/2/users/me", kind: "reset" }]);
    await expect(fetch(`${box.baseUrl}/2/users/me`, { headers: { authorization: USER_TOKEN } })).rejects.toThrow();
    expect((await call(box, "/2/users/me")).status).toBe(200);
  });

  it("rejects fault specs it cannot understand", async () => {
    const box = await start();
    const { status } = await call(box, "/_sandbox/faults", {
      method: "POST",
      body: [{ path: "/2/users/me", status: 418 }],
    });
    expect(status).toBe(400);
  });
});

describe("request log", () => {
  it("records method, path and query of every API request, not control calls", async () => {
    const box = await start();
    await call(box, mentionsPath("max_results=5"));
    await call(box, "/_sandbox/clock");
    await call(box, "/2/users/me");
    expect(box.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ["GET", `/2/users/${BRAND.id}/mentions`, 200],
      ["GET", "/2/users/me", 200],
    ]);
    expect(box.requests[0]?.query).toEqual({ max_results: "5" });
  });
});
