import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { testIO } from "../../src/io/iostreams.js";
import { displayWidth, type FieldDef, selectFields, writeRecords } from "../../src/io/output.js";

interface Row {
  id: string;
  text: string;
  n: number;
  at: string;
  tags: string[];
}

const defs: FieldDef<Row>[] = [
  { name: "id", get: (r) => r.id },
  { name: "n", kind: "number", get: (r) => r.n, tone: (v) => ((v as number) > 5 ? "red" : undefined) },
  { name: "at", kind: "time", get: (r) => r.at },
  { name: "tags", kind: "list", get: (r) => r.tags },
  { name: "text", get: (r) => r.text, flexible: true },
];
const now = new Date("2026-11-20T12:00:00Z");
const rows: Row[] = [
  { id: "1861000000000000001", text: "=cmd|' /C calc'!A0", n: 7, at: "2026-11-20T09:00:00Z", tags: ["a", "b"] },
  { id: "1861000000000000002", text: "line\nbreak\u001b[2J", n: 1, at: "2026-11-18T12:00:00Z", tags: [] },
];

async function render(flags: Record<string, unknown>, tty = false, color = false) {
  const t = testIO({ tty, color, columns: 60 });
  const count = await writeRecords(t.io, rows, { defs, flags, tableFields: ["id", "at", "text"], now });
  return { count, out: t.stdout() };
}

describe("writeRecords", () => {
  it("prints a table with headers and relative times on a TTY", async () => {
    const { out, count } = await render({}, true);
    expect(count).toBe(2);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+AT\s+TEXT/);
    expect(lines[1]).toMatch(/^1861000000000000001\s+3h\s+/);
    expect(lines[2]).toContain("2d");
    expect(out).not.toContain("\u001b");
  });

  it("fits the flexible column into the terminal width", async () => {
    const long = [{ ...rows[0]!, text: "x".repeat(300) }];
    const t = testIO({ tty: true, columns: 60 });
    await writeRecords(t.io, long, { defs, flags: {}, tableFields: ["id", "text"], now });
    for (const line of t.stdout().trimEnd().split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it("colours cells only when colour is on", async () => {
    const coloured = await render({ fields: "id,n" }, true, true);
    expect(coloured.out).toContain("\u001b[31m7");
    const plain = await render({ fields: "id,n" }, true, false);
    expect(plain.out).not.toContain("\u001b");
  });

  it("prints tab-separated rows without a header when piped, times in ISO", async () => {
    const { out } = await render({});
    expect(out).toBe(
      "1861000000000000001\t2026-11-20T09:00:00Z\t=cmd|' /C calc'!A0\n" +
        "1861000000000000002\t2026-11-18T12:00:00Z\tline break␛[2J\n",
    );
  });

  it("prints a JSON array of all fields, ids as strings", async () => {
    const { out } = await render({ json: true });
    const parsed = JSON.parse(out);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toEqual({
      id: "1861000000000000001",
      n: 7,
      at: "2026-11-20T09:00:00Z",
      tags: ["a", "b"],
      text: "=cmd|' /C calc'!A0",
    });
  });

  it("prints [] for no rows in JSON and nothing in NDJSON", async () => {
    const t = testIO();
    await writeRecords(t.io, [], { defs, flags: { json: true }, tableFields: ["id"], now });
    expect(JSON.parse(t.stdout())).toEqual([]);
    const u = testIO();
    await writeRecords(u.io, [], { defs, flags: { ndjson: true }, tableFields: ["id"], now });
    expect(u.stdout()).toBe("");
  });

  it("prints NDJSON with only the requested fields", async () => {
    const { out } = await render({ ndjson: true, fields: "id,n" });
    expect(
      out
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: "1861000000000000001", n: 7 },
      { id: "1861000000000000002", n: 1 },
    ]);
  });

  it("makes CSV formula cells inert and quotes what needs quoting", async () => {
    const { out } = await render({ csv: true, fields: "id,text,tags" });
    const lines = out.split("\r\n");
    expect(lines[0]).toBe("id,text,tags");
    expect(lines[1]).toBe(`1861000000000000001,'=cmd|' /C calc'!A0,"a,b"`);
    expect(out).toContain('"line\nbreak␛[2J"');
    expect(out).not.toContain("\u001b");
  });

  it("refuses two formats at once", async () => {
    await expect(render({ json: true, csv: true })).rejects.toThrow(UsageError);
  });
});

describe("selectFields", () => {
  it("names every unknown field and lists the known ones", () => {
    expect(() => selectFields(defs, "id,nope,zip", [])).toThrow(/unknown fields: nope, zip/);
    try {
      selectFields(defs, "nope", []);
    } catch (e) {
      expect((e as UsageError).hint).toContain("id, n, at, tags, text");
    }
  });
});

describe("displayWidth", () => {
  it("counts wide characters and emoji as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("日本")).toBe(4);
    expect(displayWidth("👩‍👩‍👧")).toBe(2);
    expect(displayWidth("🇪🇸")).toBe(2);
  });

  it("measures mixed text the same whether or not it is plain ASCII", () => {
    expect(displayWidth("queue: 50 rows")).toBe(14);
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("a\tb")).toBe(2); // control characters take no column
    expect(displayWidth("cafe\u0301 ok")).toBe(7); // the combining accent joins its letter
    expect(displayWidth("ok 日本")).toBe(7);
  });
});
