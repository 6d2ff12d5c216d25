import { defaultScoringConfig } from "../../src/core/score/index.js";
import type { Author, Post, ScoreContext, ScoringConfig } from "../../src/core/types.js";

export const NOW = new Date("2026-03-10T12:00:00Z");

export function makePost(text: string, overrides: Partial<Post> = {}): Post {
  return {
    id: "1",
    text,
    lang: "",
    createdAt: "2026-03-10T11:50:00Z",
    authorId: "10",
    conversationId: "1",
    inReplyToUserId: "",
    repliedToId: "",
    quotedId: "",
    isRetweet: false,
    hashtags: [...text.matchAll(/#(\w+)/gu)].map((match) => match[1] as string),
    mentions: [],
    urls: [],
    metrics: { retweets: 0, replies: 0, likes: 0, quotes: 0, impressions: 0 },
    ...overrides,
  };
}

export function makeAuthor(overrides: Partial<Author> = {}): Author {
  return {
    id: "10",
    username: "cliente",
    name: "Cliente",
    description: "Me gusta el cine y viajar",
    location: "Madrid",
    createdAt: "2019-05-01T00:00:00Z",
    followers: 300,
    following: 280,
    posts: 4000,
    listed: 2,
    verified: false,
    verifiedType: "none",
    protected: false,
    ...overrides,
  };
}

export function makeContext(
  overrides: Partial<Omit<ScoreContext, "config">> & { config?: Partial<ScoringConfig> } = {},
): ScoreContext {
  return {
    now: NOW,
    hashtagAuthors24h: new Map(),
    history: { contacts24h: 1, pastTrollLabels: 0, pastGenuineLabels: 0 },
    ...overrides,
    config: { ...defaultScoringConfig(), ...overrides.config },
  };
}
