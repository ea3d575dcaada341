import { beforeAll, describe, expect, test } from "vitest";
import { Matrix, Sequential, loadMnist, type Digits, type Mnist } from "nnfs";
import { batchesPerPoint, chartedWarning, runJob, testReport } from "../../../components/islands/trainer/run.ts";
import { unpack } from "../../../components/islands/shared/trained-store.ts";
import { DEFAULTS, buildModel, checkSettings, settingsFromAbout } from "../../../components/islands/trainer/settings.ts";
import { WRONG_SHOWN, type FromWorker } from "../../../components/islands/trainer/protocol.ts";
import { align, lossRange, lossSeries } from "../../../components/islands/trainer/chart.ts";
import { initialState, reduce } from "../../../components/islands/trainer/state.ts";

let full: Mnist;
let small: Mnist;
const head = (d: Digits, n: number): Digits => ({ X: new Matrix(n, d.X.cols, d.X.data.slice(0, n * d.X.cols)), y: d.y.slice(0, n) });

beforeAll(async () => {
  full = await loadMnist();
  small = { ...full, train: head(full.train, 1000), validation: head(full.validation, 300), test: head(full.test, 300) };
});

async function collect(mnist: Mnist, runs: object[], signal?: AbortSignal, onMessage?: (m: FromWorker) => void) {
  const messages: FromWorker[] = [];
  const model = await runJob(mnist, runs, (m) => { messages.push(m); onMessage?.(m); }, signal);
  return { messages, model };
}

