import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectivePriority } from "../../src/core/score/priority.js";
import { baseEnv, run, SCENARIO, SCENARIO_NOW, tempDir } from "../helpers/cli.js";
import { allTweets, scenarioPages } from "../helpers/formats.js";

let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
const tweets = allTweets(scenarioPages());
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

beforeAll(async () => {
  t = tempDir();
  env = baseEnv(t.dir);
  const res = await run(["import", join(SCENARIO, "pages.jsonl")], env);
  expect(res.code, res.stderr).toBe(0);
});
afterAll(() => t.cleanup());

const hostilePost = () => tweets.find((tw) => tw.text.includes("\u001b"))!;
const formulaPost = () => tweets.find((tw) => /^[=+\-@]/.test(tw.text))!;

async function listJson(args: string[] = []) {
  const res = await run(["list", "--json", ...args], env);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as Record<string, any>[];
}

describe("list", () => {
  it("orders the open queue by effective priority, highest first", async () => {
    const rows = await listJson();
    expect(rows.length).toBeGreaterThan(100);
    const shown = rows.map((r) => r.priority);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["new"]));
  });

  it("gives the same order as computing every effective priority by hand", async () => {
    const now = new Date(SCENARIO_NOW);
    const sla = { firstResponseMinutes: 60, ceilingMinutes: 300 };
    const all = await listJson(["--sort", "oldest"]);
    const expected = all
      .map((r): Record<string, any> => ({ ...r, eff: effectivePriority(r.base_priority, r.created_at, now, sla) }))
      .sort((a, b) => b.eff - a.eff || b.base_priority - a.base_priority || a.created_at.localeCompare(b.created_at))
      .map((r) => r.id);
    expect((await listJson()).map((r) => r.id)).toEqual(expected);
    // a page is read differently (older posts first, young ones only when they can still make it)
    for (const limit of [1, 2, 3, 5, 8, 13, 21, 40, 80]) {
      expect(
        (await listJson(["--limit", String(limit)])).map((r) => r.id),
        `--limit ${limit}`,
      ).toEqual(expected.slice(0, limit));
    }
    // which only means something if posts younger than the SLA ceiling are among the first pages
    const youngIds = new Set(all.filter((r) => r.waiting_minutes < sla.ceilingMinutes).map((r) => r.id));
    expect(expected.slice(0, 21).some((id) => youngIds.has(id))).toBe(true);
  });

  it("filters by label, language, priority, date and assignee", async () => {
    const trolls = await listJson(["--label", "troll"]);
    expect(trolls.length).toBeGreaterThan(0);
    expect(trolls.every((r) => r.label === "troll")).toBe(true);
    const english = await listJson(["--lang", "en"]);
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((r) => r.lang === "en")).toBe(true);
    // X's "und" (no language: emoji only, a bare link) is a language to filter on too, in any case
    const undetermined = await listJson(["--lang", "und"]);
    const noLanguage = (await listJson()).filter((r) => r.lang === "" || r.lang === "und");
    expect(noLanguage.length).toBeGreaterThan(0);
    expect(undetermined.map((r) => r.id)).toEqual(noLanguage.map((r) => r.id));
    expect((await listJson(["--lang", "EN"])).map((r) => r.id)).toEqual(english.map((r) => r.id));
    // on the priority shown, waiting included
    const high = await listJson(["--min-priority", "50"]);
    const everything = await listJson();
    expect(high.map((r) => r.id)).toEqual(everything.filter((r) => r.priority >= 50).map((r) => r.id));
    expect(high.length).toBeGreaterThan(0);
    expect(high.some((r) => r.base_priority < 50)).toBe(true);
    const byUrgency = await listJson(["--min-priority", "50", "--sort", "urgency"]);
    expect(new Set(byUrgency.map((r) => r.id))).toEqual(new Set(high.map((r) => r.id)));
    const recent = await listJson(["--since", "24h"]);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((r) => r.created_at >= "2026-11-19T12:00:00.000Z")).toBe(true);
    expect(await listJson(["--assignee", "laura"])).toEqual([]);
  });

  it("sorts by newest, oldest, reach and urgency", async () => {
    const newest = await listJson(["--sort", "newest", "--limit", "5"]);
    const oldest = await listJson(["--sort", "oldest", "--limit", "5"]);
    expect(newest[0]!.created_at > oldest[0]!.created_at).toBe(true);
    const reach = await listJson(["--sort", "reach"]);
    expect(reach.map((r) => r.reach)).toEqual([...reach.map((r) => r.reach)].sort((a, b) => b - a));
    const urgency = await listJson(["--sort", "urgency"]);
    expect(urgency.map((r) => r.urgency)).toEqual([...urgency.map((r) => r.urgency)].sort((a, b) => b - a));
  });

  it("--status all includes handled cases; unknown statuses are usage errors naming them", async () => {
    const rw = new Database(env.XTRIAGE_DB!);
    const id = tweets[5]!.id;
    rw.prepare("UPDATE mentions SET status = 'resolved' WHERE id = ?").run(id);
    rw.close();
    expect((await listJson()).some((r) => r.id === id)).toBe(false);
    expect((await listJson(["--status", "all"])).some((r) => r.id === id)).toBe(true);
    expect((await listJson(["--status", "resolved"])).map((r) => r.id)).toEqual([id]);
    const bad = await run(["list", "--status", "new,bogus"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown status: bogus");
  });

  it("prints a table with a header on a TTY and TSV without one when piped", async () => {
    const tty = await run(["list", "--limit", "5"], env, { tty: true });
    expect(tty.code).toBe(0);
    const lines = tty.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^PRI\s+AGE\s+ID\s+AUTHOR\s+LABEL\s+URG\s+SLA\s+TEXT/);
    expect(lines).toHaveLength(6);
    const narrow = await run(["list", "--limit", "5"], env, { tty: true, columns: 80 });
    expect(narrow.stdout.split("\n")[0]).toMatch(/^PRI\s+AGE\s+ID\s+AUTHOR\s+TEXT/);
    const piped = await run(["list", "--limit", "5"], env);
    const fields = piped.stdout
      .trimEnd()
      .split("\n")
      .map((l) => l.split("\t"));
    expect(fields).toHaveLength(5);
    expect(fields.every((f) => f.length === 8)).toBe(true);
    expect(fields[0]![1]).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("prints only the asked fields, and names unknown ones", async () => {
    const res = await run(["list", "--fields", "id,reasons", "--ndjson", "--limit", "3"], env);
    const rows = res.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(Object.keys(rows[0]!)).toEqual(["id", "reasons"]);
    expect(rows[0]!.reasons.length).toBeGreaterThan(0);
    expect(rows[0]!.reasons[0]).toHaveProperty("weight");
    const bad = await run(["list", "--fields", "id,nonsense"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown field: nonsense");
    expect(bad.stderr).toContain("available fields:");
  });

  it("--fields help lists the names on every command that has --fields, as JSON with --json", async () => {
    const withConfig = { ...env, XTRIAGE_CONFIG: join(SCENARIO, "config.yaml") };
    for (const [command, known] of [
      [["list"], "reasons"],
      [["cost"], "cost_usd"],
      [["outbox"], "error"],
      [["followup", "list"], "due_at"],
      [["templates", "list"], "lang"],
    ] as const) {
      const what = command.join(" ");
      const plain = await run([...command, "--fields", "help"], withConfig);
      expect(plain.code, `${what}: ${plain.stderr}`).toBe(0);
      const names = plain.stdout.trimEnd().split("\n");
      expect(names, what).toContain(known);
      const json = await run([...command, "--fields", "help", "--json"], withConfig);
      expect(json.code, what).toBe(0);
      expect(JSON.parse(json.stdout), what).toEqual(names);
      // every name listed is one the command accepts
      const all = await run([...command, "--fields", names.join(","), "--json"], withConfig);
      expect(all.code, `${what}: ${all.stderr}`).toBe(0);
    }
  });

  it("neutralises escape sequences from posts and names in the table, TSV and CSV", async () => {
    const hostile = hostilePost();
    for (const [args, tty] of [
      [["list", "--status", "all", "--limit", "0"], true],
      [["list", "--status", "all", "--fields", "id,author,name,text"], false],
      [["list", "--status", "all", "--csv"], false],
    ] as const) {
      const res = await run([...args], env, { tty });
      expect(res.stdout).toContain(hostile.id);
      // CSV rows end in CRLF; nothing else may carry a control character
      expect(res.stdout.replace(/\r\n/g, "\n")).not.toMatch(UNSAFE);
      expect(res.stdout).toContain("␛[31mURGENT");
    }
    const names = await run(["list", "--status", "all", "--fields", "name"], env);
    expect(names.stdout).toContain("␛[1;31mROJO");
  });

  it("keeps the JSON faithful but inert", async () => {
    const res = await run(["list", "--status", "all", "--json"], env);
    expect(res.stdout).not.toMatch(UNSAFE);
    const row = (JSON.parse(res.stdout) as { id: string; text: string }[]).find((r) => r.id === hostilePost().id)!;
    expect(row.text).toBe(hostilePost().text);
  });

  it("makes CSV cells that start like a formula inert", async () => {
    const post = formulaPost();
    const res = await run(["list", "--status", "all", "--csv", "--fields", "id,text"], env);
    const line = res.stdout.split("\r\n").find((l) => l.startsWith(post.id))!;
    expect(line.slice(post.id.length + 1)).toMatch(/^"?'[=+\-@]/);
    const numbers = await run(["list", "--status", "all", "--csv", "--fields", "id,sentiment"], env);
    expect(numbers.stdout).toMatch(/\d,-0\.\d+\r\n/);
  });
});

describe("the reasons field", () => {
  it("reads the same in a CSV cell as in TSV: field, signed weight and words, one reason after another", async () => {
    const tsv = await run(["list", "--status", "all", "--fields", "id,reasons", "--limit", "5"], env);
    const csv = await run(["list", "--status", "all", "--fields", "id,reasons", "--limit", "5", "--csv"], env);
    const json = await run(["list", "--status", "all", "--fields", "id,reasons", "--limit", "5", "--json"], env);
    const rows = JSON.parse(json.stdout) as { id: string; reasons: { field: string }[] }[];
    const withReasons = rows.find((r) => r.reasons.length >= 2)!;
    expect(withReasons).toBeDefined();
    const tsvCell = tsv.stdout
      .split("\n")
      .find((l) => l.startsWith(withReasons.id))!
      .split("\t")[1]!;
    expect(tsvCell).toMatch(/^\w+ [+-][\d.]+: [^;]+; /);
    const csvLine = csv.stdout.split("\r\n").find((l) => l.startsWith(withReasons.id))!;
    const csvCell = csvLine
      .slice(withReasons.id.length + 1)
      .replace(/^"|"$/g, "")
      .replace(/""/g, '"');
    expect(csvCell).toBe(tsvCell);
  });
});

describe("show", () => {
  const complaint = () => tweets.find((tw) => tw.text.includes("qué puta vergüenza"))!;

  it("shows the post, the author card, scores with reasons and the thread", async () => {
    const res = await run(["show", complaint().id], env, { tty: true });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Llevo 3 días sin internet");
    expect(res.stdout).toMatch(/Author\s+@anaprz_mad/);
    expect(res.stdout).toMatch(/followers/);
    expect(res.stdout).toMatch(/Scores\n\s+priority \d+/);
    expect(res.stdout).toContain("Reasons");
    expect(res.stdout).toContain("Thread");
    expect(res.stdout).toContain("@fibranova");
    expect(res.stdout).toContain("Actions\n  none yet");
  });

  it("prints one JSON object with --json", async () => {
    const res = await run(["show", complaint().id, "--json"], env);
    const obj = JSON.parse(res.stdout);
    expect(obj.id).toBe(complaint().id);
    expect(obj.author.username).toBe("anaprz_mad");
    expect(obj.scores.label).toBe("genuine");
    expect(obj.reasons.length).toBeGreaterThan(3);
    expect(obj.thread.some((e: { current: boolean }) => e.current)).toBe(true);
    expect(obj.thread.length).toBeGreaterThan(2);
  });

  it("accepts an x.com URL, including the /i/web/status/ form that reply prints", async () => {
    const res = await run(["show", `https://x.com/anaprz_mad/status/${complaint().id}`, "--json"], env);
    expect(JSON.parse(res.stdout).id).toBe(complaint().id);
    const web = await run(["show", `https://x.com/i/web/status/${complaint().id}`, "--json"], env);
    expect(web.code, web.stderr).toBe(0);
    expect(JSON.parse(web.stdout).id).toBe(complaint().id);
  });

  it("neutralises escape sequences in the post and the author card", async () => {
    const res = await run(["show", hostilePost().id], env, { tty: true });
    expect(res.code).toBe(0);
    expect(res.stdout).not.toMatch(UNSAFE);
    expect(res.stdout).toContain("␛]8;;http://evil.example␇click");
    const users = scenarioPages().flatMap((p) => p.includes.users as { id: string; name: string }[]);
    const hostileAuthor = users.find((u) => u.name.includes("\u001b"));
    const byName = tweets.find((tw) => tw.author_id === hostileAuthor?.id);
    if (!byName) throw new Error("the scenario has no author with an escape sequence in the name");
    const named = await run(["show", byName.id], env, { tty: true });
    expect(named.stdout).not.toMatch(UNSAFE);
    expect(named.stdout).toContain("␛[1;31mROJO");
  });

  it("exits 3 for an unknown id and 2 for something that is not an id", async () => {
    const missing = await run(["show", "1234567890"], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("no mention with id 1234567890");
    const bad = await run(["show", "hello\u001b[2J"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(UNSAFE);
  });
});
