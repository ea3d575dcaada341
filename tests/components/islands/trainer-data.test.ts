import { describe, expect, test } from "vitest";
import { CHOICES, DEFAULTS, FULL_PRESET, checkSettings, describeSettings } from "../../../components/islands/trainer/settings.ts";
import { describeBytes, describeState, initialState, reduce, testAccuracy, type Action } from "../../../components/islands/trainer/state.ts";
import { dataUrl, fullDataUrl } from "../../../components/islands/shared/digits-data.ts";

const worker = (message: Extract<Action, { type: "worker" }>["message"]): Action => ({ type: "worker", message });

describe("the trainer's digits: quick 10,000 or all of MNIST", () => {
  test("the quick set stays the default, and the preset is valid settings on all of MNIST", () => {
    expect(DEFAULTS.data).toBe("small");
    expect(checkSettings(FULL_PRESET)).toEqual(FULL_PRESET);
    expect(FULL_PRESET.data).toBe("full");
    // Every value of the preset is one the menus offer, so the page can show it.
    for (const key of ["lr", "batchSize", "epochs", "hidden", "lrDecay"] as const) {
      expect(CHOICES[key] as readonly number[]).toContain(FULL_PRESET[key]);
    }
    expect(describeSettings(FULL_PRESET)).toBe("Adam, lr 0.002, batch 128, 6 epochs, 256 hidden, seed 1, lr ×0.75 per epoch, shifted digits, all of MNIST");
  });

  test("a set that does not exist is refused, naming the field", () => {
    expect(() => checkSettings({ data: "huge" as "full" })).toThrow('trainer settings: data is "huge"; it must be "small" or "full"');
  });

  test("the two files, under the site's base", () => {
    expect(dataUrl("/nnfs/")).toBe("/nnfs/data/mnist.bin");
    expect(fullDataUrl("/nnfs")).toBe("/nnfs/data/mnist-full.bin.gz");
  });

  test("the download's bytes show in the state and the status line", () => {
    let s = reduce(initialState(), { type: "train", epochs: [6] });
    s = reduce(s, worker({ type: "loading" }));
    expect(describeState(s)).toBe("Loading the digits…");
    s = reduce(s, worker({ type: "download", loaded: 4_200_000, total: 11_244_421 }));
    expect(s.download).toEqual({ loaded: 4_200_000, total: 11_244_421 });
    expect(describeState(s)).toBe("Downloading all of MNIST: 4.2 MB of 11.2 MB…");
    expect(describeBytes({ loaded: 1_500_000, total: null })).toBe("1.5 MB");
  });

  test("the test accuracy appears once a run is measured", () => {
    let s = reduce(initialState(), { type: "train", epochs: [1] });
    s = reduce(s, worker({ type: "start", run: 0, runs: 1, batches: 3 }));
    s = reduce(s, worker({ type: "finished", run: 0, stopped: false, seconds: 2 }));
    expect(testAccuracy(s)).toBeUndefined();
    s = reduce(s, worker({ type: "tested", run: 0, test: { loss: 0.06, accuracy: 0.9812, wrong: [], wrongCount: 188, total: 10_000 }, packed: "", about: "", validation: 0.98 }));
    expect(testAccuracy(s)).toBe(0.9812);
    expect(testAccuracy(reduce(s, { type: "reset" }))).toBeUndefined();
  });
});
