/** Faults the sandbox can inject, one per matching request, `times` times (-1: until cleared). */
export type FaultKind =
  | "rate-limit"
  | "usage-cap"
  | "credits-depleted"
  | "unauthorized"
  | "server-error"
  | "unavailable"
  | "slow"
  | "truncated"
  | "reset";

export interface FaultSpec {
  /** Route template ("/2/users/:id/mentions"), a concrete path, or "*" for every API path. */
  path: string;
  method?: string;
  /** What goes wrong; inferred from `status` when absent (429 → rate-limit, 402, 401, 500, 503). */
  kind?: FaultKind;
  status?: number;
  /** How many requests it hits; default 1; -1 = every request until cleared. */
  times?: number;
  /** For "slow": how long to wait before answering normally. */
  delayMs?: number;
  /** For "rate-limit": seconds until `x-rate-limit-reset`; default the rest of a 15-minute window. */
  resetInSeconds?: number;
}

export interface Fault extends FaultSpec {
  kind: FaultKind;
  times: number;
}

const KIND_BY_STATUS: Record<number, FaultKind> = {
  401: "unauthorized",
  402: "credits-depleted",
  429: "rate-limit",
  500: "server-error",
  502: "server-error",
  503: "unavailable",
};

export class FaultSpecError extends Error {}

export function normalizeFault(spec: FaultSpec): Fault {
  if (typeof spec.path !== "string" || spec.path === "") throw new FaultSpecError("a fault needs a path");
  const kind = spec.kind ?? (spec.status === undefined ? undefined : KIND_BY_STATUS[spec.status]);
  if (!kind) throw new FaultSpecError(`a fault needs a kind or a known status (got ${JSON.stringify(spec)})`);
  return { ...spec, kind, times: spec.times ?? 1 };
}

function pathMatches(pattern: string, path: string): boolean {
  if (pattern === "*") return true;
  const want = pattern.split("/");
  const got = path.split("/");
  return want.length === got.length && want.every((part, i) => part.startsWith(":") || part === got[i]);
}

export class FaultBook {
  private faults: Fault[] = [];

  add(specs: FaultSpec[]): Fault[] {
    const added = specs.map(normalizeFault);
    this.faults.push(...added);
    return added;
  }

  /** The first fault matching this request, consumed by one. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => (f.method === undefined || f.method.toUpperCase() === method) && pathMatches(f.path, path),
    );
    if (!fault) return undefined;
    if (fault.times > 0) {
      fault.times--;
      if (fault.times === 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
