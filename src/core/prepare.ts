import type { ParsedDocument, ReferencedPost } from "./normalize.js";
import type { TextEvidence } from "./score/evidence.js";
import type { Author, Post } from "./types.js";

/**
 * A parsed document with the work that needs no database done ahead: raw JSON serialised and,
 * when asked, the text evidence of each post gathered. Pure, so `import` can run it on a worker
 * thread; what crosses threads is plain data (strings, arrays, objects and Maps).
 */
export interface PreparedPost {
  post: Post;
  author?: Author;
  /** The post as X sent it, serialised: stored, and compared on re-import. */
  rawJson: string;
  /** The context-free part of the score; gathered when missing. */
  evidence?: TextEvidence;
}

export interface PreparedReferenced extends Omit<ReferencedPost, "raw"> {
  rawJson: string;
}

export interface PreparedDocument {
  posts: PreparedPost[];
  /** The users to write: with a UsersSeen, only those new to the run or changed since. */
  users: Author[];
  referenced: PreparedReferenced[];
}

/**
 * The users one run (an import, a fetch) has handed on, by id: the same author comes back on many
 * pages, and is written again only when X's data for them changed.
 */
export type UsersSeen = Map<string, Author>;
/** Beyond this many users a run starts remembering afresh: memory stays bounded. */
const MAX_USERS_SEEN = 20_000;

/**
 * With `gather`, evidence is gathered for every post that can become a case (not for retweets).
 * Passed in rather than imported: what imports this module does not load the learned models.
 * With `usersSeen`, users already handed on unchanged are left out (their posts keep `author`).
 */
export function prepareDocument(
  doc: ParsedDocument,
  gather?: (post: Post) => TextEvidence,
  usersSeen?: UsersSeen,
): PreparedDocument {
  return {
    posts: doc.posts.map((p) => {
      const prepared: PreparedPost = { post: p.post, rawJson: JSON.stringify(p.raw) };
      if (p.author) prepared.author = p.author;
      if (gather && !p.post.isRetweet) prepared.evidence = gather(p.post);
      return prepared;
    }),
    users: usersSeen ? changedUsers(doc.users, usersSeen) : doc.users,
    referenced: doc.referenced.map(({ raw, ...r }) => ({ ...r, rawJson: JSON.stringify(raw) })),
  };
}

function changedUsers(users: Author[], seen: UsersSeen): Author[] {
  const changed: Author[] = [];
  for (const user of users) {
    const before = seen.get(user.id);
    if (before !== undefined && sameValues(before, user)) continue;
    if (seen.size >= MAX_USERS_SEEN) seen.clear();
    seen.set(user.id, user);
    changed.push(user);
  }
  return changed;
}

/** Every field of an author is a plain value: equal field by field is the same data from X. */
function sameValues(a: Author, b: Author): boolean {
  for (const key in a) if (a[key as keyof Author] !== b[key as keyof Author]) return false;
  return true;
}
