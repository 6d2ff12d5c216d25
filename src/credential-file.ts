import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { UsageError } from "./errors.js";
import { ROTATED_FROM } from "./x/credentials.js";

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

/**
 * OAuth 2.0 refresh tokens rotate: once used, the old one is dead. Save the new pair in the
 * credentials file (created, or kept, 0600) so the next run can refresh again. `rotatedFrom`, the
 * fingerprint of the environment's refresh token when that is the one just used, marks the
 * environment's pair as stale, so the file's pair wins over it from now on. Returns the file's path.
 */
export function saveRotatedOAuth2Tokens(
  env: Env,
  tokens: { accessToken: string; refreshToken?: string },
  rotatedFrom?: string,
): string {
  const path = credentialFilePath(env);
  const lines = existsSync(path)
    ? readFileSync(path, "utf8").replace(/\n$/, "").split("\n")
    : ["# xtriage credentials (KEY=value, mode 0600); X_OAUTH2_* are rewritten by xtriage when X rotates them"];
  const keyOf = (line: string) =>
    line
      .split("=")[0]!
      .replace(/^export\s+/, "")
      .trim();
  const updates: Record<string, string | undefined> = {
    X_OAUTH2_ACCESS_TOKEN: tokens.accessToken,
    X_OAUTH2_REFRESH_TOKEN: tokens.refreshToken,
    [ROTATED_FROM]: rotatedFrom,
  };
  const seen = new Set<string>();
  const next = lines.map((line) => {
    const key = keyOf(line);
    const value = updates[key];
    if (value === undefined) return line;
    seen.add(key);
    return `${key}=${value}`;
  });
  for (const [key, value] of Object.entries(updates))
    if (value !== undefined && !seen.has(key)) next.push(`${key}=${value}`);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(`${path}.tmp`, `${next.join("\n")}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return path;
}
