import type { Command } from "commander";
import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { act, examples, parseInteger } from "./options.js";

export interface SandboxCommandOptions {
  port?: number;
  speed?: number;
  clock?: string;
}

export function register(program: Command, ctx: Context): void {
  program
    .command("sandbox")
    .summary("run a local X API v2 server with the bundled scenario, in the foreground")
    .description(
      "A real HTTP server on 127.0.0.1 that speaks the part of X API v2 xtriage uses, seeded with the\n" +
        "bundled FibraNova scenario. Point xtriage at it with the printed environment; stop with Ctrl-C.\n" +
        "The scenario clock starts at 2026-11-20 12:00 UTC; --speed makes it run (60: a minute a second),\n" +
        "so later mentions arrive. The global --sandbox starts one inside any command instead.",
    )
    .option("--port <n>", "port to listen on (default: a free one)", parseInteger("--port", 0, 65535))
    .option("--speed <n>", "scenario seconds per real second (default 0: the clock stands still)", Number)
    .option("--clock <time>", "start the scenario clock here (ISO time)")
    .addHelpText(
      "after",
      examples([
        "xtriage sandbox --port 8787",
        'eval "$(xtriage sandbox --port 8787 | tail -n +2)" &   # in another shell: export the printed lines',
        "xtriage --sandbox fetch && xtriage list",
      ]),
    )
    .action(act(ctx, (opts: SandboxCommandOptions) => runSandbox(ctx, opts)));
}

export async function runSandbox(ctx: Context, opts: SandboxCommandOptions): Promise<number> {
  if (opts.speed !== undefined && (!Number.isFinite(opts.speed) || opts.speed < 0)) {
    throw new UsageError("--speed takes a number of scenario seconds per second, 0 or more");
  }
  const { startSandbox } = await import("../sandbox/server.js");
  const box = await startSandbox({
    port: opts.port ?? 0,
    ...(opts.speed !== undefined ? { clockSpeed: opts.speed } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") throw new UsageError(`port ${opts.port} is already in use`);
    throw e;
  });
  ctx.io.out.write(`${box.baseUrl}\n`);
  for (const [k, v] of Object.entries(box.env())) ctx.io.out.write(`export ${k}=${v}\n`);
  if (!ctx.io.quiet) {
    ctx.io.err.write(`sandbox X API for @${box.brand.username} on ${box.baseUrl} (Ctrl-C stops it)\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGTERM", stop);
  });
  await box.close();
  return 0;
}
