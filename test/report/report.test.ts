import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baseEnv, run, runBin, tempDir } from "../helpers/cli.js";
import { buildScenario, NOW, writeConfig } from "./scenario.js";

let dir: string;
let cleanup: () => void;
let env: Record<string, string>;

beforeEach(() => {
  ({ dir, cleanup } = tempDir("xtriage-report-"));
  env = baseEnv(dir, { XTRIAGE_NOW: NOW, XTRIAGE_CONFIG: writeConfig(dir) });
});
afterEach(() => cleanup());

async function reportJson(args: string[] = [], extraEnv: Record<string, string> = {}) {
  const res = await run(["report", "--json", ...args], { ...env, ...extraEnv });
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);
  return JSON.parse(res.stdout);
}

describe("report on the scenario, business hours 08:00-22:00 Madrid", () => {
  beforeEach(() => buildScenario(join(dir, "test.db")));

  it("computes first response times in business minutes, from the column or else the actions log", async () => {
    const r = await reportJson();
    expect(r.period).toEqual({ since: "2026-11-19T12:00:00.000Z", until: "2026-11-20T12:00:00.001Z" });
    // 5 (m6), 20 (m1: 21:50 → 08:10 Madrid), 30 (m2), 120 (m3), 360 (m4, from the column)
    expect(r.first_response).toEqual({
      answered: 5,
      median_minutes: 30,
      p90_minutes: 360,
      within_target: 3,
      within_target_share: 0.6,
      within_ceiling: 4,
      within_ceiling_share: 0.8,
      late: 2,
      breached: 1,
    });
  });

  it("counts volumes of the period by status, label and language", async () => {
    const r = await reportJson();
    expect(r.volume).toEqual({
      total: 8,
      by_status: { replied: 3, new: 2, resolved: 2, ignored: 1 },
      by_label: { genuine: 5, troll: 2, unsure: 1 },
      by_lang: { es: 6, en: 2 },
    });
    expect(r.trolls).toEqual({ total: 2, ignored: 1, answered: 1, waiting: 0 });
    expect(r.cost).toEqual({ calls: 2, usd: 0.015 });
  });

  it("shows the open queue, the oldest case and SLA breaches in business time", async () => {
    const r = await reportJson();
    // m7 waited exactly 300 business minutes: at the ceiling, not past it
    expect(r.open_queue.waiting).toBe(3);
    expect(r.open_queue.breached).toBe(1);
    expect(r.open_queue.oldest).toEqual({
      id: "8",
      created_at: "2026-11-18T10:00:00Z",
      status: "pending",
      waited_minutes: 1800,
      answered: false,
    });
    expect(r.breaches.count).toBe(1);
    expect(r.breaches.cases).toEqual([
      { id: "4", created_at: "2026-11-19T15:00:00Z", status: "answered", waited_minutes: 360, answered: true },
    ]);
  });

  it("reports follow-ups due and overdue, and resolved cases without one", async () => {
    const r = await reportJson();
    expect(r.followups).toEqual({
      due_24h: 1,
      overdue: 1,
      overdue_cases: [{ id: 1, mention_id: "2", due_at: "2026-11-20T09:00:00Z", agent: "bob", overdue_minutes: 180 }],
      resolved: 2,
      resolved_without_followup: 1,
    });
  });

  it("ranks hashtags by authors and tells which are spreading", async () => {
    const r = await reportJson();
    expect(r.hashtags).toEqual([
      { tag: "caidafibra", posts: 3, authors: 3, earlier_authors: 1, later_authors: 2, spreading: true },
      { tag: "promo", posts: 2, authors: 2, earlier_authors: 2, later_authors: 0, spreading: false },
    ]);
  });

  it("charts posts and response times by Madrid hour", async () => {
    const r = await reportJson();
    const posts = Object.fromEntries(
      r.hours.filter((h: { posts: number }) => h.posts).map((h: { hour: number; posts: number }) => [h.hour, h.posts]),
    );
    expect(posts).toEqual({ 5: 1, 11: 1, 14: 1, 15: 1, 16: 1, 17: 1, 18: 1, 21: 1 });
    const medians = Object.fromEntries(
      r.hours
        .filter((h: { median_minutes: number | null }) => h.median_minutes !== null)
        .map((h: { hour: number; median_minutes: number }) => [h.hour, h.median_minutes]),
    );
    expect(medians).toEqual({ 14: 30, 15: 120, 16: 360, 18: 5, 21: 20 });
  });

  it("groups by agent (the first to reply in the log, not a later one; the assignee when the log has none)", async () => {
    const r = await reportJson(["--by", "agent"]);
    const rows = r.by.rows.map((x: Record<string, unknown>) => [
      x.key,
      x.answered,
      x.median_minutes,
      x.p90_minutes,
      x.within_target_share,
    ]);
    expect(rows).toEqual([
      ["ana", 2, 70, 120, 0.5],
      ["bob", 2, 17.5, 30, 1],
      ["carla", 1, 360, 360, 0],
    ]);
  });

  it("groups by language and by hashtag", async () => {
    const lang = await reportJson(["--by", "lang"]);
    expect(lang.by.rows.map((x: Record<string, unknown>) => [x.key, x.posts, x.answered, x.median_minutes])).toEqual([
      ["es", 6, 3, 120],
      ["en", 2, 2, 17.5],
    ]);
    const tags = await reportJson(["--by", "hashtag"]);
    expect(tags.by.rows.map((x: Record<string, unknown>) => [x.key, x.posts, x.answered, x.median_minutes])).toEqual([
      ["caidafibra", 3, 1, 120],
      ["promo", 2, 2, 190],
    ]);
  });

  it("groups by Madrid hour and day", async () => {
    const hours = await reportJson(["--by", "hour"]);
    expect(hours.by.rows.map((x: Record<string, unknown>) => [x.key, x.posts, x.median_minutes])).toEqual([
      ["05", 1, null],
      ["11", 1, null],
      ["14", 1, 30],
      ["15", 1, 120],
      ["16", 1, 360],
      ["17", 1, null],
      ["18", 1, 5],
      ["21", 1, 20],
    ]);
    const days = await reportJson(["--by", "day"]);
    expect(days.by.rows.map((x: Record<string, unknown>) => [x.key, x.posts, x.answered, x.median_minutes])).toEqual([
      ["2026-11-19", 6, 5, 30],
      ["2026-11-20", 2, 0, null],
    ]);
  });

  it("an empty period has zero volumes and no response times, but the queue as it is now", async () => {
    const r = await reportJson(["--since", "2026-11-01", "--until", "2026-11-02"]);
    expect(r.volume.total).toBe(0);
    expect(r.first_response).toMatchObject({
      answered: 0,
      median_minutes: null,
      p90_minutes: null,
      within_target_share: null,
    });
    expect(r.hashtags).toEqual([]);
    expect(r.breaches.count).toBe(0);
    expect(r.cost).toEqual({ calls: 0, usd: 0 });
    expect(r.hours.every((h: { posts: number }) => h.posts === 0)).toBe(true);
    expect(r.open_queue.waiting).toBe(3);
  });

  it("--account narrows to one account; an unknown one is not found (exit 3)", async () => {
    const r = await reportJson(["--account", "@Marca"]);
    expect(r.account).toBe("marca");
    expect(r.volume.total).toBe(8);
    const res = await run(["report", "--account", "other"], env);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/no account @other/);
  });

  it("rejects two formats and unknown dimensions (exit 2)", async () => {
    expect((await run(["report", "--json", "--csv"], env)).code).toBe(2);
    const res = await run(["report", "--by", "weather"], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--by takes one of/);
  });

  it("a period that ends before it starts names the flags given: a future --since, --until before the default, both", async () => {
    const future = await run(["report", "--since", "2027-01-01"], env);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("--since 2027-01-01 is in the future");
    expect(future.stderr).not.toContain("--until");
    const early = await run(["report", "--until", "2d"], env);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("--until 2d is not after the default --since 24h");
    expect(early.stderr).toContain("pass an earlier --since");
    const both = await run(["report", "--since", "1d", "--until", "3d"], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--until 3d is not after --since 1d");
  });
});

