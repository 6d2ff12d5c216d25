import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baseEnv, run, tempDir } from "../helpers/cli.js";
import { allTweets, flatWithAuthor, jsonl, scenarioPages, twarcFlattened, twarcPages } from "../helpers/formats.js";

let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
beforeEach(() => {
  t = tempDir();
  env = baseEnv(t.dir);
});
afterEach(() => t.cleanup());

const pages = scenarioPages();
const tweets = allTweets(pages);
const retweets = tweets.filter((tw) => tw.referenced_tweets?.some((r: { type: string }) => r.type === "retweeted"));
const expectedMentions = tweets.length - retweets.length;

function file(name: string, content: string | Buffer): string {
  const path = join(t.dir, name);
  writeFileSync(path, content);
  return path;
}

function db() {
  return new Database(env.XTRIAGE_DB!, { readonly: true });
}

/** Every row of the tables import writes, in a stable order, minus the import time stamps. */
function dump(): string {
  const d = db();
  const tables = ["mentions", "authors", "referenced_posts", "mention_hashtags"];
  const out = tables.map((name) =>
    d
      .prepare(`SELECT * FROM ${name} ORDER BY 1, 2`)
      .all()
      .map((r) => JSON.stringify(r)),
  );
  d.close();
  return JSON.stringify(out);
}

function mentionIds(): string[] {
  const d = db();
  const ids = d.prepare<[], { id: string }>("SELECT id FROM mentions ORDER BY id").pluck().all() as unknown as string[];
  d.close();
  return ids;
}

async function importText(content: string | Buffer, args: string[] = []) {
  return run(["import", file("input.jsonl", content), ...args], env);
}

