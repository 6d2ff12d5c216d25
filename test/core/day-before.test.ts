import { describe, expect, it } from "vitest";
import { dayBeforeFinder } from "../../src/core/day-before.js";

const viaDate = (iso: string) => new Date(Date.parse(iso) - 86_400_000).toISOString();

describe("dayBeforeFinder", () => {
  it("gives what a round trip through Date gives, across months, years and leap days", () => {
    const dayBefore = dayBeforeFinder();
    const times = [
      "2026-11-20T12:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
      "2024-03-01T23:59:59.999Z",
      "2025-01-01T07:30:15.123Z",
      "2026-11-01T00:00:00.001Z",
    ];
    // twice: the second pass reads the remembered days
    for (const time of [...times, ...times]) expect(dayBefore(time)).toBe(viaDate(time));
    expect(dayBefore("2024-03-01T10:00:00.000Z")).toBe("2024-02-29T10:00:00.000Z");
  });

  it("takes the Date path for other forms of a time", () => {
    const dayBefore = dayBeforeFinder();
    expect(dayBefore("2026-11-20T12:00:00Z")).toBe("2026-11-19T12:00:00.000Z");
    expect(dayBefore("2026-11-20T12:00:00.000+02:00")).toBe("2026-11-19T10:00:00.000Z");
  });
});
