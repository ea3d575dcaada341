// `npm run bench:preset`: the trainer's preset "All of MNIST, best settings"
// (components/islands/trainer/settings.ts's FULL_PRESET), trained in Node on the
// WebAssembly kernels by the trainer's own job (run.ts's runJob, as the page's
// worker runs it), seeded, on the 50,000 training digits, validated on the other
// 10,000 after each epoch and tested once on the 10,000 official test digits.
// Prints each epoch's validation accuracy and CPU seconds, the test accuracy,
// and writes them to bench/preset-record.json, with the start of the run: the
// mean loss of its first point on the training curve (the first 16 batches)
// and the test accuracy of the network stopped there. The record is committed;
// tests/components/islands/trainer-preset.test.ts re-runs that start (a second)
// and checks the record still belongs to the preset and the code, and that
// chapter 11 quotes its test accuracy. Re-run this after changing the preset,
// the training code or the kernels (about 7 s of CPU for the preset, 19 s for chapter 11's recipe, which it trains too); `--seeds 1,2,3` trains
// more seeds and prints them, and writes the record only for the preset's own.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { loadFastKernels, loadMnist, type Mnist } from "../lib/index.ts";
import { FULL_PRESET, describeSettings, type Settings } from "../components/islands/trainer/settings.ts";
import { runJob, testReport } from "../components/islands/trainer/run.ts";
import type { FromWorker } from "../components/islands/trainer/protocol.ts";

/** What bench/preset-record.json holds. */
export interface PresetRecord {
  settings: Settings;
  kernel: string;
  /** The mean training loss and accuracy of the first point of the curve, and the test accuracy of the network stopped after it. */
  start: { batches: number; loss: number; accuracy: number; testAccuracy: number };
  valAccuracies: number[];
  testAccuracy: number;
  cpuSeconds: number;
  epochCpuSeconds: number[];
  node: string;
  loadAverage: number;
  /** Chapter 11's recipe (RECIPE), trained the same way: what chapter 11 says it reached. */
  recipe: { settings: Settings; valAccuracies: number[]; testAccuracy: number; cpuSeconds: number };
}

/**
 * Chapter 11's recipe on all of MNIST, as the chapter describes it to set in the
 * trainer: 800 hidden neurons, Adam at 0.001 shrinking to 0.8 of itself after each
 * epoch, batches of 128, shifted digits, 8 epochs.
 */
export const RECIPE: Settings = {
  lr: 0.001,
  batchSize: 128,
  epochs: 8,
  hidden: 800,
  optimizer: "adam",
  seed: 1,
  shift: true,
  weightDecay: 0,
  lrDecay: 0.8,
  data: "full",
};

export const RECORD = new URL("./preset-record.json", import.meta.url);

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * The preset's first point on the training curve, then stopped and tested:
 * what the test re-runs. A run stopped in its first epoch has no network to
 * keep (runJob measures none), so the network it returns is measured here.
 */
export async function presetStart(mnist: Mnist, settings: Settings = FULL_PRESET): Promise<PresetRecord["start"]> {
  const stop = new AbortController();
  const messages: FromWorker[] = [];
  const model = await runJob(mnist, [settings], (m) => {
    messages.push(m);
    if (m.type === "batches") stop.abort(); // stops after this batch
  }, stop.signal);
  const point = messages.find((m) => m.type === "batches");
  if (point?.type !== "batches" || !model) throw new Error("presetStart: the run sent no training point or no network");
  return { batches: point.batch, loss: point.loss, accuracy: point.accuracy, testAccuracy: testReport(model, mnist.test).accuracy };
}

/** The whole preset run, timed by CPU seconds per epoch. */
async function presetRun(mnist: Mnist, settings: Settings): Promise<Omit<PresetRecord, "start" | "node" | "loadAverage" | "kernel" | "recipe">> {
  const valAccuracies: number[] = [];
  const epochCpuSeconds: number[] = [];
  let testAccuracy = NaN;
  const c0 = cpuSeconds();
  let last = c0;
  const model = await runJob(mnist, [settings], (m) => {
    if (m.type === "epoch") {
      valAccuracies.push(m.valAccuracy);
      const now = cpuSeconds();
      epochCpuSeconds.push(now - last);
      last = now;
      console.log(`  epoch ${m.epoch}: validation ${(100 * m.valAccuracy).toFixed(2)} %, ${(now - c0).toFixed(1)} s of CPU so far`);
    }
    if (m.type === "tested") testAccuracy = m.test.accuracy;
  });
  const round = (x: number) => Number(x.toFixed(2));
  return { settings, valAccuracies, testAccuracy, cpuSeconds: round(cpuSeconds() - c0), epochCpuSeconds: epochCpuSeconds.map(round) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kernel = await loadFastKernels();
  const seedsArg = process.argv.indexOf("--seeds");
  const seeds = seedsArg > 0 ? process.argv[seedsArg + 1].split(",").map(Number) : [FULL_PRESET.seed];
  const load = loadavg()[0];
  console.log(`Node ${process.version}, kernel ${kernel}, load average ${load.toFixed(2)}`);
  const mnist = await loadMnist({ set: "full" });
  for (const seed of seeds) {
    const settings = { ...FULL_PRESET, seed };
    console.log(`${describeSettings(settings)}:`);
    const run = await presetRun(mnist, settings);
    console.log(`  test accuracy ${(100 * run.testAccuracy).toFixed(2)} % on the 10,000 official test digits; ${run.cpuSeconds.toFixed(1)} s of CPU (validation and test included)`);
    if (seed !== FULL_PRESET.seed) continue;
    const start = await presetStart(mnist, settings);
    console.log(`chapter 11's recipe, ${describeSettings(RECIPE)}:`);
    const { valAccuracies, testAccuracy, cpuSeconds } = await presetRun(mnist, RECIPE);
    console.log(`  test accuracy ${(100 * testAccuracy).toFixed(2)} %; ${cpuSeconds.toFixed(1)} s of CPU`);
    const recipe = { settings: RECIPE, valAccuracies, testAccuracy, cpuSeconds };
    const record: PresetRecord = { ...run, start, kernel, node: process.version, loadAverage: Number(load.toFixed(2)), recipe };
    writeFileSync(RECORD, JSON.stringify(record, null, 2) + "\n");
    console.log(`wrote ${RECORD.pathname}`);
  }
}
