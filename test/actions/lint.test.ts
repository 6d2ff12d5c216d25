import { describe, expect, it } from "vitest";
import { composeReply, fillTemplate, type LintInput, lintReply, weightedLength } from "../../src/core/lint.js";

const NOW = new Date("2026-11-20T12:00:00Z");
const vars = { user: "ana_cliente", agent: "Laura", signature: "^LM", case: "2001" };
const lint = (text: string, extra: Partial<LintInput> = {}) =>
  lintReply({ text, customer: "ana_cliente", signature: "^LM", now: NOW, ...extra });
const codes = (text: string, extra: Partial<LintInput> = {}) => {
  const r = lint(text, extra);
  return [...r.errors, ...r.warnings].map((i) => i.code);
};

describe("composeReply", () => {
  it("fills the variables, mentions the customer and signs", () => {
    expect(fillTemplate("Hola {user}, soy {agent} ({case}) {signature}", vars)).toBe(
      "Hola @ana_cliente, soy Laura (2001) ^LM",
    );
    expect(composeReply("Lo miramos ahora mismo.", vars)).toBe("@ana_cliente Lo miramos ahora mismo. ^LM");
    expect(composeReply("Hola {user}, lo miramos. {signature}", vars)).toBe("Hola @ana_cliente, lo miramos. ^LM");
  });
  it("does not sign when no signature is configured, and keeps an existing mention", () => {
    expect(composeReply("@Ana_Cliente thanks!", { ...vars, signature: "" })).toBe("@Ana_Cliente thanks!");
  });
});

