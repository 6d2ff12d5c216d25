import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score/index.js";
import { makeAuthor, makeContext, makePost } from "./helpers.js";

describe("the config extends the built-in data", () => {
  it("a user insult word makes a post more of a troll", () => {
    const post = makePost("@acme your support team are total muppets", { lang: "en" });
    const before = score(post, undefined, makeContext());
    const after = score(post, undefined, makeContext({ config: { words: { en: { insult: ["muppets"] } } } }));
    expect(after.troll).toBeGreaterThan(before.troll + 0.05);
    expect(after.reasons.some((reason) => reason.field === "troll" && reason.text.includes("muppets"))).toBe(true);
  });

  it("a user outage phrase in another language raises urgency", () => {
    const post = makePost("@marca estou sem internet há dois dias", { lang: "pt" });
    const before = score(post, makeAuthor(), makeContext());
    const after = score(post, makeAuthor(), makeContext({ config: { words: { pt: { outage: ["sem internet"] } } } }));
    expect(after.urgency).toBeGreaterThan(before.urgency + 5);
    expect(after.reasons.some((reason) => reason.field === "urgency" && reason.text.includes("sem internet"))).toBe(
      true,
    );
  });

  it("a user regulator name counts as legal intent", () => {
    const post = makePost("@marca si no me devolvéis el cobro iré al Defensor Vecinal", { lang: "es" });
    const before = score(post, undefined, makeContext());
    const after = score(post, undefined, makeContext({ config: { words: { es: { legal: ["defensor vecinal"] } } } }));
    expect(after.urgency).toBeGreaterThan(before.urgency + 10);
    expect(
      after.reasons.some(
        (reason) => reason.text.startsWith("legal action") && reason.text.includes("defensor vecinal"),
      ),
    ).toBe(true);
  });

  it("one config scores posts of several languages, each with its own words and the shared ones", () => {
    const ctx = makeContext({
      config: { words: { en: { insult: ["muppets"] }, es: { insult: ["pringados"] }, "*": { outage: ["nodo7"] } } },
    });
    const words = (text: string, lang: string) =>
      score(makePost(text, { lang }), undefined, ctx)
        .reasons.map((reason) => reason.text)
        .join(" | ");
    for (let round = 0; round < 2; round++) {
      expect(words("@acme you are muppets, nodo7 down", "en")).toMatch(/muppets/);
      expect(words("@acme you are muppets, nodo7 down", "en")).toMatch(/nodo7/);
      expect(words("@marca sois unos pringados, nodo7 caído", "es")).toMatch(/pringados/);
      expect(words("@marca sois unos pringados, nodo7 caído", "es")).toMatch(/nodo7/);
      // a language's words stay in that language
      expect(words("@acme you are pringados", "en")).not.toMatch(/pringados/);
      expect(words("@marca sois unos muppets", "es")).not.toMatch(/muppets/);
    }
  });

  it("weights and thresholds can be overridden", () => {
    const post = makePost("@acme you are all fucking idiots, go to hell", { lang: "en" });
    expect(score(post, undefined, makeContext()).label).toBe("troll");
    expect(score(post, undefined, makeContext({ config: { weights: { "troll.threshold": 1.5 } } })).label).toBe(
      "unsure",
    );
    const vip = makeAuthor({ username: "boss" });
    const text = makePost("@acme quick question about my account settings", { lang: "en" });
    const normal = score(text, vip, makeContext({ config: { vipHandles: ["boss"] } })).urgency;
    const louder = score(
      text,
      vip,
      makeContext({ config: { vipHandles: ["@Boss"], weights: { "urgency.vip": 40 } } }),
    ).urgency;
    expect(louder).toBeCloseTo(normal + 20, 5);
  });

  it("ignores a weight that is not a number", () => {
    const post = makePost("@acme my order is late", { lang: "en" });
    const plain = score(post, undefined, makeContext());
    const broken = score(post, undefined, makeContext({ config: { weights: { "urgency.delay": Number.NaN } } }));
    expect(broken).toEqual(plain);
  });
});
