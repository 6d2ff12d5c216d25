import { tagKey } from "../core/tags.js";
import type { Author, Label, Post, Score } from "../core/types.js";
import type { DB } from "./db.js";
import { encodeScoreExtras } from "./score-json.js";

export const STATUSES = ["new", "replied", "dm", "escalated", "pending", "resolved", "ignored"] as const;
export type Status = (typeof STATUSES)[number];

/** A mention as stored, joined with its author's card. */
export interface MentionRow {
  id: string;
  account_id: string | null;
  author_id: string;
  username: string | null;
  author_name: string | null;
  followers: number | null;
  verified: number | null;
  text: string;
  lang: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_user_id: string;
  replied_to_id: string;
  quoted_id: string;
  hashtags: string;
  metrics: string;
  source: string;
  troll: number | null;
  label: Label | null;
  complaint: number | null;
  sentiment: number | null;
  reach: number | null;
  urgency: number | null;
  priority: number | null;
  score_json: string | null;
  status: Status;
  assignee: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  fetched_at: string;
}

/** The columns that decide a mention's place in the queue. */
export type QueueKey = Pick<MentionRow, "id" | "priority" | "created_at" | "first_response_at" | "status"> &
  Partial<Pick<MentionRow, "account_id">>;

export interface ListFilter {
  statuses: Status[] | "all";
  labels?: string[];
  langs?: string[];
  minPriority?: number;
  assignee?: string;
  /** ISO time: only mentions created at or after it. */
  since?: string;
  /**
   * One of the three streams the queue merges: posts still waiting that are younger than `cutoff`
   * (in creation order), waiting posts older than it, and answered posts (both in priority order).
   */
  stream?: { part: "young" | "waiting" | "answered"; cutoff: string };
  order: "priority" | "newest" | "oldest" | "reach" | "urgency";
  limit?: number;
}

/** A stored mention as X sent it. */
export interface StoredRaw {
  id: string;
  author_id: string;
  raw_json: string;
}

export interface StoredMention {
  post: Post;
  accountId: string | null;
  source: string;
  raw: string;
  fetchedAt: string;
  score: Score;
}

const SELECT_ROW = `
  SELECT m.id, m.account_id, m.author_id, a.username, a.name AS author_name, a.followers, a.verified,
         m.text, m.lang, m.created_at, m.conversation_id, m.in_reply_to_user_id, m.replied_to_id, m.quoted_id,
         m.hashtags, m.metrics, m.source, m.troll, m.label, m.complaint, m.sentiment, m.reach, m.urgency,
         m.priority, m.score_json, m.status, m.assignee, m.first_response_at, m.resolved_at, m.fetched_at
  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id`;

const ORDER_SQL: Record<ListFilter["order"], string> = {
  priority: "m.priority DESC, m.created_at ASC",
  newest: "m.created_at DESC",
  oldest: "m.created_at ASC",
  reach: "m.reach DESC, m.created_at ASC",
  urgency: "m.urgency DESC, m.created_at ASC",
};

/** A statement compiled when first used: a command that reads two of them does not compile a dozen. */
function onFirstUse<T>(prepare: () => T): () => T {
  let statement: T | undefined;
  return () => {
    statement ??= prepare();
    return statement;
  };
}

