import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/io/output.js";
import {
  bar,
  type CaseScreen,
  duration,
  KEY_HELP,
  pastCasesSummary,
  renderCaseHeader,
  renderCaseScreen,
  slaLine,
} from "../../src/io/triage-screen.js";

const NOW = new Date("2026-11-20T12:00:00Z");

function screen(over: Partial<CaseScreen> = {}): CaseScreen {
  return {
    id: "1861234567890123456",
    url: "https://x.com/ana_test/status/1861234567890123456",
    text: "@brand my connection has been down since this morning, any news?",
    lang: "en",
    createdAt: "2026-11-20T11:30:00Z",
    status: "new",
    username: "ana_test",
    author: {
      name: "Ana Test",
      followers: 1234,
      createdAt: "2019-03-01T00:00:00Z",
      verified: false,
      description: "runner, coffee",
    },
    pastCases: [{ status: "resolved" }, { status: "resolved" }, { status: "ignored" }],
    scores: { priority: 72.4, urgency: 60, reach: 20, troll: 0.1, complaint: 0.8, label: "genuine" },
    reasons: [
      { field: "urgency", weight: 30, text: "service down" },
      { field: "troll", weight: -0.2, text: "polite wording" },
      { field: "reach", weight: 5, text: "small audience" },
      { field: "priority", weight: 1, text: "least important reason" },
    ],
    sla: { waitedMinutes: 30, targetMinutes: 60, ceilingMinutes: 300, answered: false },
    thread: [
      { author: "@brand", createdAt: "2026-11-20T10:00:00Z", text: "We are looking into it", current: false },
      { author: "@ana_test", createdAt: "2026-11-20T11:30:00Z", text: "still down", current: true },
    ],
    ...over,
  };
}

describe("the case screen", () => {
  it("shows the post, author card, past cases, scores, top reasons, SLA clock, thread and keys", () => {
    const out = renderCaseScreen(screen(), { now: NOW, color: false });
    expect(out).toContain("@ana_test (Ana Test) · 30m ago · en · new · priority 72");
    expect(out).toContain("my connection has been down");
    expect(out).toContain("1,234 followers");
    expect(out).toMatch(/account 7y old/);
    expect(out).toContain("not verified");
    expect(out).toContain("bio: runner, coffee");
    expect(out).toContain("past cases: 3 (resolved 2, ignored 1)");
    expect(out).toContain("priority ████░ 72");
    expect(out).toContain("troll █░░░░ 0.10 genuine");
    expect(out).toContain("service down");
    expect(out).toContain("polite wording");
    expect(out).not.toContain("least important reason");
    expect(out).toContain("SLA     30m left (target 1h00m)");
    expect(out).toContain("We are looking into it");
    expect(out).toMatch(/▶ @ana_test · 30m · still down/);
    expect(out.split("\n").at(-1)).toBe(KEY_HELP);
  });

  it("cuts a long display name, not the age and priority after it", () => {
    const long = screen({ author: { ...screen().author!, name: "Ana Test 🌟 ".repeat(12) } });
    for (const width of [80, 60]) {
      for (const out of [
        renderCaseScreen(long, { now: NOW, color: false, width }),
        renderCaseHeader(long, { now: NOW, color: false, width }),
      ]) {
        const first = out.split("\n")[0]!;
        expect(first).toMatch(/^@ana_test \(Ana Test.*…\) · 30m ago · en · new · priority 72$/);
        expect(displayWidth(first)).toBeLessThanOrEqual(width);
      }
    }
  });

  it("fits 80x24 however long the post, bio and conversation are", () => {
    const long = "palabra ".repeat(200);
    const thread = Array.from({ length: 40 }, (_, i) => ({
      author: `@user${i}`,
      createdAt: `2026-11-20T0${i % 10}:00:00Z`,
      text: long,
      current: i === 39,
    }));
    const out = renderCaseScreen(
      screen({ text: long, author: { ...screen().author!, description: long, name: long }, thread }),
      { now: NOW, color: false, width: 80, height: 24 },
    );
    const lines = out.split("\n");
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(out).toContain("earlier not shown");
    expect(out).toContain("▶ @user39");
    expect(lines.at(-1)).toBe(KEY_HELP);
  });

  it("makes escape sequences and bidi controls in untrusted text inert", () => {
    const out = renderCaseScreen(
      screen({
        text: "hi \u001b[31mred\u001b[0m \u202eevil",
        author: { ...screen().author!, name: "\u001b]0;title\u0007x", description: "\u009bbio" },
      }),
      { now: NOW, color: false },
    );
    expect(out).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(out).toContain("␛[31mred");
    expect(out).toContain("<U+202E>evil");
  });

  it("uses colour only when asked (NO_COLOR gives color: false)", () => {
    expect(renderCaseScreen(screen(), { now: NOW, color: false })).not.toContain("\u001b[");
    expect(renderCaseScreen(screen(), { now: NOW, color: true })).toContain("\u001b[1m");
  });

  it("says when the author is a first contact or unknown", () => {
    const out = renderCaseScreen(screen({ pastCases: [], author: undefined, username: null }), {
      now: NOW,
      color: false,
    });
    expect(out).toContain("unknown author");
    expect(out).toContain("Author  not stored yet");
    expect(pastCasesSummary([])).toBe("past cases: none, first contact");
  });
});

