import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueClocks } from "../../src/commands/sla-clocks.js";
import { createContext } from "../../src/context.js";
import { effectivePriority, priorityAfterWaiting } from "../../src/core/score/priority.js";
import { businessMinutesBetween } from "../../src/core/sla.js";
import { testIO } from "../../src/io/iostreams.js";
import { renderCaseScreen } from "../../src/io/triage-screen.js";
import { mentionsRepo } from "../../src/store/mentions.js";
import { loadCaseScreen } from "../../src/triage/case-data.js";
import { baseEnv, run, SCENARIO, SCENARIO_NOW, tempDir } from "../helpers/cli.js";

// The scenario's account keeps business hours (Madrid, Monday to Saturday, 08:00-22:00): the queue,
// the triage screen and the report must all count a customer's wait on that one clock.
const MADRID = { tz: "Europe/Madrid", days: ["mon", "tue", "wed", "thu", "fri", "sat"], start: "08:00", end: "22:00" };
/** Posted 19:52 Madrid the evening before: 16h07m ago by the wall clock, 7h07m of business time. */
const EVENING_CASE = "2123489621704274335";

let t: { dir: string; cleanup(): void };
let env: Record<string, string>;

beforeAll(async () => {
  t = tempDir();
  env = baseEnv(t.dir, { XTRIAGE_CONFIG: join(SCENARIO, "config.yaml") });
  const res = await run(["import", join(SCENARIO, "pages.jsonl")], env);
  expect(res.code, res.stderr).toBe(0);
});
afterAll(() => t.cleanup());

async function json(args: string[]) {
  const res = await run([...args, "--json"], env);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

const businessWait = (createdAt: string) => businessMinutesBetween(MADRID, createdAt, SCENARIO_NOW);

describe("one SLA clock", () => {
  it("list counts the wait in business hours, case by case as the report does", async () => {
    const rows = (await json(["list"])) as Record<string, any>[];
    const report = await json(["report"]);
    const evening = rows.find((r) => r.id === EVENING_CASE)!;
    expect(evening.waiting_minutes).toBe(427);
    expect(evening.sla).toBe("breached");
    // the cases the report lists (the longest waits, and the period's breaches) with their waits
    const listed: { id: string; waited_minutes: number }[] = [
      ...report.open_queue.breached_cases,
      ...report.breaches.cases,
    ];
    const reported = new Map(listed.map((c) => [c.id, c.waited_minutes]));
    expect(reported.get(EVENING_CASE)).toBeCloseTo(427.5, 5);
    expect(reported.size).toBeGreaterThan(20);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, waited] of reported) {
      expect(byId.get(id)?.sla, id).toBe("breached");
      expect(Math.abs(byId.get(id)!.waiting_minutes - waited), id).toBeLessThanOrEqual(0.55);
    }
    const breached = rows.filter((r) => r.sla === "breached");
    expect(breached.length).toBe(report.open_queue.breached);
    // and there are cases the wall clock would call breached that business time does not
    const wallBreached = rows.filter((r) => Date.parse(SCENARIO_NOW) - Date.parse(r.created_at) > 300 * 60_000);
    expect(wallBreached.length).toBeGreaterThan(breached.length);
  });

  it("ranks the queue by the priority the business-hours wait gives, on every page size", async () => {
    // a 20 h ceiling: last night's posts are past it by the wall clock, still short of it in business time
    const sla = { firstResponseMinutes: 240, ceilingMinutes: 1200 };
    const config = join(t.dir, "long-sla.yaml");
    const scenario = readFileSync(join(SCENARIO, "config.yaml"), "utf8");
    writeFileSync(
      config,
      scenario.replace(
        "first_response_minutes: 60, ceiling_minutes: 300",
        "first_response_minutes: 240, ceiling_minutes: 1200",
      ),
    );
    const longEnv = { ...env, XTRIAGE_CONFIG: config };
    const listed = async (args: string[]) => {
      const res = await run(["list", "--json", ...args], longEnv);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as Record<string, any>[];
    };
    const all = await listed(["--sort", "oldest"]);
    const expected = all
      .map(
        (r): Record<string, any> => ({
          ...r,
          eff: priorityAfterWaiting(r.base_priority, businessWait(r.created_at), sla),
        }),
      )
      .sort((a, b) => b.eff - a.eff || b.base_priority - a.base_priority || a.created_at.localeCompare(b.created_at))
      .map((r) => r.id);
    const wallOrder = all
      .map(
        (r): Record<string, any> => ({
          ...r,
          eff: effectivePriority(r.base_priority, r.created_at, new Date(SCENARIO_NOW), sla),
        }),
      )
      .sort((a, b) => b.eff - a.eff || b.base_priority - a.base_priority || a.created_at.localeCompare(b.created_at))
      .map((r) => r.id);
    expect(wallOrder.slice(0, 40)).not.toEqual(expected.slice(0, 40));
    expect((await listed([])).map((r) => r.id)).toEqual(expected);
    for (const limit of [1, 3, 8, 21, 40, 80]) {
      expect(
        (await listed(["--limit", String(limit)])).map((r) => r.id),
        `--limit ${limit}`,
      ).toEqual(expected.slice(0, limit));
    }
    // show gives the priority list gives, for a case whose boost is still growing in business time
    const growing = all.find((r) => businessWait(r.created_at) > 300 && businessWait(r.created_at) < 1200)!;
    const res = await run(["show", growing.id, "--json"], longEnv);
    const shown = JSON.parse(res.stdout);
    expect(shown.scores.priority).toBe(
      Math.round(priorityAfterWaiting(growing.base_priority, businessWait(growing.created_at), sla)),
    );
    expect(shown.scores.priority).toBe(growing.priority);
  });

  it("the triage screen shows the same wait: overdue by 6h07m, past the 5h00m limit", async () => {
    const io = testIO({ tty: true });
    const ctx = createContext(io.io, () => ({}), env);
    try {
      const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
      const now = new Date(SCENARIO_NOW);
      const row = mentionsRepo(db).get(EVENING_CASE)!;
      const screen = loadCaseScreen(db, queueClocks(db, config, now, env), row, 100, now);
      expect(screen.sla.waitedMinutes).toBeCloseTo(businessWait(row.created_at), 6);
      const text = renderCaseScreen(screen, { now, color: false, width: 100, height: 24 });
      expect(text).toContain("SLA     overdue by 6h07m (past the 5h00m limit)");
    } finally {
      await ctx.close();
    }
  });
});