/** Prepared statements for the mentions table and its neighbours, one set per connection. */
export function mentionsRepo(db: DB) {
  // pluck: these run for every post imported, and a row object for one value is garbage at once
  const rawById = onFirstUse(() => db.prepare<[string], string>("SELECT raw_json FROM mentions WHERE id = ?").pluck());
  // Positional parameters: binding two dozen values by name costs more than the insert itself.
  const insert = onFirstUse(() =>
    db.prepare(
      `INSERT INTO mentions (${INSERT_COLUMNS.join(", ")}, scored_at) VALUES (${INSERT_COLUMNS.map(() => "?").join(", ")}, ?)`,
    ),
  );
  // Only the columns X owns and the scores derived from them: triage state is never touched.
  const updateFromX = onFirstUse(() =>
    db.prepare(`
    UPDATE mentions SET text = @text, lang = @lang, created_at = @created_at, conversation_id = @conversation_id,
      in_reply_to_user_id = @in_reply_to_user_id, replied_to_id = @replied_to_id, quoted_id = @quoted_id,
      hashtags = @hashtags, metrics = @metrics, raw_json = @raw_json, fetched_at = @fetched_at,
      account_id = COALESCE(account_id, @account_id),
      troll = @troll, label = @label, complaint = @complaint, sentiment = @sentiment, reach = @reach,
      urgency = @urgency, priority = @priority, score_json = @score_json, scored_at = @fetched_at
    WHERE id = @id`),
  );
  const rescore = onFirstUse(() =>
    db.prepare(`
    UPDATE mentions SET troll = @troll, label = @label, complaint = @complaint, sentiment = @sentiment, reach = @reach,
      urgency = @urgency, priority = @priority, score_json = @score_json, scored_at = @scored_at
    WHERE id = @id`),
  );
  const rawOfAuthor = onFirstUse(() =>
    db.prepare<[string], StoredRaw>("SELECT id, author_id, raw_json FROM mentions WHERE author_id = ?"),
  );
  const rawByIds = onFirstUse(() =>
    db.prepare<[string], StoredRaw>(
      "SELECT id, author_id, raw_json FROM mentions WHERE id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id",
    ),
  );
  const anyStored = onFirstUse(() => db.prepare<[], number>("SELECT EXISTS (SELECT 1 FROM mentions)").pluck());
  const deleteTags = onFirstUse(() => db.prepare("DELETE FROM mention_hashtags WHERE mention_id = ?"));
  const insertTag = onFirstUse(() =>
    db.prepare("INSERT OR IGNORE INTO mention_hashtags (mention_id, tag, author_id, created_at) VALUES (?, ?, ?, ?)"),
  );
  const tagAuthors = onFirstUse(() =>
    db
      .prepare<[string, string, string, string, number], number>(
        `SELECT count(*) FROM (SELECT DISTINCT author_id FROM mention_hashtags
         WHERE tag = ? AND created_at > ? AND created_at <= ? AND author_id <> ? LIMIT ?)`,
      )
      .pluck(),
  );
  const contacts = onFirstUse(() =>
    db
      .prepare<[string, string, string], number>(
        "SELECT count(*) FROM mentions WHERE author_id = ? AND created_at >= ? AND created_at < ?",
      )
      .pluck(),
  );
  const labels = onFirstUse(() =>
    db.prepare<[string, string], { troll: number; genuine: number }>(`
    SELECT coalesce(sum(a.kind = 'ignore' AND a.reason = 'troll'), 0) AS troll,
           coalesce(sum(a.kind IN ('reply', 'dm', 'resolve')), 0) AS genuine
    FROM actions a JOIN mentions m ON m.id = a.mention_id
    WHERE m.author_id = ? AND a.state IN ('done', 'sent') AND a.created_at < ?`),
  );
  const verdicts = onFirstUse(() =>
    db.prepare<[], { n: number }>(
      "SELECT EXISTS (SELECT 1 FROM actions WHERE kind IN ('ignore', 'reply', 'dm', 'resolve')) AS n",
    ),
  );
  const byId = onFirstUse(() => db.prepare<[string], MentionRow>(`${SELECT_ROW} WHERE m.id = ?`));
  const byIds = onFirstUse(() =>
    db.prepare<[string], MentionRow>(`${SELECT_ROW} WHERE m.id IN (SELECT value FROM json_each(?))`),
  );
  const byConversation = onFirstUse(() =>
    db.prepare<[string], MentionRow>(`${SELECT_ROW} WHERE m.conversation_id = ? ORDER BY m.created_at, m.id`),
  );

  return {
    /** The stored raw JSON of a mention, or undefined when it is not stored. */
    rawJson(id: string): string | undefined {
      return rawById().get(id);
    },

    insert(m: StoredMention): void {
      const row = rowParams(m);
      insert().run(...INSERT_COLUMNS.map((column) => row[column]), row.fetched_at);
      writeTags(m.post);
    },

    updateFromX(m: StoredMention): void {
      updateFromX().run(rowParams(m));
      deleteTags().run(m.post.id);
      writeTags(m.post);
    },

    /** A stored mention scored again (only its scores change). */
    updateScore(id: string, score: Score, scoredAt: string): void {
      rescore().run({ id, ...scoreParams(score), scored_at: scoredAt });
    },

    /** The stored mentions of an author, as X sent them. */
    rawOfAuthor(authorId: string): StoredRaw[] {
      return rawOfAuthor().all(authorId);
    },

    /** Stored mentions as X sent them, oldest first. */
    rawByIdsOldestFirst(ids: readonly string[]): StoredRaw[] {
      return rawByIds().all(JSON.stringify(ids));
    },

    /** Whether any mention is stored yet. */
    any(): boolean {
      return anyStored().get() === 1;
    },

    /**
     * Distinct authors other than `except` who used the tag (a tagKey) after `from`, up to `to` (ISO
     * times), counted up to `atMost`: a busy tag has hundreds of uses a day, and the scorer only asks
     * whether enough people used it (a full count cost ~0.3 ms a post, half an import).
     */
    hashtagAuthors(key: string, from: string, to: string, except: string, atMost: number): number {
      if (atMost <= 0) return 0;
      return tagAuthors().get(key, from, to, except, atMost) ?? 0;
    },

    /** Posts by the author from `from` up to (not including) `to` (ISO times). */
    contacts(authorId: string, from: string, to: string): number {
      return contacts().get(authorId, from, to) ?? 0;
    },

    /** What agents concluded about this author's past cases. */
    pastLabels(authorId: string, before: string): { troll: number; genuine: number } {
      return labels().get(authorId, before) ?? { troll: 0, genuine: 0 };
    },

    /** Whether agents have judged any case yet (replied, resolved, ignored …). */
    hasVerdicts(): boolean {
      return (verdicts().get()?.n ?? 0) === 1;
    },

    get(id: string): MentionRow | undefined {
      return byId().get(id);
    },

    /** Several mentions in one query, by id (those not stored are missing from the map). */
    getMany(ids: readonly string[]): Map<string, MentionRow> {
      return new Map(
        byIds()
          .all(JSON.stringify(ids))
          .map((row) => [row.id, row]),
      );
    },

    conversation(conversationId: string): MentionRow[] {
      return byConversation().all(conversationId);
    },

    /** Just what ordering the queue needs, for the same filter: cheap to read in bulk. */
    /** `withAccount` adds the account id, which the priority indexes do not carry (a row read each). */
    listKeys(filter: ListFilter, withAccount = false): IterableIterator<QueueKey> {
      const { where, params } = whereClause(filter);
      const order = filter.stream?.part === "young" ? "m.created_at" : ORDER_SQL[filter.order];
      const account = withAccount ? ", m.account_id" : "";
      return db
        .prepare<unknown[], QueueKey>(
          `SELECT m.id, m.priority, m.created_at, m.first_response_at, m.status${account} FROM mentions m${where} ORDER BY ${order}`,
        )
        .iterate(...params);
    },

    list(filter: ListFilter): IterableIterator<MentionRow> {
      const { where, params } = whereClause(filter);
      const limit = filter.limit && filter.limit > 0 ? ` LIMIT ${Math.floor(filter.limit)}` : "";
      const order = filter.stream?.part === "young" ? "m.created_at" : ORDER_SQL[filter.order];
      return db.prepare<unknown[], MentionRow>(`${SELECT_ROW}${where} ORDER BY ${order}${limit}`).iterate(...params);
    },
  };

  function writeTags(post: Post): void {
    for (const tag of new Set(post.hashtags.map(tagKey))) {
      insertTag().run(post.id, tag, post.authorId, post.createdAt);
    }
  }
}

