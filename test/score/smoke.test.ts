import { expect, it } from "vitest";
import { score } from "../../src/core/score/index.js";
import { makeAuthor, makeContext, makePost } from "./helpers.js";

it("prints", () => {
  for (const text of [
    "llevo 3 días sin internet, qué puta vergüenza @marca",
    "eres un idiota y tu empresa es basura jajaja",
    "@marca my order never arrived and you charged me twice, please help",
    "you guys are pathetic clowns lol",
    "Gracias @marca por dejarme sin luz todo el fin de semana, genial 👏",
    "🤡🤡🤡",
    "",
  ]) {
    const s = score(makePost(text), makeAuthor(), makeContext());
    console.log(
      text,
      JSON.stringify({ ...s, reasons: s.reasons.map((r) => `${r.field} ${r.weight} ${r.text}`) }, null, 1),
    );
    expect(s.troll).toBeGreaterThanOrEqual(0);
  }
});
