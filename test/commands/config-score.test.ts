import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
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
    const { path, settings } = JSON.parse(res.stdout);
    expect(path).toBe(join(SCENARIO, "config.yaml"));
    expect(settings.accounts[0].handle).toBe("fibranova");
    expect(settings.accounts[0].id).toBe("1187342600510951424");
    expect(settings.vip_handles).toContain("martaibarratec");
    expect(settings.crisis_hashtags).toContain("caidafibranova");
    expect(Object.keys(settings.templates).length).toBeGreaterThanOrEqual(5);
  });

  it("uses built-in defaults when no config file exists", async () => {
    const res = await run(["config", "show", "--json"], env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      path: null,
      settings: { sla: { first_response_minutes: 60, ceiling_minutes: 300 } },
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

  it.each([
    ["a long id", "accounts: [{ handle: marca, id: 1187342600510951424 }]\n", 'write id: "1187342600510951424"'],
    ["a short id", "accounts: [{ handle: marca, id: 900 }]\n", 'write id: "900"'],
  ])(
    "refuses %s written as a number, naming the file and the key, with the quoted digits",
    async (_what, content, hint) => {
      const path = join(t.dir, "ids.yaml");
      writeFileSync(path, content);
      for (const command of [["config", "show"], ["list"]]) {
        const res = await run(["--config", path, ...command], env);
        expect(res.code).toBe(2);
        expect(res.stderr).toContain(`config file ${path}: accounts.0.id is a number; X ids must be strings`);
        expect(res.stderr).toContain(hint);
        expect(res.stdout).toBe("");
      }
    },
  );

  it("asks for quotes around any text YAML read as a number (a handle of digits)", async () => {
    const path = join(t.dir, "digits.yaml");
    writeFileSync(path, "vip_handles: [ana, 0012345]\n");
    const res = await run(["--config", path, "list"], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`config file ${path}: vip_handles.1 is a number, and must be text: write "0012345"`);
  });

  const hours = (h: string) => `accounts:\n  - handle: fibranova\n    business_hours: ${h}\n`;
  it.each([
    [
      "an unknown time zone",
      hours('{ tz: Mars/Olympus, start: "08:00", end: "22:00" }'),
      'accounts.0.business_hours.tz: unknown time zone "Mars/Olympus"',
    ],
    ["an empty time zone", hours('{ tz: "", start: "08:00", end: "22:00" }'), "accounts.0.business_hours.tz"],
    [
      "an hour past 23",
      hours('{ tz: Europe/Madrid, start: "25:00", end: "08:00" }'),
      'accounts.0.business_hours.start: must be a time of day from 00:00 to 23:59 (HH:MM), not "25:00"',
    ],
    ["24:00", hours('{ start: "08:00", end: "24:00" }'), "accounts.0.business_hours.end: must be a time of day"],
    ["a time without its leading zero", hours('{ start: "8:00", end: "22:00" }'), "accounts.0.business_hours.start"],
    ["no business days", hours('{ days: [], start: "08:00", end: "22:00" }'), "accounts.0.business_hours.days"],
    ["an SLA target past a year", "sla: { first_response_minutes: 1e300 }\n", "sla.first_response_minutes: must be <="],
    [
      "a ceiling below the target",
      "sla: { first_response_minutes: 400 }\n",
      "sla: ceiling_minutes (300) is less than first_response_minutes (400)",
    ],
    [
      "an account ceiling below the inherited target",
      "sla: { first_response_minutes: 60 }\naccounts: [{ handle: marca, sla: { ceiling_minutes: 30 } }]\n",
      "accounts.0.sla: ceiling_minutes (30) is less than first_response_minutes (60)",
    ],
  ])(
    "refuses %s when the config loads (exit 2, file and key named), not when a report runs",
    async (_what, content, message) => {
      const path = join(t.dir, "hours.yaml");
      writeFileSync(path, content);
      for (const command of [["config", "show"], ["report"], ["list"]]) {
        const res = await run(["--config", path, ...command], env);
        expect(res.code, `${command.join(" ")}: ${res.stderr}`).toBe(2);
        expect(res.stderr).toContain(`config file ${path}: ${message}`);
      }
    },
  );

  it.each([
    ["UTC and a night shift", hours('{ tz: UTC, start: "22:00", end: "06:00" }')],
    [
      "a zone with two slashes, 00:00 to 23:59",
      hours('{ tz: America/Argentina/Buenos_Aires, start: "00:00", end: "23:59" }'),
    ],
    ["a ceiling equal to the target", "sla: { first_response_minutes: 45, ceiling_minutes: 45 }\n"],
  ])("accepts %s, and report runs with it", async (_what, content) => {
    const path = join(t.dir, "ok.yaml");
    writeFileSync(path, content);
    const res = await run(["--config", path, "report", "--json"], env);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toHaveProperty("first_response");
  });

  it("config show prints the settings in the file's own keys, and they load back to the same text", async () => {
    // anchors in the file, an SLA shared by two accounts, an account that inherits the top-level SLA
    const path = join(t.dir, "team.yaml");
    writeFileSync(
      path,
      [
        "sla: &team { first_response_minutes: 30, ceiling_minutes: 120 }",
        "accounts:",
        '  - { handle: "@Marca", id: "900", sla: *team, business_hours: &bh { tz: Europe/Madrid, start: "08:00", end: "22:00" } }',
        "  - { handle: marca_help, business_hours: *bh }",
        "competitors: [{ handle: rival, name: Rival }, other]",
        "templates: { hi: 'Hola {user}, {signature}', bye: { lang: en, text: 'Bye {user}' } }",
        "",
      ].join("\n"),
    );
    const first = await run(["--config", path, "config", "show"], env);
    expect(first.code, first.stderr).toBe(0);
    const [comment, ...rest] = first.stdout.split("\n");
    expect(comment).toBe(`# settings in effect from ${path}`);
    const body = rest.join("\n");
    expect(body).not.toMatch(/[&*]\w+/); // no anchors or aliases
    expect(body).not.toMatch(/^\s*path:/m);
    expect(body).not.toMatch(/firstResponseMinutes|vipHandles|searchQueries|businessHours/);
    expect(body).toContain("business_hours:");
    expect(body).toContain('id: "900"');

    const shown = join(t.dir, "shown.yaml");
    writeFileSync(shown, first.stdout);
    const second = await run(["config", "show"], { ...env, XTRIAGE_CONFIG: shown });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout.replace(path, shown));

    // the JSON holds the same settings, beside the file they came from
    const json = JSON.parse((await run(["--config", shown, "config", "show", "--json"], env)).stdout);
    expect(json.path).toBe(shown);
    expect(json.settings).toEqual(parse(body));
    expect(json.settings.accounts[1]).toMatchObject({
      handle: "marca_help",
      sla: { first_response_minutes: 30, ceiling_minutes: 120 },
    });
  });

  it.each([
    ["the bundled scenario's config", join(SCENARIO, "config.yaml")],
    ["the built-in defaults", undefined],
  ])("config show of %s loads back to the same text", async (_what, config) => {
    const first = await run([...(config ? ["--config", config] : []), "config", "show"], env);
    expect(first.code, first.stderr).toBe(0);
    const shown = join(t.dir, "shown.yaml");
    writeFileSync(shown, first.stdout);
    const second = await run(["--config", shown, "config", "show"], env);
    expect(second.code, second.stderr).toBe(0);
    const body = (text: string) => text.slice(text.indexOf("\n") + 1);
    expect(body(second.stdout)).toBe(body(first.stdout));
    expect(first.stdout.split("\n")[0]).toBe(
      config ? `# settings in effect from ${config}` : "# built-in defaults (no config file)",
    );
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
      return JSON.parse(res.stdout).settings.vip_handles as string[];
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
    expect(JSON.parse(res.stdout).settings.vip_handles).toEqual(["ana"]);
    // a cache location that cannot be written (a file where its folder should be)
    const blocked = { ...env, XDG_CACHE_HOME: path };
    res = await run(["--config", path, "config", "show", "--json"], blocked);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).settings.vip_handles).toEqual(["ana"]);
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