export type MentionsRepo = ReturnType<typeof mentionsRepo>;

const INSERT_COLUMNS = [
  "id",
  "account_id",
  "author_id",
  "text",
  "lang",
  "created_at",
  "conversation_id",
  "in_reply_to_user_id",
  "replied_to_id",
  "quoted_id",
  "hashtags",
  "metrics",
  "source",
  "raw_json",
  "fetched_at",
  "troll",
  "label",
  "complaint",
  "sentiment",
  "reach",
  "urgency",
  "priority",
  "score_json",
] as const;

function rowParams(m: StoredMention) {
  const p = m.post;
  const s = m.score;
  return {
    id: p.id,
    account_id: m.accountId,
    author_id: p.authorId,
    text: p.text,
    lang: p.lang,
    created_at: p.createdAt,
    conversation_id: p.conversationId,
    in_reply_to_user_id: p.inReplyToUserId,
    replied_to_id: p.repliedToId,
    quoted_id: p.quotedId,
    hashtags: JSON.stringify(p.hashtags),
    metrics: JSON.stringify(p.metrics),
    source: m.source,
    raw_json: m.raw,
    fetched_at: m.fetchedAt,
    ...scoreParams(s),
  };
}

function scoreParams(s: Score) {
  return {
    troll: s.troll,
    label: s.label,
    complaint: s.complaint,
    sentiment: s.sentiment,
    reach: Math.round(s.reach),
    urgency: Math.round(s.urgency),
    priority: Math.round(s.priority),
    score_json: encodeScoreExtras(s),
  };
}

