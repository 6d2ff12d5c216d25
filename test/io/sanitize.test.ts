import { describe, expect, it } from "vitest";
import { decideColor } from "../../src/io/iostreams.js";
import {
  escapeJsonForTerminal,
  hasUnsafeCharacters,
  neutralizeCsvFormula,
  sanitizeText,
} from "../../src/io/sanitize.js";

const ESC = "\u001b";
const hostile = `red ${ESC}[31mALERT${ESC}[0m ${ESC}]8;;http://evil.example\u0007click${ESC}]8;;\u0007 ${ESC}[2J bell\u0007 c1\u009b2J rtl\u202Eevil`;

describe("sanitizeText", () => {
  it("leaves no control character, escape or bidi override in the output", () => {
    const out = sanitizeText(hostile);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(hasUnsafeCharacters(out)).toBe(false);
  });

  it("shows what was neutralised instead of hiding it", () => {
    const out = sanitizeText(`${ESC}[31mhi\u0007`);
    expect(out).toBe("␛[31mhi␇");
    expect(sanitizeText("a\u202Eb")).toBe("a<U+202E>b");
    expect(sanitizeText("x\u009by")).toBe("x\ufffdy");
  });

  it("keeps ordinary text, emoji and right-to-left script as they are", () => {
    const text = "Hola 👩‍👩‍👧 🇪🇸 مرحبا שלום ñandú";
    expect(sanitizeText(text)).toBe(text);
  });

  it("folds newlines and tabs in line mode, keeps them in multiline mode", () => {
    expect(sanitizeText("a\nb\tc")).toBe("a b c");
    expect(sanitizeText("a\nb\tc", "multiline")).toBe("a\nb\tc");
    expect(sanitizeText("a\r\nb", "multiline")).toBe("a␍\nb");
  });
});

describe("neutralizeCsvFormula", () => {
  it.each(['=HYPERLINK("http://evil.example","x")', "+34 600", "-1+1", "@SUM(1+1)", "\tx", "\rx"])(
    "prefixes %j with a quote",
    (cell) => {
      expect(neutralizeCsvFormula(cell)).toBe(`'${cell}`);
    },
  );

  it("leaves other cells alone", () => {
    expect(neutralizeCsvFormula("hola = adiós")).toBe("hola = adiós");
    expect(neutralizeCsvFormula("")).toBe("");
  });
});

describe("escapeJsonForTerminal", () => {
  it("escapes C1 and bidi controls and stays the same JSON data", () => {
    const value = { t: "a\u009bb\u202Ec\u2028d" };
    const json = escapeJsonForTerminal(JSON.stringify(value));
    expect(json).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("decideColor", () => {
  it("colours only a TTY", () => {
    expect(decideColor(true, {})).toBe(true);
    expect(decideColor(false, {})).toBe(false);
  });
  it("honours NO_COLOR, TERM=dumb and --no-color", () => {
    expect(decideColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(decideColor(true, { NO_COLOR: "" })).toBe(true);
    expect(decideColor(true, { TERM: "dumb" })).toBe(false);
    expect(decideColor(true, {}, true)).toBe(false);
  });
  it("lets FORCE_COLOR force it, but not over NO_COLOR", () => {
    expect(decideColor(false, { FORCE_COLOR: "1" })).toBe(true);
    expect(decideColor(true, { FORCE_COLOR: "0" })).toBe(false);
    expect(decideColor(false, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });
});
