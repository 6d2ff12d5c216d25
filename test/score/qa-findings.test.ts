import { describe, expect, it } from "vitest";
import { score } from "../../src/core/score/index.js";
import { scoringLanguage } from "../../src/core/score/language.js";
import { compileWordLists, findMatches } from "../../src/core/score/matcher.js";
import { normalizeText, tokenize } from "../../src/core/score/text.js";
import type { Score } from "../../src/core/types.js";
import { makeAuthor, makeContext, makePost } from "./helpers.js";

/** Hand-written cases from the QA pass on the scorer (issue 4) and our own, Spanish and English. */

function scored(text: string, lang: string): Score {
  return score(makePost(text, { lang }), makeAuthor(), makeContext());
}

function reasonTexts(result: Score, field: string): string {
  return result.reasons
    .filter((reason) => reason.field === field)
    .map((reason) => reason.text)
    .join(" | ");
}

describe("fraud, account takeover and safety read as urgent in their usual phrasings", () => {
  it.each([
    [
      "es",
      "@fibranova alguien me ha robado la línea con un duplicado de SIM y están entrando en mi cuenta del banco, URGENTE",
    ],
    ["es", "@fibranova Alguien ha suplantado mi identidad y han hecho una portabilidad de mi número"],
    ["es", "@fibranova me han hackeado la cuenta y hay cargos no reconocidos en la factura"],
    [
      "en",
      "@fibranova someone did a duplicate SIM on my number and they are logging into my bank account, urgent please",
    ],
    ["en", "@fibranova my number was ported out without my permission, unauthorised transfer from my bank"],
    ["en", "@fibranova got a phishing text from your number and now my account has been hacked"],
  ])("%s: %s", (lang, text) => {
    const result = scored(text, lang);
    expect(reasonTexts(result, "urgency")).toMatch(/fraud or security/);
    expect(result.urgency).toBeGreaterThanOrEqual(35);
    expect(result.label).toBe("genuine");
  });

  it("inflections of theft and impersonation match: robado, robada, suplantado, suplantaron", () => {
    for (const text of ["me han robado el móvil", "tarjeta robada", "me han suplantado", "suplantaron mi identidad"]) {
      expect(reasonTexts(scored(`@fibranova ${text}`, "es"), "urgency")).toMatch(/fraud or security/);
    }
  });

  it.each([
    ["es", "@fibranova mi madre de 84 años tiene teleasistencia y se ha quedado sin línea desde ayer"],
    ["es", "@fibranova mi padre vive solo y la telealarma no funciona, no puede llamar al 112"],
    ["en", "@fibranova my elderly mother's telecare alarm has had no line since yesterday"],
    ["en", "@fibranova emergency calls are not working on my line and my dad is on oxygen"],
  ])("safety %s: %s", (lang, text) => {
    const result = scored(text, lang);
    expect(reasonTexts(result, "urgency")).toMatch(/safety/);
    expect(result.urgency).toBeGreaterThanOrEqual(50);
  });
});

describe("posts in languages it does not read", () => {
  const arabic = "@fibranova ثالث يوم بدون إنترنت";
  const catalan =
    "@fibranova Porto tres mesos reclamant una permanència que no vaig signar mai. Si aquesta setmana no ho anul·leu, ho porto a arbitratge de consum i als tribunals.";
  const troll = scored("@fibranova you are all fucking idiots, go to hell", "en");
  const urgent = scored("@fibranova llevo 3 días sin internet y nadie me responde, qué vergüenza", "es");

  it.each([
    ["ar", arabic, /Arabic/],
    ["ca", catalan, /Catalan/],
  ])("%s: says in plain words that it was not read, and counts as a possible complaint", (lang, text, name) => {
    const result = scored(text, lang);
    expect(result.lang).toBe("other");
    expect(reasonTexts(result, "complaint")).toMatch(name);
    expect(reasonTexts(result, "complaint")).toMatch(/words are not scored/);
    expect(reasonTexts(result, "urgency")).toMatch(/not read/);
    expect(result.complaint).toBeGreaterThanOrEqual(0.4);
    expect(result.urgency).toBeGreaterThan(0);
  });

  it.each([
    ["ar", arabic],
    ["ca", catalan],
  ])("%s: sits above trolls and emoji-only posts, below real urgent cases", (lang, text) => {
    const result = scored(text, lang);
    const thumbs = scored("👍👍👍", "und");
    expect(result.priority).toBeGreaterThan(troll.priority);
    expect(result.priority).toBeGreaterThan(thumbs.priority);
    expect(result.priority).toBeLessThan(urgent.priority);
  });

  it("Spanish that X tagged Catalan is read as Spanish, as when untagged", () => {
    const text = "@fibranova llevo 3 días sin internet, qué vergüenza";
    const tagged = scored(text, "ca");
    expect(tagged.lang).toBe("es");
    expect(tagged.urgency).toBe(scored(text, "und").urgency);
    expect(scoringLanguage("ca", "porto tres dies sense internet i ningú m'agafa el telèfon")).toBe("other");
  });

  it("a language close to Spanish is read with the Spanish model, at half trust, without Spanish word lists", () => {
    const complaint = scored("@fibranova porto tres dies sense internet i ningú m'agafa el telèfon. Vergonyós.", "ca");
    const thanks = scored("@fibranova moltes gràcies, el tècnic ha vingut avui i ja funciona tot perfecte", "ca");
    expect(reasonTexts(complaint, "complaint")).toMatch(/Catalan \("ca"\) read with the Spanish model/);
    expect(complaint.complaint).toBeGreaterThan(thanks.complaint);
    expect(complaint.reasons.some((reason) => /service down|praise/.test(reason.text))).toBe(false);
  });

  it("a language with no model stays at the neutral middle, and emoji-only posts are not 'unread'", () => {
    expect(scored("@fibranova je n'ai plus internet depuis trois jours", "fr").complaint).toBe(0.5);
    expect(reasonTexts(scored("😡😡😡", "und"), "complaint")).not.toMatch(/words are not scored/);
  });
});