describe("runJob", () => {
  test("reports start, batch groups, every epoch and the test result, in that order", async () => {
    const { messages, model } = await collect(small, [{ epochs: 2, hidden: 32 }]);
    expect(messages[0]).toEqual({ type: "start", run: 0, runs: 1, batches: 32 });
    const epochs = messages.filter((m) => m.type === "epoch");
    expect(epochs.map((m) => m.epoch)).toEqual([1, 2]);
    // 32 batches a epoch in groups of 2: 16 points an epoch.
    expect(messages.filter((m) => m.type === "batches")).toHaveLength(32);
    const [finished, last] = messages.slice(-2);
    // `finished` names the test digits about to be measured, so the page can say so while they are.
    expect(finished).toMatchObject({ type: "finished", run: 0, stopped: false, testDigits: 300 });
    expect(last.type).toBe("tested");
    if (last.type !== "tested") return;
    // The validation accuracy the keep rule compares: the last epoch's, for the network as it ended.
    const lastEpoch = epochs.at(-1)!;
    expect(last.validation).toBe(lastEpoch.type === "epoch" && lastEpoch.valAccuracy);
    expect(last.test.accuracy).toBeGreaterThan(0.6);
    expect(last.test.wrongCount).toBe(Math.round((1 - last.test.accuracy) * 300));
    // The kept network is the trained one: it answers the same.
    const kept = unpack(last.packed);
    expect(kept.network.predict(small.test.X)).toEqual(model!.predict(small.test.X));
    expect(kept.about).toBe("SGD, lr 0.2, batch 32, 2 epochs, 32 hidden, seed 1");
    expect(kept.testAccuracy).toBe(last.test.accuracy);
    expect(kept.validationAccuracy).toBe(last.validation);
  });

  test("the same settings give the same curves; another seed other ones", async () => {
    const a = await collect(small, [{ epochs: 1, hidden: 16, seed: 3 }]);
    const b = await collect(small, [{ epochs: 1, hidden: 16, seed: 3 }]);
    const c = await collect(small, [{ epochs: 1, hidden: 16, seed: 4 }]);
    const curve = (ms: FromWorker[]) => ms.filter((m) => m.type === "batches").map((m) => m.loss);
    expect(curve(a.messages)).toEqual(curve(b.messages));
    expect(curve(c.messages)).not.toEqual(curve(a.messages));
  });

  test("aborting mid-epoch keeps the network of the last full epoch, described with the epochs it finished, so its settings train it again", async () => {
    const controller = new AbortController();
    let groups = 0;
    const run = { epochs: 5, hidden: 16, batchSize: 10, lrDecay: 0.9, shift: true };
    // 100 batches an epoch in groups of 4: the 30th group is part-way through the second epoch.
    const { messages } = await collect(small, [run, { epochs: 5 }], controller.signal, (m) => {
      if (m.type === "batches" && ++groups === 30) controller.abort();
    });
    const epochs = messages.filter((m) => m.type === "epoch");
    expect(epochs).toHaveLength(1);
    const finished = messages.filter((m) => m.type === "finished");
    expect(finished).toHaveLength(1); // the second run never starts
    expect(finished[0]).toMatchObject({ stopped: true, testDigits: 300 });
    const tested = messages.at(-1)!;
    if (tested.type !== "tested") throw new Error(`the last message is ${tested.type}, not tested`);
    const kept = unpack(tested.packed);
    // Its about line says the one epoch it finished, not the five planned, and reads back as settings that train it again.
    expect(kept.about).toBe("SGD, lr 0.2, batch 10, 1 epoch, 16 hidden, seed 1, lr ×0.9 per epoch, shifted digits");
    expect(tested.about).toBe(kept.about); // the page shows the network's line as the worker packed it
    const again = settingsFromAbout(kept.about)!;
    expect(again).toEqual(checkSettings({ ...run, epochs: 1 }));
    const replay = await collect(small, [again]);
    expect(kept.network.predict(small.test.X)).toEqual(replay.model!.predict(small.test.X));
    // Its validation accuracy is the last dot on the chart, and its test accuracy the replay's.
    expect(tested.validation).toBe(epochs[0].type === "epoch" && epochs[0].valAccuracy);
    const replayed = replay.messages.at(-1)!;
    expect(tested.test.accuracy).toBe(replayed.type === "tested" && replayed.test.accuracy);
  });

  test("aborting in the first epoch leaves no network: nothing is measured or offered", async () => {
    const controller = new AbortController();
    let groups = 0;
    const { messages, model } = await collect(small, [{ epochs: 5, hidden: 16, batchSize: 10 }], controller.signal, (m) => {
      if (m.type === "batches" && ++groups === 3) controller.abort();
    });
    expect(messages.filter((m) => m.type === "epoch")).toHaveLength(0);
    expect(model).not.toBeNull(); // returned as it stopped (bench/preset.ts measures it), but not offered
    const last = messages.at(-1)!;
    expect(last).toMatchObject({ type: "finished", stopped: true });
    expect(last.type === "finished" && last.testDigits).toBeFalsy();
    expect(messages.some((m) => m.type === "tested")).toBe(false);
  });

  test("comparison: runs train one after another, each reporting its own epochs", async () => {
    const { messages } = await collect(small, [{ epochs: 1, hidden: 16 }, { epochs: 2, hidden: 16, optimizer: "adam", lr: 0.001 }]);
    const byRun = (r: number) => messages.filter((m) => m.type === "epoch" && m.run === r).length;
    expect([byRun(0), byRun(1)]).toEqual([1, 2]);
    expect(messages.filter((m) => m.type === "start").map((m) => m.type === "start" && m.run)).toEqual([0, 1]);
  });

  test("bad settings are refused, naming the field", async () => {
    await expect(collect(small, [{ lr: -1 }])).rejects.toThrow(/trainer settings: lr is -1/);
    await expect(collect(small, [{ optimizer: "rmsprop" }])).rejects.toThrow(/optimizer is "rmsprop"/);
  });

  test("the chapter's defaults: 784-128-10, plain SGD, 10 epochs pass 95 % validation accuracy", async () => {
    expect(DEFAULTS).toMatchObject({ lr: 0.2, batchSize: 32, epochs: 10, hidden: 128, optimizer: "sgd", seed: 1 });
    const { messages } = await collect(full, [{}]);
    const val = messages.flatMap((m) => (m.type === "epoch" ? [m.valAccuracy] : []));
    expect(val).toHaveLength(10);
    // Chapter 10 quotes these: 95 % validation accuracy from the fourth epoch on,
    // 95.4 % after the tenth, and the test accuracy measured once at the end.
    expect(val.findIndex((a) => a >= 0.95)).toBe(3);
    expect(Math.min(...val.slice(3))).toBeGreaterThanOrEqual(0.95);
    expect(val.at(-1)).toBeCloseTo(0.954, 3);
    const last = messages.at(-1)!;
    expect(last.type === "tested" && last.test.accuracy).toBeCloseTo(0.946, 3);
  });

  test("a collapse's warning gives the loss as the chart plots it (batch averages), and names a single batch's jump as one", async () => {
    // Learning rate 3 on the 8,000 digits: one batch's loss jumps far above anything the
    // chart draws, since each point of the chart is the average of several batches.
    const { messages } = await collect(full, [{ lr: 3, epochs: 2 }]);
    const tested = messages.at(-1)!;
    expect(tested.type).toBe("tested");
    const warning = (tested.type === "tested" && tested.warning) || "";
    const state = messages.reduce((s, message) => reduce(s, { type: "worker", message }), reduce(initialState(), { type: "train", epochs: [2] }));
    const charted = state.curves[0].trainLoss.map((p) => p.y);
    const peak = Math.max(...charted);
    const [, top] = lossRange(align(lossSeries(state.curves[0])));
    const m = /the loss chart's points, averages of (\d+) batches each, rose to (\d+\.\d\d) on the way; the worst single batch reached (\d+\.\d\d)/.exec(warning);
    expect(m, warning).not.toBeNull();
    expect(Number(m![1])).toBe(batchesPerPoint(250));
    expect(m![2]).toBe(peak.toFixed(2));
    expect(peak).toBeLessThanOrEqual(top);
    expect(Number(m![3])).toBeGreaterThan(top); // off the chart, and said to be one batch's
  });

  test("with one batch a point the chart shows every batch, and the warning stays as the library says it", () => {
    const warning = "train: the accuracy ended at 10.7 %, no better than a guess among 10 classes (the loss jumped to 15.11 on the way): training collapsed.";
    expect(chartedWarning(warning, 15.11, 1)).toBe(warning);
    expect(chartedWarning(warning, 6.164, 10)).toContain("(the loss chart's points, averages of 10 batches each, rose to 6.16 on the way; the worst single batch reached 15.11)");
  });
});

describe("batchesPerPoint and testReport", () => {
  test.each([[1, 1], [25, 1], [26, 2], [250, 10], [1000, 40]])("%i batches: %i a point", (batches, group) => {
    expect(batchesPerPoint(batches)).toBe(group);
  });

  test("the wrong digits are the ones the network gets wrong, with their pixels", () => {
    const model = buildModel({ ...DEFAULTS, hidden: 16 }); // untrained: mostly wrong
    const report = testReport(model, small.test);
    const predicted = model.predict(small.test.X);
    const wrong = predicted.flatMap((p, i) => (p === small.test.y[i] ? [] : [i]));
    expect(report.wrongCount).toBe(wrong.length);
    expect(report.accuracy).toBeCloseTo(1 - wrong.length / 300, 6);
    expect(report.wrong.map((w) => w.index)).toEqual(wrong.slice(0, WRONG_SHOWN));
    const first = report.wrong[0];
    expect(first.predicted).toBe(predicted[first.index]);
    expect(first.label).toBe(small.test.y[first.index]);
    expect(first.pixels[300]).toBe(Math.round(small.test.X.get(first.index, 300) * 255));
  });
});
