import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../../src/cli.js";
import { testIO } from "../../src/io/iostreams.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin", "xtriage.js");
export const SCENARIO = join(ROOT, "fixtures", "scenario");
/** The scenario's clock: every bundled post is older than this. */
export const SCENARIO_NOW = "2026-11-20T12:00:00.000Z";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = "xtriage-test-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clean environment: no user config, a pinned clock, no colour forcing from the outside. */
export function baseEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, "config"),
    XDG_DATA_HOME: join(dir, "data"),
    XTRIAGE_DB: join(dir, "test.db"),
    XTRIAGE_NOW: SCENARIO_NOW,
    PATH: process.env.PATH ?? "",
    ...extra,
  };
}

/** Run the CLI in-process with in-memory streams. */
export async function run(
  argv: string[],
  env: Record<string, string>,
  opts: { tty?: boolean; color?: boolean; stdin?: string | Buffer; columns?: number } = {},
): Promise<RunResult> {
  const t = testIO({ tty: opts.tty ?? false, color: opts.color ?? false, columns: opts.columns ?? 120 });
  if (opts.stdin !== undefined) t.stdin.end(opts.stdin);
  else t.stdin.end();
  const code = await runCli(argv, t.io, env);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

/** Run the built binary as a child process (stdout and stderr are pipes). */
export function runBin(
  argv: string[],
  env: Record<string, string>,
  opts: { input?: string | Buffer } = {},
): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolveRun({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
    child.stdin.end(opts.input ?? "");
  });
}

/**
 * Run the built binary on a real pseudo-terminal (util-linux `script`), so stdout and stderr are
 * TTYs exactly as for a person at a terminal. Returns what the terminal received.
 */
export function runOnTerminal(argv: string[], env: Record<string, string>, columns = 120): RunResult {
  const quoted = [process.execPath, BIN, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const res = spawnSync("script", ["-qfec", `stty cols ${columns} rows 50; ${quoted}`, "/dev/null"], {
    env: { ...env, TERM: env.TERM ?? "xterm-256color" },
    encoding: "utf8",
    input: "",
  });
  return { code: res.status ?? 1, stdout: res.stdout, stderr: res.stderr };
}
