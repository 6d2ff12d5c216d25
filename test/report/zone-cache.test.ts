import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { zoneOffsetReader } from "../../src/core/sla.js";
import { cachedZoneOffsets } from "../../src/zone-cache.js";
import { tempDir } from "../helpers/cli.js";

const HOUR_MS = 3_600_000;
const AROUND = Date.parse("2026-11-20T12:00:00Z");

let t: { dir: string; cleanup(): void };
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

describe("zone offsets kept in the cache file", () => {
  it("give Intl's offsets at every hour of the span, daylight saving changes included, from a fresh process too", () => {
    const env = { XDG_CACHE_HOME: t.dir };
    for (const tz of ["Europe/Madrid", "America/Mexico_City", "America/New_York", "Asia/Kolkata", "UTC"]) {
      const exact = zoneOffsetReader(tz);
      const first = cachedZoneOffsets(env, AROUND)(tz);
      const again = cachedZoneOffsets(env, AROUND)(tz); // read back from the file
      for (let at = AROUND - 390 * 24 * HOUR_MS; at < AROUND + 55 * 24 * HOUR_MS; at += HOUR_MS) {
        const want = exact(at);
        if (first(at) !== want || again(at) !== want) throw new Error(`${tz} at ${new Date(at).toISOString()}`);
      }
      // and to the minute around Madrid's change on 2026-10-25 at 01:00 UTC
      if (tz === "Europe/Madrid") {
        const change = Date.parse("2026-10-25T01:00:00Z");
        expect(again(change - 60_000)).toBe(2 * HOUR_MS);
        expect(again(change)).toBe(HOUR_MS);
      }
    }
    const file = JSON.parse(readFileSync(join(t.dir, "xtriage", "zones.json"), "utf8"));
    expect(Object.keys(file.zones).sort()).toEqual([
      "America/Mexico_City",
      "America/New_York",
      "Asia/Kolkata",
      "Europe/Madrid",
      "UTC",
    ]);
  });

  it("answer outside the cached span through Intl, and rebuild the span when the clock moves on", () => {
    const env = { XDG_CACHE_HOME: t.dir };
    const exact = zoneOffsetReader("Europe/Madrid");
    const old = Date.parse("2020-07-01T12:00:00Z");
    expect(cachedZoneOffsets(env, AROUND)("Europe/Madrid")(old)).toBe(exact(old));
    const later = AROUND + 200 * 24 * HOUR_MS;
    cachedZoneOffsets(env, later)("Europe/Madrid");
    const span = JSON.parse(readFileSync(join(t.dir, "xtriage", "zones.json"), "utf8")).zones["Europe/Madrid"];
    expect(span.from).toBeLessThan(later);
    expect(span.to).toBeGreaterThan(later);
  });

  it("still answer when the cache cannot be written", () => {
    // a file where the cache directory should be: nothing can be written under it
    const blocked = join(t.dir, "not-a-directory");
    writeFileSync(blocked, "");
    const env = { XDG_CACHE_HOME: blocked };
    const at = Date.parse("2026-07-01T12:00:00Z");
    expect(cachedZoneOffsets(env, AROUND)("Europe/Madrid")(at)).toBe(2 * HOUR_MS);
    expect(existsSync(join(blocked, "xtriage"))).toBe(false);
  });
});
