import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score/index.js";
import { decodeScoreExtras, encodeScoreExtras } from "../../src/store/score-json.js";
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

  it("is at most two thirds the size of the object layout it replaced", () => {
    expect(encodeScoreExtras(scored).length).toBeLessThan((legacy.length * 2) / 3);
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
