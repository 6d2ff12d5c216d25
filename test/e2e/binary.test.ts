import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportError } from "../../src/cli.js";
import {
  AuthError,
  ConflictError,
  Exit,
  InterruptedError,
  NotFoundError,
  TryLaterError,
  UsageError,
  XtriageError,
} from "../../src/errors.js";
import { testIO } from "../../src/io/iostreams.js";
import { BIN, baseEnv, ROOT, runBin, runOnTerminal, SCENARIO, tempDir } from "../helpers/cli.js";

// The built binary, as users and cron run it (npm test builds dist/ first).
let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
const ESC = "\u001b";

beforeAll(async () => {
  t = tempDir();
  env = baseEnv(t.dir);
  const res = await runBin(["import", join(SCENARIO, "pages.jsonl")], env);
  expect(res.code, res.stderr).toBe(0);
});
afterAll(() => t.cleanup());

describe("the built binary", () => {
  it("prints its version", async () => {
    const res = await runBin(["--version"], env);
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("has --help with examples on every command", async () => {
    for (const cmd of ["import", "list", "show", "score", "config"]) {
      const res = await runBin([cmd, "--help"], env);
      expect(res.code, cmd).toBe(0);
      expect(res.stdout, cmd).toContain("Examples:");
    }
  });

  it("lists without loading the parts of Node it does not use (start-up time)", async () => {
    // child_process (pulled in by commander) and http (the X client) cost milliseconds of every start
    const preload = join(t.dir, "builtins.mjs");
    writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')))));\n",
    );
    const res = await runBin(["list", "--json", "--limit", "5"], { ...env, NODE_OPTIONS: `--import=${preload}` });
    expect(res.code, res.stderr).toBe(0);
    const loaded = JSON.parse(res.stderr) as string[];
    expect(loaded).toContain("NativeModule fs"); // the probe itself works
    for (const unused of ["child_process", "http", "https", "worker_threads"]) {
      expect(loaded).not.toContain(`NativeModule ${unused}`);
    }
  });

  it("writes TSV to a pipe, with nothing on stderr", async () => {
    const res = await runBin(["list", "--limit", "3"], env);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    expect(res.stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(res.stdout).not.toContain(ESC);
  });

  it("draws a coloured table on a real terminal", () => {
    const res = runOnTerminal(["list", "--limit", "5"], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/\u001b\[1mPRI/);
    expect(res.stdout.replace(/\u001b\[[0-9;]*m/g, "")).toMatch(/PRI\s+AGE\s+ID/);
  });

  it("draws no colour with NO_COLOR, TERM=dumb or --no-color", () => {
    for (const [extra, args] of [
      [{ NO_COLOR: "1" }, []],
      [{ TERM: "dumb" }, []],
      [{}, ["--no-color"]],
    ] as const) {
      const res = runOnTerminal(["list", "--limit", "5", ...args], { ...env, ...extra });
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/PRI\s+AGE\s+ID/);
      expect(res.stdout).not.toMatch(/\u001b\[[0-9;]*m/);
    }
  });

  it("shows hostile posts on a real terminal with every escape neutralised", async () => {
    const hostile = readFileSync(join(SCENARIO, "pages.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .flatMap((l) => JSON.parse(l).data as { id: string; text: string }[])
      .find((p) => p.text.includes(ESC))!;
    const res = runOnTerminal(["show", hostile.id, "--no-color"], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("␛[31mURGENT");
    // `script` itself sends no escapes with --no-color; any ESC would have come from the post
    expect(res.stdout).not.toContain(ESC);
    expect(res.stdout).not.toContain("\u0007");
  });

  it("stops quietly when the reader closes the pipe early", async () => {
    const child = spawn("sh", ["-c", `"${process.execPath}" "${BIN}" list --status all --limit 0 | head -n 1`], {
      env,
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code).toBe(0);
    expect(err).toBe("");
  });
});

describe("output that cannot be written", () => {
  it("a full disk under `list --csv > file` is one plain line and exit 1, not a stack trace", async () => {
    const full = openSync("/dev/full", "w");
    const res = spawnSync(process.execPath, [BIN, "list", "--status", "all", "--csv"], {
      env,
      stdio: ["ignore", full, "pipe"],
      encoding: "utf8",
    });
    closeSync(full);
    expect(res.status).toBe(1);
    expect(res.stderr).toBe("xtriage: cannot write the output: ENOSPC: no space left on device, write\n");
  });

  it("diagnostics going nowhere (stderr closed early) leave the command's work and exit code alone", async () => {
    const db = join(t.dir, "stderr-closed.db");
    const child = spawn(process.execPath, [BIN, "import", join(SCENARIO, "pages.jsonl")], {
      env: { ...env, XTRIAGE_DB: db },
      stdio: ["ignore", "ignore", "pipe"],
    });
    // the reader is gone before the summary is written: that write fails with EPIPE
    child.stderr.destroy();
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code).toBe(0);
    const stored = new Database(db, { readonly: true });
    expect((stored.prepare("SELECT count(*) AS n FROM mentions").get() as { n: number }).n).toBeGreaterThan(200);
    stored.close();
  });
});

describe("exit codes", () => {
  it("2 for usage errors: unknown command, unknown option, bad value", async () => {
    for (const args of [
      ["frobnicate"],
      ["list", "--bogus"],
      ["list", "--limit", "many"],
      ["list", "--sort", "x"],
      ["help", "frobnicate"],
      ["help", "followup", "frobnicate"],
      ["followup", "help", "frobnicate"],
    ]) {
      const res = await runBin(args, env);
      expect(res.code, args.join(" ")).toBe(Exit.usage);
      expect(res.stderr).toMatch(/^xtriage: /m);
    }
  });

  it("help names a command (or a verb of one) and prints its help on stdout, exit 0; an unknown name is exit 2", async () => {
    const bad = await runBin(["help", "nope"], env);
    expect(bad.code).toBe(Exit.usage);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("xtriage: unknown command 'nope'");
    for (const [args, usage] of [
      [["help"], "Usage: xtriage [options] [command]"],
      [["help", "queue"], "Usage: xtriage list|queue [options]"],
      [["help", "followup", "add"], "Usage: xtriage followup add [options] <id>"],
      [["followup", "help", "add"], "Usage: xtriage followup add [options] <id>"],
    ] as const) {
      const res = await runBin([...args], env);
      expect(res.code, args.join(" ")).toBe(0);
      expect(res.stdout.split("\n")[0], args.join(" ")).toBe(usage);
    }
  });

  it("3 when a post is not found", async () => {
    expect((await runBin(["show", "42"], env)).code).toBe(Exit.notFound);
  });

  it("1 for a database from a newer xtriage, with a clear message", async () => {
    const d = tempDir();
    const future = join(d.dir, "future.db");
    const raw = new Database(future);
    raw.pragma("user_version = 999");
    raw.close();
    const res = await runBin(["list", "--db", future], env);
    d.cleanup();
    expect(res.code).toBe(Exit.error);
    expect(res.stderr).toContain("newer than this xtriage understands");
  });

  it("5 when another process holds the database past the busy timeout", async () => {
    const holder = new Database(env.XTRIAGE_DB!);
    holder.exec("BEGIN IMMEDIATE");
    try {
      const page = readFileSync(join(SCENARIO, "later.jsonl"), "utf8");
      const res = await runBin(["import", "-"], { ...env, XTRIAGE_BUSY_TIMEOUT_MS: "100" }, { input: page });
      expect(res.code).toBe(Exit.tryLater);
      expect(res.stderr).toContain("busy");
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });

  it("130 when interrupted with Ctrl-C", async () => {
    const child = spawn(process.execPath, [BIN, "import", "-"], { env, stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.write('{"meta":{"result_count":0}}\n');
    await new Promise((r) => setTimeout(r, 700));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code).toBe(Exit.interrupted);
  });

  it("maps every error kind to the code of the contract", () => {
    const cases: [unknown, number][] = [
      [new XtriageError("x"), 1],
      [new UsageError("x"), 2],
      [new NotFoundError("x"), 3],
      [new AuthError("x"), 4],
      [new TryLaterError("x"), 5],
      [new ConflictError("x"), 6],
      [new XtriageError("x", Exit.attention), 7],
      [new InterruptedError(), 130],
      [new Error("boom"), 1],
    ];
    for (const [error, code] of cases) {
      const io = testIO();
      expect(reportError(io.io, error)).toBe(code);
      expect(io.stderr()).toMatch(/^xtriage: /);
    }
  });
});
