import type { Command } from "commander";
import type { Context } from "../context.js";
import { AuthError, Exit, XtriageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import type { ResolvedCredentials } from "../x/credentials.js";
import { act, examples } from "./options.js";

const COMMANDS_BY_OPERATION: Record<string, string> = {
  read: "fetch (mentions and search)",
  me: "fetch without a configured account (the authenticated user is the brand)",
  reply: "reply",
  dm: "dm",
  "dm-read": "reading DM conversations",
};

export function register(program: Command, ctx: Context): void {
  const auth = program.command("auth").summary("X credentials: which are in use and whether X accepts them");
  auth
    .command("status")
    .description(
      "Say which X credential set is in use (from the environment or the 0600 credentials file), which\n" +
        "commands it allows, and whether X accepts it: GET /2/users/me for user context, GET /2/usage/tweets\n" +
        "for an app-only bearer token (it returns no posts or users, so it costs nothing). Never shows a secret.",
    )
    .option("--json", "print the result as JSON")
    .addHelpText("after", examples(["xtriage auth status", "xtriage --sandbox auth status --json"]))
    .action(act(ctx, (opts: { json?: boolean }) => runAuthStatus(ctx, opts)));
}

export async function runAuthStatus(ctx: Context, opts: { json?: boolean }): Promise<number> {
  const [{ resolveCredentials }, { readCredentialFile, credentialFilePath }, xEnv] = await Promise.all([
    import("../x/credentials.js"),
    import("../credential-file.js"),
    ctx.xEnv(),
  ]);
  const credentials = resolveCredentials(xEnv, readCredentialFile(xEnv));
  const allowed = Object.keys(COMMANDS_BY_OPERATION).filter((op) =>
    credentials.allows(op as Parameters<typeof credentials.allows>[0]),
  );
  const check = await checkWithX(ctx, credentials);
  const { accepted, user, usage, problem } = check;
  const result = {
    credentials: credentials.kind,
    described: credentials.describe(),
    sources: credentials.sources,
    file: credentialFilePath(xEnv),
    problems: credentials.problems,
    allows: allowed.map((op) => COMMANDS_BY_OPERATION[op]),
    base_url: xEnv.X_API_BASE_URL ?? "https://api.x.com",
    checked_with: check.endpoint ?? null,
    accepted,
    user,
    usage,
    error: problem,
  };
  if (opts.json) writeJson(ctx.io, result);
  else {
    const out = ctx.io.out;
    out.write(`credentials: ${credentials.describe()}\n`);
    for (const p of credentials.problems) out.write(`  problem: ${p}\n`);
    out.write(`allows: ${allowed.length ? result.allows.join("; ") : "nothing"}\n`);
    out.write(`X API: ${sanitizeText(result.base_url)}\n`);
    if (accepted === true && user)
      out.write(`X accepts them: authenticated as @${sanitizeText(user.username)} (${user.id})\n`);
    else if (accepted === true) out.write(`X accepts them: ${check.endpoint} answered${describeUsage(usage)}\n`);
    else if (accepted === false) out.write(`X refuses them: ${sanitizeText(problem ?? "")}\n`);
    else if (problem) out.write(`could not check with X: ${sanitizeText(problem)}\n`);
    else out.write("not checked: there are no credentials to check\n");
  }
  if (credentials.kind === "none") {
    throw new AuthError(
      "no X credentials found",
      "set X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET (or X_API_BEARER_TOKEN for reads), or try --sandbox",
    );
  }
  if (accepted === false)
    throw new AuthError("X does not accept these credentials", "check the keys and the app's permissions");
  return Exit.ok;
}

interface Check {
  /** The call that checked them; none without credentials. */
  endpoint?: "GET /2/users/me" | "GET /2/usage/tweets";
  accepted: boolean | null;
  user: { id: string; username: string } | null;
  usage: { posts_read: number | null; cap: number | null } | null;
  problem: string | null;
}

/**
 * One call that X answers only for valid credentials: the user for user context; for an app-only
 * bearer (which users/me refuses), the app's usage statistics, which return nothing billable.
 */
async function checkWithX(ctx: Context, credentials: ResolvedCredentials): Promise<Check> {
  const check: Check = { accepted: null, user: null, usage: null, problem: null };
  if (credentials.kind === "none") return check;
  const appOnly = credentials.kind === "app-only";
  check.endpoint = appOnly ? "GET /2/usage/tweets" : "GET /2/users/me";
  try {
    const x = await ctx.x({ maxWaitSeconds: 0 });
    if (appOnly) {
      const usage = await x.appUsage();
      check.usage = { posts_read: count(usage.project_usage), cap: count(usage.project_cap) };
    } else {
      const me = await x.me();
      check.user = { id: me.id, username: me.username };
    }
    check.accepted = true;
  } catch (e) {
    if (!(e instanceof XtriageError)) throw e;
    check.accepted = e.exitCode === Exit.auth ? false : null;
    check.problem = e.message;
  }
  return check;
}

function count(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function describeUsage(usage: Check["usage"]): string {
  if (usage?.posts_read == null) return "";
  const cap = usage.cap == null ? "" : ` of ${usage.cap}`;
  return ` (this app has read ${usage.posts_read}${cap} posts this billing cycle)`;
}
