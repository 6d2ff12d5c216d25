import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score/index.js";
import type { Score, ScoringConfig } from "../../src/core/types.js";
import { makeAuthor, makeContext, makePost } from "./helpers.js";

function reasonTexts(result: Score, field: string): string {
  return result.reasons
    .filter((reason) => reason.field === field)
    .map((reason) => reason.text)
    .join(" | ");
}

describe("profane but genuine complaints are not trolls", () => {
  it("Spanish: days without internet, with swearing", () => {
    const result = score(
      makePost("@telco llevo 3 días sin internet y nadie me responde, qué puta vergüenza", { lang: "es" }),
      makeAuthor(),
      makeContext(),
    );
    expect(result.label).toBe("genuine");
    expect(result.complaint).toBeGreaterThanOrEqual(0.5);
    expect(result.sentiment).toBeLessThan(0);
    expect(result.urgency).toBeGreaterThanOrEqual(40);
    expect(reasonTexts(result, "urgency")).toMatch(/service down/);
  });

  it("English: connection down for two days, with swearing", () => {
    const result = score(
      makePost("@acme my fucking internet has been down for two days and nobody answers. fix it", { lang: "en" }),
      makeAuthor(),
      makeContext(),
    );
    expect(result.label).toBe("genuine");
    expect(result.complaint).toBeGreaterThanOrEqual(0.5);
    expect(result.urgency).toBeGreaterThanOrEqual(40);
  });

  it("scores a swearing complaint far below the same swearing used as an insult", () => {
    const complaint = score(
      makePost("@acme fucking app is down again, I can't pay my bill", { lang: "en" }),
      undefined,
      makeContext(),
    );
    const insult = score(
      makePost("@acme you are all fucking idiots, go to hell", { lang: "en" }),
      undefined,
      makeContext(),
    );
    expect(complaint.troll).toBeLessThan(insult.troll - 0.3);
    expect(insult.label).toBe("troll");
  });
});

describe("polite trolls are trolls", () => {
  it("Spanish: mockery without a problem", () => {
    const result = score(
      makePost(
        "Con todo respeto, @marca, sois una panda de payasos y vuestros clientes unos idiotas por aguantaros 🤡",
        {
          lang: "es",
        },
      ),
      makeAuthor(),
      makeContext(),
    );
    expect(result.label).toBe("troll");
    expect(result.complaint).toBeLessThan(0.5);
    expect(result.priority).toBeLessThan(20);
  });

  it("English: insults in a polite frame", () => {
    const result = score(
      makePost("With all due respect @acme, your staff are clowns and anyone who buys from you is an idiot lol", {
        lang: "en",
      }),
      makeAuthor(),
      makeContext(),
    );
    expect(result.label).toBe("troll");
    expect(reasonTexts(result, "troll")).toMatch(/insults/);
  });
});

describe("sarcasm", () => {
  it("Spanish thanks for a blackout reads as negative and as a complaint", () => {
    const result = score(
      makePost("Gracias @marca por dejarme tres días sin luz, servicio de diez 👏", { lang: "es" }),
      makeAuthor(),
      makeContext(),
    );
    expect(result.sentiment).toBeLessThan(0);
    expect(result.complaint).toBeGreaterThanOrEqual(0.5);
    expect(result.label).toBe("genuine");
    expect(reasonTexts(result, "sentiment")).toMatch(/sarcasm/);
  });

  it("English thanks for lost luggage reads as negative", () => {
    const result = score(
      makePost("Thanks @acme for losing my luggage again, great job 👏", { lang: "en" }),
      makeAuthor(),
      makeContext(),
    );
    expect(result.sentiment).toBeLessThan(0);
    expect(result.label).toBe("genuine");
    expect(reasonTexts(result, "sentiment")).toMatch(/sarcasm/);
  });

  it("plain praise stays positive", () => {
    expect(
      score(makePost("Me encanta el nuevo móvil, gracias @marca", { lang: "es" }), undefined, makeContext()).sentiment,
    ).toBeGreaterThan(0.3);
    expect(
      score(makePost("Love the new phone, thanks @acme!", { lang: "en" }), undefined, makeContext()).sentiment,
    ).toBeGreaterThan(0.3);
  });
});

