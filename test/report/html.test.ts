import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../../src/store/db.js";
import { baseEnv, run, tempDir } from "../helpers/cli.js";
import { buildScenario, NOW, writeConfig } from "./scenario.js";

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir("xtriage-html-"));
});
afterEach(() => cleanup());

/** The DOM headless Chromium (Debian's `chromium` package) builds from a file, after rendering. */
function renderedDom(file: string): string {
  const res = spawnSync(
    "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      `--user-data-dir=${join(dir, "chromium")}`,
      "--dump-dom",
      `file://${file}`,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (res.error) throw new Error(`chromium did not run (apt-get install chromium): ${res.error.message}`);
  expect(res.status).toBe(0);
  return res.stdout;
}

function elementText(dom: string, id: string): string {
  const m = new RegExp(`id="${id}"[^>]*>(.*?)</div></div>`, "s").exec(dom);
  return (m?.[1] ?? "")
    .split(/<[^>]+>/)
    .filter(Boolean)
    .join("|");
}

describe("report --html", () => {
  it("renders in headless Chromium with the figures, the hourly charts and inert hostile text", async () => {
    const db = join(dir, "test.db");
    buildScenario(db);
    const hostile = openDb(db);
    hostile
      .prepare("INSERT INTO mention_hashtags (mention_id, tag, author_id, created_at) VALUES ('7', ?, 'a7', ?)")
      .run('<img src=x onerror="alert(1)">', "2026-11-20T04:00:00Z");
    hostile.close();
    const file = join(dir, "report.html");
    const env = baseEnv(dir, { XTRIAGE_NOW: NOW, XTRIAGE_CONFIG: writeConfig(dir) });
    const res = await run(["report", "--html", file], env);
    expect(res.code).toBe(0);

    const html = readFileSync(file, "utf8");
    // nothing loads from anywhere: no scripts, links, images, imports
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b|<[^>]*\b(src|href)=|@import|url\(/i);

    const dom = renderedDom(file);
    expect(elementText(dom, "card-posts")).toBe("8|Posts");
    expect(elementText(dom, "card-median")).toBe("30m|Median first response");
    expect(elementText(dom, "card-p90")).toBe("6h|p90 first response");
    expect(elementText(dom, "card-within-target")).toBe("60%|Within target");
    expect(elementText(dom, "card-breaches")).toBe("1|SLA breaches");
    // one bar per hour; the bar heights follow the data (Madrid hours)
    const slots = [
      ...dom.matchAll(
        /<g class="slot" data-label="(\d\d)" data-value="([\d.]+)"><rect class="bar" x="\d+" y="\d+" width="24" height="(\d+)"/g,
      ),
    ];
    expect(slots.filter((s) => s.index! < dom.indexOf('id="chart-response"'))).toHaveLength(24);
    const response = new Map(
      slots
        .filter((s) => s.index! > dom.indexOf('id="chart-response"'))
        .map((s) => [s[1], [Number(s[2]), Number(s[3])]]),
    );
    expect(response.get("16")).toEqual([360, 120]); // the slowest hour: the full height
    expect(response.get("15")).toEqual([120, 40]);
    expect(response.get("03")).toEqual([0, 0]);
    // the hostile hashtag is text, not an element
    expect(dom).not.toMatch(/<img/i);
    expect(dom).toContain('#&lt;img src=x onerror="alert(1)"&gt;');
  }, 90_000);

  it("an empty database renders too", async () => {
    const file = join(dir, "empty.html");
    const res = await run(["report", "--html", file], baseEnv(dir, { XTRIAGE_NOW: NOW }));
    expect(res.code).toBe(0);
    const dom = renderedDom(file);
    expect(elementText(dom, "card-posts")).toBe("0|Posts");
    expect(elementText(dom, "card-median")).toBe("–|Median first response");
    expect(dom).toContain('<p id="hashtags" class="empty">None.</p>');
  }, 90_000);
});
