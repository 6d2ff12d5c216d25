import type { Command } from "commander";
import type { Context } from "../context.js";
import { writeJson } from "../io/output.js";
import { act, examples } from "./options.js";

export function register(program: Command, ctx: Context): void {
  const config = program
    .command("config")
    .summary("where the config and database live, and what the config says")
    .addHelpText(
      "after",
      examples(["xtriage config path", '$EDITOR "$(xtriage config path)"', "xtriage config show --json"]),
    );
  config
    .command("path")
    .description("print the config file path in use (it may not exist yet), or the database path with --db-path")
    .option("--db-path", "print the database path instead")
    .action(
      act(ctx, async (opts: { dbPath?: boolean }) => {
        if (opts.dbPath) {
          ctx.io.out.write(`${await ctx.dbPath()}\n`);
          return 0;
        }
        const { resolveConfigPath } = await import("../config.js");
        ctx.io.out.write(`${resolveConfigPath(globalsConfig(program), ctx.env).path}\n`);
        return 0;
      }),
    );
  config
    .command("show")
    .description("check the config file and print the settings in effect")
    .option("--json", "print as JSON")
    .action(
      act(ctx, async (opts: { json?: boolean }) => {
        const cfg = await ctx.config();
        if (opts.json) writeJson(ctx.io, cfg);
        else {
          const yaml = await import("yaml");
          ctx.io.out.write((yaml.stringify ?? yaml.default.stringify)(cfg));
        }
        return 0;
      }),
    );
}

function globalsConfig(program: Command): string | undefined {
  return (program.opts() as { config?: string }).config;
}
