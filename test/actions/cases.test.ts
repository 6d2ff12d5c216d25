import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baseEnv, run, SCENARIO, tempDir } from "../helpers/cli.js";
import { sqlOn } from "../helpers/db.js";

// In-process runs of the case commands on the imported scenario (no X calls: none of these post).
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;

beforeEach(async () => {
  t = tempDir();
  const config = join(t.dir, "config.yaml");
  copyFileSync(join(SCENARIO, "config.yaml"), config);
  env = { ...baseEnv(t.dir), XTRIAGE_CONFIG: config, XTRIAGE_AGENT: "laura" };
  const imported = await run(["import", join(SCENARIO, "pages.jsonl"), "--quiet"], env);
  expect(imported.code, imported.stderr).toBe(0);
});
afterEach(() => t.cleanup());

const as = (agent: string, args: string[], extra: Record<string, string> = {}) =>
  run(args, { ...env, XTRIAGE_AGENT: agent, ...extra });

const sql = <T>(query: string, ...params: unknown[]): T[] => sqlOn<T>(env.XTRIAGE_DB!, query, ...params);
const one = <T>(query: string, ...params: unknown[]) => sql<T>(query, ...params)[0]!;
const caseRow = (id: string) =>
  one<{ status: string; assignee: string | null; resolved_at: string | null }>(
    "SELECT status, assignee, resolved_at FROM mentions WHERE id = ?",
    id,
  );
/** The top of the queue: unclaimed cases nobody has answered yet (on X or here), most important first. */
const topIds = (n: number) =>
  sql<{ id: string }>(
    "SELECT id FROM mentions WHERE status = 'new' AND first_response_at IS NULL AND assignee IS NULL ORDER BY priority DESC, created_at LIMIT ?",
    n,
  ).map((r) => r.id);

describe("claim, release, next", () => {
  it("claims, refuses another agent with exit 6 naming the holder, --force takes it, release gives it back", async () => {
    const [id] = topIds(1);
    expect((await as("laura", ["claim", id!])).code).toBe(0);
    expect(caseRow(id!).assignee).toBe("laura");
    const taken = await as("diego", ["claim", id!]);
    expect(taken.code).toBe(6);
    expect(taken.stderr).toContain("claimed by laura");
    expect((await as("diego", ["release", id!])).code).toBe(6);
    expect((await as("diego", ["claim", id!, "--force"])).code).toBe(0);
    expect(caseRow(id!).assignee).toBe("diego");
    expect((await as("diego", ["release", id!])).code).toBe(0);
    expect(caseRow(id!).assignee).toBeNull();
    expect(
      sql<{ kind: string; agent: string }>("SELECT kind, agent FROM actions WHERE mention_id = ? ORDER BY id", id),
    ).toEqual([
      { kind: "claim", agent: "laura" },
      { kind: "claim", agent: "diego" },
      { kind: "release", agent: "diego" },
    ]);
  });

  it("next claims the highest-priority unclaimed case; the next agent gets the following one", async () => {
    const [first, second] = topIds(2);
    const a = await as("laura", ["next"]);
    expect(a.code).toBe(0);
    expect(a.stdout.trim()).toBe(first);
    const b = await as("diego", ["next", "--json"]);
    expect(JSON.parse(b.stdout)).toMatchObject({ id: second, assignee: "diego" });
  });

  it("next on a terminal shows the case it claimed as show does; piped it prints only the id", async () => {
    const [first, second] = topIds(2);
    const { username } = one<{ username: string }>(
      "SELECT a.username FROM mentions m JOIN authors a ON a.id = m.author_id WHERE m.id = ?",
      first,
    );
    const onTty = await run(["next"], env, { tty: true });
    expect(onTty.code, onTty.stderr).toBe(0);
    expect(caseRow(first!).assignee).toBe("laura");
    const shown = await run(["show", first!], env, { tty: true });
    expect(onTty.stdout).toBe(shown.stdout);
    expect(onTty.stdout).toContain(`@${username}`);
    expect(onTty.stdout).toContain("claimed by laura");
    expect(onTty.stdout).toMatch(/\nScores\n[\s\S]*\nActions\n/);
    expect(onTty.stderr).toContain(`claimed @${username}`);
    const piped = await as("diego", ["next"]);
    expect(piped.stdout).toBe(`${second}\n`);
  });

  it("a claim given back does not make the customer yours: the next agent's next gets that case", async () => {
    const [top] = topIds(1);
    expect((await as("laura", ["claim", top!])).code).toBe(0);
    expect((await as("laura", ["release", top!])).code).toBe(0);
    const next = await as("diego", ["next", "--json"]);
    expect(JSON.parse(next.stdout)).toMatchObject({ id: top, assignee: "diego" });
  });

  it("the owner is sticky: another agent's next skips a customer the first agent handled", async () => {
    const { author_id } = one<{ author_id: string }>(
      `SELECT author_id FROM mentions GROUP BY author_id
       HAVING count(*) >= 2 AND count(first_response_at) = 0 ORDER BY max(priority) DESC LIMIT 1`,
    );
    const [handled, waiting] = sql<{ id: string }>(
      "SELECT id FROM mentions WHERE author_id = ? ORDER BY created_at",
      author_id,
    ).map((r) => r.id);
    const other = one<{ id: string }>(
      "SELECT id FROM mentions WHERE author_id <> ? AND first_response_at IS NULL ORDER BY priority LIMIT 1",
      author_id,
    ).id;
    expect((await as("laura", ["resolve", handled!])).code).toBe(0);
    sql("UPDATE mentions SET status = 'resolved' WHERE id NOT IN (?, ?)", waiting, other);
    sql("UPDATE mentions SET priority = 100 WHERE id = ?", waiting);
    expect((await as("diego", ["next"])).stdout.trim()).toBe(other);
    sql("UPDATE mentions SET assignee = NULL, status = 'new' WHERE id = ?", other);
    expect((await as("laura", ["next"])).stdout.trim()).toBe(waiting);
  });
});

