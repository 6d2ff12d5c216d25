/** Exit codes of the CLI contract (design §8). One table, mapped in one place (main.ts). */
export const Exit = {
  ok: 0,
  error: 1,
  usage: 2,
  notFound: 3,
  auth: 4,
  tryLater: 5,
  conflict: 6,
  attention: 7,
  interrupted: 130,
} as const;

export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** An error the user can act on: printed without a stack trace, mapped to its exit code. */
export class XtriageError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = Exit.error,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends XtriageError {
  constructor(message: string, hint?: string) {
    super(message, Exit.usage, hint);
  }
}

export class NotFoundError extends XtriageError {
  constructor(message: string, hint?: string) {
    super(message, Exit.notFound, hint);
  }
}

export class AuthError extends XtriageError {
  constructor(message: string, hint?: string) {
    super(message, Exit.auth, hint);
  }
}

export class TryLaterError extends XtriageError {
  constructor(message: string, hint?: string) {
    super(message, Exit.tryLater, hint);
  }
}

export class ConflictError extends XtriageError {
  constructor(message: string, hint?: string) {
    super(message, Exit.conflict, hint);
  }
}

export class InterruptedError extends XtriageError {
  constructor(message = "interrupted") {
    super(message, Exit.interrupted);
  }
}

/** SQLite failures a user can act on, as exit codes: a busy database is "try later" (5). */
export function fromSqliteError(e: unknown, what = "the database"): unknown {
  if (e instanceof XtriageError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return e;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new TryLaterError(`${what} is busy (another xtriage is writing); try again in a moment`);
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new XtriageError(`${what} is not a usable xtriage database (${code})`);
  }
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_FULL") {
    return new XtriageError(`cannot write to ${what} (${code})`);
  }
  return e;
}
