import type { Config } from "../config.js";
import { dayBeforeFinder } from "../core/day-before.js";
import { parseTweet, repliedToIdOf } from "../core/normalize.js";
import type { PreparedDocument } from "../core/prepare.js";
import { authorChangedForScoring } from "../core/score/author-change.js";
import type { TextEvidence } from "../core/score/evidence.js";
import { tagKey } from "../core/tags.js";
import type { Author, Post, Score, ScoreContext, ScoringConfig } from "../core/types.js";
import { assignStickyOwners } from "../store/actions.js";
import type { DB } from "../store/db.js";
import { authorFromRow, authorsRepo, mentionsRepo } from "../store/mentions.js";
import { type SeenReply, seenRepliesRepo } from "../store/seen-replies.js";

/**
 * The scorer in its two parts (src/core/score): the text evidence, and the score from it in context.
 * Without `gatherEvidence` every post must come with its evidence (gathered by the import worker).
 */
export interface Scorer {
  gatherEvidence?(post: Post, config: ScoringConfig): TextEvidence;
  scoreWithEvidence(evidence: TextEvidence, post: Post, author: Author | undefined, ctx: ScoreContext): Score;
}

export interface IngestCounts {
  imported: number;
  updated: number;
  /** Already stored with the same data from X. */
  unchanged: number;
  /** Retweets and the brand's own posts: not cases. */
  dropped: number;
}

export function emptyCounts(): IngestCounts {
  return { imported: 0, updated: 0, unchanged: 0, dropped: 0 };
}

/** Brand replies kept for mentions a run has not stored yet: bounded, as one run can be long. */
const MAX_WAITING_REPLIES = 10_000;

export function scoringConfigFrom(config: Config): ScoringConfig {
  return {
    vipHandles: config.vipHandles,
    crisisHashtags: config.crisisHashtags,
    popularHashtagAuthors: config.popularHashtagAuthors,
    words: config.scoring.words,
    weights: config.scoring.weights,
  };
}

/**
 * Stores parsed posts: authors and referenced posts refreshed, each mention scored and upserted
 * without touching its triage state. Used by `import` and `fetch`; the caller owns the transaction.
 */
