import type { Command } from "commander";
import type { Context } from "../context.js";
import { AuthError, Exit, XtriageError } from "../errors.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
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
        "commands it allows, and whether X accepts it (GET /2/users/me). Never shows a secret.",
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
  let accepted: boolean | null = null;
  let user: { id: string; username: string } | null = null;
  let problem: string | null = null;
  if (credentials.allows("me")) {
    try {
      const me = await (await ctx.x({ maxWaitSeconds: 0 })).me();
      accepted = true;
      user = { id: me.id, username: me.username };
    } catch (e) {
      if (!(e instanceof XtriageError)) throw e;
      accepted = e.exitCode === Exit.auth ? false : null;
      problem = e.message;
    }
  }
  const result = {
    credentials: credentials.kind,
    described: credentials.describe(),
    sources: credentials.sources,
    file: credentialFilePath(xEnv),
    problems: credentials.problems,
    allows: allowed.map((op) => COMMANDS_BY_OPERATION[op]),
    base_url: xEnv.X_API_BASE_URL ?? "https://api.x.com",
    accepted,
    user,
    error: problem,
  };
  if (opts.json) writeJson(ctx.io, result);
  else {
    const out = ctx.io.out;
    out.write(`credentials: ${credentials.describe()}\n`);
    for (const p of credentials.problems) out.write(`  problem: ${p}\n`);
    out.write(`allows: ${allowed.length ? result.allows.join("; ") : "nothing"}\n`);
    out.write(`X API: ${sanitizeText(result.base_url)}\n`);
    if (accepted === true)
      out.write(`X accepts them: authenticated as @${sanitizeText(user!.username)} (${user!.id})\n`);
    else if (accepted === false) out.write(`X refuses them: ${sanitizeText(problem ?? "")}\n`);
    else if (problem) out.write(`could not check with X: ${sanitizeText(problem)}\n`);
    else out.write("not checked: app-only tokens cannot call GET /2/users/me\n");
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
