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
  users: Author[];
  /** Each user serialised, in the same order: what tells a changed user from one already written. */
  userKeys: string[];
  referenced: PreparedReferenced[];
}

/**
 * With `gather`, evidence is gathered for every post that can become a case (not for retweets).
 * Passed in rather than imported: what imports this module does not load the learned models.
 */
export function prepareDocument(doc: ParsedDocument, gather?: (post: Post) => TextEvidence): PreparedDocument {
  return {
    posts: doc.posts.map((p) => {
      const prepared: PreparedPost = { post: p.post, rawJson: JSON.stringify(p.raw) };
      if (p.author) prepared.author = p.author;
      if (gather && !p.post.isRetweet) prepared.evidence = gather(p.post);
      return prepared;
    }),
    users: doc.users,
    userKeys: doc.users.map((u) => JSON.stringify(u)),
    referenced: doc.referenced.map(({ raw, ...r }) => ({ ...r, rawJson: JSON.stringify(raw) })),
  };
}
