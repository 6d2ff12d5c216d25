import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SCENARIO } from "./cli.js";

type Obj = Record<string, any>;

export function scenarioPages(file = "pages.jsonl"): Obj[] {
  return readFileSync(join(SCENARIO, file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export function allTweets(pages: Obj[]): Obj[] {
  return pages.flatMap((p) => p.data ?? []);
}

/** twarc2 writes the API page plus a __twarc provenance object. */
export function twarcPages(pages: Obj[]): Obj[] {
  return pages.map((p) => ({
    ...p,
    __twarc: {
      url: "https://api.x.com/2/users/1/mentions",
      version: "2.14.0",
      retrieved_at: "2026-11-20T12:00:00+00:00",
    },
  }));
}

/** twarc2 flatten: one post per line, with author and referenced posts inlined. */
export function twarcFlattened(pages: Obj[]): Obj[] {
  const out: Obj[] = [];
  for (const page of pages) {
    const users = new Map<string, Obj>((page.includes?.users ?? []).map((u: Obj) => [u.id, u]));
    const tweets = new Map<string, Obj>((page.includes?.tweets ?? []).map((t: Obj) => [t.id, t]));
    for (const t of page.data ?? []) {
      out.push({
        ...t,
        author: users.get(t.author_id),
        ...(t.referenced_tweets
          ? {
              referenced_tweets: t.referenced_tweets.map((r: Obj) => {
                const full = tweets.get(r.id);
                return full ? { type: r.type, ...full, author: users.get(full.author_id) } : r;
              }),
            }
          : {}),
        __twarc: {
          url: "https://api.x.com/2/users/1/mentions",
          version: "2.14.0",
          retrieved_at: "2026-11-20T12:00:00+00:00",
        },
      });
    }
  }
  return out;
}

/** Plain flat post objects with an inline author and nothing else. */
export function flatWithAuthor(pages: Obj[]): Obj[] {
  return twarcFlattened(pages).map(({ __twarc, referenced_tweets, ...t }) =>
    referenced_tweets
      ? { ...t, referenced_tweets: referenced_tweets.map((r: Obj) => ({ type: r.type, id: r.id })) }
      : t,
  );
}

export const jsonl = (values: unknown[]) => `${values.map((v) => JSON.stringify(v)).join("\n")}\n`;
