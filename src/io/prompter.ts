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

/**
 * Confirmation before an action that reaches X: `--yes` answers it; on a terminal the person is
 * asked; otherwise it is a usage error naming the flag (design §8: never hang waiting for input).
 */
export async function confirmRemote(
  io: IOStreams,
  yes: boolean | undefined,
  question: string,
  preview?: string,
  prompter: Prompter = terminalPrompter(io),
): Promise<boolean> {
  if (yes) return true;
  if (!canPrompt(io)) {
    throw new UsageError(
      `not confirmed: ${question.replace(/\?$/, "")} needs --yes when not on a terminal`,
      "pass --yes to confirm, or --dry-run to see what would be sent",
    );
  }
  // the person confirms what they see: the exact text, made inert (it may quote a stranger)
  if (preview) io.err.write(`${sanitizeText(preview, "multiline")}\n`);
  return prompter.confirm(question, false);
}
