import { writeSync } from "node:fs";
import { PassThrough, type Readable, Writable } from "node:stream";
import { isatty } from "node:tty";

/** Where a command reads and writes, and what the terminal can do. The only owner of stdin/stdout/stderr. */
export interface IOStreams {
  readonly in: Readable;
  readonly out: Writable;
  readonly err: Writable;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Colour decided once per stream (design §8). */
  readonly colorOut: boolean;
  readonly colorErr: boolean;
  /** Terminal width when the command started (tables are laid out once). */
  readonly columns: number;
  /** The terminal's size now, for full-screen redraws (the screen is drawn on stderr). */
  terminalSize(): { columns: number; rows: number };
  /** Call `listener` whenever the terminal is resized; returns the function that stops it. */
  onResize(listener: () => void): () => void;
  readonly noInput: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

export interface StreamFlags {
  noColor?: boolean;
  noInput?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Colour only on a TTY, never with NO_COLOR (any non-empty value), TERM=dumb or --no-color.
 * FORCE_COLOR (non-zero) or CLICOLOR_FORCE forces it on. chalk alone ignores NO_COLOR, hence this.
 */
export function decideColor(isTTY: boolean, env: Env, noColorFlag = false): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR ?? (env.CLICOLOR_FORCE && env.CLICOLOR_FORCE !== "0" ? "1" : undefined);
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (env.TERM === "dumb") return false;
  return isTTY;
}

export function canPrompt(io: IOStreams): boolean {
  return io.stdinIsTTY && io.stdoutIsTTY && !io.noInput;
}

export function systemIO(flags: StreamFlags = {}, env: Env = process.env): IOStreams {
  // A closed pipe (xtriage list | head) is not an error: stop quietly. Any other failure to write the
  // output (a full disk under `list --csv > file`) is one line, not a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    writeSync(2, `xtriage: cannot write the output: ${e.message}\n`);
    process.exit(1);
  });
  // Diagnostics going nowhere (xtriage fetch 2>&1 | head -1) must not change what the command does
  // or its exit code: the rest of them are dropped.
  process.stderr.on("error", () => {});
  const stdoutIsTTY = process.stdout.isTTY === true;
  const stderrIsTTY = process.stderr.isTTY === true;
  return {
    // Standard input is set up only when read: building the stream costs ~2 ms of every start.
    get in() {
      return process.stdin;
    },
    out: process.stdout,
    err: process.stderr,
    stdinIsTTY: isatty(0),
    stdoutIsTTY,
    stderrIsTTY,
    colorOut: decideColor(stdoutIsTTY, env, flags.noColor),
    colorErr: decideColor(stderrIsTTY, env, flags.noColor),
    columns: process.stdout.columns || Number(env.COLUMNS) || 80,
    terminalSize: () => ({
      columns: process.stderr.columns || process.stdout.columns || Number(env.COLUMNS) || 80,
      rows: process.stderr.rows || process.stdout.rows || Number(env.LINES) || 24,
    }),
    onResize(listener) {
      // a TTY stream emits 'resize' on SIGWINCH; stdout may be the only TTY of the two
      const stream = process.stderr.isTTY ? process.stderr : process.stdout;
      stream.on("resize", listener);
      return () => {
        stream.off("resize", listener);
      };
    },
    noInput: flags.noInput === true || Boolean(env.XTRIAGE_NO_INPUT),
    quiet: flags.quiet === true,
    verbose: flags.verbose === true,
  };
}

export interface TestIO {
  io: IOStreams;
  /** Resize the pretend terminal, telling whoever listens (as SIGWINCH does). */
  resize(columns: number, rows: number): void;
  stdout(): string;
  stderr(): string;
  /** Feed standard input; call end() when done. */
  stdin: PassThrough;
}

/** In-memory streams for in-process tests; every TTY flag false unless asked. */
export function testIO(
  opts: { tty?: boolean; color?: boolean; columns?: number; rows?: number; noInput?: boolean; quiet?: boolean } = {},
): TestIO {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (buf: string[]) =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        buf.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
        done();
      },
    });
  const stdin = new PassThrough();
  const tty = opts.tty === true;
  let size = { columns: opts.columns ?? 100, rows: opts.rows ?? 24 };
  const listeners = new Set<() => void>();
  return {
    io: {
      in: stdin,
      out: sink(out),
      err: sink(err),
      stdinIsTTY: tty,
      stdoutIsTTY: tty,
      stderrIsTTY: tty,
      colorOut: opts.color ?? false,
      colorErr: opts.color ?? false,
      columns: opts.columns ?? 100,
      terminalSize: () => ({ ...size }),
      onResize(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      noInput: opts.noInput ?? false,
      quiet: opts.quiet ?? false,
      verbose: false,
    },
    resize(columns, rows) {
      size = { columns, rows };
      for (const listener of [...listeners]) listener();
    },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
    stdin,
  };
}
