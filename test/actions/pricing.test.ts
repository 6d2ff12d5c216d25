import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replyPricing } from "../../src/commands/reply.js";
import { loadConfig } from "../../src/config.js";
import { type DB, openDb } from "../../src/store/db.js";
import { mentionsRepo } from "../../src/store/mentions.js";
import { DEFAULT_PRICES, estimateCost } from "../../src/x/cost.js";
import { baseEnv, run, SCENARIO, tempDir } from "../helpers/cli.js";

// How a reply is priced for the ledger (x-api.md §5), on imported posts in a real database: imported
// posts have no mentions-timeline source, so the summoning is read from the post itself.
const BRAND_ID = "1187342600510951424";
const QUOTE_ID = "2123700000000000001";
const BRAND_POST_ID = "2123600000000000001";

let t: { dir: string; cleanup(): void };
let env: Record<string, string>;
let db: DB | undefined;

beforeEach(async () => {
  t = tempDir();
  const config = join(t.dir, "config.yaml");
  copyFileSync(join(SCENARIO, "config.yaml"), config);
  env = { ...baseEnv(t.dir), XTRIAGE_CONFIG: config, XTRIAGE_AGENT: "laura" };
  const quote = join(t.dir, "quote.jsonl");
  writeFileSync(
    quote,
    `${JSON.stringify({
      data: [
        {
          id: QUOTE_ID,
          text: "this is what they promised me in September",
          author_id: "4400000001",
          created_at: "2026-11-20T11:00:00.000Z",
          referenced_tweets: [{ type: "quoted", id: BRAND_POST_ID }],
        },
      ],
      includes: {
        tweets: [
          { id: BRAND_POST_ID, text: "Fibra 1 Gb a 25 €", author_id: BRAND_ID, created_at: "2026-09-01T10:00:00.000Z" },
        ],
        users: [{ id: "4400000001", username: "quoter_es", name: "Quoter" }],
      },
    })}\n`,
  );
  for (const file of [join(SCENARIO, "pages.jsonl"), join(SCENARIO, "others.jsonl"), quote]) {
    const imported = await run(["import", file, "--quiet"], env);
    expect(imported.code, imported.stderr).toBe(0);
  }
});
afterEach(() => {
  db?.close();
  db = undefined;
  t.cleanup();
});

async function pricingOf(where: string, text: string) {
  db = openDb(env.XTRIAGE_DB!);
  const id = (db.prepare(`SELECT id FROM mentions WHERE ${where} LIMIT 1`).get() as { id: string } | undefined)?.id;
  expect(id).toBeDefined();
  const row = mentionsRepo(db).get(id!)!;
  const pricing = await replyPricing(db, await loadConfig(undefined, env), row, text);
  return { pricing, cost: estimateCost("POST /2/tweets", { posts: 1, users: 0, dmEvents: 0 }, pricing) };
}

describe("replyPricing", () => {
  it("a post that @mentions the brand is summoned: the summoned-reply price", async () => {
    const { pricing, cost } = await pricingOf("text LIKE '@fibranova %'", "@x gracias, lo miramos");
    expect(pricing).toEqual({ containsUrl: false, summonedReply: true });
    expect(cost).toBe(DEFAULT_PRICES.summoned_reply);
  });

  it("a post that does not mention the brand is not: the plain post price", async () => {
    const { pricing, cost } = await pricingOf("text NOT LIKE '%@fibranova%' AND quoted_id = ''", "@x gracias");
    expect(pricing.summonedReply).toBe(false);
    expect(cost).toBe(DEFAULT_PRICES.post_create);
  });

  it("a post quoting one of the brand's posts is summoned", async () => {
    const { pricing } = await pricingOf(`id = '${QUOTE_ID}'`, "@quoter_es lo revisamos");
    expect(pricing.summonedReply).toBe(true);
  });

  it("a link in the reply takes the with-URL price, summoned or not", async () => {
    const { pricing, cost } = await pricingOf("text LIKE '@fibranova %'", "@x mira fibranova.es/estado");
    expect(pricing).toEqual({ containsUrl: true, summonedReply: true });
    expect(cost).toBe(DEFAULT_PRICES.post_create_with_url);
  });
});
