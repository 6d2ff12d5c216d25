import { Command, CommanderError } from "commander";
import { type Context, createContext, type GlobalOptions } from "./context.js";
import { Exit, fromSqliteError, XtriageError } from "./errors.js";
import type { IOStreams } from "./io/iostreams.js";
import { sanitizeText } from "./io/sanitize.js";
import { commandName } from "./route.js";

declare const __XTRIAGE_VERSION__: string;
const VERSION = typeof __XTRIAGE_VERSION__ === "string" ? __XTRIAGE_VERSION__ : "0.0.0-dev";

type Env = Record<string, string | undefined>;

const ROOT_HELP = `
Environment:
  XTRIAGE_DB       database file (default $XDG_DATA_HOME/xtriage/xtriage.db)
  XTRIAGE_CONFIG   config file (default $XDG_CONFIG_HOME/xtriage/config.yaml)
  XTRIAGE_AGENT    your agent name, as on actions and claims
  X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET   OAuth 1.0a user context
  X_OAUTH2_ACCESS_TOKEN (+ X_OAUTH2_REFRESH_TOKEN)            OAuth 2.0 user token
  X_API_BEARER_TOKEN   app-only, reads only (TWITTER_* names accepted too)
  X_API_BASE_URL   another X API base (a sandbox)
  NO_COLOR         no colour; also TERM=dumb or --no-color

Output: a table on a terminal, tab-separated when piped, --json, --ndjson or --csv.

Exit codes:
  0 ok · 1 error · 2 usage · 3 not found · 4 auth or permission
  5 try later (rate limit, budget, usage cap, database busy)
  6 conflict (already handled, claimed by another) · 7 attention (for cron) · 130 interrupted

Examples:
  xtriage --sandbox fetch          # no X account needed: the bundled scenario
  xtriage fetch --no-wait          # from cron
  xtriage import mentions.jsonl
  xtriage list
  xtriage show 1861234567890123456
  xtriage list --ndjson | jq -r 'select(.urgency > 70) | .id'
`;

interface CommandModule {
  register(program: Command, ctx: Context): void;
}

/**
 * Every command, by name and alias, loaded on demand: a run of `xtriage list` parses only the list
 * command's code; help and unknown names load them all.
 */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  fetch: () => import("./commands/fetch.js"),
  import: () => import("./commands/import.js"),
  list: () => import("./commands/list.js"),
  show: () => import("./commands/show.js"),
  score: () => import("./commands/score.js"),
  cost: () => import("./commands/cost.js"),
  auth: () => import("./commands/auth.js"),
  sandbox: () => import("./commands/sandbox.js"),
  config: () => import("./commands/config.js"),
  reply: () => import("./commands/reply.js"),
  dm: () => import("./commands/dm.js"),
  escalate: () => import("./commands/escalate.js"),
  note: () => import("./commands/note.js"),
  claim: () => import("./commands/claim.js"),
  release: () => import("./commands/claim.js"),
  next: () => import("./commands/claim.js"),
  followup: () => import("./commands/followup.js"),
  resolve: () => import("./commands/resolve.js"),
  ignore: () => import("./commands/resolve.js"),
  reopen: () => import("./commands/resolve.js"),
  outbox: () => import("./commands/outbox.js"),
  user: () => import("./commands/user.js"),
  templates: () => import("./commands/templates.js"),
  forget: () => import("./commands/forget.js"),
  report: () => import("./commands/report.js"),
  triage: () => import("./commands/triage.js"),
};

const ALIASES: Record<string, string> = { queue: "list" };

async function loadCommands(argv: string[]): Promise<CommandModule[]> {
  const given = commandName(argv);
  const named = given ? (ALIASES[given] ?? given) : undefined;
  const loaders = named && COMMANDS[named] ? [COMMANDS[named]] : Object.values(COMMANDS);
  return Promise.all(loaders.map((load) => load()));
}

export function buildProgram(ctx: Context, io: IOStreams, commands: CommandModule[]): Command {
  const program = new Command("xtriage");
  program
    .description("A care desk for answering a brand's customers on X, from the terminal.")
    .version(VERSION, "-V, --version", "print the version")
    .option("--db <path>", "database file (env XTRIAGE_DB)")
    .option("--config <path>", "config file (env XTRIAGE_CONFIG)")
    .option("--agent <name>", "who is acting (env XTRIAGE_AGENT)")
    .option("--sandbox", "talk to a local sandbox X API with the bundled scenario instead of X")
    .option("--no-input", "never prompt; fail and name the missing flag instead")
    .option("--no-color", "no colour (also NO_COLOR=1 or TERM=dumb)")
    .option("-q, --quiet", "only errors on stderr")
    .option("--verbose", "more detail on stderr, stack traces on errors")
    .addHelpText("after", ROOT_HELP)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out.write(s),
      writeErr: (s) => io.err.write(s),
      outputError: (s, write) => write(s.startsWith("error:") ? `xtriage: ${s.slice(7)}` : s),
    });
  for (const c of commands) c.register(program, ctx);
  addHelpCommand(program);
  for (const sub of program.commands) inheritSettings(sub);
  return program;
}

function inheritSettings(cmd: Command): void {
  cmd.exitOverride().showHelpAfterError("(run with --help for usage)");
  if (cmd.commands.length > 0 && cmd.name() !== "help") addHelpCommand(cmd);
  for (const sub of cmd.commands) inheritSettings(sub);
}

/**
 * `help [command...]` in place of commander's, which shows the help and exits 0 for a name it does
 * not know: here that is a usage error (exit 2), as for any unknown command.
 */
function addHelpCommand(cmd: Command): void {
  cmd.helpCommand(false);
  cmd
    .command("help")
    .argument("[command...]", "the command, and its subcommand")
    .description("display help for command")
    .action((names: string[]) => {
      let target = cmd;
      for (const name of names) {
        const sub = target.commands.find((c) => c.name() === name || c.aliases().includes(name));
        if (!sub)
          return target.error(`error: unknown command '${name}'`, { code: "commander.unknownCommand", exitCode: 2 });
        target = sub;
      }
      target.help();
    });
}

/** Run the CLI in-process and return the exit code. Errors are printed here, once. */
export async function runCli(argv: string[], io: IOStreams, env: Env): Promise<number> {
  let program: Command | undefined;
  const ctx = createContext(io, () => (program?.opts() ?? {}) as GlobalOptions, env);
  let code: number = Exit.ok;
  try {
    program = buildProgram(ctx, io, await loadCommands(argv));
    program.hook("preAction", (_root, action) => {
      ctx.commandName = action.name();
    });
    await program.parseAsync(argv, { from: "user" });
    if (argv.length === 0) program.outputHelp();
    code = ctx.exitCode;
  } catch (e) {
    code = reportError(io, fromSqliteError(e, "the database"));
  } finally {
    await ctx.close();
  }
  return code;
}

/** Print an error the way users see it and return its exit code (the one mapping of design §8). */
export function reportError(io: IOStreams, e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") {
      return Exit.ok;
    }
    // commander already printed its message
    return Exit.usage;
  }
  if (e instanceof XtriageError) {
    io.err.write(`xtriage: ${sanitizeText(e.message)}\n`);
    if (e.hint) io.err.write(`  ${sanitizeText(e.hint)}\n`);
    if (io.verbose && e.stack) io.err.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  io.err.write(`xtriage: unexpected error: ${sanitizeText(err?.message ?? String(e))}\n`);
  if (io.verbose && err?.stack) io.err.write(`${err.stack}\n`);
  else io.err.write("  run again with --verbose for details\n");
  return Exit.error;
}
