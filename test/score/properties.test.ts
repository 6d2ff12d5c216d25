import { describe, expect, it } from "vitest";
import { syntheticPosts } from "../../src/core/score/bench.js";
import { DEFAULT_WEIGHTS, score } from "../../src/core/score/index.js";
import { seededRandom } from "../../src/core/score/learn.js";
import type { Author, ScoreField } from "../../src/core/types.js";
import { makeAuthor, makeContext } from "./helpers.js";

function randomAuthor(random: () => number): Author | undefined {
  if (random() < 0.2) return undefined;
  return makeAuthor({
    username: `user${Math.floor(random() * 1000)}`,
    followers: Math.floor(10 ** (random() * 7)),
    following: Math.floor(10 ** (random() * 4)),
    listed: Math.floor(random() * 500),
    verified: random() < 0.1,
    description: random() < 0.3 ? "" : "bio",
    createdAt: random() < 0.2 ? "2026-03-01T00:00:00Z" : "2015-01-01T00:00:00Z",
  });
}

const FIELDS: ScoreField[] = ["troll", "complaint", "sentiment", "reach", "urgency", "priority"];

describe("properties over synthetic posts", () => {
  const random = seededRandom(99);
  const posts = syntheticPosts(400, 3);
  const results = posts.map((post) => {
    const history = {
      contacts24h: Math.floor(random() * 6),
      pastTrollLabels: random() < 0.1 ? 2 : 0,
      pastGenuineLabels: 0,
    };
    return score(post, randomAuthor(random), makeContext({ history, config: { vipHandles: ["user7"] } }));
  });

  it("every number is in its range", () => {
    for (const r of results) {
      expect(r.troll).toBeGreaterThanOrEqual(0);
      expect(r.troll).toBeLessThanOrEqual(1);
      expect(r.complaint).toBeGreaterThanOrEqual(0);
      expect(r.complaint).toBeLessThanOrEqual(1);
      expect(r.sentiment).toBeGreaterThanOrEqual(-1);
      expect(r.sentiment).toBeLessThanOrEqual(1);
      for (const value of [r.reach, r.urgency, r.priority]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
      expect(["es", "en", "other"]).toContain(r.lang);
    }
  });

  it("the label follows the two thresholds", () => {
    for (const r of results) {
      const expected =
        r.troll >= DEFAULT_WEIGHTS["troll.threshold"]
          ? "troll"
          : r.troll < DEFAULT_WEIGHTS["genuine.threshold"]
            ? "genuine"
            : "unsure";
      expect(r.label).toBe(expected);
    }
    expect(new Set(results.map((r) => r.label)).size).toBeGreaterThan(1);
  });

  it("every non-zero number has at least one reason, and every reason has words and a weight", () => {
    for (const r of results) {
      for (const field of FIELDS) {
        if (Math.abs(r[field]) > 0.005) expect(r.reasons.some((reason) => reason.field === field)).toBe(true);
      }
      for (const reason of r.reasons) {
        expect(reason.text.trim().length).toBeGreaterThan(3);
        expect(reason.weight).not.toBe(0);
        expect(Number.isFinite(reason.weight)).toBe(true);
      }
    }
  });

  it("reasons add up to the number for the additive fields (when not capped)", () => {
    for (const r of results) {
      for (const field of ["reach", "urgency", "complaint"] as const) {
        if (r[field] <= 0 || r[field] >= (field === "complaint" ? 1 : 100)) continue;
        const sum = r.reasons
          .filter((reason) => reason.field === field)
          .reduce((total, reason) => total + reason.weight, 0);
        expect(sum).toBeCloseTo(r[field], 1);
      }
    }
  });
});