describe("the SLA clock", () => {
  it("counts down, then shows how overdue, then past the limit", () => {
    const sla = { targetMinutes: 60, ceilingMinutes: 300, answered: false };
    expect(slaLine({ ...sla, waitedMinutes: 15 }).text).toBe("SLA     45m left (target 1h00m)");
    expect(slaLine({ ...sla, waitedMinutes: 135 })).toEqual({ text: "SLA     overdue by 1h15m", style: "yellow" });
    expect(slaLine({ ...sla, waitedMinutes: 3000 })).toEqual({
      text: "SLA     overdue by 2d1h (past the 5h00m limit)",
      style: "red",
    });
    expect(slaLine({ ...sla, waitedMinutes: 3000, answered: true }).text).toBe("SLA     answered");
  });

  it("at the target is not overdue; a few seconds past it is overdue by 1m, not 0m", () => {
    const sla = { targetMinutes: 60, ceilingMinutes: 300, answered: false };
    expect(slaLine({ ...sla, waitedMinutes: 60 })).toEqual({ text: "SLA     0m left (target 1h00m)", style: "green" });
    expect(slaLine({ ...sla, waitedMinutes: 60.2 })).toEqual({ text: "SLA     overdue by 1m", style: "yellow" });
    // at the ceiling is not yet past it
    expect(slaLine({ ...sla, waitedMinutes: 300 })).toEqual({ text: "SLA     overdue by 4h00m", style: "yellow" });
    expect(slaLine({ ...sla, waitedMinutes: 300.5 }).style).toBe("red");
  });

  it("formats durations and bars", () => {
    expect(duration(5)).toBe("5m");
    expect(duration(61)).toBe("1h01m");
    expect(bar(0)).toBe("░░░░░");
    expect(bar(100)).toBe("█████");
    expect(bar(49)).toBe("██░░░");
    expect(bar(null)).toBe("-----");
    expect(bar(250)).toBe("█████");
  });
});

describe("the header kept in view during an action", () => {
  it("has who, the post and the SLA clock, without the rest", async () => {
    const { renderCaseHeader } = await import("../../src/io/triage-screen.js");
    const out = renderCaseHeader(screen(), { now: NOW, color: false });
    expect(out.split("\n")).toEqual([
      "@ana_test (Ana Test) · 30m ago · en · new · priority 72",
      "  @brand my connection has been down since this morning, any news?",
      "SLA     30m left (target 1h00m)",
    ]);
  });
});

describe("wide characters", () => {
  it("keeps every line within 80 columns when the post is full of emoji and CJK", async () => {
    const { displayWidth } = await import("../../src/io/output.js");
    const text = `${"😡🇪🇸 日本語の文字 ".repeat(30)}https://example.com/${"x".repeat(120)}`;
    const out = renderCaseScreen(screen({ text, author: { ...screen().author!, name: "名前😀".repeat(20) } }), {
      now: NOW,
      color: false,
    });
    expect(out).toContain("日本語");
    for (const line of out.split("\n")) {
      expect(displayWidth(line)).toBeLessThanOrEqual(80);
    }
  });
});
