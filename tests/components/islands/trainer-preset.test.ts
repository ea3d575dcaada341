// The preset "All of MNIST, best settings" takes about 15 s of CPU to train, too
// long for every test run. `npm run bench:preset` trains it in full, seeded, and
// writes what it measured to bench/preset-record.json (committed). This test
// holds that record to the code as it is now: the record's settings are the
// preset's, re-running the start of the same run (its first point on the
// training curve, then a test) gives what the record says (so the preset, the
// starting weights, the shuffling, the optimiser and the kernels are those the
// full run used, and a seeded run is the same run), and chapter 11 quotes the
// record's test accuracy. After a change to any of them, re-run the benchmark.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { loadFastKernels, loadMnist, type Mnist } from "nnfs";
import { FULL_PRESET } from "../../../components/islands/trainer/settings.ts";
import { RECIPE, RECORD, presetStart, type PresetRecord } from "../../../bench/preset.ts";

const record = JSON.parse(readFileSync(RECORD, "utf8")) as PresetRecord;
const rerun = "re-run `npm run bench:preset` and commit bench/preset-record.json";

describe("the preset's recorded run (bench/preset-record.json)", () => {
  let mnist: Mnist;
  beforeAll(async () => {
    expect(await loadFastKernels()).toBe(record.kernel);
    mnist = await loadMnist({ set: "full" });
  });

  test("was trained with the preset's settings", () => {
    expect(record.settings, `the preset changed: ${rerun}`).toEqual(FULL_PRESET);
    expect(record.valAccuracies).toHaveLength(FULL_PRESET.epochs);
  });

  test("starts as the preset starts today: the same first point on the training curve and the same test accuracy there", async () => {
    const start = await presetStart(mnist);
    expect(start.batches, rerun).toBe(record.start.batches);
    // float32 sums may round differently on another processor (fused or not), by far less than this.
    expect(start.loss, rerun).toBeCloseTo(record.start.loss, 4);
    expect(start.accuracy, rerun).toBeCloseTo(record.start.accuracy, 3);
    expect(start.testAccuracy, rerun).toBeCloseTo(record.start.testAccuracy, 3);
  });

  test("reached at least 98 % on the official test digits, and chapter 11 quotes it", () => {
    expect(record.testAccuracy).toBeGreaterThanOrEqual(0.98);
    const text = readFileSync(new URL("../../../chapters/11-training-better/index.mdx", import.meta.url), "utf8").replace(/\s+/g, " ");
    expect(text).toContain(`the preset ends at ${(100 * record.testAccuracy).toFixed(1)} % on the 10,000 official test digits`);
  });

  test("chapter 11's recipe, as the chapter words it, reached at least 98.5 %, and the chapter quotes what it reached", () => {
    expect(record.recipe.settings, `the recipe changed: ${rerun}`).toEqual(RECIPE);
    expect(record.recipe.valAccuracies).toHaveLength(RECIPE.epochs);
    expect(record.recipe.testAccuracy).toBeGreaterThanOrEqual(0.985);
    const text = readFileSync(new URL("../../../chapters/11-training-better/index.mdx", import.meta.url), "utf8").replace(/\s+/g, " ");
    const words = `${RECIPE.hidden} hidden neurons, Adam at ${RECIPE.lr} shrinking to ${RECIPE.lrDecay} of itself after each epoch, batches of ${RECIPE.batchSize}, shifted digits and ${RECIPE.epochs} epochs`;
    expect(text).toContain(words);
    expect(text).toContain(`reached ${(100 * record.recipe.testAccuracy).toFixed(2)} % on the test digits`);
  });
});
