import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configValidatorSource } from "../../scripts/config-validator-source.js";
import { baseEnv, ROOT, run, SCENARIO, tempDir } from "../helpers/cli.js";

let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
beforeEach(() => {
  t = tempDir();
  env = baseEnv(t.dir);
});
afterEach(() => t.cleanup());

describe("config", () => {
  it("config path follows --config, then XTRIAGE_CONFIG, then XDG_CONFIG_HOME", async () => {
    const xdg = await run(["config", "path"], env);
    expect(xdg.stdout.trim()).toBe(join(t.dir, "config", "xtriage", "config.yaml"));
    const fromEnv = await run(["config", "path"], { ...env, XTRIAGE_CONFIG: "/etc/x.yaml" });
    expect(fromEnv.stdout.trim()).toBe("/etc/x.yaml");
    const fromFlag = await run(["--config", "/tmp/y.yaml", "config", "path"], {
      ...env,
      XTRIAGE_CONFIG: "/etc/x.yaml",
    });
    expect(fromFlag.stdout.trim()).toBe("/tmp/y.yaml");
  });

  it("config path --db-path follows --db, then XTRIAGE_DB, then XDG_DATA_HOME", async () => {
    const { XTRIAGE_DB: _, ...noDb } = env;
    expect((await run(["config", "path", "--db-path"], noDb)).stdout.trim()).toBe(
      join(t.dir, "data", "xtriage", "xtriage.db"),
    );
    expect((await run(["config", "path", "--db-path"], env)).stdout.trim()).toBe(env.XTRIAGE_DB);
    expect((await run(["--db", "/tmp/z.db", "config", "path", "--db-path"], env)).stdout.trim()).toBe("/tmp/z.db");
  });

  it("reads the bundled scenario's config", async () => {
    const res = await run(["--config", join(SCENARIO, "config.yaml"), "config", "show", "--json"], env);
    expect(res.code, res.stderr).toBe(0);
    const cfg = JSON.parse(res.stdout);
    expect(cfg.accounts[0].handle).toBe("fibranova");
    expect(cfg.vipHandles).toContain("martaibarratec");
    expect(cfg.crisisHashtags).toContain("caidafibranova");
    expect(Object.keys(cfg.templates).length).toBeGreaterThanOrEqual(5);
  });

  it("uses built-in defaults when no config file exists", async () => {
    const res = await run(["config", "show", "--json"], env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      path: null,
      sla: { firstResponseMinutes: 60, ceilingMinutes: 300 },
    });
  });

  it.each([
    ["bad YAML", "accounts: [unclosed", /is not valid YAML/],
    ["an unknown key", "acounts: []\n", /unknown key "acounts"/],
    ["a wrong type", "popular_hashtag_authors: many\n", /popular_hashtag_authors: must be integer/],
    ["a bad handle", "accounts:\n  - handle: 'not a handle!'\n", /accounts\.0\.handle/],
    ["an empty VIP handle", "vip_handles: ['']\n", /vip_handles\.0: must NOT have fewer than 1 characters/],
  ])("refuses %s with exit 2, naming the file", async (_what, content, message) => {
    const path = join(t.dir, "bad.yaml");
    writeFileSync(path, content);
    const res = await run(["--config", path, "list"], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(path);
    expect(res.stderr).toMatch(message);
  });

  it("validates with the validator compiled from the schema (npm run gen keeps it current)", () => {
    const committed = readFileSync(join(ROOT, "src", "generated", "config-validator.js"), "utf8");
    expect(committed).toBe(configValidatorSource());
  });

  it("reads an unchanged config from its parsed copy, and a changed one anew", async () => {
    const path = join(t.dir, "team.yaml");
    const cache = join(t.dir, ".cache", "xtriage", "config.json");
    const vips = async () => {
      const res = await run(["--config", path, "config", "show", "--json"], env);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout).vipHandles as string[];
    };
    writeFileSync(path, "vip_handles: ['@ana']\n");
    expect(await vips()).toEqual(["ana"]);
    const stored = JSON.parse(readFileSync(cache, "utf8"));
    expect(stored.doc).toEqual({ vip_handles: ["@ana"] });
    // the copy is what is read while the file is unchanged...
    writeFileSync(cache, JSON.stringify({ ...stored, doc: { vip_handles: ["@from_the_copy"] } }));
    expect(await vips()).toEqual(["from_the_copy"]);
    // ...and an edit of the file is seen at once
    writeFileSync(path, "vip_handles: ['@bea', '@carla']\n");
    expect(await vips()).toEqual(["bea", "carla"]);
    // a bad edit is refused even though a good copy of the old file exists
    writeFileSync(path, "vip_handles: 3\n");
    expect((await run(["--config", path, "list"], env)).code).toBe(2);
  });

  it("works the same when the parsed copy is garbage or cannot be written", async () => {
    const path = join(t.dir, "team.yaml");
    writeFileSync(path, "vip_handles: ['@ana']\n");
    mkdirSync(join(t.dir, ".cache", "xtriage"), { recursive: true });
    writeFileSync(join(t.dir, ".cache", "xtriage", "config.json"), "{not json");
    let res = await run(["--config", path, "config", "show", "--json"], env);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).vipHandles).toEqual(["ana"]);
    // a cache location that cannot be written (a file where its folder should be)
    const blocked = { ...env, XDG_CACHE_HOME: path };
    res = await run(["--config", path, "config", "show", "--json"], blocked);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).vipHandles).toEqual(["ana"]);
  });

  it("says when a named config file is missing", async () => {
    const res = await run(["--config", join(t.dir, "nope.yaml"), "list"], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("config file not found");
  });
});

describe("score", () => {
  const lines = [
    JSON.stringify({ text: "llevo 3 días sin internet, qué puta vergüenza @fibranova", lang: "es" }),
    "{not json",
    JSON.stringify({
      id: "1900000000000000001",
      text: "@fibranova you charged me twice this month, please refund",
      lang: "en",
      author: { id: "5", username: "kim", name: "Kim", public_metrics: { followers_count: 120 } },
    }),
    JSON.stringify({ lang: "es" }),
    JSON.stringify({ text: "" }),
  ];

  it("writes one line per input line, in order, with errors in place, and exits 1", async () => {
    const res = await run(["score", "-"], env, { stdin: `${lines.join("\n")}\n` });
    expect(res.code).toBe(1);
    const out = res.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ label: expect.stringMatching(/genuine|unsure/), lang: "es" });
    for (const key of ["troll", "complaint", "sentiment", "reach", "urgency", "priority", "hashtags", "reasons"]) {
      expect(out[0]).toHaveProperty(key);
    }
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringContaining("invalid JSON") });
    expect(out[2]).toMatchObject({ id: "1900000000000000001", lang: "en" });
    expect(out[3]).toMatchObject({ line: 4, error: "missing text" });
    expect(out[4]).not.toHaveProperty("error");
  });

  it("exits 0 when every line is good, reading a file", async () => {
    const path = join(t.dir, "in.jsonl");
    writeFileSync(path, `${lines[0]}\n${lines[2]}\n`);
    const res = await run(["score", path], env);
    expect(res.code).toBe(0);
    expect(res.stdout.trimEnd().split("\n")).toHaveLength(2);
  });
});
