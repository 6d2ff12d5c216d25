import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score/index.js";
import { makeAuthor, makeContext, makePost } from "./helpers.js";

function expectValid(result: ReturnType<typeof score>): void {
  for (const value of [
    result.troll,
    result.complaint,
    result.sentiment,
    result.reach,
    result.urgency,
    result.priority,
  ]) {
    expect(Number.isFinite(value)).toBe(true);
  }
  expect(result.reasons.every((reason) => Number.isFinite(reason.weight))).toBe(true);
}

describe("unusual input", () => {
  it("handles a long post (a 25,000-character note) quickly", () => {
    const text = "@telco la fibra no funciona y nadie responde. ".repeat(550);
    const started = performance.now();
    const result = score(makePost(text, { lang: "es" }), makeAuthor(), makeContext());
    expect(performance.now() - started).toBeLessThan(200);
    expectValid(result);
    expect(result.complaint).toBeGreaterThan(0.5);
  });

  it("handles links, mentions, control characters, zero-width and right-to-left text", () => {
    for (const text of [
      "https://t.co/abc123",
      "@a @b @c",
      "\u0000\u001b[31mhola\u200b\u200f",
      "مرحبا، الإنترنت لا يعمل",
      "#️⃣ 1️⃣ 🇪🇸",
      "&amp;&lt;&gt;",
    ]) {
      expectValid(score(makePost(text), makeAuthor(), makeContext()));
    }
  });

  it("handles missing author data: no author, no creation date, zero counts", () => {
    const blank = makeAuthor({ createdAt: "", followers: 0, following: 0, posts: 0, listed: 0, description: "" });
    expectValid(score(makePost("@acme where is my refund?", { lang: "en" }), blank, makeContext()));
    expectValid(score(makePost("@acme where is my refund?", { lang: "en" }), undefined, makeContext()));
  });

  it("does not change its inputs", () => {
    const post = makePost("@acme charged twice #AcmeFail", { lang: "en" });
    const author = makeAuthor();
    const ctx = makeContext({ config: { vipHandles: ["cliente"], words: { en: { billing: ["overdraft"] } } } });
    const before = JSON.stringify({ post, author, config: ctx.config, history: ctx.history });
    score(post, author, ctx);
    expect(JSON.stringify({ post, author, config: ctx.config, history: ctx.history })).toBe(before);
  });
});