describe("VIP, repeated contact, outage wave, popular hashtag", () => {
  const text = "@marca me habéis cobrado dos veces la factura de marzo, ¿me lo podéis devolver?";

  it("a VIP handle raises urgency and priority", () => {
    const author = makeAuthor({ username: "ClienteVIP" });
    const plain = score(makePost(text, { lang: "es" }), author, makeContext());
    const vip = score(makePost(text, { lang: "es" }), author, makeContext({ config: { vipHandles: ["clientevip"] } }));
    expect(vip.urgency).toBeGreaterThan(plain.urgency + 10);
    expect(vip.priority).toBeGreaterThan(plain.priority);
    expect(reasonTexts(vip, "urgency")).toMatch(/VIP/);
  });

  it("repeated contact in 24 h raises urgency", () => {
    const once = score(makePost(text, { lang: "es" }), makeAuthor(), makeContext());
    const fourth = score(
      makePost(text, { lang: "es" }),
      makeAuthor(),
      makeContext({ history: { contacts24h: 4, pastTrollLabels: 0, pastGenuineLabels: 0 } }),
    );
    expect(fourth.urgency).toBeGreaterThan(once.urgency + 10);
    expect(reasonTexts(fourth, "urgency")).toMatch(/4 contacts/);
  });

  it("an outage wave: a configured crisis hashtag that many authors use", () => {
    const post = makePost("@telco sin internet en todo el barrio desde las 8 #CaidaTelco", { lang: "es" });
    const ctx = contextWithTag("caidatelco", 40, { crisisHashtags: ["caidatelco"] });
    const result = score(post, makeAuthor(), ctx);
    expect(result.hashtags).toEqual([{ tag: "CaidaTelco", popular: true, crisis: true }]);
    const quiet = score(post, makeAuthor(), makeContext());
    expect(quiet.hashtags).toEqual([{ tag: "CaidaTelco", popular: false, crisis: false }]);
    expect(result.priority).toBeGreaterThan(quiet.priority + 10);
    expect(reasonTexts(result, "urgency")).toMatch(/crisis hashtag #CaidaTelco/);
  });

  it("a popular hashtag raises the priority of a complaint, not of praise", () => {
    const complaint = makePost("@acme charged twice for my order, please refund #AcmeFail", { lang: "en" });
    const praise = makePost("Love my new headphones from @acme #AcmeFail", { lang: "en" });
    const busy = contextWithTag("acmefail", 12, {});
    const raise = (post: ReturnType<typeof makePost>) =>
      score(post, undefined, busy).priority - score(post, undefined, makeContext()).priority;
    expect(score(complaint, undefined, busy).hashtags[0]?.popular).toBe(true);
    expect(raise(complaint)).toBeGreaterThan(4);
    expect(raise(praise)).toBeLessThan(raise(complaint) / 2);
  });
});

describe("degenerate and other-language posts", () => {
  it("empty text scores without failing and is nothing to act on", () => {
    const result = score(makePost("", { lang: "es" }), makeAuthor(), makeContext());
    expect(result.label).toBe("genuine");
    expect(result.complaint).toBe(0);
    expect(result.urgency).toBe(0);
    expect(result.reach).toBeGreaterThan(0);
  });

  it("emoji-only posts: anger is negative, clowns are mockery", () => {
    const angry = score(makePost("😡😡😡"), makeAuthor(), makeContext());
    const clowns = score(makePost("🤡🤡🤡"), makeAuthor(), makeContext());
    expect(angry.sentiment).toBeLessThan(-0.5);
    expect(angry.label).toBe("genuine");
    expect(clowns.troll).toBeGreaterThan(angry.troll);
    expect(reasonTexts(clowns, "troll")).toMatch(/mockery/);
  });

  it("another language degrades: reach, hashtags and account signals still work", () => {
    const author = makeAuthor({ followers: 250_000, verified: true, createdAt: "2026-03-05T00:00:00Z" });
    const ctx = contextWithTag("semsinal", 9, { crisisHashtags: ["semsinal"] });
    const result = score(makePost("@marca estou sem internet há dois dias #SemSinal", { lang: "pt" }), author, ctx);
    expect(result.lang).toBe("other");
    expect(result.reach).toBeGreaterThan(60);
    expect(result.hashtags).toEqual([{ tag: "SemSinal", popular: true, crisis: true }]);
    expect(reasonTexts(result, "troll")).toMatch(/5 days old/);
  });

  it("detects the language when X gives none", () => {
    expect(score(makePost("la app no funciona desde ayer, alguien sabe algo?"), undefined, makeContext()).lang).toBe(
      "es",
    );
    expect(
      score(makePost("the app has not worked since yesterday, does anyone know why?"), undefined, makeContext()).lang,
    ).toBe("en");
  });
});

describe("reach and the audience of trolls", () => {
  it("a troll with a large audience is flagged to answer for the audience, not buried", () => {
    const text = "@acme you are all fucking idiots, go to hell";
    const big = score(
      makePost(text, { lang: "en" }),
      makeAuthor({ followers: 900_000, verified: true, listed: 3000 }),
      makeContext(),
    );
    const small = score(makePost(text, { lang: "en" }), makeAuthor({ followers: 40 }), makeContext());
    expect(big.label).toBe("troll");
    expect(big.answerForAudience).toBe(true);
    expect(small.answerForAudience).toBe(false);
    expect(big.priority).toBeGreaterThan(small.priority);
  });

  it("reach grows with followers, verification and engagement", () => {
    const post = makePost("hola @marca", { lang: "es" });
    const few = score(post, makeAuthor({ followers: 10 }), makeContext()).reach;
    const many = score(post, makeAuthor({ followers: 100_000 }), makeContext()).reach;
    const viral = score(
      { ...post, metrics: { retweets: 500, replies: 80, likes: 4000, quotes: 40, impressions: 0 } },
      makeAuthor({ followers: 100_000 }),
      makeContext(),
    ).reach;
    expect(many).toBeGreaterThan(few + 20);
    expect(viral).toBeGreaterThan(many + 10);
  });
});

describe("account and history are supporting evidence only", () => {
  const text = "@marca vaya tela lo vuestro";
  it("a new empty account with past troll labels raises troll but cannot decide alone", () => {
    const suspicious = makeAuthor({ createdAt: "2026-03-08T00:00:00Z", followers: 0, following: 900, description: "" });
    const history = { contacts24h: 7, pastTrollLabels: 3, pastGenuineLabels: 0 };
    const base = score(makePost(text, { lang: "es" }), makeAuthor(), makeContext());
    const flagged = score(makePost(text, { lang: "es" }), suspicious, makeContext({ history }));
    expect(flagged.troll).toBeGreaterThan(base.troll);
    expect(flagged.troll - base.troll).toBeLessThanOrEqual(0.2 + 1e-9);
    expect(reasonTexts(flagged, "troll")).toMatch(/marked troll by agents 3 times/);
  });
});

function contextWithTag(tag: string, authors: number, config: Partial<ScoringConfig>) {
  return makeContext({ hashtagAuthors24h: new Map([[tag, authors]]), config });
}

describe("hashtags across spellings", () => {
  it("counts #CaídaFibraNova as the configured crisis tag caidafibranova, and as popular", async () => {
    const { score, defaultScoringConfig } = await import("../../src/core/score/index.js");
    const config = { ...defaultScoringConfig(), crisisHashtags: ["caidafibranova"], popularHashtagAuthors: 3 };
    const post = {
      id: "1",
      text: "@fibranova sin fibra #CaídaFibraNova",
      lang: "es",
      createdAt: "2026-11-19T19:00:00.000Z",
      authorId: "2",
      conversationId: "1",
      inReplyToUserId: "",
      repliedToId: "",
      quotedId: "",
      isRetweet: false,
      hashtags: ["CaídaFibraNova"],
      mentions: ["fibranova"],
      urls: [],
      metrics: { retweets: 0, replies: 0, likes: 0, quotes: 0, impressions: 0 },
    };
    const s = score(post, undefined, {
      now: new Date("2026-11-19T19:00:00Z"),
      hashtagAuthors24h: new Map([["caidafibranova", 12]]),
      history: { contacts24h: 0, pastTrollLabels: 0, pastGenuineLabels: 0 },
      config,
    });
    expect(s.hashtags).toEqual([{ tag: "CaídaFibraNova", popular: true, crisis: true }]);
  });
});
