import { describe, expect, test } from "vitest";
import { dataState, describeState, epochProgress, initialState, isBusy, lastResult, reduce, type Action, type TrainerState } from "../../../components/islands/trainer/state.ts";
import type { FromWorker } from "../../../components/islands/trainer/protocol.ts";

const worker = (message: FromWorker): Action => ({ type: "worker", message });
const play = (actions: Action[], from: TrainerState = initialState()) => actions.reduce(reduce, from);
const test1 = { loss: 0.2, accuracy: 0.94, wrong: [], wrongCount: 60, total: 1000 };

const oneRun: Action[] = [
  { type: "train", epochs: [2] },
  worker({ type: "loading" }),
  worker({ type: "start", run: 0, runs: 1, batches: 10 }),
  worker({ type: "batches", run: 0, epoch: 1, batch: 5, batches: 10, loss: 1.5, accuracy: 0.5, seconds: 0.1 }),
];

describe("the trainer's state machine", () => {
  test("idle → training (loading counts as training) → done", () => {
    expect(dataState(initialState())).toBe("idle");
    const loading = play(oneRun.slice(0, 2));
    expect(loading.phase).toBe("loading");
    expect(dataState(loading)).toBe("training");
    expect(isBusy(loading)).toBe(true);
    const mid = play(oneRun);
    expect(mid.phase).toBe("training");
    expect(epochProgress(mid)).toBeCloseTo(0.25);
    expect(mid.curves[0].trainLoss).toEqual([{ x: 0.5, y: 1.5 }]);
    const done = play([
      worker({ type: "epoch", run: 0, epoch: 1, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }),
      worker({ type: "epoch", run: 0, epoch: 2, loss: 0.5, accuracy: 0.8, valLoss: 0.4, valAccuracy: 0.85, seconds: 0.2 }),
      worker({ type: "finished", run: 0, stopped: false, seconds: 0.5 }),
      worker({ type: "tested", run: 0, test: test1, packed: "", about: "", validation: 0.7 }),
    ], mid);
    expect(done.phase).toBe("done");
    expect(done.epoch).toBe(2);
    expect(done.valAccuracy).toBe(0.85);
    expect(epochProgress(done)).toBe(1);
    expect(done.curves[0].valAccuracy).toEqual([{ x: 1, y: 0.7 }, { x: 2, y: 0.85 }]);
    expect(lastResult(done)).toEqual({ stopped: false, seconds: 0.5, test: test1 });
    expect(isBusy(done)).toBe(false);
  });

  test("a stopped run ends in stopped, even with runs left", () => {
    const s = play([
      { type: "train", epochs: [2, 2] },
      worker({ type: "start", run: 0, runs: 2, batches: 10 }),
      worker({ type: "finished", run: 0, stopped: true, seconds: 0.3 }),
    ]);
    expect(s.phase).toBe("stopped");
    expect(dataState(s)).toBe("stopped");
  });

  test("comparison: the first run finishing leaves the job training; the last one ends it", () => {
    const s = play([
      { type: "train", epochs: [1, 3] },
      worker({ type: "start", run: 0, runs: 2, batches: 10 }),
      worker({ type: "finished", run: 0, stopped: false, seconds: 0.3 }),
    ]);
    expect(s.phase).toBe("training");
    const t = play([worker({ type: "start", run: 1, runs: 2, batches: 10 })], s);
    expect(t.epochs).toBe(3);
    expect(t.curves).toHaveLength(2);
    const u = play([worker({ type: "finished", run: 1, stopped: false, seconds: 0.9 })], t);
    expect(u.phase).toBe("done");
  });

  test("Train while busy changes nothing; Reset goes back to idle; late messages after Reset are ignored", () => {
    const mid = play(oneRun);
    expect(reduce(mid, { type: "train", epochs: [5] })).toBe(mid);
    const reset = reduce(mid, { type: "reset" });
    expect(reset).toEqual(initialState());
    expect(reduce(reset, worker({ type: "batches", run: 0, epoch: 1, batch: 6, batches: 10, loss: 1, accuracy: 0.5, seconds: 0.2 }))).toBe(reset);
  });

  test("an error from the worker is shown", () => {
    const s = play([{ type: "train", epochs: [1] }, worker({ type: "error", message: "loadMnist: fetching failed" })]);
    expect(s.phase).toBe("error");
    expect(s.error).toMatch(/fetching failed/);
    expect(isBusy(s)).toBe(false);
  });

  test("a loaded network's evaluation is shown as a finished result", () => {
    const s = reduce(initialState(), worker({ type: "evaluated", test: test1 }));
    expect(s.phase).toBe("done");
    expect(lastResult(s)?.test).toEqual(test1);
  });
});

