import type { Command } from "commander";
import type { Context } from "../context.js";
import { writeJson } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
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
    .description("check the config file and print the settings in effect (YAML that loads back as a config)")
    .option("--json", 'print JSON: { "path": file or null, "settings": {…} }')
    .action(
      act(ctx, async (opts: { json?: boolean }) => {
        const cfg = await ctx.config();
        const { toDocument } = await import("../config.js");
        const settings = toDocument(cfg);
        if (opts.json) writeJson(ctx.io, { path: cfg.path, settings });
        else ctx.io.out.write(`${sourceComment(cfg.path)}\n${await toYaml(settings)}`);
        return 0;
      }),
    );
}

/** Where the settings came from, as a YAML comment: the file stays loadable. */
function sourceComment(path: string | null): string {
  return path === null ? "# built-in defaults (no config file)" : `# settings in effect from ${sanitizeText(path)}`;
}

/** Plain YAML: no anchors for values that happen to be shared, no folding of long templates. */
async function toYaml(value: unknown): Promise<string> {
  const yaml = await import("yaml");
  return (yaml.stringify ?? yaml.default.stringify)(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}

function globalsConfig(program: Command): string | undefined {
  return (program.opts() as { config?: string }).config;
}
