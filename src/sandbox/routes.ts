import type { EndpointKey } from "./limits.js";
import type { SandboxReply } from "./problems.js";
import type { World } from "./world.js";

export interface Route {
  key: EndpointKey;
  /** User-context only: an app-only bearer gets 403. */
  userOnly: boolean;
  /** App-only (usage statistics): user-context credentials get 403. */
  appOnly?: boolean;
  handle(world: World, args: string[], query: URLSearchParams, body: unknown): SandboxReply;
}

const ROUTES: { method: string; pattern: RegExp; route: Route }[] = [
  {
    method: "GET",
    pattern: /^\/2\/users\/me$/,
    route: { key: "GET /2/users/me", userOnly: true, handle: (w, _a, q) => w.me(q) },
  },
  {
    method: "GET",
    pattern: /^\/2\/users\/by\/username\/([^/]+)$/,
    route: {
      key: "GET /2/users/by/username/:username",
      userOnly: false,
      handle: (w, a, q) => w.userLookup(a[0]!, q),
    },
  },
  {
    method: "GET",
    pattern: /^\/2\/users\/([^/]+)\/mentions$/,
    route: { key: "GET /2/users/:id/mentions", userOnly: false, handle: (w, a, q) => w.mentions(a[0]!, q) },
  },
  {
    method: "GET",
    pattern: /^\/2\/tweets\/search\/recent$/,
    route: { key: "GET /2/tweets/search/recent", userOnly: false, handle: (w, _a, q) => w.search(q) },
  },
  {
    method: "GET",
    pattern: /^\/2\/dm_events$/,
    route: { key: "GET /2/dm_events", userOnly: true, handle: (w, _a, q) => w.listDmEvents(q) },
  },
  {
    method: "POST",
    pattern: /^\/2\/tweets$/,
    route: { key: "POST /2/tweets", userOnly: true, handle: (w, _a, _q, b) => w.createTweet(b) },
  },
  {
    method: "POST",
    pattern: /^\/2\/dm_conversations\/with\/([^/]+)\/messages$/,
    route: {
      key: "POST /2/dm_conversations/with/:participant_id/messages",
      userOnly: true,
      handle: (w, a, _q, b) => w.sendDm(a[0]!, b),
    },
  },
  {
    method: "GET",
    pattern: /^\/2\/usage\/tweets$/,
    route: { key: "GET /2/usage/tweets", userOnly: false, appOnly: true, handle: (w, _a, q) => w.usage(q) },
  },
];

export function findRoute(method: string, path: string): { route: Route; args: string[] } | undefined {
  for (const entry of ROUTES) {
    const match = entry.method === method ? entry.pattern.exec(path) : null;
    if (match) return { route: entry.route, args: match.slice(1).map((part) => decodeURIComponent(part)) };
  }
  return undefined;
}
