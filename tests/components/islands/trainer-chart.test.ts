import { describe, expect, test } from "vitest";
import { accuracyRange, accuracySeries, chartSeries, comparisonLossSeries, legendValue, lossRange, align, comparisonSeries, describeSeries, lossSeries, validationLossRange, type Columns } from "../../../components/islands/trainer/chart.ts";

const curves = {
  trainLoss: [{ x: 0.5, y: 2 }, { x: 1, y: 1 }],
  trainAccuracy: [{ x: 0.5, y: 0.5 }, { x: 1, y: 0.8 }],
  valLoss: [{ x: 1, y: 0.9 }],
  valAccuracy: [{ x: 1, y: 0.85 }],
};

describe("chart data", () => {
  test("curves share one sorted x column; missing points are null", () => {
    expect(align(lossSeries(curves))).toEqual([[0.5, 1], [2, 1], [null, 0.9]]);
  });

  test("x values equal up to rounding share a row", () => {
    const a = { label: "a", points: [{ x: 0.1 + 0.2, y: 1 }] };
    const b = { label: "b", points: [{ x: 0.3, y: 2 }] };
    expect(align([a, b])).toEqual([[0.3], [1], [2]]);
  });

  test("accuracy in per cent, and a y range from a little below the lowest point to 100", () => {
    const cols = align(accuracySeries(curves));
    expect(cols[1]).toEqual([50, 80]);
    expect(accuracyRange(cols)).toEqual([45, 100]);
    expect(accuracyRange([[]])).toEqual([80, 100]);
  });

  test("a loss range from 0 to the next half above the highest point", () => {
    expect(lossRange(align(lossSeries(curves)))).toEqual([0, 2]);
    expect(lossRange([[0], [2.1]])).toEqual([0, 2.5]);
    expect(lossRange([[0], [0.1]])).toEqual([0, 0.5]);
    expect(lossRange([[]])).toEqual([0, 2.5]);
  });

  test("comparison: every run's validation accuracy on one chart, labelled", () => {
    const other = { ...curves, valAccuracy: [{ x: 1, y: 0.9 }, { x: 2, y: 0.95 }] };
    const series = comparisonSeries([curves, other], ["SGD", "Adam"]);
    expect(series.map((s) => s.label)).toEqual(["SGD", "Adam"]);
    expect(align(series)).toEqual([[1, 2], [85, null], [90, 95]]);
  });

  test("comparison: every run's training loss on a chart of its own, labelled, beside the validation accuracies", () => {
    const other = { ...curves, trainLoss: [{ x: 0.5, y: 1.5 }, { x: 1, y: 0.7 }] };
    const loss = comparisonLossSeries([curves, other], ["SGD", "Adam"]);
    expect(loss.map((s) => s.label)).toEqual(["SGD", "Adam"]);
    expect(align(loss)).toEqual([[0.5, 1], [2, 1], [1.5, 0.7]]);
    const { first, second } = chartSeries([curves, other], true, ["SGD", "Adam"]);
    expect(first).toEqual(loss);
    expect(second).toEqual(comparisonSeries([curves, other], ["SGD", "Adam"]));
  });

  test("the legend: the value under the cursor, or with no cursor on the chart the curve's last value (not a dash)", () => {
    const column = [2, null, 1, null];
    expect(legendValue(column, 0)).toBe(2);
    expect(legendValue(column, 1)).toBeNull(); // no point of this curve at the cursor's x
    expect(legendValue(column, null)).toBe(1);
    expect(legendValue([null, null], null)).toBeNull();
    expect(legendValue(undefined, null)).toBeNull();
  });

  test("a text version for screen readers", () => {
    expect(describeSeries(lossSeries(curves), "")).toBe("Latest: training loss 1.000, validation loss 0.900.");
    expect(describeSeries([{ label: "x", points: [] }], "%")).toBe("No points yet.");
  });
});

describe("zooming the loss chart on the validation loss", () => {
  test("the range spans the validation points after the first, with a margin, so a turn of hundredths fills it", () => {
    const columns: Columns = [[1, 2, 3, 4, 5], [1.5, 0.3, 0.1, 0.05, 0.02], [1.08, 0.45, 0.435, 0.44, 0.47]];
    const [lo, hi] = validationLossRange(columns);
    expect(lo).toBeCloseTo(0.435 - 0.035 * 0.15, 9);
    expect(hi).toBeCloseTo(0.47 + 0.035 * 0.15, 9);
    // On the plain range (0 to 1.5) the same turn is under 3 % of the height.
    const [plo, phi] = lossRange(columns);
    expect((0.47 - 0.435) / (phi - plo)).toBeLessThan(0.03);
    expect((0.47 - 0.435) / (hi - lo)).toBeGreaterThan(0.7);
  });

  test("with fewer than two validation points it falls back to the plain range; a flat curve still gets a margin", () => {
    expect(validationLossRange([[1], [0.9], [0.8]])).toEqual(lossRange([[1], [0.9], [0.8]]));
    expect(validationLossRange([[1, 2], [0.9, 0.5], [0.3, 0.3]])).toEqual([0.295, 0.305]);
  });
});
