import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { XDmEvent, XTweet, XTweetPage, XUser } from "../x/types.js";

/**
 * What the sandbox serves: full objects (every field X can send); the server projects them on the
 * fields each request asks for.
 */
export interface SandboxSeed {
  brand: XUser;
  /** Every user the posts refer to (authors, mentioned users, the brand may be among them). */
  users: XUser[];
  /** Posts that @mention the brand: the mentions timeline (those dated after the clock arrive later). */
  mentions: XTweet[];
  /** Posts found only by search: they talk about the brand without @mentioning it. */
  others: XTweet[];
  /** Posts referenced by the others (e.g. the brand's own posts customers reply to). */
  referenced: XTweet[];
  /** Direct-message events already in the brand's inbox. */
  dmEvents?: XDmEvent[];
  /** Users (ids or usernames) who do not accept DMs from the brand, besides `receives_your_dm: false`. */
  dmClosedUserIds?: string[];
}

export const DEFAULT_SCENARIO_DIR = "fixtures/scenario";

/**
 * The bundled scenario, wherever xtriage runs from: next to the package (this file lives in
 * src/sandbox/ in the source tree and in dist/ once built), else under the working directory.
 */
export function defaultScenarioDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, "../..", DEFAULT_SCENARIO_DIR), resolve(here, "..", DEFAULT_SCENARIO_DIR)];
  return candidates.find((dir) => existsSync(join(dir, "brand.json"))) ?? resolve(DEFAULT_SCENARIO_DIR);
}

export interface ScenarioPages {
  brand: XUser;
  mentions: XTweetPage[];
  later?: XTweetPage[];
  others?: XTweetPage[];
  /** Search-only too: customers @mentioning competitors, and the competitors' replies. */
  competitors?: XTweetPage[];
}

/** Flattens recorded v2 pages (the scenario format) into a seed, de-duplicating by id. */
export function seedFromPages(pages: ScenarioPages): SandboxSeed {
  const users = new Map<string, XUser>([[pages.brand.id, pages.brand]]);
  const referenced = new Map<string, XTweet>();
  const collect = (list: XTweetPage[] | undefined): XTweet[] => {
    const posts = new Map<string, XTweet>();
    for (const page of list ?? []) {
      for (const post of page.data ?? []) posts.set(post.id, post);
      for (const user of page.includes?.users ?? []) if (!users.has(user.id)) users.set(user.id, user);
      for (const post of page.includes?.tweets ?? []) referenced.set(post.id, post);
    }
    return [...posts.values()];
  };
  const mentions = [...collect(pages.mentions), ...collect(pages.later)];
  const others = [...collect(pages.others), ...collect(pages.competitors)];
  return { brand: pages.brand, users: [...users.values()], mentions, others, referenced: [...referenced.values()] };
}

function readJsonl(path: string): XTweetPage[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as XTweetPage);
}

/**
 * Reads a scenario directory: brand.json, pages.jsonl, and optional later.jsonl, others.jsonl and
 * competitors.jsonl.
 */
export function loadSeedDir(dir: string = defaultScenarioDir()): SandboxSeed {
  const brandPath = join(dir, "brand.json");
  if (!existsSync(brandPath)) throw new Error(`no sandbox scenario in ${dir} (brand.json is missing)`);
  const brand = JSON.parse(readFileSync(brandPath, "utf8")) as XUser;
  return seedFromPages({
    brand,
    mentions: readJsonl(join(dir, "pages.jsonl")),
    later: readJsonl(join(dir, "later.jsonl")),
    others: readJsonl(join(dir, "others.jsonl")),
    competitors: readJsonl(join(dir, "competitors.jsonl")),
  });
}
