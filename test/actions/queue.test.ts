import { describe, expect, it } from "vitest";
import { dueAfter, mayAct, transition } from "../../src/core/queue.js";
import { UsageError } from "../../src/errors.js";
import { testIO } from "../../src/io/iostreams.js";
import { confirmRemote } from "../../src/io/prompter.js";

describe("case transitions", () => {
  it("open cases move; closed ones only reopen", () => {
    expect(transition("new", "reply")).toEqual({ ok: true, to: "replied" });
    expect(transition("new", "dm").to).toBe("dm");
    expect(transition("dm", "reply").to).toBe("dm");
    expect(transition("replied", "resolve").to).toBe("resolved");
    expect(transition("escalated", "ignore").to).toBe("ignored");
    expect(transition("resolved", "reply")).toMatchObject({ ok: false, why: "the case is already resolved" });
    expect(transition("ignored", "resolve").ok).toBe(false);
    expect(transition("ignored", "reopen")).toEqual({ ok: true, to: "new" });
    expect(transition("replied", "reopen").ok).toBe(false);
  });
  it("only the holder acts on a claimed case, unless forced", () => {
    expect(mayAct(null, "laura", false)).toBe(true);
    expect(mayAct("laura", "laura", false)).toBe(true);
    expect(mayAct("diego", "laura", false)).toBe(false);
    expect(mayAct("diego", "laura", true)).toBe(true);
  });
  it("follow-up durations", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(dueAfter("3d", now)?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(dueAfter("90m", now)?.toISOString()).toBe("2026-11-20T13:30:00.000Z");
    expect(dueAfter("2w", now)?.toISOString()).toBe("2026-12-04T12:00:00.000Z");
    expect(dueAfter("tomorrow", now)).toBeUndefined();
  });
});

describe("confirmRemote", () => {
  it("--yes confirms; without a terminal it is a usage error naming --yes", async () => {
    const { io } = testIO();
    expect(await confirmRemote(io, true, "Post it?")).toBe(true);
    const refused = confirmRemote(io, false, "Post it?");
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(confirmRemote(io, undefined, "Post it?")).rejects.toThrow(/--yes/);
    const noInput = testIO({ tty: true, noInput: true }).io;
    await expect(confirmRemote(noInput, false, "Post it?")).rejects.toThrow(/--yes/);
  });
});