describe("single words no longer give misleading reasons", () => {
  it("'llevo' alone is no delay; 'llevo N días' and 'llevo dos semanas sin' are", () => {
    expect(reasonTexts(scored("@fibranova lo llevo a FACUA", "es"), "urgency")).not.toMatch(/delay/);
    expect(reasonTexts(scored("@fibranova llevo 3 días sin internet", "es"), "urgency")).toMatch(
      /delay, cancellation or long wait "llevo 3 dias"/,
    );
    expect(reasonTexts(scored("Llevo dos semanas sin fijo. Dos. @fibranova", "es"), "urgency")).toMatch(
      /"llevo dos semanas"/,
    );
    expect(reasonTexts(scored("@fibranova llevamos desde el lunes sin luz", "es"), "urgency")).toMatch(/delay/);
  });

  it("praise that starts with 'lo llevo diciendo' reads as praise, not as a complaint", () => {
    const result = scored("@fibranova lo llevo diciendo meses: sois los mejores, gracias por todo", "es");
    expect(result.sentiment).toBeGreaterThan(0);
    expect(result.complaint).toBeLessThan(0.5);
    expect(reasonTexts(result, "sentiment")).not.toMatch(/sarcasm/);
  });

  it("'lost' alone is not a lost order; a bag that got lost still is", () => {
    const classes = scored(
      "@fibranova will there be any compensation for last night's outage? Lost two paid classes.",
      "en",
    );
    expect(reasonTexts(classes, "urgency")).not.toMatch(/order, delivery or luggage/);
    expect(reasonTexts(classes, "urgency")).toMatch(/service down/);
    expect(reasonTexts(scored("@acme my suitcase got lost on the way to Madrid", "en"), "urgency")).toMatch(
      /order, delivery or luggage/,
    );
  });

  it("abuse that names nothing to act on is not excused as 'an actionable complaint'", () => {
    const result = scored("@fibranova you lot are a joke. absolute clowns. delete your account", "en");
    expect(reasonTexts(result, "troll")).not.toMatch(/actionable complaint/);
    expect(result.label).toBe("troll");
    const angry = scored("@acme my fucking internet has been down for two days and nobody answers. fix it", "en");
    expect(reasonTexts(angry, "troll")).toMatch(/actionable complaint: anger is not trolling/);
  });
});

describe("number slots in phrases", () => {
  const matcher = compileWordLists([{ delay: ["llevo # dias"], legal: ["112"] }]);
  const find = (text: string) => findMatches(tokenize(normalizeText(text)), matcher);

  it("a slot matches digits and number words, shown as written; a literal number still matches itself", () => {
    expect(find("llevo 12 días").delay).toEqual(["llevo 12 dias"]);
    expect(find("llevo tres dias").delay).toEqual(["llevo tres dias"]);
    expect(find("llevo dias").delay).toBeUndefined();
    expect(find("lo llevo a casa").delay).toBeUndefined();
    expect(find("llamé al 112").legal).toEqual(["112"]);
  });
});
