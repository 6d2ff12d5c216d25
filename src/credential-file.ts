import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { UsageError } from "./errors.js";

type Env = Record<string, string | undefined>;

/** XTRIAGE_CREDENTIALS, else $XDG_CONFIG_HOME/xtriage/credentials (KEY=value lines, like a .env file). */
export function credentialFilePath(env: Env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return env.XTRIAGE_CREDENTIALS || join(base, "xtriage", "credentials");
}

/**
 * X credentials kept in a file readable by its owner only (mode 0600), keyed by the same names as
 * the environment (X_API_KEY=…). A file others can read is refused: secrets never sit in the open.
 */
export function readCredentialFile(env: Env): Record<string, string> {
  const path = credentialFilePath(env);
  if (!existsSync(path)) return {};
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) {
    throw new UsageError(
      `credentials file ${path} can be read by others (mode ${mode.toString(8)})`,
      `run: chmod 600 ${path}`,
    );
  }
  const values: Record<string, string> = {};
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line
      .slice(0, eq)
      .replace(/^export\s+/, "")
      .trim();
    values[key] = line
      .slice(eq + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, "$2");
  }
  return values;
}
