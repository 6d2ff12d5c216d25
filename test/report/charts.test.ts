import { describe, expect, it } from "vitest";
import { barChart, sparkline } from "../../src/io/charts.js";

describe("terminal charts", () => {
  it("bars scale to the largest value, with eighth blocks", () => {
    expect(
      barChart(
        [
          { label: "a", value: 4 },
          { label: "bb", value: 1 },
          { label: "c", value: null },
        ],
        8,
      ),
    ).toEqual([" a ████████ 4", "bb ██       1", " c          -"]);
    expect(
      barChart(
        [
          { label: "x", value: 3 },
          { label: "y", value: 1 },
        ],
        4,
      )[1],
    ).toBe("y █▍   1");
    expect(
      barChart(
        [
          { label: "x", value: 2 },
          { label: "y", value: 1 },
        ],
        4,
        true,
      ),
    ).toEqual(["x #### 2", "y ##   1"]);
  });

  it("a sparkline has one cell per value, lowest to highest", () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([0, null, 7])).toBe("▁ █");
    expect(sparkline([0, 0])).toBe("▁▁");
  });
});