describe("import: formats", () => {
  it("imports X API v2 pages, one per line, scoring every mention", async () => {
    const res = await importText(jsonl(pages));
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`imported ${expectedMentions}, updated 0`);
    const d = db();
    const counts = d
      .prepare("SELECT count(*) AS n, count(priority) AS scored, count(DISTINCT author_id) AS authors FROM mentions")
      .get() as { n: number; scored: number; authors: number };
    expect(counts.n).toBe(expectedMentions);
    expect(counts.scored).toBe(expectedMentions);
    const named = d.prepare("SELECT count(*) AS n FROM authors WHERE username <> ''").get() as { n: number };
    expect(named.n).toBeGreaterThanOrEqual(counts.authors);
    d.close();
  });

  it("reads the same data from a JSON array of pages, a pretty page, and twarc2 pages", async () => {
    await importText(jsonl(pages));
    const reference = dump();
    const variants = [JSON.stringify(pages), `${JSON.stringify(pages, null, 2)}\n`, jsonl(twarcPages(pages))];
    for (const content of variants) {
      t.cleanup();
      t = tempDir();
      env = baseEnv(t.dir);
      const res = await importText(content);
      expect(res.code, res.stderr).toBe(0);
      expect(dump()).toBe(reference);
    }
  });

  it("reads a compact JSON array larger than a line may be (1 MB), one page at a time", async () => {
    await importText(jsonl(pages));
    const reference = dump();
    t.cleanup();
    t = tempDir();
    env = baseEnv(t.dir);
    const fivefold = JSON.stringify([...pages, ...pages, ...pages, ...pages, ...pages]);
    expect(fivefold.length).toBeGreaterThan(1024 * 1024);
    expect(fivefold).not.toContain("\n");
    const res = await importText(fivefold, ["--json"]);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ imported: expectedMentions, bad_lines: [] });
    expect(dump()).toBe(reference);
  });

  it("imports the whole pages of a cut-off JSON array and reports where it was cut", async () => {
    const text = JSON.stringify(pages, null, 2);
    const cut = text.slice(0, text.lastIndexOf('"data"'));
    const res = await importText(cut, ["--json"]);
    expect(res.code).toBe(1);
    const summary = JSON.parse(res.stdout);
    expect(summary.bad_lines).toEqual([
      { line: cut.split("\n").length - 1, reason: "the input ends inside this element (truncated?)" },
    ]);
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.imported).toBeLessThan(expectedMentions);
  });

  it("imports one pretty-printed page spanning many lines", async () => {
    const page = pages[0]!;
    const res = await importText(JSON.stringify(page, null, 2));
    expect(res.code, res.stderr).toBe(0);
    const own = page.data.filter((tw: { referenced_tweets?: { type: string }[] }) =>
      tw.referenced_tweets?.some((r) => r.type === "retweeted"),
    ).length;
    expect(mentionIds()).toHaveLength(page.data.length - own);
  });

  it("imports twarc2 flattened posts and flat posts with an inline author like pages", async () => {
    await importText(jsonl(pages));
    const fromPages = dumpMentionsAndAuthors();
    const reimport = async (lines: unknown[]) => {
      t.cleanup();
      t = tempDir();
      env = baseEnv(t.dir);
      const res = await importText(jsonl(lines));
      expect(res.code, res.stderr).toBe(0);
      return dumpMentionsAndAuthors();
    };
    // twarc2 flattened posts carry everything a page does, referenced posts included
    expect(await reimport(twarcFlattened(pages))).toEqual(fromPages);
    // flat posts carry their author but not the posts they reply to
    const flat = await reimport(flatWithAuthor(pages));
    expect(flat.mentions).toEqual(fromPages.mentions);
    const mentionAuthors = new Set(fromPages.mentions.map((m) => (m as { author_id: string }).author_id));
    expect(flat.authors).toEqual(fromPages.authors.filter((a) => mentionAuthors.has((a as { id: string }).id)));
  });

  it("uses the note_tweet full text for long posts and keeps the brand's posts they answer", async () => {
    await importText(jsonl(pages));
    const long = tweets.find((tw) => tw.note_tweet)!;
    const d = db();
    const row = d.prepare("SELECT text FROM mentions WHERE id = ?").get(long.id) as { text: string };
    expect(row.text).toBe(long.note_tweet.text);
    expect(row.text.length).toBeGreaterThan(280);
    const refs = d.prepare("SELECT count(*) AS n FROM referenced_posts").get() as { n: number };
    expect(refs.n).toBeGreaterThan(0);
    d.close();
  });

  it("extracts hashtags, from entities or from the text", async () => {
    const post = {
      id: "1900000000000000001",
      text: "@fibranova otra vez sin fibra #CaidaFibraNova #Madrid",
      created_at: "2026-11-20T10:00:00.000Z",
      author: { id: "42", username: "someone", name: "Some One" },
    };
    await importText(jsonl([post]));
    const d = db();
    const tags = d.prepare("SELECT hashtags FROM mentions").pluck().get() as string;
    expect(JSON.parse(tags)).toEqual(["CaidaFibraNova", "Madrid"]);
    d.close();
  });

  it("reads standard input with -", async () => {
    const res = await run(["import", "-"], env, { stdin: jsonl(pages.slice(0, 1)) });
    expect(res.code, res.stderr).toBe(0);
    expect(mentionIds().length).toBeGreaterThan(50);
  });

  function dumpMentionsAndAuthors() {
    const d = db();
    const mentions = d
      .prepare(
        "SELECT id, author_id, text, lang, created_at, conversation_id, replied_to_id, hashtags, metrics, priority, label FROM mentions ORDER BY id",
      )
      .all();
    const authors = d
      .prepare(
        "SELECT id, username, name, followers, verified, created_at FROM authors WHERE username <> '' ORDER BY id",
      )
      .all();
    const refs = d.prepare("SELECT id, text FROM referenced_posts ORDER BY id").all();
    d.close();
    return { mentions, authors, refs };
  }
});

