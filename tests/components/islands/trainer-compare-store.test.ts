import { describe, expect, test } from "vitest";
import { MemoryStorage } from "../memory-storage.ts";
import { COMPARISON_KEY, forgetComparison, keepComparison, readComparison, type KeptComparison } from "../../../components/islands/trainer/compare-store.ts";
import { COMPARE_START } from "../../../components/islands/trainer/compare.ts";
import { DEFAULTS } from "../../../components/islands/trainer/settings.ts";
import { dataState, describeState, initialState, reduce } from "../../../components/islands/trainer/state.ts";


const curve = (acc: number[]) => ({
  trainLoss: [{ x: 0.5, y: 1 }], trainAccuracy: [{ x: 0.5, y: 0.7 }],
  valLoss: acc.map((_, i) => ({ x: i + 1, y: 0.5 })), valAccuracy: acc.map((y, i) => ({ x: i + 1, y })),
});
const wrong = [{ index: 3, label: 5, predicted: 3, pixels: new Uint8Array(784) }];
const kept: KeptComparison = {
  shared: { ...DEFAULTS, epochs: 2, hidden: 16 },
  rows: COMPARE_START.slice(),
  curves: [curve([0.9, 0.92]), curve([0.88, 0.91]), curve([0.89, 0.93])],
  results: [0, 1, 2].map((i) => ({ stopped: false, seconds: 1 + i, test: { loss: 0.3, accuracy: 0.9 + i / 100, wrong, wrongCount: 100 - i } })),
};

describe("keeping comparison runs", () => {
  test("a comparison comes back after a reload, without the wrong digits' pixels", () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(keepComparison(kept, storage)).toBe(true);
    const back = readComparison(storage)!;
    expect(back.shared).toEqual(kept.shared);
    expect(back.rows).toEqual(kept.rows);
    expect(back.curves).toEqual(kept.curves);
    expect(back.results.map((r) => [r!.test!.accuracy, r!.test!.wrongCount, r!.test!.wrong.length])).toEqual([[0.9, 100, 0], [0.91, 99, 0], [0.92, 98, 0]]);
  });

  test("damaged or foreign text is dropped and forgotten; refused storage says so", () => {
    const storage = new MemoryStorage();
    for (const text of ["{", '{"format":"x"}', JSON.stringify({ format: "nnfs-comparison", shared: DEFAULTS, rows: [], curves: [], results: [] }),
      JSON.stringify({ format: "nnfs-comparison", shared: { ...DEFAULTS, lr: -1 }, rows: COMPARE_START, curves: kept.curves, results: kept.results }),
      JSON.stringify({ format: "nnfs-comparison", shared: DEFAULTS, rows: COMPARE_START, curves: kept.curves.slice(1), results: kept.results })]) {
      storage.setItem(COMPARISON_KEY, text);
      expect(readComparison(storage as unknown as Storage)).toBeNull();
      expect(storage.getItem(COMPARISON_KEY)).toBeNull();
    }
    storage.full = true;
    expect(keepComparison(kept, storage as unknown as Storage)).toBe(false);
    expect(keepComparison(kept, null)).toBe(false);
    storage.full = false;
    keepComparison(kept, storage as unknown as Storage);
    forgetComparison(storage as unknown as Storage);
    expect(readComparison(storage as unknown as Storage)).toBeNull();
  });

  test("restored runs show as finished, say where they come from, and give way to Train and Reset", () => {
    const s = reduce(initialState(), { type: "restore", epochs: [2, 2, 2], curves: kept.curves, results: kept.results });
    expect(dataState(s)).toBe("done");
    expect([s.runs, s.epoch, s.epochs, s.valAccuracy, s.restored]).toEqual([3, 2, 2, 0.93, true]);
    expect(describeState(s)).toBe("Your last comparison (3 runs), kept in this browser: Train runs it again, Reset forgets it.");
    const training = reduce(s, { type: "train", epochs: [1, 1, 1] });
    expect([training.phase, training.restored, training.curves[0].valAccuracy]).toEqual(["loading", false, []]);
    expect(reduce(training, { type: "restore", epochs: [2], curves: kept.curves, results: kept.results })).toBe(training); // not while busy
    expect(reduce(s, { type: "reset" }).restored).toBe(false);
  });
});
