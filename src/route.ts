/**
 * Which command a command line names, read before anything else loads: bin/xtriage.js picks the
 * bundle to load from it, and the CLI loads only that command's code.
 */

/** Global options that take a value: their value is not the command name. */
const VALUE_OPTIONS = new Set(["--db", "--config", "--agent"]);

/** Commands built into a bundle of their own (dist/<name>.js), for the start-up time of scripts. */
export const STANDALONE: Readonly<Record<string, string>> = { list: "list", queue: "list" };

export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/** The bundle bin/xtriage.js loads for a command line: a standalone one, else the whole CLI. */
export function bundleFor(argv: readonly string[]): string {
  const name = commandName(argv);
  return (name !== undefined && STANDALONE[name]) || "main";
}
