import { runCli } from "./cli.js";
import { Exit } from "./errors.js";
import { type StreamFlags, systemIO } from "./io/iostreams.js";

/** Flags that shape the streams are needed before commander runs: read them from argv first. */
function streamFlags(argv: string[]): StreamFlags {
  const end = argv.indexOf("--");
  const args = end === -1 ? argv : argv.slice(0, end);
  return {
    noColor: args.includes("--no-color"),
    noInput: args.includes("--no-input"),
    quiet: args.includes("--quiet") || args.includes("-q"),
    verbose: args.includes("--verbose"),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const io = systemIO(streamFlags(argv));
  process.on("SIGINT", () => {
    io.err.write("\ninterrupted\n");
    process.exit(Exit.interrupted);
  });
  process.exitCode = await runCli(argv, io, process.env);
}

await main();
