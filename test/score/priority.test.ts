import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { effectivePriority } from "../../src/core/score/priority.js";

const SLA = { firstResponseMinutes: 60, ceilingMinutes: 300 };
const CREATED = "2026-03-10T10:00:00Z";
const at = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000);

describe("effectivePriority", () => {
  it("is the stored priority for a post that has just arrived", () => {
    expect(effectivePriority(40, CREATED, at(0), SLA)).toBe(40);
  });

  it("rises gently until the first-response target, then by 30 points in all at the ceiling, and stops", () => {
    expect(effectivePriority(40, CREATED, at(30), SLA)).toBeCloseTo(45, 5);
    expect(effectivePriority(40, CREATED, at(60), SLA)).toBeCloseTo(50, 5);
    expect(effectivePriority(40, CREATED, at(180), SLA)).toBeCloseTo(60, 5);
    expect(effectivePriority(40, CREATED, at(300), SLA)).toBeCloseTo(70, 5);
    expect(effectivePriority(40, CREATED, at(5000), SLA)).toBeCloseTo(70, 5);
    expect(effectivePriority(85, CREATED, at(5000), SLA)).toBe(100);
  });

  it("keeps an urgent fresh complaint above a low-priority post that waited past the ceiling", () => {
    expect(effectivePriority(75, CREATED, at(5), SLA)).toBeGreaterThan(effectivePriority(15, CREATED, at(5000), SLA));
  });

  it("never decreases as time passes and keeps the order of equal waits", () => {
    let previous = -1;
    for (let minute = 0; minute <= 400; minute += 7) {
      const value = effectivePriority(20, CREATED, at(minute), SLA);
      expect(value).toBeGreaterThanOrEqual(previous);
      expect(effectivePriority(30, CREATED, at(minute), SLA)).toBeGreaterThanOrEqual(value);
      previous = value;
    }
  });

  it("a tighter SLA raises priority sooner", () => {
    const tight = { firstResponseMinutes: 15, ceilingMinutes: 60 };
    expect(effectivePriority(30, CREATED, at(45), tight)).toBeGreaterThan(effectivePriority(30, CREATED, at(45), SLA));
  });

  it("leaves the priority alone for a bad or future date and clamps it to 0..100", () => {
    expect(effectivePriority(33, "not a date", at(100), SLA)).toBe(33);
    expect(effectivePriority(33, CREATED, at(-10), SLA)).toBe(33);
    expect(effectivePriority(140, CREATED, at(0), SLA)).toBe(100);
  });

  it("imports nothing, so `list` does not load the model", () => {
    const source = readFileSync(new URL("../../src/core/score/priority.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