describe("import: bad input", () => {
  const good = (id: string) =>
    JSON.stringify({
      id,
      text: `@fibranova hola ${id}`,
      created_at: "2026-11-20T10:00:00.000Z",
      author: { id: "77", username: "ana", name: "Ana" },
    });

  it("reports each bad line with its number and reason, and imports the rest", async () => {
    const content = Buffer.concat([
      Buffer.from(`${good("1900000000000000001")}\n`),
      Buffer.from('{"id": "1900000000000000002", "text": "trunc\n'),
      Buffer.from(
        '{"id": 1900000000000000003, "text": "number id", "created_at": "2026-11-20T10:00:00Z", "author_id": "1"}\n',
      ),
      Buffer.from('{"text": "no id at all", "created_at": "2026-11-20T10:00:00Z", "author_id": "1"}\n'),
      Buffer.from(`{"id": "1900000000000000005", "text": "${"x".repeat(2 * 1024 * 1024)}"}\n`),
      Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
      Buffer.from(
        '{"id": "1900000000000000007", "text": 42, "created_at": "2026-11-20T10:00:00Z", "author_id": "1"}\n',
      ),
      Buffer.from('"just a string"\n'),
      Buffer.from(`${good("1900000000000000009")}\n`),
    ]);
    const res = await run(["import", file("bad.jsonl", content), "--json"], env);
    expect(res.code).toBe(1);
    const summary = JSON.parse(res.stdout);
    expect(summary.imported).toBe(2);
    const byLine = Object.fromEntries(
      summary.bad_lines.map((b: { line: number; reason: string }) => [b.line, b.reason]),
    );
    expect(Object.keys(byLine).map(Number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(byLine[2]).toMatch(/invalid JSON/);
    expect(byLine[3]).toMatch(/post id is a number/);
    expect(byLine[4]).toMatch(/missing post id/);
    expect(byLine[5]).toMatch(/line too long \(2\.0 MB/);
    expect(byLine[6]).toMatch(/invalid UTF-8/);
    expect(byLine[7]).toMatch(/text must be a string/);
    expect(byLine[8]).toMatch(/expected a JSON object or list/);
    expect(mentionIds()).toEqual(["1900000000000000001", "1900000000000000009"]);
  });

  it("prints the bad lines on stderr without --json", async () => {
    const res = await importText(`${good("1900000000000000001")}\n{oops\n`);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("imported 1");
    expect(res.stderr).toMatch(/1 bad line:\n {2}line 2: invalid JSON/);
  });

  it("--strict stops at the first bad line having written nothing", async () => {
    const lines = [...pages.map((p) => JSON.stringify(p)), "{broken"];
    const res = await importText(`${lines.join("\n")}\n`, ["--strict"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`line ${lines.length}: invalid JSON`);
    expect(res.stderr).toContain("nothing was imported");
    expect(mentionIds()).toEqual([]);
  });

  it("--strict --json still gives scripts the summary on stdout: nothing imported, and the bad line", async () => {
    const lines = [...pages.map((p) => JSON.stringify(p)), "{broken"];
    const res = await importText(`${lines.join("\n")}\n`, ["--strict", "--json"]);
    expect(res.code).toBe(1);
    const summary = JSON.parse(res.stdout);
    expect(summary).toMatchObject({ imported: 0, updated: 0, posts: 0 });
    expect(summary.bad_lines).toEqual([{ line: lines.length, reason: expect.stringMatching(/invalid JSON/) }]);
    expect(res.stderr).toContain("nothing was imported");
    expect(mentionIds()).toEqual([]);
  });

  it("--strict also refuses a page with one bad post in it", async () => {
    const page = structuredClone(pages[0]!);
    page.data[3].id = 12345;
    const res = await importText(jsonl([page]), ["--strict"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/line 1: post 4 of the page: post id is a number/);
    expect(mentionIds()).toEqual([]);
  });

  it("says clearly when the file does not exist (exit 3)", async () => {
    const res = await run(["import", join(t.dir, "nope.jsonl")], env);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain("no such file");
  });
});

describe("import: idempotent and safe for triage state", () => {
  it("re-importing the same file changes nothing", async () => {
    const path = file("pages.jsonl", jsonl(pages));
    await run(["import", path], env);
    const before = dump();
    const again = await run(["import", path, "--json"], env);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ imported: 0, updated: 0, unchanged: expectedMentions });
    expect(dump()).toBe(before);
  });

  it("updates what X owns and never the triage state", async () => {
    await importText(jsonl(pages));
    const target = tweets.find((tw) => !tw.referenced_tweets?.some((r: { type: string }) => r.type === "retweeted"))!;
    const rw = new Database(env.XTRIAGE_DB!);
    rw.prepare(
      "UPDATE mentions SET status = 'replied', assignee = 'laura', first_response_at = '2026-11-20T11:00:00.000Z' WHERE id = ?",
    ).run(target.id);
    rw.close();
    const changed = { ...target, public_metrics: { ...target.public_metrics, like_count: 999 } };
    const page = { data: [changed], includes: pages[0]!.includes, meta: { result_count: 1 } };
    const res = await run(["import", file("update.jsonl", jsonl([page])), "--json"], env);
    expect(JSON.parse(res.stdout)).toMatchObject({ imported: 0, updated: 1 });
    const d = db();
    const row = d
      .prepare("SELECT status, assignee, first_response_at, metrics FROM mentions WHERE id = ?")
      .get(target.id) as Record<string, string>;
    d.close();
    expect(row.status).toBe("replied");
    expect(row.assignee).toBe("laura");
    expect(row.first_response_at).toBe("2026-11-20T11:00:00.000Z");
    expect(JSON.parse(row.metrics!).likes).toBe(999);
  });
});

describe("import: an author's profile changes", () => {
  /** What a score takes from the author: reach and its reasons, and the account evidence of troll. */
  const authorParts = () => {
    const d = db();
    const rows = d.prepare<[], { id: string; reach: number; score_json: string }>(
      "SELECT id, reach, score_json FROM mentions ORDER BY id",
    );
    const parts = rows.all().map((r) => {
      const reasons = JSON.parse(r.score_json)[2] as unknown[];
      const triples = Array.from({ length: reasons.length / 3 }, (_, i) => reasons.slice(3 * i, 3 * i + 3));
      return { id: r.id, reach: r.reach, reachReasons: triples.filter(([field]) => field === "r") };
    });
    d.close();
    return parts;
  };

  it("scores their stored posts again, with the profile as it is now", async () => {
    await importText(jsonl(pages));
    const reference = authorParts();
    t.cleanup();
    t = tempDir();
    env = baseEnv(t.dir);
    // first without includes: authors are bare ids (no followers), so reach is low
    const bare = pages.map((p) => ({ ...p, includes: { ...p.includes, users: [] } }));
    expect((await importText(jsonl(bare))).code).toBe(0);
    expect(authorParts()).not.toEqual(reference);
    const res = await importText(jsonl(pages), ["--json"]);
    expect(res.code, res.stderr).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(summary.unchanged).toBe(expectedMentions);
    expect(summary.rescored).toBe(expectedMentions);
    expect(authorParts()).toEqual(reference);
    // the same profiles again: nothing to score again
    expect(JSON.parse((await importText(jsonl(pages), ["--json"])).stdout).rescored).toBe(0);
  });

  it("but not for counts that drift a little between fetches", async () => {
    await importText(jsonl(pages));
    const drifted = pages.map((p) => ({
      ...p,
      includes: {
        ...p.includes,
        users: (p.includes?.users ?? []).map((u: { public_metrics: { followers_count: number } }) => ({
          ...u,
          public_metrics: { ...u.public_metrics, followers_count: Math.round(u.public_metrics.followers_count * 1.05) },
        })),
      },
    }));
    const res = await importText(jsonl(drifted), ["--json"]);
    expect(JSON.parse(res.stdout).rescored).toBe(0);
  });
});