describe("report without business hours", () => {
  it("counts wall-clock minutes: the overnight answer and the morning wait breach", async () => {
    env.XTRIAGE_CONFIG = writeConfig(dir, false);
    buildScenario(join(dir, "test.db"));
    const r = await reportJson();
    // 5, 30, 120, 360, 620 (m1: 20:50 → 07:10 UTC)
    expect(r.first_response).toMatchObject({
      median_minutes: 120,
      p90_minutes: 620,
      within_target_share: 0.4,
      within_ceiling_share: 0.6,
      breached: 2,
    });
    expect(r.open_queue.breached).toBe(2); // m7 (480) and m8
    // hours are UTC without a business-hours zone
    expect(r.hours[20].posts).toBe(1);
  });
});

describe("report formats", () => {
  beforeEach(() => buildScenario(join(dir, "test.db")));

  it("piped: one metric per line, tab-separated", async () => {
    const res = await run(["report"], env);
    expect(res.code).toBe(0);
    const lines = new Map(
      res.stdout
        .trimEnd()
        .split("\n")
        .map((l) => l.split("\t") as [string, string]),
    );
    expect(lines.get("first_response.median_minutes")).toBe("30");
    expect(lines.get("volume.by_status.replied")).toBe("3");
    expect(lines.get("hashtags.caidafibra.spreading")).toBe("true");
    expect(lines.get("hours.21.median_minutes")).toBe("20");
    expect(lines.get("open_queue.oldest.id")).toBe("8");
  });

  it("--csv with --by prints the grouped rows", async () => {
    const res = await run(["report", "--csv", "--by", "agent"], env);
    const rows = res.stdout.trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "agent,posts,answered,median_minutes,p90_minutes,within_target,within_target_share,within_ceiling,within_ceiling_share",
    );
    expect(rows[1]).toBe("ana,2,2,70,120,1,0.5,2,1");
    expect(rows).toHaveLength(4);
  });

  it("--md for mail: key figures and tables", async () => {
    const res = await run(["report", "--md", "--by", "lang"], env);
    expect(res.stdout).toMatch(/^# Care report/);
    expect(res.stdout).toContain(
      "| First response | 5 answered · median 30m · p90 6h · within target 60% · within ceiling 80% |",
    );
    expect(res.stdout).toContain("| es | 6 | 3 | 2h | 6h | 33.3% |");
    expect(res.stdout).toContain("- 4: 6h, answered late");
    expect(res.stdout).toContain("- 2: due 2026-11-20T09:00:00Z (bob)");
  });

  it("on a terminal: the summary and the hourly charts", async () => {
    const res = await run(["report", "--by", "agent"], env, { tty: true });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("5 answered · median 30m · p90 6h");
    expect(res.stdout).toContain("Posts by hour");
    const lines = res.stdout.split("\n");
    // one sparkline cell per Madrid hour: posts at 05, 11, 14-18 and 21 stand out
    const posts = lines.find((l) => l.startsWith("Posts by hour"))!;
    expect(posts.slice(16, 40)).toBe("▁▁▁▁▁█▁▁▁▁▁█▁▁█████▁▁█▁▁");
    const medians = lines.find((l) => l.startsWith("Median response"))!;
    expect(medians.slice(16, 40)).toBe("              ▂▃█ ▁  ▁  ");
    expect(medians).toContain("slowest 6h at 16h");
    expect(res.stdout).toMatch(/carla\s+█+\s+6h \(1\/1 answered, 0% in target\)/);
  });

  it("--html - writes the page to stdout, --html <file> to the file", async () => {
    const res = await run(["report", "--html", "-"], env);
    expect(res.stdout).toMatch(/^<!DOCTYPE html>/);
    const file = join(dir, "r.html");
    const written = await run(["report", "--html", file], env);
    expect(written.stdout).toBe("");
    expect(written.stderr).toBe(`wrote ${file}\n`);
  });
});

