/** Loading a network file (load-job.ts) and the rule for replacing the kept network (keep-rule.ts). */
import { beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { Dense, ReLU, Sequential, Softmax, loadMnist, unpackTrained, type Mnist } from "nnfs";
import { loadJob, trainedOn } from "../../../components/islands/trainer/load-job.ts";
import { buildModel, CHOICES, DEFAULTS, describeSettings, FULL_PRESET, onTheMenus, settingsFromAbout, type Settings } from "../../../components/islands/trainer/settings.ts";
import { fileTooLarge, modelFile, MODEL_FILE_LIMIT } from "../../../components/islands/trainer/model-file.ts";
import { askBeforeKeeping, keepButton } from "../../../components/islands/trainer/keep-rule.ts";

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

const net = () => new Sequential([new Dense(784, 16, { seed: 1 }), new ReLU(), new Dense(16, 10, { seed: 2 }), new Softmax()]);
const file = (edit: (json: Record<string, any>) => void = () => {}) => {
  const json = JSON.parse(modelFile(net().toJSON(), "a test network"));
  edit(json);
  return JSON.stringify(json);
};

describe("which test digits a loaded network is measured on", () => {
  // The quick set's 10,000 digits all come from MNIST's first 50,000 training digits, so a network trained
  // on all of MNIST has seen the quick set's test digits: it is measured on the official test digits instead.
  test("a network trained on all of MNIST: the official test digits", () => {
    expect(trainedOn(modelFile(net().toJSON(), describeSettings({ ...DEFAULTS, data: "full" })))).toBe("full");
  });
  test("a network trained on the quick set, or a file that does not say: the quick set's", () => {
    expect(trainedOn(modelFile(net().toJSON(), describeSettings(DEFAULTS)))).toBe("small");
    expect(trainedOn(JSON.stringify(net().toJSON()))).toBe("small");
    expect(trainedOn("not json at all")).toBe("small");
  });
});

describe("the settings a saved file records in its about line", () => {
  // The trainer writes describeSettings(settings) as a file's about line: every setting, the
  // ones at their "none" value (no decay, no L2, no shifts, the quick digits) by leaving them out.
  const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
  const offered = fc.record<Settings>({
    lr: pick(CHOICES.lr), batchSize: pick(CHOICES.batchSize), epochs: pick(CHOICES.epochs), hidden: pick(CHOICES.hidden),
    optimizer: pick(CHOICES.optimizer), seed: fc.integer({ min: 0, max: 999 }), shift: fc.boolean(),
    weightDecay: pick(CHOICES.weightDecay), lrDecay: pick(CHOICES.lrDecay), data: pick(CHOICES.data),
  });

  test("any settings the menus offer come back from their about line, and are on the menus", () => {
    expect(settingsFromAbout(describeSettings(DEFAULTS))).toEqual(DEFAULTS);
    expect(settingsFromAbout(describeSettings(FULL_PRESET))).toEqual(FULL_PRESET);
    fc.assert(fc.property(offered, (s) => {
      expect(settingsFromAbout(describeSettings(s))).toEqual(s);
      expect(onTheMenus(s)).toBe(true);
    }));
  });

  test("a network stopped after epochs the menu does not list (11 of 15) comes back from its about line, and is on the menus", () => {
    const stopped: Settings = { ...DEFAULTS, epochs: 11 };
    expect(describeSettings(stopped)).toBe("SGD, lr 0.2, batch 32, 11 epochs, 128 hidden, seed 1");
    expect(settingsFromAbout(describeSettings(stopped))).toEqual(stopped);
    expect(onTheMenus(stopped)).toBe(true);
    for (let epochs = 1; epochs <= CHOICES.epochs.at(-1)!; epochs++) expect(onTheMenus({ ...DEFAULTS, epochs })).toBe(true);
  });

  test("a line that is not the trainer's, or not all of it, records no settings", () => {
    expect(settingsFromAbout("a test network")).toBeNull();
    expect(settingsFromAbout("SGD, lr 0.2, batch 32")).toBeNull(); // the rest unsaid
    expect(settingsFromAbout(`${describeSettings(DEFAULTS)}, by hand`)).toBeNull();
    expect(settingsFromAbout(describeSettings(DEFAULTS).replace("lr 0.2", "lr 0.20"))).toBeNull(); // not as the trainer writes it
    expect(settingsFromAbout(describeSettings(DEFAULTS).replace("lr 0.2", "lr -1"))).toBeNull(); // out of range
    expect(settingsFromAbout("")).toBeNull();
  });

  test("settings a link may hold but the menus do not offer are not shown on them", () => {
    expect(onTheMenus({ ...DEFAULTS, hidden: 1024 })).toBe(false);
    expect(onTheMenus({ ...DEFAULTS, lr: 0.7 })).toBe(false);
    expect(onTheMenus({ ...DEFAULTS, seed: 5000 })).toBe(false);
    expect(onTheMenus({ ...DEFAULTS, epochs: 31 })).toBe(false);
    expect(onTheMenus({ ...DEFAULTS, epochs: 2.5 })).toBe(false);
  });

  test("a loaded file gives its settings only when its network is the one they build", () => {
    const s: Settings = { ...DEFAULTS, optimizer: "momentum", lr: 0.02, batchSize: 64, epochs: 3, hidden: 16, seed: 7, weightDecay: 1e-4, lrDecay: 0.9, shift: true };
    expect(loadJob(modelFile(buildModel(s).toJSON(), describeSettings(s)), mnist).settings).toEqual(s);
    // The about line says 128 hidden neurons, the network has 16: the line is not true of it.
    expect(loadJob(modelFile(buildModel(s).toJSON(), describeSettings({ ...s, hidden: 128 })), mnist).settings).toBeNull();
    expect(loadJob(file(), mnist).settings).toBeNull(); // "a test network"
    expect(loadJob(JSON.stringify(net().toJSON()), mnist).settings).toBeNull(); // no about line at all
  });
});

describe("loading a network file", () => {
  test("a good file: packed for keeping, with its test accuracy", () => {
    const { packed, about, test: report } = loadJob(file(), mnist);
    expect(about).toBe("a test network");
    expect(unpackTrained(packed).testAccuracy).toBe(report.accuracy);
    expect(report.accuracy).toBeGreaterThanOrEqual(0);
  });

  test("first-layer weights of 3e38, each finite, overflow on the digits: refused in the words of a load", () => {
    const text = file((j) => (j.layers[0].W = j.layers[0].W.map(() => 3e38)));
    expect(() => loadJob(text, mnist)).toThrow(/^This network cannot read digits: on the first 16 test digits, .*Infinity/);
    expect(() => loadJob(text, mnist)).not.toThrow(/Training failed/);
  });

  test.each([
    { what: "a weight as a string", edit: (j: Record<string, any>) => (j.layers[0].W[3] = "0.5"), error: /W\[3\] is "0\.5", not a number/ },
    { what: "a bias as null", edit: (j: Record<string, any>) => (j.layers[2].b[0] = null), error: /b\[0\] is null, not a number/ },
    { what: "a layer type of 5M characters", edit: (j: Record<string, any>) => (j.layers[1].type = "y".repeat(5_000_000)), error: /5000002 characters in all/ },
  ])("$what is refused", ({ edit, error }) => {
    let message = "";
    try {
      loadJob(file(edit), mnist);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(error);
    expect(message.length).toBeLessThan(1_000);
  });

  test("a file larger than the stated limit is refused by its size", () => {
    expect(fileTooLarge("net.json", 2_000_000)).toBeNull();
    expect(fileTooLarge("big.json", 200 * 1024 * 1024)).toMatch(/^big\.json: this file is 200\.0 MB; .*up to 64\.0 MB\. Nothing was changed\.$/);
    expect(MODEL_FILE_LIMIT).toBeGreaterThan(10 * 1024 * 1024);
  });
});

describe("a run's network replaces the kept one only when it is no worse, by validation accuracy", () => {
  // The test digits are for the final number only: which network to keep is a choice, made on validation digits.
  const run = { packed: "p", about: "SGD, lr 3", accuracy: 0.098, validation: 0.1 };
  test("no kept network, or a run that validates no worse: kept at once", () => {
    expect(askBeforeKeeping(null, run)).toBeNull();
    expect(askBeforeKeeping({ about: "older", validation: 0.9 }, { ...run, validation: 0.95 })).toBeNull();
    expect(askBeforeKeeping({ about: "loaded, not measured", validation: NaN }, { ...run, validation: 0.95 })).toBeNull();
  });

  test("the test accuracy plays no part: a run that tests higher but validates lower asks, one that tests lower but validates higher is kept", () => {
    expect(askBeforeKeeping({ about: "SGD, lr 0.2", validation: 0.954 }, { ...run, accuracy: 0.99, validation: 0.93 })).not.toBeNull();
    expect(askBeforeKeeping({ about: "SGD, lr 0.2", validation: 0.954 }, { ...run, accuracy: 0.5, validation: 0.96 })).toBeNull();
  });

  test("a run below the kept network asks, naming both validation accuracies", () => {
    expect(askBeforeKeeping({ about: "SGD, lr 0.2", validation: 0.971 }, { ...run, validation: 0.92 })).toBe(
      "This run reads 92.0 % of the validation digits, below the kept network's 97.1 %: the kept network (SGD, lr 0.2) stays unless you keep this one instead.",
    );
  });

  test("a run that collapsed asks, naming the collapse", () => {
    const warning = "train: the accuracy ended at 9.8 %, no better than a guess among 10 classes (the loss jumped to 13.60 on the way): training collapsed. The learning rate is probably too large; try one 3–10 times smaller.";
    expect(askBeforeKeeping({ about: "SGD, lr 0.2", validation: 0.971 }, { ...run, warning })).toMatch(
      /^This run collapsed: the accuracy ended at 9\.8 %.*jumped to 13\.60 on the way\)\. It reads 10\.0 % of the validation digits, below the kept network's 97\.1 %/,
    );
  });

  test("a first run that collapsed is not kept either: with no kept network it asks too", () => {
    const warning = "train: the accuracy ended at 10.7 %, no better than a guess among 10 classes (the loss jumped to 15.11 on the way): training collapsed. The learning rate is probably too large; try one 3–10 times smaller.";
    expect(askBeforeKeeping(null, { ...run, warning })).toBe(
      "This run collapsed: the accuracy ended at 10.7 %, no better than a guess among 10 classes (the loss jumped to 15.11 on the way). It reads 10.0 % of the validation digits: it is not kept unless you keep it.",
    );
  });

  test("the button that keeps the run says \"instead\" only when there is a kept network to replace", () => {
    expect(keepButton(null)).toBe("Keep this run's network");
    expect(keepButton({ about: "SGD, lr 0.2", validation: 0.971 })).toBe("Keep this run's network instead");
    // A loaded network not measured on the validation digits is still a kept network.
    expect(keepButton({ about: "a loaded network", validation: NaN })).toBe("Keep this run's network instead");
  });
});
