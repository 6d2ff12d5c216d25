import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/normalize.js";
import { prepareDocument, type UsersSeen } from "../../src/core/prepare.js";

const user = (id: string, followers: number) => ({
  id,
  username: `u${id}`,
  name: `User ${id}`,
  created_at: "2020-01-05T00:00:00.000Z",
  public_metrics: { followers_count: followers, following_count: 1, tweet_count: 1, listed_count: 0 },
});
const page = (users: ReturnType<typeof user>[]) =>
  parseDocument({
    data: users.map((u, i) => ({
      id: `${u.id}0${i}`,
      text: "@marca hola",
      author_id: u.id,
      created_at: "2026-11-20T11:00:00.000Z",
    })),
    includes: { users },
  });

describe("prepareDocument with the users a run has seen", () => {
  it("hands on a user once, again when X's data for them changed, and keeps every post's author", () => {
    const seen: UsersSeen = new Map();
    const first = prepareDocument(page([user("1", 10), user("2", 20)]), undefined, seen);
    expect(first.users.map((u) => u.id)).toEqual(["1", "2"]);
    const again = prepareDocument(page([user("1", 10), user("2", 21)]), undefined, seen);
    expect(again.users.map((u) => [u.id, u.followers])).toEqual([["2", 21]]);
    expect(again.posts.map((p) => p.author?.id)).toEqual(["1", "2"]);
  });

  it("hands on every user without a record of the run", () => {
    const doc = page([user("1", 10)]);
    expect(prepareDocument(doc).users.map((u) => u.id)).toEqual(["1"]);
    expect(prepareDocument(doc).users.map((u) => u.id)).toEqual(["1"]);
  });
});