describe("report --check", () => {
  it("through the built binary: exit 7 with the alerts on stdout, nothing on stderr", async () => {
    buildScenario(join(dir, "test.db"), { sync: [{ lastSuccess: "2026-11-20T11:55:00Z" }] });
    const res = await runBin(["report", "--check"], env);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(7);
    expect(res.stdout.split("\n")[0]).toBe("breach\t8\twaiting 1d6h without an answer (status pending)");
  });

  const fresh = "2026-11-20T11:55:00Z";

  it("exits 7 and lists a breached open case and an overdue follow-up", async () => {
    buildScenario(join(dir, "test.db"), { sync: [{ lastSuccess: fresh }] });
    const res = await run(["report", "--check"], env);
    expect(res.code).toBe(7);
    expect(res.stdout.trimEnd().split("\n")).toEqual([
      "breach\t8\twaiting 1d6h without an answer (status pending)",
      "overdue\t2\tfollow-up 1 due 2026-11-20T09:00:00Z (bob), 3h overdue",
    ]);
  });

  it("exits 0 and prints nothing when nothing needs a human", async () => {
    buildScenario(join(dir, "test.db"), { healthy: true, sync: [{ lastSuccess: fresh }] });
    const res = await run(["report", "--check"], env);
    expect(res).toEqual({ code: 0, stdout: "", stderr: "" });
    const json = await run(["report", "--check", "--json"], env);
    expect(JSON.parse(json.stdout)).toEqual({ attention: false, alerts: [] });
  });

  it("exits 7 on a fetch gap recorded in the period", async () => {
    buildScenario(join(dir, "test.db"), {
      healthy: true,
      sync: [{ lastSuccess: fresh, lastGap: "2026-11-20T06:00:00Z" }],
    });
    const res = await run(["report", "--check", "--json"], env);
    expect(res.code).toBe(7);
    expect(JSON.parse(res.stdout).alerts).toEqual([
      { kind: "gap", subject: "100/source0", detail: "gap at 2026-11-20T06:00:00Z: 800 reached" },
    ]);
    // a gap before the period no longer alerts
    expect((await run(["report", "--check", "--since", "5h"], env)).code).toBe(0);
  });

  it("exits 7 on silence: no successful fetch within --silence", async () => {
    buildScenario(join(dir, "test.db"), { healthy: true, sync: [{ lastSuccess: "2026-11-20T10:00:00Z" }] });
    const res = await run(["report", "--check"], env);
    expect(res.code).toBe(7);
    expect(res.stdout).toBe("silence\t100/source0\tno successful fetch since 2026-11-20T10:00:00Z\n");
    expect((await run(["report", "--check", "--silence", "3h"], env)).code).toBe(0);
  });
});
