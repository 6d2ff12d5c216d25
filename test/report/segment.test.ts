import { describe, expect, it } from "vitest";
import { type DB, openDb } from "../../src/store/db.js";
import { segmentReader } from "../../src/store/report-buckets.js";

// The one-pass read of an hour (per-column lists in one result row) must give what the row-by-row
// read gives, and must step aside when a value could be mistaken for its separators or NULL stand-in.
const HOUR = "2026-11-20T09";

function database(): DB {
  const db = openDb(":memory:");
  const mention = db.prepare(`
    INSERT INTO mentions (id, account_id, author_id, text, lang, created_at, source, raw_json, fetched_at, label,
      status, assignee, first_response_at)
    VALUES (@id, @account, '7', 't', @lang, @created, 'mentions', '{}', @created, @label, @status, @assignee, @first)`);
  const rows = [
    {
      id: "1",
      account: "100",
      lang: "es",
      created: `${HOUR}:00:01.000Z`,
      label: "genuine",
      status: "replied",
      assignee: "ana",
      first: `${HOUR}:07:00.000Z`,
    },
    {
      id: "2",
      account: null,
      lang: "",
      created: `${HOUR}:05:00.000Z`,
      label: null,
      status: "new",
      assignee: null,
      first: null,
    },
    {
      id: "3",
      account: "200",
      lang: "en",
      created: `${HOUR}:05:00.000Z`,
      label: "troll",
      status: "ignored",
      assignee: null,
      first: null,
    },
    // answered per the log only (the column missed it); the other one's first response is unreadable
    {
      id: "4",
      account: "100",
      lang: "es",
      created: `${HOUR}:30:00.500Z`,
      label: "unsure",
      status: "dm",
      assignee: null,
      first: null,
    },
    {
      id: "5",
      account: "100",
      lang: "pt",
      created: `${HOUR}:59:59.999Z`,
      label: "genuine",
      status: "resolved",
      assignee: "bob",
      first: "not a time",
    },
    {
      id: "6",
      account: "",
      lang: "es",
      created: `${HOUR}:40:00.000Z`,
      label: "genuine",
      status: "escalated",
      assignee: "",
      first: null,
    },
  ];
  for (const r of rows) mention.run(r);
  db.prepare(
    "INSERT INTO actions (mention_id, kind, state, agent, created_at, updated_at) VALUES ('4', 'dm', 'sent', 'eva', ?, ?)",
  ).run(`${HOUR}:41:00.000Z`, `${HOUR}:41:00.000Z`);
  const tag = db.prepare("INSERT INTO mention_hashtags (mention_id, tag, author_id, created_at) VALUES (?, ?, ?, ?)");
  tag.run("1", "caida", "7", `${HOUR}:00:01.000Z`);
  tag.run("3", "caida", "8", `${HOUR}:05:00.000Z`);
  // a hashtag row whose created_at is not its post's: found through the primary key
  tag.run("5", "caida", "9", `${HOUR}:10:00.000Z`);
  return db;
}

/** A segment with its rows as plain values, volume in a fixed order. */
function plain(s: ReturnType<ReturnType<typeof segmentReader>["read"]>) {
  const n = s.keys.length;
  const responses = Array.from({ length: n }, (_, i) => [
    s.keys[i],
    s.created[i],
    s.responded[i],
    ...[0, 1, 2, 3].map((d) => s.dictionary[s.details[d * n + i]!]),
  ]);
  return {
    volume: [...s.volume].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    fromColumn: s.fromColumn,
    responses,
    hashtags: s.hashtags,
    print: s.print,
  };
}

describe("segment reads", () => {
  it("reads an hour in one pass exactly as row by row: NULLs, empty strings, the log, odd times", () => {
    const db = database();
    const reader = segmentReader(db);
    const fast = plain(reader.readHour(HOUR, "2026-11-20T10", HOUR)!);
    expect(fast).toEqual(plain(reader.readRows(HOUR, "2026-11-20T10")));
    expect(fast.fromColumn).toBe(2);
    expect(fast.responses.map((r) => r[0])).toEqual([1, 5, 4]);
    expect(fast.responses[1]![2]).toBe(Math.round((0 - 2440587.5) * 86_400_000));
    expect(fast.responses[2]![2]).toBe(Date.parse(`${HOUR}:41:00.000Z`));
    expect(fast.volume).toContainEqual([null, HOUR, "new", "unscored", "", 1]);
    expect(fast.hashtags).toEqual([
      ["100", "caida", 2, ["7", "9"]],
      ["200", "caida", 1, ["8"]],
    ]);
    expect(fast.print).toEqual({ mentions: 6, rowids: 21, tags: 3 });
    // a part of the hour, as at the ends of a period
    const part = reader.readHour(`${HOUR}:05:00.000Z`, `${HOUR}:35`, HOUR)!;
    expect(plain(part)).toEqual(plain(reader.readRows(`${HOUR}:05:00.000Z`, `${HOUR}:35`)));
    expect(part.keys.length).toBe(1);
  });

  it("falls back to the row-by-row read when a value holds a separator or the NULL stand-in", () => {
    const db = database();
    const reader = segmentReader(db);
    for (const [column, value, onePass] of [
      ["lang", "e\u001es", false],
      ["account_id", "\u001d", false],
      ["assignee", "a\u001eb", false],
      ["lang", "x,y", true],
    ] as const) {
      db.prepare(`UPDATE mentions SET ${column} = ? WHERE id = '1'`).run(value);
      expect(reader.readHour(HOUR, "2026-11-20T10", HOUR) !== null).toBe(onePass);
      const read = plain(reader.read(HOUR, "2026-11-20T10"));
      expect(read).toEqual(plain(reader.readRows(HOUR, "2026-11-20T10")));
      expect(read.responses[0]).toContain(value);
      db.prepare(`UPDATE mentions SET ${column} = ? WHERE id = '1'`).run(column === "lang" ? "es" : "100");
    }
  });
});
