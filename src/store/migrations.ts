/**
 * Append-only schema history, keyed by PRAGMA user_version: migration N brings a database from
 * version N-1 to N. Never edit a released entry; add a new one.
 */
export const migrations: readonly string[] = [
  // 1: every table of design §3.
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    handle TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL DEFAULT '',
    lang TEXT,
    sla_first_response_minutes INTEGER,
    sla_ceiling_minutes INTEGER,
    business_hours TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE authors (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '',
    followers INTEGER NOT NULL DEFAULT 0,
    following INTEGER NOT NULL DEFAULT 0,
    posts INTEGER NOT NULL DEFAULT 0,
    listed INTEGER NOT NULL DEFAULT 0,
    verified INTEGER NOT NULL DEFAULT 0,
    verified_type TEXT NOT NULL DEFAULT '',
    protected INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX authors_username ON authors(username COLLATE NOCASE);

  CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    account_id TEXT,
    author_id TEXT NOT NULL,
    text TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    conversation_id TEXT NOT NULL DEFAULT '',
    in_reply_to_user_id TEXT NOT NULL DEFAULT '',
    replied_to_id TEXT NOT NULL DEFAULT '',
    quoted_id TEXT NOT NULL DEFAULT '',
    hashtags TEXT NOT NULL DEFAULT '[]',
    metrics TEXT NOT NULL DEFAULT '{}',
    source TEXT NOT NULL,
    raw_json TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    -- derived from the post, its author and context; recomputed when X's data changes
    troll REAL,
    label TEXT CHECK (label IN ('troll', 'genuine', 'unsure')),
    complaint REAL,
    sentiment REAL,
    reach INTEGER,
    urgency INTEGER,
    priority INTEGER,
    score_json TEXT,
    scored_at TEXT,
    -- triage state: owned by agents, never touched by import or fetch
    status TEXT NOT NULL DEFAULT 'new'
      CHECK (status IN ('new', 'replied', 'dm', 'escalated', 'pending', 'resolved', 'ignored')),
    assignee TEXT,
    first_response_at TEXT,
    resolved_at TEXT,
    status_changed_at TEXT,
    version INTEGER NOT NULL DEFAULT 0
  );
  -- The queue reads these two in priority order and stops early (waiting posts, answered ones) and
  -- the recent posts by time; each carries every column the ordering needs, so no table row is read.
  CREATE INDEX mentions_waiting ON mentions(priority DESC, created_at, status, first_response_at, id)
    WHERE NOT (first_response_at IS NOT NULL OR status IN ('resolved', 'ignored'));
  CREATE INDEX mentions_answered ON mentions(priority DESC, created_at, status, first_response_at, id)
    WHERE (first_response_at IS NOT NULL OR status IN ('resolved', 'ignored'));
  CREATE INDEX mentions_created
    ON mentions(created_at, priority, status, first_response_at, id, account_id, label, lang, assignee);
  CREATE INDEX mentions_author ON mentions(author_id, created_at);
  CREATE INDEX mentions_conversation ON mentions(conversation_id);

  CREATE TABLE mention_hashtags (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (mention_id, tag)
  ) WITHOUT ROWID;
  CREATE INDEX mention_hashtags_tag ON mention_hashtags(tag, created_at);

  -- posts referenced by mentions (the brand's post being answered, a quoted post): thread context
  CREATE TABLE referenced_posts (
    id TEXT PRIMARY KEY,
    author_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    conversation_id TEXT NOT NULL DEFAULT '',
    raw_json TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  );
  CREATE INDEX referenced_posts_conversation ON referenced_posts(conversation_id);

  CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN
      ('reply', 'dm', 'escalate', 'note', 'claim', 'release', 'resolve', 'ignore', 'reopen', 'followup')),
    agent TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    remote_id TEXT,
    state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'sent', 'failed', 'dry-run')),
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX actions_mention ON actions(mention_id, created_at);
  CREATE INDEX actions_pending ON actions(state) WHERE state = 'pending';
  CREATE INDEX actions_created ON actions(created_at);

  CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    due_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    agent TEXT NOT NULL DEFAULT '',
    done_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX followups_due ON followups(done_at, due_at);
  CREATE INDEX followups_mention ON followups(mention_id);

  CREATE TABLE sync_state (
    account_id TEXT NOT NULL,
    source TEXT NOT NULL,
    since_id TEXT,
    last_run_at TEXT,
    last_success_at TEXT,
    gaps INTEGER NOT NULL DEFAULT 0,
    last_gap_at TEXT,
    last_gap_detail TEXT,
    PRIMARY KEY (account_id, source)
  );

  CREATE TABLE api_calls (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    method TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    status INTEGER,
    posts INTEGER NOT NULL DEFAULT 0,
    users INTEGER NOT NULL DEFAULT 0,
    dm_events INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    rate_remaining INTEGER,
    rate_reset_at TEXT,
    command TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX api_calls_at ON api_calls(at);

  -- short-lived named locks (one fetch at a time), with the holder and when it took the lock
  CREATE TABLE locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    acquired_at TEXT NOT NULL
  );
  `,
  // 2: reports (xtriage report): the first reply or DM sent per case, cases resolved in a period,
  // hashtags in a period (a period's volume and first responses read mentions_created, which covers them).
  `
  CREATE INDEX actions_responses ON actions(mention_id, created_at, agent)
    WHERE kind IN ('reply', 'dm') AND state = 'sent';
  CREATE INDEX mentions_resolved ON mentions(resolved_at, account_id, id) WHERE resolved_at IS NOT NULL;
  CREATE INDEX mention_hashtags_created ON mention_hashtags(created_at, tag, author_id);
  `,
  // 3: a cache of what reports read about the mentions created in each UTC hour (src/store/report-buckets.ts).
  // Inserts are found without a trigger on the import path: report_state holds the row counts and the
  // highest mention rowid the cache was last reconciled with (rows past it are new), and each hour keeps
  // a fingerprint (rows and rowids of its mentions, rows of its hashtags) for a full check. The triggers
  // drop an hour on every other write that could change it: updates of the columns it reads, deletes,
  // and any reply or DM logged; a delete also drops report_state. Nothing depends on config or clock.
  `
  CREATE TABLE report_buckets (
    start TEXT PRIMARY KEY,
    end TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    rowids REAL NOT NULL,
    tags INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    times BLOB NOT NULL,
    details BLOB NOT NULL,
    dictionary TEXT NOT NULL,
    volume TEXT NOT NULL,
    hashtags TEXT NOT NULL
  );
  CREATE TABLE report_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    mentions INTEGER NOT NULL,
    max_rowid INTEGER NOT NULL,
    tags INTEGER NOT NULL
  );

  CREATE TRIGGER report_buckets_mention_update
  AFTER UPDATE OF id, account_id, created_at, status, label, lang, first_response_at, assignee, hashtags ON mentions
  WHEN OLD.id IS NOT NEW.id OR OLD.account_id IS NOT NEW.account_id OR OLD.created_at IS NOT NEW.created_at
    OR OLD.status IS NOT NEW.status OR OLD.label IS NOT NEW.label OR OLD.lang IS NOT NEW.lang
    OR OLD.first_response_at IS NOT NEW.first_response_at OR OLD.assignee IS NOT NEW.assignee
    OR OLD.hashtags IS NOT NEW.hashtags
  BEGIN
    DELETE FROM report_buckets WHERE start IN (
      (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at),
      (SELECT max(start) FROM report_buckets WHERE start <= NEW.created_at));
  END;
  CREATE TRIGGER report_buckets_mention_delete AFTER DELETE ON mentions
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at);
    DELETE FROM report_state;
  END;

  CREATE TRIGGER report_buckets_response_insert AFTER INSERT ON actions WHEN NEW.kind IN ('reply', 'dm')
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets
      WHERE start <= (SELECT created_at FROM mentions WHERE id = NEW.mention_id));
  END;
  CREATE TRIGGER report_buckets_response_update AFTER UPDATE ON actions
  WHEN OLD.kind IN ('reply', 'dm') OR NEW.kind IN ('reply', 'dm')
  BEGIN
    DELETE FROM report_buckets WHERE start IN (
      (SELECT max(start) FROM report_buckets WHERE start <= (SELECT created_at FROM mentions WHERE id = OLD.mention_id)),
      (SELECT max(start) FROM report_buckets WHERE start <= (SELECT created_at FROM mentions WHERE id = NEW.mention_id)));
  END;
  CREATE TRIGGER report_buckets_response_delete AFTER DELETE ON actions WHEN OLD.kind IN ('reply', 'dm')
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets
      WHERE start <= (SELECT created_at FROM mentions WHERE id = OLD.mention_id));
  END;

  CREATE TRIGGER report_buckets_tag_update AFTER UPDATE ON mention_hashtags
  BEGIN
    DELETE FROM report_buckets WHERE start IN (
      (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at),
      (SELECT max(start) FROM report_buckets WHERE start <= NEW.created_at));
  END;
  CREATE TRIGGER report_buckets_tag_delete AFTER DELETE ON mention_hashtags
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at);
    DELETE FROM report_state;
  END;
  `,
];

export const SCHEMA_VERSION = migrations.length;
