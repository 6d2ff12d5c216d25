import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score/index.js";
import { decodeScoreExtras, encodeScoreExtras, REASON_TEXTS } from "../../src/store/score-json.js";
import { makeAuthor, makeContext, makePost } from "../score/helpers.js";

// A real score: an angry outage complaint with a crisis hashtag and a popular one.
const scored = score(
  makePost("Tercer día sin fibra en Valencia y nadie responde, vergüenza #CaidaFibraNova #BlackFriday", {
    lang: "es",
  }),
  makeAuthor({ followers: 120_000, verified: true }),
  makeContext({
    hashtagAuthors24h: new Map([["blackfriday", 40]]),
    config: { crisisHashtags: ["caidafibranova"], popularHashtagAuthors: 10 },
  }),
);
const legacy = JSON.stringify({
  hashtags: scored.hashtags,
  reasons: scored.reasons,
  answerForAudience: scored.answerForAudience,
  lang: scored.lang,
});

describe("score_json", () => {
  it("reads back exactly the hashtags, reasons, audience flag and language written", () => {
    expect(scored.reasons.length).toBeGreaterThan(5);
    expect(scored.hashtags.some((h) => h.crisis)).toBe(true);
    expect(scored.hashtags.some((h) => h.popular)).toBe(true);
    expect(decodeScoreExtras(encodeScoreExtras(scored))).toEqual({
      hashtags: scored.hashtags,
      reasons: scored.reasons,
      answerForAudience: scored.answerForAudience,
      lang: scored.lang,
    });
  });

  it("keeps the audience flag of a troll worth answering for the audience", () => {
    const withAudience = { ...scored, answerForAudience: true };
    expect(decodeScoreExtras(encodeScoreExtras(withAudience)).answerForAudience).toBe(true);
  });

  it("is at most half the size of the object layout of the first rows", () => {
    expect(encodeScoreExtras(scored).length).toBeLessThan(legacy.length / 2);
  });

  it("stores whole only the reason texts that carry the post's words or numbers", () => {
    // a spread of posts and authors, so that most of the scorer's reasons come up
    const cases = [
      score(
        makePost("@FibraNova you idiots, worst company ever 🤡🤡", { lang: "en" }),
        makeAuthor({ description: "", followers: 3, following: 900 }),
        makeContext(),
      ),
      score(
        makePost("My bill charged me twice, can you please help? Service down since Monday", { lang: "en" }),
        makeAuthor({ username: "vip", verified: true }),
        makeContext({ config: { vipHandles: ["@vip"] } }),
      ),
      score(
        makePost("Genial, otra vez sin servicio. Gracias por nada 🙄", { lang: "es" }),
        makeAuthor(),
        makeContext({ history: { contacts24h: 3, pastTrollLabels: 1, pastGenuineLabels: 2 } }),
      ),
      score(
        makePost("Me encanta el nuevo router, gracias ❤️ #FibraNova", { lang: "es" }),
        makeAuthor({ createdAt: "2026-03-01T00:00:00Z" }),
        makeContext(),
      ),
      score(makePost("¿A qué hora abre la tienda de Valencia?", { lang: "es" }), undefined, makeContext()),
      scored,
    ];
    const stored = cases.flatMap((s) => JSON.parse(encodeScoreExtras(s))[2] as (string | number)[]);
    const texts = stored.filter((_, i) => i % 3 === 2);
    expect(texts.filter((t) => typeof t === "number").length).toBeGreaterThan(texts.length / 3);
    for (const text of texts) if (typeof text === "string") expect(text).toMatch(/[0-9"#]/);
    for (const s of cases) expect(decodeScoreExtras(encodeScoreExtras(s)).reasons).toEqual(s.reasons);
  });

  it("reads rows written before reason texts were numbered, whatever their text", () => {
    const layout1 = '[1, [], ["t", 0.5, "strongly negative", "u", 3, "12"], 0, "en"]';
    expect(decodeScoreExtras(layout1).reasons).toEqual([
      { field: "troll", weight: 0.5, text: "strongly negative" },
      { field: "urgency", weight: 3, text: "12" },
    ]);
  });

  it("names each numbered text once, and skips a number it does not know", () => {
    expect(new Set(REASON_TEXTS).size).toBe(REASON_TEXTS.length);
    const row = `[2, [], ["t", 0.5, 0, "u", 1, ${REASON_TEXTS.length}, "c", 2, "whole"], 0, "en"]`;
    expect(decodeScoreExtras(row).reasons).toEqual([
      { field: "troll", weight: 0.5, text: REASON_TEXTS[0] },
      { field: "complaint", weight: 2, text: "whole" },
    ]);
  });

  it("reads rows written in the object layout as before", () => {
    expect(decodeScoreExtras(legacy)).toEqual(JSON.parse(legacy));
  });

  it("reads nothing from a missing, broken or unknown value instead of failing", () => {
    expect(decodeScoreExtras(null)).toEqual({});
    expect(decodeScoreExtras("")).toEqual({});
    expect(decodeScoreExtras('[1, [["x", 1')).toEqual({});
    expect(decodeScoreExtras("42")).toEqual({});
    expect(decodeScoreExtras('[9, [], [], 0, "es"]')).toEqual({});
    // damaged entries are skipped, the rest kept
    expect(decodeScoreExtras('[1, [7, ["ok", 1, 0]], ["t", 0.5, "why", "?", 1, "no"], 0, "es"]')).toEqual({
      hashtags: [{ tag: "ok", popular: true, crisis: false }],
      reasons: [{ field: "troll", weight: 0.5, text: "why" }],
      answerForAudience: false,
      lang: "es",
    });
  });
});
