import type { PreparedDocument, PreparedPost } from "./prepare.js";
import type { TextEvidence } from "./score/evidence.js";
import type { Category } from "./score/lexicon.js";
import { emptyMatches } from "./score/matcher.js";
import type { CategoryEffects, ModelSignals } from "./score/model.js";
import type { Author, Post } from "./types.js";

/*
 * Prepared documents in the form the import worker sends them: posts, authors and text evidence as
 * arrays of plain values instead of objects. Copying objects between threads rebuilds them one
 * property at a time; these arrays cross several times cheaper (measured on the bench data:
 * evidence 3x), and rebuilding the objects on arrival costs little. The order of the values is
 * private to pack and unpack below.
 */

type PackedAuthor = [
  id: string,
  username: string,
  name: string,
  description: string,
  location: string,
  createdAt: string,
  followers: number,
  following: number,
  posts: number,
  listed: number,
  verified: boolean,
  verifiedType: string,
  isProtected: boolean,
];

type PackedModel = [
  offense: number,
  complaint: number,
  urgent: number,
  service: number,
  offenseEffects: (string | number)[],
  complaintEffects: (string | number)[],
];

type PackedEvidence = [
  lang: TextEvidence["lang"],
  question: boolean,
  mockery: number,
  angry: number,
  positive: number,
  /** category, its words, category, its words … */
  matches: (string | string[])[],
  model: PackedModel | 0,
  unread: [code: string, complaint: number, service: number] | 0,
];

type PackedPost = [
  id: string,
  text: string,
  lang: string,
  createdAt: string,
  authorId: string,
  conversationId: string,
  inReplyToUserId: string,
  repliedToId: string,
  quotedId: string,
  isRetweet: boolean,
  hashtags: string[],
  mentions: string[],
  urls: string[],
  retweets: number,
  replies: number,
  likes: number,
  quotes: number,
  impressions: number,
  /** Index into the document's authors, or -1. */
  author: number,
  rawJson: string,
  evidence: PackedEvidence | 0,
];

export interface PackedDocument {
  /** Every author the document names once: the users to write and the posts' authors. */
  authors: PackedAuthor[];
  /** The authors to write, by index. */
  users: number[];
  posts: PackedPost[];
  referenced: PreparedDocument["referenced"];
}

export function packDocument(doc: PreparedDocument): PackedDocument {
  const authors: PackedAuthor[] = [];
  const indexOf = new Map<Author, number>();
  const authorIndex = (a: Author): number => {
    let index = indexOf.get(a);
    if (index === undefined) {
      index = authors.push(packAuthor(a)) - 1;
      indexOf.set(a, index);
    }
    return index;
  };
  return {
    users: doc.users.map(authorIndex),
    posts: doc.posts.map((p) => packPost(p, p.author ? authorIndex(p.author) : -1)),
    authors,
    referenced: doc.referenced,
  };
}

export function unpackDocument(packed: PackedDocument): PreparedDocument {
  const authors = packed.authors.map(unpackAuthor);
  return {
    users: packed.users.map((i) => authors[i] as Author),
    posts: packed.posts.map((p) => unpackPost(p, authors)),
    referenced: packed.referenced,
  };
}

function packAuthor(a: Author): PackedAuthor {
  return [
    a.id,
    a.username,
    a.name,
    a.description,
    a.location,
    a.createdAt,
    a.followers,
    a.following,
    a.posts,
    a.listed,
    a.verified,
    a.verifiedType,
    a.protected,
  ];
}

function unpackAuthor(a: PackedAuthor): Author {
  return {
    id: a[0],
    username: a[1],
    name: a[2],
    description: a[3],
    location: a[4],
    createdAt: a[5],
    followers: a[6],
    following: a[7],
    posts: a[8],
    listed: a[9],
    verified: a[10],
    verifiedType: a[11],
    protected: a[12],
  };
}

function packPost(prepared: PreparedPost, author: number): PackedPost {
  const p = prepared.post;
  const m = p.metrics;
  return [
    p.id,
    p.text,
    p.lang,
    p.createdAt,
    p.authorId,
    p.conversationId,
    p.inReplyToUserId,
    p.repliedToId,
    p.quotedId,
    p.isRetweet,
    p.hashtags,
    p.mentions,
    p.urls,
    m.retweets,
    m.replies,
    m.likes,
    m.quotes,
    m.impressions,
    author,
    prepared.rawJson,
    prepared.evidence ? packEvidence(prepared.evidence) : 0,
  ];
}

function unpackPost(p: PackedPost, authors: Author[]): PreparedPost {
  const post: Post = {
    id: p[0],
    text: p[1],
    lang: p[2],
    createdAt: p[3],
    authorId: p[4],
    conversationId: p[5],
    inReplyToUserId: p[6],
    repliedToId: p[7],
    quotedId: p[8],
    isRetweet: p[9],
    hashtags: p[10],
    mentions: p[11],
    urls: p[12],
    metrics: { retweets: p[13], replies: p[14], likes: p[15], quotes: p[16], impressions: p[17] },
  };
  const prepared: PreparedPost = { post, rawJson: p[19] };
  const author = authors[p[18]];
  if (author) prepared.author = author;
  if (p[20] !== 0) prepared.evidence = unpackEvidence(p[20]);
  return prepared;
}

function packEvidence(e: TextEvidence): PackedEvidence {
  const matches: (string | string[])[] = [];
  for (const category in e.matches) {
    const words = e.matches[category as Category];
    if (words !== undefined) matches.push(category, words);
  }
  return [
    e.lang,
    e.question,
    e.emoji.mockery,
    e.emoji.angry,
    e.emoji.positive,
    matches,
    e.model ? packModel(e.model) : 0,
    e.unread ? [e.unread.code, e.unread.complaint, e.unread.service] : 0,
  ];
}

function unpackEvidence(e: PackedEvidence): TextEvidence {
  const matches = emptyMatches();
  const flat = e[5];
  for (let i = 0; i + 1 < flat.length; i += 2) matches[flat[i] as Category] = flat[i + 1] as string[];
  return {
    lang: e[0],
    matches,
    question: e[1],
    emoji: { mockery: e[2], angry: e[3], positive: e[4] },
    model: e[6] === 0 ? undefined : unpackModel(e[6]),
    unread: e[7] === 0 ? undefined : { code: e[7][0], complaint: e[7][1], service: e[7][2] },
  };
}

function packModel(m: ModelSignals): PackedModel {
  return [
    m.offense,
    m.complaint,
    m.urgent,
    m.service,
    packEffects(m.categoryEffects.offense),
    packEffects(m.categoryEffects.complaint),
  ];
}

function unpackModel(m: PackedModel): ModelSignals {
  return {
    offense: m[0],
    complaint: m[1],
    urgent: m[2],
    service: m[3],
    categoryEffects: { offense: unpackEffects(m[4]), complaint: unpackEffects(m[5]) },
  };
}

function packEffects(effects: CategoryEffects): (string | number)[] {
  const flat: (string | number)[] = [];
  for (const [category, effect] of effects) flat.push(category, effect);
  return flat;
}

function unpackEffects(flat: (string | number)[]): CategoryEffects {
  const effects: CategoryEffects = new Map();
  for (let i = 0; i + 1 < flat.length; i += 2) effects.set(flat[i] as string, flat[i + 1] as number);
  return effects;
}
