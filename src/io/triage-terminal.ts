import { Writable } from "node:stream";
import type { ReadStream } from "node:tty";
import { InterruptedError } from "../errors.js";
import type { IOStreams } from "./iostreams.js";
import { sanitizeText } from "./sanitize.js";

/** What the triage session asks of the terminal; tests hand in a scripted one. */
export interface TriageUi {
  /** Clear the terminal and draw a screen. */
  draw(screen: string): void;
  /** A line under the screen: the result of an action, a lint verdict, a URL. */
  say(text: string): void;
  /** Wait for one of `keys` (a single key press, no Enter); any key when `keys` is empty. */
  key(keys: readonly string[]): Promise<string>;
  choose(message: string, choices: { value: string; name: string }[]): Promise<string>;
  /** Edit a text, `initial` prefilled, with `measure` shown live next to it. */
  edit(message: string, initial: string, measure: (text: string) => string): Promise<string>;
  ask(message: string, initial?: string): Promise<string>;
  confirm(message: string): Promise<boolean>;
}

const CTRL_C = "\u0003";
const CLEAR = "\u001b[2J\u001b[H";

// biome-ignore lint/suspicious/noExplicitAny: an @inquirer prompt's config type varies by prompt
type AnyPrompt<A> = (config: any, context?: any) => Promise<A>;

/**
 * How a prompt is shown and answered: by default on the session's streams; flow tests pass one that
 * renders the same prompt, with the same config, on @inquirer/testing's screen.
 */
export type PromptRunner = <A>(prompt: AnyPrompt<A>, config: object) => Promise<A>;

/** The terminal implementation: raw single keys, and @inquirer prompts loaded when first asked. */
export function terminalTriageUi(io: IOStreams, runPrompt?: PromptRunner): TriageUi {
  const context = { input: io.in, output: io.err };
  const run: PromptRunner = runPrompt ?? ((prompt, config) => prompt(config, context));
  return {
    draw(screen) {
      io.err.write(`${CLEAR}${screen}\n`);
    },
    say(text) {
      io.err.write(`${sanitizeText(text, "multiline")}\n`);
    },
    key: (keys) => readKey(io, keys),
    async choose(message, choices) {
      const { default: select } = await import("@inquirer/select");
      return interruptible(run<string>(select, { message, choices, pageSize: 10 }));
    },
    async edit(message, initial, measure) {
      const { default: input } = await import("@inquirer/input");
      return interruptible(run(input, editPrompt(message, initial, measure)));
    },
    async ask(message, initial) {
      const { default: input } = await import("@inquirer/input");
      return interruptible(
        run(input, { message, ...(initial !== undefined ? { default: initial, prefill: "editable" } : {}) }),
      );
    },
    async confirm(message) {
      const { default: confirm } = await import("@inquirer/confirm");
      return interruptible(run(confirm, { message, default: false }));
    },
  };
}

/** The editing prompt: the draft prefilled and editable, its measure (the weighted length) live beside it. */
export function editPrompt(message: string, initial: string, measure: (text: string) => string) {
  return {
    message,
    default: initial,
    prefill: "editable" as const,
    transformer: (value: string, { isFinal }: { isFinal: boolean }) =>
      isFinal ? value : `${value}  (${measure(value)})`,
  };
}

/** Ctrl-C inside a prompt rejects with inquirer's ExitPromptError: the session leaves with 130. */
async function interruptible<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (e) {
    if ((e as Error)?.name === "ExitPromptError") throw new InterruptedError();
    throw e;
  }
}

/** One key press in raw mode; Ctrl-C is an interruption, keys not offered are ignored. */
function readKey(io: IOStreams, keys: readonly string[]): Promise<string> {
  const input = io.in as ReadStream;
  const raw = typeof input.setRawMode === "function";
  if (raw) input.setRawMode(true);
  input.resume();
  return new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer | string) => {
      const s = (typeof chunk === "string" ? chunk : chunk.toString("utf8")).toLowerCase();
      if (s.includes(CTRL_C)) return finish(() => reject(new InterruptedError()));
      const hit = keys.length === 0 ? s : [...s].find((ch) => keys.includes(ch));
      if (hit) finish(() => resolve(hit));
    };
    const onEnd = () => finish(() => reject(new InterruptedError("the terminal closed")));
    const finish = (settle: () => void) => {
      input.off("data", onData);
      input.off("end", onEnd);
      if (raw) input.setRawMode(false);
      input.pause();
      settle();
    };
    input.on("data", onData);
    input.once("end", onEnd);
  });
}

export interface CapturedIO {
  io: IOStreams;
  /** What was written since the last call, then forgotten. */
  take(): { out: string; err: string };
}

/**
 * The session's streams with stdout and stderr kept in memory: the scriptable commands it calls
 * print their results there, and the session shows them under the screen in its own way.
 */
export function captureIO(io: IOStreams): CapturedIO {
  let out = "";
  let err = "";
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        add(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
        done();
      },
    });
  return {
    io: {
      ...io,
      out: sink((s) => {
        out += s;
      }),
      err: sink((s) => {
        err += s;
      }),
    },
    take() {
      const taken = { out, err };
      out = "";
      err = "";
      return taken;
    },
  };
}
