import { type Command, InvalidArgumentError } from "commander";
import type { Config } from "../config.js";
import type { Context } from "../context.js";
import { NotFoundError, UsageError } from "../errors.js";
import type { OutputFlags } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";

/** The same output flags on every command that prints rows or a result (design §8). */
export function addOutputOptions(cmd: Command, withFields = true): Command {
  cmd
    .option("--json", "print JSON")
    .option("--ndjson", "print one JSON object per line")
    .option("--csv", "print CSV (cells starting with = + - @ are made inert)");
  if (withFields) cmd.option("--fields <names>", "comma-separated fields to print (--fields help lists them)");
  return cmd;
}

export function outputFlags(opts: Record<string, unknown>): OutputFlags {
  return {
    json: opts.json === true,
    ndjson: opts.ndjson === true,
    csv: opts.csv === true,
    ...(typeof opts.fields === "string" ? { fields: opts.fields } : {}),
  };
}

export function parseInteger(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/** --budget: an amount in USD, zero or more. */
export function parseBudget(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new UsageError("--budget takes an amount in USD, like 0.50");
  }
  return n;
}

export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const DURATION = /^(\d+)\s*(m|min|h|d|w)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "90m", "24h", "7d", "2w" before now, or an ISO date/time. Returns ISO-8601 UTC. */
export function parseSince(value: string, now: Date, flag = "--since"): string {
  const m = DURATION.exec(value.trim());
  if (m) return new Date(now.getTime() - Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!).toISOString();
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`${flag} takes a duration like 24h or 7d, or a date like 2026-11-01`);
  return new Date(t).toISOString();
}

export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}

/** Wrap a command's run function as a commander action that records its exit code. */
export function act<A extends unknown[]>(ctx: Context, run: (...args: A) => Promise<number>) {
  return async (...args: A): Promise<void> => {
    ctx.exitCode = await run(...args);
  };
}

/** A brand account: its X user id and handle. */
export interface BrandAccount {
  id: string;
  handle: string;
}

/**
 * The brand accounts that --account names (handles with or without @, or user ids), from the config
 * or the accounts a fetch saw. One check for every command: an unknown account is not found (exit 3).
 */
export function brandAccounts(given: readonly string[], config: Config, seen: readonly BrandAccount[]): BrandAccount[] {
  return given.map((value) => {
    const name = value.trim();
    const handle = name.replace(/^@/, "").toLowerCase();
    const configured = config.accounts.find((a) => a.handle.toLowerCase() === handle || a.id === name);
    const wanted = configured?.handle.toLowerCase() ?? handle;
    const fetched = seen.find((a) => a.handle.toLowerCase() === wanted || a.id === (configured?.id ?? name));
    const id = configured?.id ?? fetched?.id;
    if (!id) {
      throw new NotFoundError(
        `no account ${/^\d+$/.test(name) ? name : `@${sanitizeText(handle)}`}`,
        "accounts come from the config (accounts: with an id) or from a fetch; check xtriage config",
      );
    }
    return { id, handle: configured?.handle ?? fetched?.handle ?? handle };
  });
}

/** For a command with --max-wait: a rate limit that outlasted the wait names the flag. */
export async function hintMaxWait(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    const { XRateLimitError } = await import("../x/errors.js");
    throw e instanceof XRateLimitError ? e.withHint("wait, or raise --max-wait") : e;
  }
}

/** Accept a bare id or an x.com / twitter.com status URL. */
export function parseId(value: string): string {
  const v = value.trim();
  if (/^\d{1,19}$/.test(v)) return v;
  const m = /(?:x|twitter)\.com\/(?:i\/web|[^/]+)\/status(?:es)?\/(\d{1,19})/.exec(v);
  if (m) return m[1]!;
  throw new UsageError(`not a post id: ${sanitizeText(value)}`, "ids are digits, like 1861234567890123456");
}
