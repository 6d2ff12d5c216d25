import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/normalize.js";
import { prepareDocument } from "../../src/core/prepare.js";
import { gatherEvidence } from "../../src/core/score/evidence.js";
import { defaultScoringConfig } from "../../src/core/score/index.js";
import { packDocument, unpackDocument } from "../../src/core/wire.js";
import { scenarioPages } from "../helpers/formats.js";

const config = defaultScoringConfig();
const prepared = scenarioPages().map((page) =>
  prepareDocument(parseDocument(page), (post) => gatherEvidence(post, config)),
);
const posts = prepared.flatMap((doc) => doc.posts);

describe("prepared documents packed for the import worker's messages", () => {
  it("come back equal after crossing threads (a structured clone), evidence and authors included", () => {
    // the scenario has what each part of a post can hold: evidence with and without a model,
    // Spanish NaN signals, authors verified or not, metrics, hashtags, replies and quotes
    expect(posts.some((p) => p.evidence?.model === undefined)).toBe(true);
    expect(posts.some((p) => Number.isNaN(p.evidence?.model?.urgent))).toBe(true);
    expect(posts.some((p) => (p.evidence?.model?.categoryEffects.offense.size ?? 0) > 0)).toBe(true);
    expect(posts.some((p) => p.author?.verified)).toBe(true);
    expect(posts.some((p) => p.post.quotedId !== "" || p.post.repliedToId !== "")).toBe(true);
    for (const doc of prepared) expect(unpackDocument(structuredClone(packDocument(doc)))).toEqual(doc);
  });

  it("name each author once, however many posts and users lists point at them", () => {
    const doc = prepared.find((d) => new Set(d.posts.map((p) => p.author)).size < d.posts.length);
    expect(doc).toBeDefined();
    const packed = packDocument(doc!);
    expect(packed.authors.length).toBe(
      new Set([...doc!.users, ...doc!.posts.map((p) => p.author)].filter(Boolean)).size,
    );
    const back = unpackDocument(packed);
    // posts by one author share one object again, as they did before packing
    const byId = new Map(back.posts.map((p) => [p.author?.id, p.author]));
    for (const p of back.posts) expect(p.author).toBe(byId.get(p.author?.id));
  });
});
