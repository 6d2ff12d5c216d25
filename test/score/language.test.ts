import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/core/score/index.js";
import { scoringLanguage } from "../../src/core/score/language.js";

describe("detectLanguage", () => {
  it("tells Spanish from English", () => {
    expect(detectLanguage("No me funciona el router desde el martes")).toBe("es");
    expect(detectLanguage("¿Alguien sabe algo?")).toBe("es");
    expect(detectLanguage("My router has not worked since Tuesday")).toBe("en");
    expect(detectLanguage("Why is the app down again?")).toBe("en");
  });

  it("decides short customer posts by words only one language has", () => {
    expect(detectLanguage("No funciona")).toBe("es");
    expect(detectLanguage("sin internet @telco")).toBe("es");
    expect(detectLanguage("No refund yet")).toBe("en");
    expect(detectLanguage("@telco error")).toBe("other");
  });

  it("says other for non-Latin scripts and for text with no clue", () => {
    expect(detectLanguage("Привет, у меня не работает интернет")).toBe("other");
    expect(detectLanguage("インターネットが使えません")).toBe("other");
    expect(detectLanguage("😡😡")).toBe("other");
    expect(detectLanguage("")).toBe("other");
  });
});

describe("scoringLanguage", () => {
  it("trusts X's code for Spanish and English, detects for undetermined codes", () => {
    expect(scoringLanguage("es", "the app is down")).toBe("es");
    expect(scoringLanguage("en-GB", "hola")).toBe("en");
    expect(scoringLanguage("und", "la app no funciona desde ayer")).toBe("es");
    expect(scoringLanguage("", "the app is down again")).toBe("en");
    expect(scoringLanguage("pt", "estou sem internet")).toBe("other");
  });
});
