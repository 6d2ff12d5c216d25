import { describe, expect, it } from "vitest";
import { DEFAULT_PRICES, estimateCost, priceTable } from "../../src/x/cost.js";

const none = { posts: 0, users: 0, dmEvents: 0 };

describe("estimateCost", () => {
  it("bills reads per resource: posts, expanded users, DM events", () => {
    expect(estimateCost("GET /2/tweets/search/recent", { ...none, posts: 100, users: 40 })).toBeCloseTo(
      100 * DEFAULT_PRICES.post_read + 40 * DEFAULT_PRICES.user_read,
      9,
    );
    expect(estimateCost("GET /2/users/me", { ...none, users: 1 })).toBe(0.01);
    expect(estimateCost("GET /2/dm_events", { ...none, dmEvents: 3, users: 1 })).toBeCloseTo(0.04, 9);
  });

  it("uses the owned-read rate for the brand's own mentions when asked", () => {
    const page = { ...none, posts: 100 };
    expect(estimateCost("GET /2/users/:id/mentions", page)).toBeCloseTo(0.5, 9);
    expect(estimateCost("GET /2/users/:id/mentions", page, { ownedRead: true })).toBeCloseTo(0.1, 9);
  });

  it("prices writes per request: summoned reply, plain post, post with a link, DM", () => {
    const one = { ...none, posts: 1 };
    expect(estimateCost("POST /2/tweets", one, { summonedReply: true })).toBe(0.01);
    expect(estimateCost("POST /2/tweets", one)).toBe(0.015);
    expect(estimateCost("POST /2/tweets", one, { summonedReply: true, containsUrl: true })).toBe(0.2);
    expect(estimateCost("POST /2/dm_conversations/with/:participant_id/messages", { ...none, dmEvents: 1 })).toBe(
      0.015,
    );
  });

  it("costs nothing for an empty poll or a failed call", () => {
    expect(estimateCost("GET /2/users/:id/mentions", none)).toBe(0);
    expect(estimateCost("POST /2/tweets", none)).toBe(0);
  });

  it("takes price overrides for known keys only", () => {
    expect(priceTable({ post_read: 0.002, bogus: 9, user_read: -1 })).toEqual({ ...DEFAULT_PRICES, post_read: 0.002 });
    expect(estimateCost("GET /2/tweets/search/recent", { ...none, posts: 10 }, { prices: { post_read: 0.002 } })).toBe(
      0.02,
    );
  });
});