/** An author as stored, in the shape the scorer reads. */
export function authorFromRow(row: AuthorRow): Author {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    description: row.description,
    location: row.location,
    createdAt: row.created_at,
    followers: row.followers,
    following: row.following,
    posts: row.posts,
    listed: row.listed,
    verified: row.verified === 1,
    verifiedType: row.verified_type,
    protected: row.protected === 1,
  };
}

const ANSWERED = "(m.first_response_at IS NOT NULL OR m.status IN ('resolved', 'ignored'))";

function whereClause(f: ListFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: string[]) => {
    clauses.push(`${column} IN (${values.map(() => "?").join(", ")})`);
    params.push(...values);
  };
  // "+m.status": not an index key; the queue streams read the priority indexes in order instead
  if (f.statuses !== "all") inList("+m.status", f.statuses);
  if (f.labels?.length) inList("m.label", f.labels);
  // codes as X writes them (lower case); X's "und" is stored as no language
  if (f.langs?.length)
    inList(
      "m.lang",
      f.langs.map((l) => l.toLowerCase()).flatMap((l) => (l === "und" ? ["", l] : [l])),
    );
  if (f.minPriority !== undefined) {
    clauses.push("m.priority >= ?");
    params.push(f.minPriority);
  }
  if (f.assignee !== undefined) {
    if (f.assignee === "none") clauses.push("m.assignee IS NULL");
    else {
      clauses.push("m.assignee = ?");
      params.push(f.assignee);
    }
  }
  if (f.since) {
    clauses.push("m.created_at >= ?");
    params.push(f.since);
  }
  if (f.stream) {
    const { part, cutoff } = f.stream;
    clauses.push(part === "answered" ? ANSWERED : `NOT ${ANSWERED}`);
    if (part !== "answered") {
      clauses.push(part === "young" ? "m.created_at >= ?" : "m.created_at < ?");
      params.push(cutoff);
    }
  }
  return { where: clauses.length ? ` WHERE ${clauses.join(" AND ")}` : "", params };
}