export function createIngester(db: DB, config: Config, scorer: Scorer, source: string, brandIds: string[] = []) {
  const mentions = mentionsRepo(db);
  const authors = authorsRepo(db);
  const scoring = scoringConfigFrom(config);
  const ownIds = new Set([...brandIds, ...config.accounts.map((a) => a.id).filter((id): id is string => Boolean(id))]);
  const accountByHandle = new Map(config.accounts.map((a) => [a.handle, a.id ?? null]));
  // Agents' verdicts only exist once cases were worked; a fresh import skips the per-author query.
  let anyVerdicts = mentions.hasVerdicts();
  const dayBeforeOf = dayBeforeFinder();
  const seenReplies = seenRepliesRepo(db, config.agents);
  // brand replies to mentions not stored yet: pages come newest first, so a customer's follow-up
  // (which carries the brand's reply) is often read before the post the brand answered
  const waitingReplies = new Map<string, SeenReply[]>();
  // Authors whose profile changed in what the scorer reads: their stored posts are scored again at the
  // end of the run. Nothing is stored before a first import, so it skips the per-author lookup.
  const checkAuthors = mentions.any();
  // a tag is popular from this many users besides the post's own author: no need to count further
  const popularOthers = scoring.popularHashtagAuthors - 1;
  const staleAuthors = new Set<string>();
  function accountFor(mentioned: string[]): string | null {
    for (const handle of mentioned) {
      const id = accountByHandle.get(handle);
      if (id !== undefined) return id;
    }
    return config.accounts[0]?.id ?? brandIds[0] ?? null;
  }

  function gatherEvidence(post: Post): TextEvidence {
    if (!scorer.gatherEvidence) throw new Error(`internal: post ${post.id} came without its text evidence`);
    return scorer.gatherEvidence(post, scoring);
  }

  function contextFor(post: Post): ScoreContext {
    const tags = new Map<string, number>();
    const dayBefore = dayBeforeOf(post.createdAt);
    for (const tag of post.hashtags) {
      const key = tagKey(tag);
      // the other users of the tag, as many as make it popular, and the post's own author (counted
      // once, stored post or not)
      const others = mentions.hashtagAuthors(key, dayBefore, post.createdAt, post.authorId, popularOthers);
      tags.set(key, others + 1);
    }
    // what agents concluded before this post was written: its own case, or a later one, is not its history
    const labels = anyVerdicts ? mentions.pastLabels(post.authorId, post.createdAt) : { troll: 0, genuine: 0 };
    return {
      now: new Date(post.createdAt),
      hashtagAuthors24h: tags,
      history: {
        contacts24h: mentions.contacts(post.authorId, dayBefore, post.createdAt),
        pastTrollLabels: labels.troll,
        pastGenuineLabels: labels.genuine,
      },
      config: scoring,
    };
  }

  /** Scores stored posts again with the stored profile of their author; returns how many. */
  function rescore(
    rows: { id: string; author_id: string; raw_json: string }[],
    full: Required<Scorer>,
    scoredAt: string,
  ) {
    let rescored = 0;
    const profiles = new Map<string, Author | undefined>();
    for (const stored of rows) {
      let post: Post;
      try {
        post = parseTweet(JSON.parse(stored.raw_json));
      } catch {
        continue; // stored before a stricter parser: keep its scores
      }
      if (!profiles.has(stored.author_id)) {
        const row = authors.get(stored.author_id);
        profiles.set(stored.author_id, row ? authorFromRow(row) : undefined);
      }
      const evidence = full.gatherEvidence(post, scoring);
      const score = full.scoreWithEvidence(evidence, post, profiles.get(stored.author_id), contextFor(post));
      mentions.updateScore(stored.id, score, scoredAt);
      rescored++;
    }
    return rescored;
  }

  /** The brand's own replies in a document: posts it fetched, and posts customers answered. */
  function brandRepliesIn(doc: PreparedDocument): SeenReply[] {
    const replies: SeenReply[] = [];
    for (const { post } of doc.posts) {
      if (ownIds.has(post.authorId) && post.repliedToId && !post.isRetweet) {
        replies.push({ id: post.id, repliedToId: post.repliedToId, text: post.text, createdAt: post.createdAt });
      }
    }
    for (const ref of doc.referenced) {
      if (!ownIds.has(ref.authorId)) continue;
      const repliedToId = repliedToIdOf(JSON.parse(ref.rawJson));
      if (repliedToId) replies.push({ id: ref.id, repliedToId, text: ref.text, createdAt: ref.createdAt });
    }
    return replies;
  }

  function logBrandReplies(replies: Iterable<SeenReply>, fetchedAt: string): void {
    for (const reply of replies) {
      if (seenReplies.record(reply, fetchedAt)) {
        // a reply is a verdict: the customer's next posts go to whoever sent it
        anyVerdicts = true;
        continue;
      }
      if (waitingReplies.size >= MAX_WAITING_REPLIES) waitingReplies.clear();
      waitingReplies.set(reply.repliedToId, [...(waitingReplies.get(reply.repliedToId) ?? []), reply]);
    }
  }

  return {
    /** Whether some authors' stored posts are due to be scored again (rescoreStale). */
    hasStaleAuthors(): boolean {
      return staleAuthors.size > 0;
    },

    /**
     * Scores again the stored posts of the authors whose profile changed in this run, with what is
     * stored about them now; returns how many posts. Needs a scorer that gathers text evidence.
     */
    rescoreStale(full: Required<Scorer>, scoredAt: string): number {
      let rescored = 0;
      for (const authorId of staleAuthors) rescored += rescore(mentions.rawOfAuthor(authorId), full, scoredAt);
      staleAuthors.clear();
      return rescored;
    },

    /**
     * Scores posts again, oldest first, each in the context of every post stored before it: for posts
     * that were stored newest first (X's pages), whose context then lacked the older ones.
     */
    rescoreInOrder(ids: readonly string[], full: Required<Scorer>, scoredAt: string): number {
      return rescore(mentions.rawByIdsOldestFirst(ids), full, scoredAt);
    },

    /** Stores a document's posts; returns the ids of those new to the store. */
    add(doc: PreparedDocument, fetchedAt: string, counts: IngestCounts): string[] {
      const fresh: string[] = [];
      for (const user of doc.users) {
        const before = checkAuthors ? authors.get(user.id) : undefined;
        authors.upsert(user, fetchedAt);
        if (before && authorChangedForScoring(authorFromRow(before), user)) staleAuthors.add(user.id);
      }
      for (const ref of doc.referenced) authors.upsertReferenced(ref, fetchedAt);
      for (const p of doc.posts) {
        if (p.post.isRetweet || ownIds.has(p.post.authorId)) {
          counts.dropped++;
          continue;
        }
        const raw = p.rawJson;
        const stored = mentions.rawJson(p.post.id);
        if (stored === raw) {
          counts.unchanged++;
          continue;
        }
        if (!p.author) authors.ensure(p.post.authorId, fetchedAt);
        const row = {
          post: p.post,
          accountId: accountFor(p.post.mentions),
          source,
          raw,
          fetchedAt,
          score: scorer.scoreWithEvidence(p.evidence ?? gatherEvidence(p.post), p.post, p.author, contextFor(p.post)),
        };
        if (stored === undefined) {
          mentions.insert(row);
          counts.imported++;
          fresh.push(p.post.id);
        } else {
          mentions.updateFromX(row);
          counts.updated++;
        }
      }
      if (ownIds.size > 0) {
        logBrandReplies(brandRepliesIn(doc), fetchedAt);
        for (const id of waitingReplies.size > 0 ? fresh : []) {
          const replies = waitingReplies.get(id);
          waitingReplies.delete(id);
          if (replies) logBrandReplies(replies, fetchedAt);
        }
      }
      // The same agent handles a customer from start to end: a new post goes to whoever last handled them.
      if (anyVerdicts && fresh.length > 0) assignStickyOwners(db, fresh);
      return fresh;
    },
  };
}
