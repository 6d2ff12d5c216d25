import { createReadStream, existsSync } from "node:fs";
import type { Readable } from "node:stream";
import type { Command } from "commander";
import type { Context } from "../context.js";
import { Exit, NotFoundError } from "../errors.js";
import { escapeJsonForTerminal } from "../io/sanitize.js";
import { act, examples } from "./options.js";

const MAX_LINE_BYTES = 1024 * 1024;

export function register(program: Command, ctx: Context): void {
  program
    .command("score")
    .argument("[file]", "JSONL to read (default: standard input)", "-")
    .summary("score posts from JSONL without storing them (for pipelines and evaluation)")
    .description(
      "Score each input line and write one JSON line per input line, in order: X API v2 post objects\n" +
        'with an optional inline author, twarc2 flattened posts, or {"text": "...", "lang": "es"}.\n' +
        'A bad line yields {"line": N, "error": "..."} in its place; the exit code is then 1.',
    )
    .addHelpText(
      "after",
      examples([
        'echo \'{"text":"llevo 3 días sin internet @fibranova","lang":"es"}\' | xtriage score',
        "xtriage score posts.jsonl | jq -c '{id, label, urgency}'",
      ]),
    )
    .action(act(ctx, (file: string) => runScore(ctx, file)));
}

export async function runScore(ctx: Context, file: string): Promise<number> {
  const input = openInput(file, ctx);
  const [{ readLines }, { postFromLoose, InputError }, { score }, { scoringConfigFrom }, config] = await Promise.all([
    import("../io/lines.js"),
    import("../core/normalize.js"),
    import("../core/score/index.js"),
    import("./ingest.js"),
    ctx.config(),
  ]);
  const scoring = scoringConfigFrom(config);
  const now = ctx.now();
  let bad = 0;
  let buffer = "";
  const flush = () => {
    if (buffer) ctx.io.out.write(buffer);
    buffer = "";
  };
  for await (const line of readLines(input, { maxLineBytes: MAX_LINE_BYTES })) {
    let result: unknown;
    if ("error" in line) {
      result = { line: line.n, error: line.error };
    } else {
      try {
        const { post, author } = postFromLoose(JSON.parse(line.text), now);
        const s = score(post, author, {
          now,
          hashtagAuthors24h: new Map(),
          history: { contacts24h: 0, pastTrollLabels: 0, pastGenuineLabels: 0 },
          config: scoring,
        });
        result = {
          ...(post.id ? { id: post.id } : {}),
          troll: s.troll,
          label: s.label,
          complaint: s.complaint,
          sentiment: s.sentiment,
          reach: s.reach,
          urgency: s.urgency,
          priority: s.priority,
          hashtags: s.hashtags,
          answer_for_audience: s.answerForAudience,
          reasons: s.reasons,
          lang: s.lang,
        };
      } catch (e) {
        if (!(e instanceof InputError) && !(e instanceof SyntaxError)) throw e;
        result = { line: line.n, error: e instanceof SyntaxError ? `invalid JSON (${e.message})` : e.message };
      }
    }
    if ("error" in (result as object)) bad++;
    buffer += `${escapeJsonForTerminal(JSON.stringify(result))}\n`;
    if (buffer.length > 65536) flush();
  }
  flush();
  return bad > 0 ? Exit.error : Exit.ok;
}

function openInput(file: string, ctx: Context): Readable {
  if (file === "-") return ctx.io.in;
  if (!existsSync(file)) throw new NotFoundError(`no such file: ${file}`);
  return createReadStream(file);
}
