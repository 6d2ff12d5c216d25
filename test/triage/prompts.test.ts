import input from "@inquirer/input";
import { render } from "@inquirer/testing";
import { describe, expect, it } from "vitest";
import { composeReply, weightedLength } from "../../src/core/lint.js";
import { editPrompt } from "../../src/io/triage-terminal.js";

// The reply editor as the person sees it, rendered by @inquirer/testing (one render() per prompt).
const vars = { user: "ana_test", agent: "Laura", signature: "^LM", case: "1" };
const measure = (text: string) => `${weightedLength(composeReply(text, vars))}/280`;

describe("editing a reply", () => {
  it("starts from the template and shows the weighted length live as the person types", async () => {
    const { answer, events, getScreen } = await render(input, editPrompt("Reply:", "Hola {user}, ", measure));
    expect(getScreen()).toContain("Hola {user},");
    expect(getScreen()).toContain(`(${measure("Hola {user}, ")})`);
    events.type("ya lo miramos");
    const typed = "Hola {user}, ya lo miramos";
    expect(getScreen()).toContain(`(${measure(typed)})`);
    expect(measure(typed)).toBe("33/280"); // "Hola @ana_test, ya lo miramos ^LM";
    events.keypress("enter");
    await expect(answer).resolves.toBe(typed);
    expect(getScreen()).not.toContain("/280");
  });

  it("counts a link as X does (23 characters), not by its length", async () => {
    const { answer, events, getScreen } = await render(input, editPrompt("Reply:", "", measure));
    events.type("{user} https://example.com/a/very/long/path/that/is/long");
    const shown = /\((\d+)\/280\)/.exec(getScreen())?.[1];
    expect(Number(shown)).toBe(weightedLength("@ana_test https://example.com/a/very/long/path/that/is/long ^LM"));
    expect(Number(shown)).toBeLessThan(40);
    events.keypress("enter");
    await answer;
  });
});
