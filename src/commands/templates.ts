import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import type { Context } from "../context.js";
import { TEMPLATE_VARIABLES } from "../core/template-vars.js";
import { NotFoundError, UsageError } from "../errors.js";
import { type FieldDef, writeFieldHelp, writeJson, writeRecords } from "../io/output.js";
import { sanitizeText } from "../io/sanitize.js";
import { act, addOutputOptions, examples, outputFlags } from "./options.js";

interface TemplateRow {
  name: string;
  lang: string;
  text: string;
}

const FIELDS: FieldDef<TemplateRow>[] = [
  { name: "name", get: (t) => t.name },
  { name: "lang", get: (t) => t.lang },
  { name: "text", get: (t) => t.text, flexible: true },
];

export function register(program: Command, ctx: Context): void {
  const configFlag = () => (program.opts() as { config?: string }).config;
  const templates = program
    .command("templates")
    .summary("reply templates in the config: list, show, add, remove")
    .addHelpText(
      "after",
      `\nVariables: ${TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(" ")}${examples([
        "xtriage templates list",
        'xtriage templates add sorry_es --lang es --text "Hola {user}, lo sentimos. {signature}"',
      ])}`,
    );
  addOutputOptions(templates.command("list").summary("every template")).action(
    act(ctx, (opts: Record<string, unknown>) => runTemplatesList(ctx, opts)),
  );
  templates
    .command("show")
    .argument("<name>")
    .option("--json", "print as JSON")
    .action(act(ctx, (name: string, opts: { json?: boolean }) => runTemplatesShow(ctx, name, opts)));
  templates
    .command("add")
    .argument("<name>")
    .requiredOption("--text <text>", "the template text")
    .option("--lang <code>", "its language (es, en …)")
    .option("--force", "replace a template with the same name")
    .action(act(ctx, (name: string, opts: AddOptions) => runTemplatesAdd(ctx, name, opts, configFlag())));
  templates
    .command("remove")
    .argument("<name>")
    .action(act(ctx, (name: string) => runTemplatesRemove(ctx, name, configFlag())));
}

interface AddOptions {
  text: string;
  lang?: string;
  force?: boolean;
}

export async function runTemplatesList(ctx: Context, opts: Record<string, unknown>): Promise<number> {
  if (writeFieldHelp(ctx.io, FIELDS, outputFlags(opts))) return 0;
  const config = await ctx.config();
  const rows = Object.entries(config.templates).map(([name, t]) => ({ name, lang: t.lang ?? "", text: t.text }));
  await writeRecords(ctx.io, rows, {
    defs: FIELDS,
    tableFields: ["name", "lang", "text"],
    flags: outputFlags(opts),
    now: ctx.now(),
  });
  return 0;
}

export async function runTemplatesShow(ctx: Context, name: string, opts: { json?: boolean }): Promise<number> {
  const t = (await ctx.config()).templates[name];
  if (!t) throw new NotFoundError(`no template named ${sanitizeText(name)}`, "xtriage templates list");
  if (opts.json) writeJson(ctx.io, { name, lang: t.lang ?? "", text: t.text });
  else ctx.io.out.write(`${sanitizeText(t.text, "multiline")}\n`);
  return 0;
}

/** Edits the YAML file in place (comments and order kept) and re-validates it by loading it. */
async function editConfig(
  ctx: Context,
  flag: string | undefined,
  edit: (doc: import("yaml").Document) => void,
): Promise<void> {
  const { resolveConfigPath } = await import("../config.js");
  const yaml = await import("yaml");
  const parseDocument = yaml.parseDocument ?? yaml.default.parseDocument;
  const path = resolveConfigPath(flag, ctx.env).path;
  const doc = parseDocument(existsSync(path) ? readFileSync(path, "utf8") : "");
  edit(doc);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, doc.toString());
}

function validName(name: string): string {
  if (!/^[\w-]{1,64}$/.test(name)) throw new UsageError("a template name is letters, digits, _ and -");
  return name;
}

export async function runTemplatesAdd(
  ctx: Context,
  name: string,
  opts: AddOptions,
  configFlag?: string,
): Promise<number> {
  validName(name);
  const config = await ctx.config();
  if (config.templates[name] && !opts.force) {
    throw new UsageError(`template ${name} exists`, "pass --force to replace it");
  }
  const unknown = [...opts.text.matchAll(/\{([a-z_]+)\}/gi)]
    .map((m) => m[1]!)
    .filter((v) => !(TEMPLATE_VARIABLES as readonly string[]).includes(v));
  if (unknown.length) {
    throw new UsageError(
      `unknown variables: ${unknown.map((v) => `{${v}}`).join(" ")}`,
      `known: ${TEMPLATE_VARIABLES.join(", ")}`,
    );
  }
  await editConfig(ctx, configFlag, (doc) => {
    doc.setIn(["templates", name], opts.lang ? { lang: opts.lang, text: opts.text } : { text: opts.text });
  });
  return 0;
}

export async function runTemplatesRemove(ctx: Context, name: string, configFlag?: string): Promise<number> {
  const config = await ctx.config();
  if (!config.templates[name]) throw new NotFoundError(`no template named ${sanitizeText(name)}`);
  await editConfig(ctx, configFlag, (doc) => {
    doc.deleteIn(["templates", name]);
  });
  return 0;
}
