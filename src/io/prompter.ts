import { UsageError } from "../errors.js";
import { canPrompt, type IOStreams } from "./iostreams.js";
import { sanitizeText } from "./sanitize.js";

/** The questions a command may ask a person at a terminal. */
export interface Prompter {
  confirm(message: string, defaultAnswer?: boolean): Promise<boolean>;
}

/** A prompter on the context's streams; @inquirer/confirm loads only when a question is asked. */
export function terminalPrompter(io: IOStreams): Prompter {
  return {
    async confirm(message, defaultAnswer = false) {
      const { default: confirm } = await import("@inquirer/confirm");
      return confirm({ message, default: defaultAnswer }, { input: io.in, output: io.err });
    },
  };
}

export interface ConfirmOptions {
  /** Shown before the question: exactly what will be sent. */
  preview?: string;
  prompter?: Prompter;
  /** The command has --dry-run: the hint offers it. */
  dryRun?: boolean;
}

/**
 * Confirmation before an action that reaches X (or cannot be undone): `--yes` answers it; on a
 * terminal the person is asked; otherwise it is a usage error naming the flag (design §8: never hang
 * waiting for input).
 */
export async function confirmRemote(
  io: IOStreams,
  yes: boolean | undefined,
  question: string,
  options: ConfirmOptions = {},
): Promise<boolean> {
  if (yes) return true;
  if (!canPrompt(io)) {
    throw new UsageError(
      `not confirmed: ${question.replace(/\?$/, "")} needs --yes when not on a terminal`,
      options.dryRun ? "pass --yes to confirm, or --dry-run to see what would be sent" : "pass --yes to confirm",
    );
  }
  // the person confirms what they see: the exact text, made inert (it may quote a stranger)
  if (options.preview) io.err.write(`${sanitizeText(options.preview, "multiline")}\n`);
  return (options.prompter ?? terminalPrompter(io)).confirm(question, false);
}
