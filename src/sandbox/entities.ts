import type { XEntities, XUser } from "../x/types.js";

/** Code-point offsets, as X counts `start`/`end`. */
function codePointIndex(text: string, utf16Index: number): number {
  return Array.from(text.slice(0, utf16Index)).length;
}

/** Mentions and hashtags of a text, with offsets counted in code points. */
export function extractEntities(
  text: string,
  userByUsername: (name: string) => XUser | undefined,
): XEntities | undefined {
  const mentions = Array.from(text.matchAll(/(?<![\w@])@(\w{1,15})/g), (match) => {
    const start = codePointIndex(text, match.index);
    const username = match[1]!;
    const user = userByUsername(username);
    return {
      start,
      end: start + username.length + 1,
      username: user?.username ?? username,
      ...(user ? { id: user.id } : {}),
    };
  });
  const hashtags = Array.from(text.matchAll(/(?<![\w#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu), (match) => {
    const start = codePointIndex(text, match.index);
    return { start, end: start + Array.from(match[0]).length, tag: match[1]! };
  });
  const entities: XEntities = {};
  if (mentions.length > 0) entities.mentions = mentions;
  if (hashtags.length > 0) entities.hashtags = hashtags;
  return mentions.length + hashtags.length > 0 ? entities : undefined;
}