/** Authors and referenced posts: refreshed from X on every import or fetch. */
export function authorsRepo(db: DB) {
  const upsertAuthor = db.prepare(`
    INSERT INTO authors (id, username, name, description, location, created_at, followers, following, posts, listed,
      verified, verified_type, protected, first_seen_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET username = excluded.username, name = excluded.name,
      description = excluded.description, location = excluded.location,
      created_at = CASE WHEN excluded.created_at = '' THEN authors.created_at ELSE excluded.created_at END,
      followers = excluded.followers, following = excluded.following, posts = excluded.posts,
      listed = excluded.listed, verified = excluded.verified, verified_type = excluded.verified_type,
      protected = excluded.protected, updated_at = excluded.updated_at
    WHERE authors.username IS NOT excluded.username OR authors.name IS NOT excluded.name
      OR authors.description IS NOT excluded.description OR authors.location IS NOT excluded.location
      OR authors.followers IS NOT excluded.followers OR authors.following IS NOT excluded.following
      OR authors.posts IS NOT excluded.posts OR authors.listed IS NOT excluded.listed
      OR authors.verified IS NOT excluded.verified OR authors.verified_type IS NOT excluded.verified_type
      OR authors.protected IS NOT excluded.protected
      OR (excluded.created_at <> '' AND authors.created_at IS NOT excluded.created_at)`);
  const placeholder = db.prepare(
    "INSERT OR IGNORE INTO authors (id, username, first_seen_at, updated_at) VALUES (?, '', ?, ?)",
  );
  const upsertRef = db.prepare(`
    INSERT INTO referenced_posts (id, author_id, text, created_at, conversation_id, raw_json, fetched_at)
    VALUES (@id, @authorId, @text, @createdAt, @conversationId, @raw, @now)
    ON CONFLICT (id) DO UPDATE SET text = excluded.text, raw_json = excluded.raw_json, fetched_at = excluded.fetched_at
    WHERE referenced_posts.raw_json IS NOT excluded.raw_json`);
  const byId = db.prepare<[string], AuthorRow>("SELECT * FROM authors WHERE id = ?");
  const refsInConversation = db.prepare<[string], ReferencedRow>(
    "SELECT * FROM referenced_posts WHERE conversation_id = ? ORDER BY created_at, id",
  );
  const refById = db.prepare<[string], ReferencedRow>("SELECT * FROM referenced_posts WHERE id = ?");

  return {
    upsert(a: Author, now: string): void {
      // positional: binding by name costs more than the statement
      upsertAuthor.run(
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
        a.verified ? 1 : 0,
        a.verifiedType,
        a.protected ? 1 : 0,
        now,
        now,
      );
    },
    /** Keep a row for an author X did not describe, without overwriting a known one. */
    ensure(id: string, now: string): void {
      placeholder.run(id, now, now);
    },
    upsertReferenced(
      r: { id: string; authorId: string; text: string; createdAt: string; conversationId: string; rawJson: string },
      now: string,
    ): void {
      upsertRef.run({
        id: r.id,
        authorId: r.authorId,
        text: r.text,
        createdAt: r.createdAt,
        conversationId: r.conversationId,
        raw: r.rawJson,
        now,
      });
    },
    get(id: string): AuthorRow | undefined {
      return byId.get(id);
    },
    referencedInConversation(conversationId: string): ReferencedRow[] {
      return refsInConversation.all(conversationId);
    },
    referenced(id: string): ReferencedRow | undefined {
      return refById.get(id);
    },
  };
}

export type AuthorsRepo = ReturnType<typeof authorsRepo>;

export interface AuthorRow {
  id: string;
  username: string;
  name: string;
  description: string;
  location: string;
  created_at: string;
  followers: number;
  following: number;
  posts: number;
  listed: number;
  verified: number;
  verified_type: string;
  protected: number;
  first_seen_at: string;
  updated_at: string;
}

export interface ReferencedRow {
  id: string;
  author_id: string;
  text: string;
  created_at: string;
  conversation_id: string;
  raw_json: string;
  fetched_at: string;
}

export interface ActionRow {
  id: number;
  mention_id: string;
  kind: string;
  agent: string;
  text: string;
  reason: string;
  target: string;
  remote_id: string | null;
  state: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export function actionsRepo(db: DB) {
  const forMention = db.prepare<[string], ActionRow>(
    "SELECT * FROM actions WHERE mention_id = ? ORDER BY created_at, id",
  );
  const forConversation = db.prepare<[string], ActionRow>(`
    SELECT a.* FROM actions a JOIN mentions m ON m.id = a.mention_id
    WHERE m.conversation_id = ? AND a.kind IN ('reply', 'dm') ORDER BY a.created_at, a.id`);
  return {
    forMention(id: string): ActionRow[] {
      return forMention.all(id);
    },
    repliesInConversation(conversationId: string): ActionRow[] {
      return forConversation.all(conversationId);
    },
  };
}