describe("lintReply passes good replies", () => {
  it.each([
    "@ana_cliente Sentimos las molestias, ya lo estamos revisando. ^LM",
    "@ana_cliente Te escribimos por DM para revisarlo con tus datos de forma privada. No compartas datos personales por aquí. ^LM",
    "@ana_cliente Sorry about this. We'll send you a DM so we can look into it privately. Please don't share personal details here. ^LM",
    "@ana_cliente Escríbenos por DM con tu número de cliente y tu DNI y lo vemos. ^LM",
    "@ana_cliente Never share your password with anyone, not even with us. ^LM",
    "@ana_cliente We will address the outage today. ^LM",
  ])("%s", (text) => {
    const r = lint(text);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe("lintReply blocks requests for personal or bank data in public", () => {
  it.each([
    ["@ana_cliente Pásanos tus datos y lo miramos. ^LM", "personal data"],
    ["@ana_cliente ¿Nos indicas tu DNI para localizar el contrato? ^LM", "identity document"],
    ["@ana_cliente Indícanos el número de tarjeta con el que pagaste. ^LM", "card or bank"],
    ["@ana_cliente Necesitamos tu IBAN para la devolución. ^LM", "card or bank"],
    ["@ana_cliente ¿Cuál es tu dirección? Mandamos un técnico. ^LM", "postal address"],
    ["@ana_cliente Déjanos tu número de teléfono y te llamamos. ^LM", "phone number"],
    ["@ana_cliente Confírmanos tu correo y la contraseña del router. ^LM", "password"],
    ["@ana_cliente Send us your account number and we'll check. ^LM", "card or bank"],
    ["@ana_cliente Please reply with your passport number. ^LM", "identity document"],
    ["@ana_cliente What's your phone number? ^LM", "phone number"],
    ["@ana_cliente Can you share your email address? ^LM", "email address"],
  ])("%s", (text, what) => {
    const r = lint(text);
    const issue = r.errors.find((i) => i.code === "asks-personal-data");
    expect(issue?.message).toContain(what);
    expect(issue?.suggest).toMatch(/dm/);
    expect(r.ok).toBe(false);
  });

  it("blocks data itself: an IBAN, a card number, an identity number, an email, a phone", () => {
    expect(
      lint("@ana_cliente Hemos devuelto el cargo a ES91 2100 0418 4502 0005 1332 ^LM").errors[0]?.message,
    ).toContain("IBAN");
    expect(lint("@ana_cliente the card 4111 1111 1111 1111 was charged ^LM").errors[0]?.message).toContain(
      "card number",
    );
    expect(lint("@ana_cliente el titular 12345678Z ya está ^LM").errors[0]?.message).toContain("identity number");
    expect(lint("@ana_cliente escribe a soporte@ejemplo.com ^LM").errors[0]?.message).toContain("email");
    expect(lint("@ana_cliente llámanos al 600 123 456 ^LM").errors[0]?.message).toContain("phone");
    expect(lint("@ana_cliente call +34912345678 ^LM").errors[0]?.message).toContain("phone");
    expect(lint("@ana_cliente call 555-123-4567 ^LM").errors[0]?.message).toContain("phone");
    // a ticket or contract number is fine in public
    expect(codes("@ana_cliente tu incidencia 912345678 ya está abierta ^LM")).toEqual([]);
    // a number that fails the Luhn check is not a card number
    expect(codes("@ana_cliente incidencia 4111 1111 1111 1112 abierta ^LM")).not.toContain("exposes-personal-data");
  });
});

describe("lintReply: mention, length, variables, signature", () => {
  it("requires the @mention of the customer (not someone else)", () => {
    expect(codes("@otra_persona Lo miramos. ^LM")).toContain("no-mention");
    expect(codes("Lo miramos @ana_cliente ^LM")).not.toContain("no-mention");
  });
  it("measures weighted length with twitter-text (CJK and emoji count double)", () => {
    const ascii = `@ana_cliente ${"a".repeat(263)} ^LM`;
    expect(weightedLength(ascii)).toBe(280);
    expect(codes(ascii)).not.toContain("too-long");
    expect(codes(`${ascii}a`)).toContain("too-long");
    const cjk = `@ana_cliente ${"字".repeat(132)} ^LM`; // 13 + 264 + 4
    expect(weightedLength(cjk)).toBe(281);
    expect(lint(cjk).errors.find((e) => e.code === "too-long")?.message).toContain("281");
  });
  it("reports unfilled variables and a missing signature", () => {
    expect(codes("@ana_cliente hola {nombre} ^LM")).toContain("unfilled-variable");
    expect(codes("@ana_cliente hola")).toContain("no-signature");
    expect(codes("@ana_cliente hola", { signature: "" })).not.toContain("no-signature");
  });
  it("blocks an agent the config names no signature for, naming the agents who have one", () => {
    const r = lint("@ana_cliente hola", {
      signature: "",
      unsignedAgent: { agent: "pepe", agents: ["laura", "diego"] },
    });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(["no-signature"]);
    expect(r.errors[0]?.message).toBe("agent pepe has no signature in the config (agents with one: laura, diego)");
    expect(r.errors[0]?.suggest).toContain("--agent");
  });
});

describe("lintReply: links, duplicates, trolls", () => {
  it("warns that a link costs ~13x, without blocking", () => {
    const r = lint("@ana_cliente mira el estado en https://status.example.com ^LM");
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["link-cost"]);
    expect(r.warnings[0]?.message).toContain("13x");
  });
  it("refuses text identical to a reply sent in the last 36 h, not older", () => {
    const text = "@ana_cliente Lo miramos. ^LM";
    const at35h = new Date(NOW.getTime() - 35 * 3_600_000).toISOString();
    const at37h = new Date(NOW.getTime() - 37 * 3_600_000).toISOString();
    expect(codes(text, { recent: [{ text: "@ana_cliente  lo miramos. ^LM", at: at35h }] })).toContain("duplicate");
    expect(codes(text, { recent: [{ text, at: at37h }] })).not.toContain("duplicate");
    expect(codes(text, { recent: [{ text: "@ana_cliente Otra cosa. ^LM", at: at35h }] })).not.toContain("duplicate");
  });
  it("warns before answering a low-reach troll, not a troll with an audience", () => {
    const text = "@ana_cliente Lo sentimos. ^LM";
    expect(codes(text, { target: { label: "troll", followers: 12 } })).toContain("low-reach-troll");
    expect(codes(text, { target: { label: "troll", followers: 50_000 } })).not.toContain("low-reach-troll");
    expect(codes(text, { target: { label: "troll", followers: 12, answerForAudience: true } })).not.toContain(
      "low-reach-troll",
    );
    expect(codes(text, { target: { label: "genuine", followers: 12 } })).not.toContain("low-reach-troll");
  });
  it("in a DM, asking for data is allowed", () => {
    expect(lint("Hola, ¿nos pasas tu DNI y tu dirección? ^LM", { channel: "dm" }).ok).toBe(true);
  });
});
