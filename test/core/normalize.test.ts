import { describe, expect, it } from "vitest";
import { InputError, parseTweet, parseUser } from "../../src/core/normalize.js";

const tweet = (created_at: unknown) => ({ id: "1", text: "hola", author_id: "2", created_at });

describe("times from X", () => {
  it("keeps X's canonical form as it is", () => {
    expect(parseTweet(tweet("2026-11-20T11:59:43.420Z")).createdAt).toBe("2026-11-20T11:59:43.420Z");
    expect(parseTweet(tweet("2026-12-31T23:59:59.999Z")).createdAt).toBe("2026-12-31T23:59:59.999Z");
  });

  it("normalises other forms to the canonical one", () => {
    expect(parseTweet(tweet("2026-11-20T11:59:43Z")).createdAt).toBe("2026-11-20T11:59:43.000Z");
    expect(parseTweet(tweet("2026-11-20T12:59:43.420+01:00")).createdAt).toBe("2026-11-20T11:59:43.420Z");
    expect(parseUser({ id: "2", username: "a", created_at: "2020-01-05T00:00:00Z" }).createdAt).toBe(
      "2020-01-05T00:00:00.000Z",
    );
  });

  it("treats days past the 28th and hour 24 as Date does (rolled over), not as they are written", () => {
    expect(parseTweet(tweet("2026-02-30T10:00:00.000Z")).createdAt).toBe("2026-03-02T10:00:00.000Z");
    expect(parseTweet(tweet("2026-01-31T10:00:00.000Z")).createdAt).toBe("2026-01-31T10:00:00.000Z");
    expect(parseTweet(tweet("2026-01-01T24:00:00.000Z")).createdAt).toBe("2026-01-02T00:00:00.000Z");
  });

  it("refuses what is not a date", () => {
    expect(() => parseTweet(tweet("yesterday"))).toThrow(InputError);
    expect(() => parseTweet(tweet("2026-13-01T00:00:00.000Z"))).toThrow(/created_at is not a date/);
  });
});