describe("resolve, ignore, reopen, escalate, note", () => {
  it("resolve once; a second resolve exits 6 naming who resolved; reopen brings it back", async () => {
    const [id] = topIds(1);
    expect((await as("laura", ["resolve", id!, "--note", "fixed"])).code).toBe(0);
    expect(caseRow(id!)).toMatchObject({ status: "resolved", resolved_at: "2026-11-20T12:00:00.000Z" });
    const again = await as("diego", ["resolve", id!]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain("already resolved (by laura)");
    expect((await as("laura", ["reopen", id!])).code).toBe(0);
    expect(caseRow(id!)).toMatchObject({ status: "new", resolved_at: null });
    expect((await as("laura", ["reopen", id!])).code).toBe(6);
  });

  it("ignore needs a known reason (exit 2) and records it", async () => {
    const [id] = topIds(1);
    expect((await as("laura", ["ignore", id!, "--reason", "boring"])).code).toBe(2);
    expect((await as("laura", ["ignore", id!])).code).toBe(2);
    expect((await as("laura", ["ignore", id!, "--reason", "troll"])).code).toBe(0);
    expect(caseRow(id!).status).toBe("ignored");
    expect(one<{ reason: string }>("SELECT reason FROM actions WHERE kind = 'ignore'").reason).toBe("troll");
  });

  it("escalate hands the case over; note logs text; a claimed case needs --force", async () => {
    const [id] = topIds(1);
    const res = await as("laura", ["escalate", id!, "--to", "billing", "--note", "double charge", "--json"]);
    expect(res.code, res.stderr).toBe(0);
    expect(caseRow(id!)).toMatchObject({ status: "escalated", assignee: "billing" });
    expect((await as("laura", ["resolve", id!])).code).toBe(6);
    expect((await as("laura", ["note", id!, "called", "the", "customer"])).code).toBe(0);
    expect(sql("SELECT kind, agent, text, target FROM actions WHERE mention_id = ? ORDER BY id", id)).toEqual([
      { kind: "escalate", agent: "laura", text: "double charge", target: "billing" },
      { kind: "note", agent: "laura", text: "called the customer", target: "" },
    ]);
    expect((await as("laura", ["note", "1", "x"])).code).toBe(3);
  });
});

describe("follow-ups on a fixed clock", () => {
  it("come due; list --due --check exits 7 only when one is due; done closes it", async () => {
    const [id] = topIds(1);
    const added = await as("laura", ["followup", "add", id!, "--in", "3d", "--note", "check the line"]);
    expect(added.code, added.stderr).toBe(0);
    const fid = added.stdout.trim();
    const at = { XTRIAGE_NOW: "2026-11-23T11:59:00Z" };
    const early = await as("laura", ["followup", "list", "--due", "--check", "--json"], at);
    expect(early.code).toBe(0);
    expect(JSON.parse(early.stdout)).toEqual([]);
    const late = { XTRIAGE_NOW: "2026-11-23T12:00:00Z" };
    const due = await as("laura", ["followup", "list", "--due", "--check", "--json"], late);
    expect(due.code).toBe(7);
    expect(JSON.parse(due.stdout)).toMatchObject([
      { id: Number(fid), case: id, note: "check the line", due_at: "2026-11-23T12:00:00.000Z" },
    ]);
    expect((await as("laura", ["followup", "done", fid], late)).code).toBe(0);
    expect((await as("laura", ["followup", "list", "--due", "--check"], late)).code).toBe(0);
    expect((await as("laura", ["followup", "add", id!, "--at", "2026-12-01"])).code).toBe(0);
    expect((await as("laura", ["followup", "add", id!])).code).toBe(2);
    expect((await as("laura", ["followup", "add", id!, "--in", "soon"])).code).toBe(2);
  });
});

describe("user and forget", () => {
  it("user shows posts, actions, follow-ups, labels and outcomes; forget leaves no row of the customer", async () => {
    const { author_id, username, n } = one<{ author_id: string; username: string; n: number }>(
      `SELECT m.author_id, a.username, count(*) AS n FROM mentions m JOIN authors a ON a.id = m.author_id
       WHERE NOT EXISTS (SELECT 1 FROM actions x JOIN mentions o ON o.id = x.mention_id WHERE o.author_id = m.author_id)
       GROUP BY m.author_id HAVING n >= 2 ORDER BY n DESC LIMIT 1`,
    );
    const [p1, p2] = sql<{ id: string }>(
      "SELECT id FROM mentions WHERE author_id = ? ORDER BY created_at",
      author_id,
    ).map((r) => r.id);
    await as("laura", ["note", p1!, "vip-ish"]);
    await as("laura", ["resolve", p2!]);
    await as("laura", ["followup", "add", p2!, "--in", "2d"]);
    const res = await as("laura", ["user", `@${username}`, "--json"]);
    expect(res.code, res.stderr).toBe(0);
    const h = JSON.parse(res.stdout);
    expect(h.author.id).toBe(author_id);
    expect(h.posts).toHaveLength(n);
    expect(h.actions.map((a: { kind: string }) => a.kind)).toEqual(["note", "resolve", "followup"]);
    expect(h.followups).toHaveLength(1);
    expect(h.outcomes.resolved).toBe(1);
    expect(Object.values(h.labels as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(n);
    const text = await as("laura", ["user", author_id]);
    expect(text.stdout).toContain(`@${username}`);
    expect(text.stdout).toContain("vip-ish");

    const total = one<{ n: number }>("SELECT count(*) AS n FROM mentions").n;
    // other customers' cases keep their logs (the brand's replies seen on X)
    const othersActions = one<{ n: number }>(
      "SELECT count(*) AS n FROM actions a JOIN mentions m ON m.id = a.mention_id WHERE m.author_id <> ?",
      author_id,
    ).n;
    const unconfirmed = await as("laura", ["forget", `@${username}`]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("pass --yes");
    expect(unconfirmed.stderr).not.toContain("--dry-run");
    const gone = await as("laura", ["forget", `@${username}`, "--yes"]);
    expect(gone.code, gone.stderr).toBe(0);
    for (const [table, column] of [
      ["mentions", "author_id"],
      ["authors", "id"],
      ["mention_hashtags", "author_id"],
      ["referenced_posts", "author_id"],
    ]) {
      expect(one<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`, author_id).n).toBe(0);
    }
    expect(one<{ n: number }>("SELECT count(*) AS n FROM actions").n).toBe(othersActions);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM followups").n).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM mentions").n).toBe(total - n);
    expect((await as("laura", ["user", `@${username}`])).code).toBe(3);
  });

  it("forget also deletes the brand's posts that answer or @mention the customer, and counts them", async () => {
    const { id } = one<{ id: string }>("SELECT id FROM authors WHERE username = 'dan_okafor'");
    // a post kept for context without X's entities (a flat import): its text still names him
    const insertRef =
      "INSERT INTO referenced_posts (id, author_id, text, raw_json, fetched_at) VALUES (?, ?, ?, '{}', '')";
    sql(insertRef, "91", "1187342600510951424", "Gracias @Dan_Okafor, seguimos por DM ^LM");
    sql(insertRef, "92", "1187342600510951424", "@dan_okafor2 another customer altogether");
    /** Rows of a table with his user id or his @handle (not @dan_okafor2) in any column. */
    const naming = (table: string) => {
      const columns = sql<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`);
      const row = `lower(${columns.map((c) => `coalesce(CAST(${c.name} AS TEXT), '')`).join(" || ' ' || ")})`;
      return one<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE instr(${row}, ?) > 0
           OR ${row} GLOB '*@dan_okafor' OR ${row} GLOB '*@dan_okafor[^0-9a-z_]*'`,
        id,
      ).n;
    };
    const referenced = one<{ n: number }>("SELECT count(*) AS n FROM referenced_posts").n;
    const before = sql<{ id: string }>(
      "SELECT id FROM referenced_posts WHERE author_id = ? OR raw_json LIKE ? OR id = '91'",
      id,
      `%"${id}"%`,
    ).length;
    expect(before).toBeGreaterThanOrEqual(2); // the brand's reply "@dan_okafor Hi Daniel…" and the one above

    const gone = await as("laura", ["forget", "@dan_okafor", "--yes", "--json"]);
    expect(gone.code, gone.stderr).toBe(0);
    expect(JSON.parse(gone.stdout).deleted).toMatchObject({ mentions: 3, referenced_posts: before, authors: 1 });
    const tables = sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((t) => t.name);
    for (const table of tables) expect(naming(table), table).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM referenced_posts").n).toBe(referenced - before);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM referenced_posts WHERE id = '92'").n).toBe(1);
  });
});

describe("templates", () => {
  it("list, show, add (kept in the YAML with its comments), remove", async () => {
    const list = await as("laura", ["templates", "list", "--json"]);
    expect(JSON.parse(list.stdout).map((t: { name: string }) => t.name)).toContain("dm_invite");
    const show = await as("laura", ["templates", "show", "thanks_en"]);
    expect(show.stdout).toContain("{user}");
    expect((await as("laura", ["templates", "add", "sorry", "--text", "Hola {nombre}"])).code).toBe(2);
    expect(
      (
        await as("laura", [
          "templates",
          "add",
          "sorry",
          "--lang",
          "es",
          "--text",
          "Hola {user}, lo sentimos. {signature}",
        ])
      ).code,
    ).toBe(0);
    expect((await as("laura", ["templates", "add", "sorry", "--text", "x"])).code).toBe(2);
    const file = readFileSync(env.XTRIAGE_CONFIG!, "utf8");
    expect(file).toContain("# xtriage demo configuration");
    expect(file).toContain("Hola {user}, lo sentimos. {signature}");
    const dry = await as("laura", ["reply", topIds(1)[0]!, "--template", "sorry", "--dry-run"]);
    expect(dry.stdout).toMatch(/^Hola @\w+, lo sentimos\. \^LM\n$/);
    expect((await as("laura", ["templates", "remove", "sorry"])).code).toBe(0);
    expect((await as("laura", ["templates", "show", "sorry"])).code).toBe(3);
  });
});

/** A customer with two posts or more: the first to handle, the second a fresh one. */
function customerWithTwoPosts() {
  const { author_id } = one<{ author_id: string }>(
    "SELECT author_id FROM mentions GROUP BY author_id HAVING count(*) >= 2 LIMIT 1",
  );
  const [handled, fresh] = sql<{ id: string }>(
    "SELECT id FROM mentions WHERE author_id = ? ORDER BY created_at",
    author_id,
  ).map((r) => r.id);
  return { author_id, handled, fresh };
}

describe("sticky owner and stdin drafts", () => {
  it("assignStickyOwners gives a customer's unclaimed post to the agent who last handled them", async () => {
    const { assignStickyOwners } = await import("../../src/store/actions.js");
    const { author_id, handled, fresh } = customerWithTwoPosts();
    const stranger = one<{ id: string }>("SELECT id FROM mentions WHERE author_id <> ? LIMIT 1", author_id).id;
    const db = new Database(env.XTRIAGE_DB!);
    try {
      expect(assignStickyOwners(db, [fresh!, stranger])).toBe(0);
    } finally {
      db.close();
    }
    expect((await as("diego", ["resolve", handled!])).code).toBe(0);
    const db2 = new Database(env.XTRIAGE_DB!);
    try {
      expect(assignStickyOwners(db2, [fresh!, stranger])).toBe(1);
    } finally {
      db2.close();
    }
    expect(caseRow(fresh!).assignee).toBe("diego");
    expect(caseRow(stranger).assignee).toBeNull();
  });

  it("only handling a customer makes them yours: claim, note, follow-up, release and ignore do not, escalate does", async () => {
    const { assignStickyOwners } = await import("../../src/store/actions.js");
    const { handled, fresh } = customerWithTwoPosts();
    const sticky = () => {
      const db = new Database(env.XTRIAGE_DB!);
      try {
        return assignStickyOwners(db, [fresh!]);
      } finally {
        db.close();
      }
    };
    for (const args of [
      ["claim", handled!],
      ["note", handled!, "looked at it"],
      ["followup", "add", handled!, "--in", "3d"],
      ["release", handled!],
      ["ignore", handled!, "--reason", "spam"],
    ]) {
      const res = await as("laura", args);
      expect(res.code, `${args.join(" ")}: ${res.stderr}`).toBe(0);
    }
    expect(sticky()).toBe(0);
    expect(caseRow(fresh!).assignee).toBeNull();
    // the customer's other case is anyone's: with nothing else waiting, diego's next gets it
    sql("UPDATE mentions SET status = 'resolved' WHERE id NOT IN (?, ?)", handled, fresh);
    expect((await as("diego", ["next"])).stdout.trim()).toBe(fresh);
    expect((await as("diego", ["release", fresh!])).code).toBe(0);
    expect((await as("laura", ["reopen", handled!])).code).toBe(0);
    expect((await as("laura", ["escalate", handled!, "--to", "billing"])).code).toBe(0);
    expect(sticky()).toBe(1);
    expect(caseRow(fresh!).assignee).toBe("laura");
  });

  it("reply --text-file - reads the draft from standard input", async () => {
    const [id] = topIds(1);
    const res = await run(["reply", id!, "--text-file", "-", "--dry-run"], env, { stdin: "Gracias por avisar.\n" });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^@\w+ Gracias por avisar\. \^LM\n$/);
    const both = await run(["reply", id!, "--text", "a", "--template", "thanks"], env);
    expect(both.code).toBe(2);
  });

  it("an agent the config does not sign for is blocked; a name in another case signs as the configured agent", async () => {
    const [id] = topIds(1);
    for (const agent of ["pepe", "agent"]) {
      const unsigned = await as(agent, ["reply", id!, "--template", "thanks", "--dry-run"]);
      expect(unsigned.code, agent).toBe(1);
      expect(unsigned.stdout).toBe("");
      expect(unsigned.stderr).toContain(`blocked: agent ${agent} has no signature in the config`);
      expect(unsigned.stderr).toContain("laura, diego, sam");
      const dm = await as(agent, ["dm", id!, "--text", "Hola {user}", "--no-public", "--dry-run"]);
      expect(dm.code, agent).toBe(1);
    }
    const mixedCase = await as("Laura", ["reply", id!, "--template", "thanks", "--dry-run"]);
    expect(mixedCase.code, mixedCase.stderr).toBe(0);
    expect(mixedCase.stdout.trimEnd()).toMatch(/ \^LM$/);
    // in the config without a signature, while the others sign: still blocked
    const yaml = readFileSync(env.XTRIAGE_CONFIG!, "utf8");
    writeFileSync(env.XTRIAGE_CONFIG!, yaml.replace(/^agents:\n/m, "agents:\n  pepe: { name: Pepe }\n"));
    expect((await as("pepe", ["reply", id!, "--template", "thanks", "--dry-run"])).code).toBe(1);
    // a config without agents, or whose agents do not sign, signs nothing and checks nothing
    for (const agents of ["", "agents:\n  pepe: { name: Pepe }\n"]) {
      writeFileSync(env.XTRIAGE_CONFIG!, yaml.replace(/^agents:\n( {2}.*\n)+/m, agents));
      const solo = await as("pepe", ["reply", id!, "--text", "Lo miramos.", "--dry-run"]);
      expect(solo.code, solo.stderr).toBe(0);
      expect(solo.stdout).toMatch(/^@\w+ Lo miramos\.\n$/);
    }
  });
});
