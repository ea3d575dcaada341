import { describe, expect, test, vi } from "vitest";
import { COMPARE_START, changeRow, compareRuns, rowsKey, runLabel } from "../../../components/islands/trainer/compare.ts";
import { Batcher } from "../../../components/islands/trainer/batcher.ts";
import { percent, percentParts, shortNumber } from "../../../components/islands/trainer/format.ts";
import { chartSeries } from "../../../components/islands/trainer/chart.ts";
import { DEFAULTS } from "../../../components/islands/trainer/settings.ts";

describe("comparison runs", () => {
  test("each run is the shared choices with its own optimiser, rate and shifting", () => {
    const runs = compareRuns({ ...DEFAULTS, epochs: 5, hidden: 16 }, COMPARE_START);
    expect(runs.map((r) => [r.optimizer, r.lr, r.epochs, r.hidden])).toEqual([["sgd", 0.2, 5, 16], ["momentum", 0.02, 5, 16], ["adam", 0.001, 5, 16]]);
    expect(runs.map(runLabel)).toEqual(["SGD, lr 0.2", "SGD with momentum, lr 0.02", "Adam, lr 0.001"]);
  });

  test("a new optimiser brings its learning rate; other rows stay as they were", () => {
    const rows = changeRow(COMPARE_START, 0, { optimizer: "adam" });
    expect(rows[0]).toEqual({ optimizer: "adam", lr: 0.001, shift: false });
    expect(rows.slice(1)).toEqual(COMPARE_START.slice(1));
    expect(changeRow(rows, 2, { lr: 0.003 })[2].lr).toBe(0.003);
    expect(COMPARE_START[0].optimizer).toBe("sgd"); // not changed in place
  });

  test("a shifted run is named so, and the rows' key changes with any choice", () => {
    const rows = changeRow(COMPARE_START, 1, { shift: true });
    expect(runLabel(compareRuns(DEFAULTS, rows)[1])).toBe("SGD with momentum, lr 0.02, shifted digits");
    expect(rowsKey(rows)).not.toBe(rowsKey(COMPARE_START));
  });
});

describe("batching the worker's messages", () => {
  test("items are delivered together, once, after the delay", () => {
    vi.useFakeTimers();
    try {
      const got: number[][] = [];
      const b = new Batcher<number>((items) => got.push(items), 100);
      b.push(1);
      b.push(2);
      vi.advanceTimersByTime(99);
      expect(got).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(got).toEqual([[1, 2]]);
      b.push(3);
      b.clear();
      vi.advanceTimersByTime(500);
      expect(got).toEqual([[1, 2]]);
      b.push(4);
      b.flush();
      expect(got).toEqual([[1, 2], [4]]);
      expect(b.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("numbers and chart data", () => {
  test("per cent and short choices", () => {
    expect(percent(0.946)).toBe("94.6 %");
    expect([0.2, 0.001, 1e-4, 0].map(shortNumber)).toEqual(["0.2", "0.001", "1e-4", "0"]);
    expect(percentParts("Epoch 2 of 10 done: validation accuracy 94.0 %.")).toEqual(["Epoch 2 of 10 done: validation accuracy ", "94.0 %", "."]);
    expect(percentParts("Done: test 94.6 %, validation 100 %")).toEqual(["Done: test ", "94.6 %", ", validation ", "100 %", ""]);
    expect(percentParts("Loading the digits…")).toEqual(["Loading the digits…"]);
  });

  test("one run: loss and accuracy charts; comparison: training loss and validation accuracy, one curve per run, even before it has points", () => {
    const c = { trainLoss: [{ x: 0.5, y: 1 }], trainAccuracy: [{ x: 0.5, y: 0.5 }], valLoss: [{ x: 1, y: 0.8 }], valAccuracy: [{ x: 1, y: 0.9 }] };
    const one = chartSeries([c], false, ["a"]);
    expect(one.first.map((s) => s.label)).toEqual(["training loss", "validation loss"]);
    expect(one.second![1].points).toEqual([{ x: 1, y: 90 }]);
    const many = chartSeries([c], true, ["a", "b"]);
    expect(many.first.map((s) => [s.label, s.points.length])).toEqual([["a", 1], ["b", 0]]);
    expect(many.first[0].points).toEqual([{ x: 0.5, y: 1 }]); // the training loss
    expect(many.second!.map((s) => [s.label, s.points.length])).toEqual([["a", 1], ["b", 0]]);
    expect(many.second![0].points).toEqual([{ x: 1, y: 90 }]); // the validation accuracy, in per cent
  });
});
