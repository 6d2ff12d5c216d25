import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { configCachePath } from "./config.js";
import { offsetIn, type ZoneOffsets, type ZoneTransitions, zoneOffsetReader, zoneTransitions } from "./core/sla.js";

type Env = Record<string, string | undefined>;

const DAY_MS = 86_400_000;
/** The span kept per zone around the time asked for: a year back (reports), two months ahead. */
const BACK_MS = 400 * DAY_MS;
const AHEAD_MS = 60 * DAY_MS;
/** How far a request may fall from the span's edges before the span is rebuilt around it. */
const MARGIN_MS = 30 * DAY_MS;

interface ZoneFile {
  version: 1;
  zones: Record<string, ZoneTransitions>;
}

/**
 * Business hours need each zone's UTC offsets, and the first Intl.DateTimeFormat of a process costs
 * about 17 ms (a third of a `list`). The offsets over a span of time change only a few times a year,
 * so they are kept in a small cache file beside the parsed config, per zone, and read from there
 * (Intl then stays unloaded). Outside the cached span, or when the cache cannot be read or written,
 * Intl answers as before. The config loader has already checked that every zone exists.
 */
export function cachedZoneOffsets(env: Env, aroundMs: number): ZoneOffsets {
  const path = join(dirname(configCachePath(env)), "zones.json");
  let file: ZoneFile | undefined;
  const load = (): ZoneFile => {
    if (file) return file;
    try {
      const parsed = JSON.parse(readFileSync(path, "utf8")) as ZoneFile;
      file = parsed.version === 1 && typeof parsed.zones === "object" ? parsed : { version: 1, zones: {} };
    } catch {
      file = { version: 1, zones: {} };
    }
    return file;
  };
  return (tz) => {
    const zones = load().zones;
    let span = zones[tz];
    if (!span || aroundMs - MARGIN_MS < span.from || aroundMs + MARGIN_MS > span.to) {
      span = zoneTransitions(zoneOffsetReader(tz), aroundMs - BACK_MS, aroundMs + AHEAD_MS);
      zones[tz] = span;
      save(path, load());
    }
    const cached = span;
    let exact: ((utcMs: number) => number) | undefined;
    return (utcMs) => {
      if (utcMs >= cached.from && utcMs <= cached.to) return offsetIn(cached, utcMs);
      exact ??= zoneOffsetReader(tz);
      return exact(utcMs);
    };
  };
}

/** Best effort: a cache that cannot be written is rebuilt next time. */
function save(path: string, file: ZoneFile): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(file));
    renameSync(tmp, path);
  } catch {
    // read-only cache directory: Intl answers next time too
  }
}