describe("the status line", () => {
  test.each([
    [[], "Choose, then press Train: the curves appear as the network learns."],
    [oneRun.slice(0, 2), "Loading the digits…"],
    [oneRun, "Training, epoch 1 of 2…"],
    [[...oneRun, worker({ type: "epoch", run: 0, epoch: 1, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 })], "Epoch 1 of 2 done: validation accuracy 70.0 %."],
    [[...oneRun, worker({ type: "epoch", run: 0, epoch: 1, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }), worker({ type: "finished", run: 0, stopped: true, seconds: 0.42, testDigits: 1000 }), worker({ type: "tested", run: 0, test: test1, packed: "", about: "", validation: 0.7 })], "Stopped after 1 full epoch in 0.4 s; test accuracy 94.0 %."],
    // Stopped before an epoch ended: the worker measures nothing (run.ts), and the line says why.
    [[...oneRun, worker({ type: "finished", run: 0, stopped: true, seconds: 0.42 })], "Stopped in the first epoch, after 0.4 s: no epoch finished, so there is no network to measure or keep."],
    // Between the end of training and the test report (a second or more on all of MNIST), the line says what is happening.
    [[...oneRun, worker({ type: "epoch", run: 0, epoch: 1, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }), worker({ type: "finished", run: 0, stopped: true, seconds: 0.42, testDigits: 1000 })], "Stopped after 1 full epoch in 0.4 s; measuring the network on the 1,000 test digits…"],
    [[...oneRun, worker({ type: "epoch", run: 0, epoch: 2, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }), worker({ type: "finished", run: 0, stopped: false, seconds: 48.2, testDigits: 10000 })], "Done: 2 epochs in 48 s; measuring the network on the 10,000 test digits…"],
    [[...oneRun, worker({ type: "epoch", run: 0, epoch: 2, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }), worker({ type: "finished", run: 0, stopped: false, seconds: 12.3 }), worker({ type: "tested", run: 0, test: test1, packed: "", about: "", validation: 0.7 })], "Done: 2 epochs in 12 s; test accuracy 94.0 %."],
    [[{ type: "train", epochs: [1] }, worker({ type: "start", run: 0, runs: 1, batches: 10 }), worker({ type: "epoch", run: 0, epoch: 1, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }), worker({ type: "finished", run: 0, stopped: false, seconds: 0.3 }), worker({ type: "tested", run: 0, test: test1, packed: "", about: "", validation: 0.7 })], "Done: 1 epoch in 0.3 s; test accuracy 94.0 %."],
    [[{ type: "train", epochs: [1] }, worker({ type: "loading", kernel: "wasm-relaxed-simd" }), worker({ type: "start", run: 0, runs: 1, batches: 10 }), worker({ type: "epoch", run: 0, epoch: 1, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }), worker({ type: "finished", run: 0, stopped: false, seconds: 0.3 }), worker({ type: "tested", run: 0, test: test1, packed: "", about: "", validation: 0.7 })], "Done: 1 epoch in 0.3 s on wasm-relaxed-simd; test accuracy 94.0 %."],
    [[{ type: "train", epochs: [1, 1] }, ...[0, 1].flatMap((run) => [worker({ type: "start", run, runs: 2, batches: 10 }), worker({ type: "epoch", run, epoch: 1, loss: 1, accuracy: 0.6, valLoss: 0.9, valAccuracy: 0.7, seconds: 0.2 }), worker({ type: "finished", run, stopped: false, seconds: 0.3 }), worker({ type: "tested", run, test: test1, packed: "", about: "", validation: 0.7 })])], "Done: 2 runs of 1 epoch each in 0.6 s; the table below compares them."],
  ] as [Action[], string][])("%#: %s", (actions, text) => {
    expect(describeState(play(actions))).toBe(text);
  });
});
