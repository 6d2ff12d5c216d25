import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baseEnv, run, SCENARIO, tempDir } from "../helpers/cli.js";
import { sqlOn } from "../helpers/db.js";

// A reply the brand posted from X's own app (not through xtriage) answers the case all the same.
const BRAND = "900";
const CUSTOMER = { id: "501", username: "maria_q", name: "María" };

let t: { dir: string; cleanup(): void };
let env: Record<string, string>;

beforeEach(() => {
  t = tempDir();
  const config = join(t.dir, "config.yaml");
  writeFileSync(
    config,
    [
      "accounts:",
      `  - { handle: marca, id: "${BRAND}" }`,
      "agents:",
      '  laura: { name: Laura, signature: "^LM" }',
      '  diego: { name: Diego, signature: "^DG" }',
      "",
    ].join("\n"),
  );
  env = { ...baseEnv(t.dir), XTRIAGE_CONFIG: config, XTRIAGE_AGENT: "diego" };
});
afterEach(() => t.cleanup());

const sql = <T>(query: string, ...params: unknown[]): T[] => sqlOn<T>(env.XTRIAGE_DB!, query, ...params);
const caseRow = (id: string) =>
  sql<{ status: string; first_response_at: string | null }>(
    "SELECT status, first_response_at FROM mentions WHERE id = ?",
    id,
  )[0];
const logged = () =>
  sql<{ mention_id: string; kind: string; state: string; agent: string; remote_id: string; created_at: string }>(
    "SELECT mention_id, kind, state, agent, remote_id, created_at FROM actions ORDER BY id",
  );

const mention = (id: string, createdAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  text: "@marca llevo dos días sin fibra, ¿qué pasa?",
  author_id: CUSTOMER.id,
  created_at: createdAt,
  conversation_id: "100",
  lang: "es",
  ...extra,
});
const brandReply = (id: string, to: string, createdAt: string, text: string) => ({
  id,
  text,
  author_id: BRAND,
  created_at: createdAt,
  conversation_id: "100",
  in_reply_to_user_id: CUSTOMER.id,
  referenced_tweets: [{ type: "replied_to", id: to }],
});
/** An X API v2 page: the posts, their authors, and the posts they reference. */
const page = (data: unknown[], tweets: unknown[] = []) =>
  JSON.stringify({
    data,
    includes: { users: [{ ...CUSTOMER }, { id: BRAND, username: "marca", name: "Marca" }], tweets },
    meta: { result_count: data.length },
  });

async function importLines(name: string, ...lines: string[]) {
  const file = join(t.dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  const res = await run(["import", file, "--quiet"], env);
  expect(res.code, res.stderr).toBe(0);
}

describe("replies the brand sent from X", () => {
  const reply = brandReply("201", "100", "2026-11-19T10:30:00.000Z", "@maria_q Hola María, lo miramos por DM ^LM");
  // the customer's follow-up answers the brand's reply, which X sends along in includes.tweets
  const followUp = mention("102", "2026-11-19T11:00:00.000Z", {
    text: "@marca @maria_q ya os he escrito por DM",
    referenced_tweets: [{ type: "replied_to", id: "201" }],
  });

  it("count as the first response, by the agent whose signature they carry, and are logged once", async () => {
    await importLines("a.jsonl", page([mention("100", "2026-11-19T10:00:00.000Z")]), page([followUp], [reply]));
    expect(caseRow("100")).toEqual({ status: "replied", first_response_at: "2026-11-19T10:30:00.000Z" });
    expect(caseRow("102")).toMatchObject({ status: "new", first_response_at: null });
    const expected = [
      {
        mention_id: "100",
        kind: "reply",
        state: "sent",
        agent: "laura",
        remote_id: "201",
        created_at: "2026-11-19T10:30:00.000Z",
      },
    ];
    expect(logged()).toEqual(expected);

    // seen again (re-import, another page carrying it): nothing new
    await importLines("b.jsonl", page([followUp], [reply]));
    expect(logged()).toEqual(expected);

    // the queue leaves the answered case out; a second public reply needs --force
    const waiting = await run(["list", "--json"], env);
    expect(JSON.parse(waiting.stdout).map((m: { id: string }) => m.id)).toEqual(["102"]);
    const again = await run(["reply", "100", "--text", "Hola {user}", "--dry-run"], env);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain("--force");
  });

  it("are matched to their case when the case comes later in the same run (pages are newest first)", async () => {
    await importLines("a.jsonl", page([followUp], [reply]), page([mention("100", "2026-11-19T10:00:00.000Z")]));
    expect(caseRow("100")).toEqual({ status: "replied", first_response_at: "2026-11-19T10:30:00.000Z" });
    expect(logged()).toHaveLength(1);
  });

  it("leave a case an agent already moved on as it is, and keep the earliest response time", async () => {
    await importLines("a.jsonl", page([mention("100", "2026-11-19T10:00:00.000Z")]));
    const escalated = await run(["escalate", "100", "--to", "billing"], env);
    expect(escalated.code, escalated.stderr).toBe(0);
    const late = brandReply("202", "100", "2026-11-19T12:00:00.000Z", "@maria_q te escribe facturación ^DG");
    const answersLate = mention("103", "2026-11-19T12:10:00.000Z", {
      text: "@marca @maria_q vale, espero",
      referenced_tweets: [{ type: "replied_to", id: "202" }],
    });
    await importLines("b.jsonl", page([answersLate, followUp], [late, reply]));
    expect(caseRow("100")).toEqual({ status: "escalated", first_response_at: "2026-11-19T10:30:00.000Z" });
    expect(logged().map((a) => `${a.kind} ${a.agent} ${a.remote_id ?? ""}`)).toEqual([
      "escalate diego ",
      "reply diego 202",
      "reply laura 201",
    ]);
  });

  it("in the bundled scenario: answered customers leave the queue and the report counts the answers", async () => {
    const imported = await run(["import", join(SCENARIO, "pages.jsonl"), "--quiet"], {
      ...env,
      XTRIAGE_CONFIG: join(SCENARIO, "config.yaml"),
    });
    expect(imported.code, imported.stderr).toBe(0);
    // Ana's first post was answered by laura 28 minutes and 30 seconds later (fixtures/scenario)
    expect(caseRow("2121894137823818963")).toEqual({
      status: "replied",
      first_response_at: "2026-11-15T09:41:10.000Z",
    });
    const answeredOnX = sql<{ n: number }>("SELECT count(*) AS n FROM actions WHERE reason = 'seen on X'")[0]!.n;
    expect(answeredOnX).toBeGreaterThanOrEqual(10);
    const report = await run(["report", "--since", "7d", "--json"], {
      ...env,
      XTRIAGE_CONFIG: join(SCENARIO, "config.yaml"),
    });
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).first_response.answered).toBeGreaterThanOrEqual(answeredOnX);
  });
});
