import { describe, expect, it } from "vitest";
import { median, percentile, summarizeResponses } from "../../src/core/report.js";
import { businessMinutesBetween, slaClock, slaState, waitedMinutes } from "../../src/core/sla.js";

const madrid = { tz: "Europe/Madrid", start: "08:00", end: "22:00" };

describe("business minutes", () => {
  it("a post at 21:50 Madrid answered at 08:10 the next day waited 20 business minutes", () => {
    expect(businessMinutesBetween(madrid, "2026-11-19T20:50:00Z", "2026-11-20T07:10:00Z")).toBe(20);
  });

  it("counts nothing outside the hours, and whole days in between", () => {
    expect(businessMinutesBetween(madrid, "2026-11-19T22:00:00Z", "2026-11-20T06:59:00Z")).toBe(0);
    // Wed 12:00 → Fri 12:00 Madrid: 10 h + 14 h + 4 h
    expect(businessMinutesBetween(madrid, "2026-11-18T11:00:00Z", "2026-11-20T11:00:00Z")).toBe(28 * 60);
  });

  it("skips days off: Friday 21:00 to Monday 09:00 with weekdays only", () => {
    const weekdays = { ...madrid, days: ["mon", "tue", "wed", "thu", "fri"] };
    // 2026-11-20 is a Friday; 60 minutes on Friday, 60 on Monday
    expect(businessMinutesBetween(weekdays, "2026-11-20T20:00:00Z", "2026-11-23T08:00:00Z")).toBe(120);
    expect(businessMinutesBetween(madrid, "2026-11-20T20:00:00Z", "2026-11-23T08:00:00Z")).toBe(60 + 14 * 60 * 2 + 60);
  });

  it("follows daylight saving: the hours stay local when the offset changes", () => {
    // 2026-03-29: Madrid moves from UTC+1 to UTC+2. Opening is 07:00 UTC before, 06:00 UTC after.
    expect(businessMinutesBetween(madrid, "2026-03-28T07:00:00Z", "2026-03-28T08:00:00Z")).toBe(60);
    expect(businessMinutesBetween(madrid, "2026-03-29T06:00:00Z", "2026-03-29T07:00:00Z")).toBe(60);
    expect(businessMinutesBetween(madrid, "2026-03-28T06:00:00Z", "2026-03-28T07:00:00Z")).toBe(0);
  });

  it("a night shift runs past midnight", () => {
    const night = { tz: "UTC", start: "22:00", end: "06:00" };
    expect(businessMinutesBetween(night, "2026-11-19T21:00:00Z", "2026-11-20T07:00:00Z")).toBe(8 * 60);
  });

  it("without a calendar, waits are wall-clock minutes; never negative", () => {
    expect(waitedMinutes(undefined, 0, 90 * 60_000)).toBe(90);
    expect(waitedMinutes(undefined, 10, 0)).toBe(0);
    expect(businessMinutesBetween(madrid, "2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z")).toBe(0);
  });

  it("ok within the target, late past it, breached past the ceiling", () => {
    const sla = { firstResponseMinutes: 60, ceilingMinutes: 300 };
    expect([60, 61, 300, 301].map((m) => slaState(m, sla))).toEqual(["ok", "late", "late", "breached"]);
  });
});

describe("an SLA clock (the queue's, triage's and the report's)", () => {
  const targets = { firstResponseMinutes: 60, ceilingMinutes: 300 };
  const ms = (iso: string) => Date.parse(iso);
  const now = ms("2026-11-20T12:00:00Z");

  it("counts business minutes with hours and every minute without, whatever span it was built for", () => {
    // built for the last hour only: earlier instants widen the calendar instead of being cut off
    const clock = slaClock(targets, madrid, now - 3_600_000, now);
    expect(clock.waited(ms("2026-11-19T18:52:33Z"), now)).toBeCloseTo(127.45 + 300, 6);
    expect(clock.waited(ms("2026-10-01T12:00:00Z"), now)).toBe(
      businessMinutesBetween(madrid, "2026-10-01T12:00:00Z", "2026-11-20T12:00:00Z"),
    );
    expect(clock.waited(now, now - 60_000)).toBe(0);
    const wall = slaClock(targets, undefined, now, now);
    expect(wall.waited(ms("2026-11-19T18:52:33Z"), now)).toBeCloseTo(1027.45, 6);
    expect(wall.startOf(300, now)).toBe(now - 300 * 60_000);
  });

  it("startOf is the latest creation time that has waited the given minutes by then", () => {
    const weekdays = { ...madrid, days: ["mon", "tue", "wed", "thu", "fri"] };
    const monday = ms("2026-11-23T08:30:00Z"); // 09:30 Madrid, 90 minutes after opening
    for (const hours of [madrid, weekdays]) {
      const clock = slaClock(targets, hours, monday, monday);
      for (const minutes of [30, 90, 300, 2000]) {
        const start = clock.startOf(minutes, monday);
        expect(clock.waited(start, monday)).toBeCloseTo(minutes, 6);
        expect(clock.waited(start + 60_000, monday)).toBeLessThan(minutes);
      }
    }
    // 300 business minutes back from Monday 09:30 with weekdays only: 90 on Monday, 210 on Friday
    expect(new Date(slaClock(targets, weekdays, monday, monday).startOf(300, monday)).toISOString()).toBe(
      "2026-11-20T17:30:00.000Z",
    );
    // a calendar without a single open day: nothing has ever waited
    const closed = slaClock(targets, { ...madrid, days: [] }, monday, monday);
    expect(closed.startOf(300, monday)).toBe(Number.NEGATIVE_INFINITY);
    expect(closed.waited(ms("2025-01-01T00:00:00Z"), monday)).toBe(0);
  });
});

describe("aggregates", () => {
  it("median of odd and even counts; none of nothing", () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 4, 9])).toBe(3);
    expect(median([])).toBeNull();
  });

  it("p90 is the nearest rank: the 9th of 10, the 5th of 5, the only one of 1", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 0.9)).toBe(9);
    expect(percentile([5, 20, 30, 120, 360], 0.9)).toBe(360);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.9)).toBeNull();
  });

  it("summarizes against each case's own targets, sorting numerically", () => {
    const s = summarizeResponses([100, 9, 30], (i) =>
      i === 0 ? { target: 120, ceiling: 240 } : { target: 10, ceiling: 20 },
    );
    expect(s).toEqual({
      answered: 3,
      median_minutes: 30,
      p90_minutes: 100,
      within_target: 2,
      within_target_share: 0.6667,
      within_ceiling: 2,
      within_ceiling_share: 0.6667,
    });
  });
});
