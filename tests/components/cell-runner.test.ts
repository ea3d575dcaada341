import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { CALL_TIMEOUT_MS, HEARTBEAT_DEAD_MS, HEARTBEAT_MS, WorkerRunner, type RunRequest } from "../../components/cell/page/runner.ts";
import type { FromWorker, ToWorker } from "../../components/cell/protocol.ts";

/** A stand-in worker: records what it is sent and lets the test answer. */
class FakeWorker {
  sent: ToWorker[] = [];
  terminated = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  postMessage(m: ToWorker) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  reply(m: FromWorker) {
    for (const fn of this.listeners.message ?? []) fn({ data: m });
  }
  fail(message: string) {
    for (const fn of this.listeners.error ?? []) fn({ message, preventDefault() {} });
  }
}

function runIdOf(m: ToWorker): number {
  if (m.type === "ping" || m.type === "trained" || m.type === "call") throw new Error(`a ${m.type} message, not a run`);
  return m.runId;
}

function setup() {
  const workers: FakeWorker[] = [];
  const runner = new WorkerRunner(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  const outputs: unknown[] = [];
  const request = (over: Partial<RunRequest> = {}): RunRequest => ({
    code: "console.log(1)",
    sourceName: "c.ts",
    label: "Cell 1",
    timeoutMs: 1000,
    onOutput: (p, late) => outputs.push(...p.map((x) => ({ ...x, late }))),
    ...over,
  });
  const done = (runId: number): FromWorker => ({ type: "done", runId, error: null, dropped: 0, timers: 0, names: ["a"], defines: [], references: [], repaired: [], ms: 1 });
  return { runner, workers, outputs, request, done };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("WorkerRunner", () => {
  test("starts one worker lazily, forwards output, and resolves when the cell is done", async () => {
    const { runner, workers, outputs, request, done } = setup();
    expect(workers).toHaveLength(0);
    const end = runner.run(request());
    expect(workers).toHaveLength(1);
    const runId = runIdOf(workers[0].sent[0]);
    workers[0].reply({ type: "output", runId, pieces: [{ stream: "log", text: "1" }], late: false });
    workers[0].reply({ type: "output", runId: runId + 99, pieces: [{ stream: "log", text: "stale" }], late: false });
    workers[0].reply(done(runId));
    await expect(end).resolves.toMatchObject({ kind: "done" });
    expect(outputs).toEqual([{ stream: "log", text: "1", late: false }]);
    expect(runner.names).toEqual(["a"]);
    expect(runner.running).toBe(false);
  });

  test("a run past its time limit terminates the worker; the next run starts a fresh one", async () => {
    const { runner, workers, request, done } = setup();
    const end = runner.run(request({ timeoutMs: 500 }));
    const generation = runner.generation;
    vi.advanceTimersByTime(499);
    expect(workers[0].terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(end).resolves.toEqual({ kind: "timeout", ms: 500 });
    expect(workers[0].terminated).toBe(true);
    const next = runner.run(request());
    expect(workers).toHaveLength(2);
    expect(runner.generation).toBe(generation + 1);
    workers[1].reply(done(runIdOf(workers[1].sent[0])));
    await expect(next).resolves.toMatchObject({ kind: "done" });
  });

  test("Stop terminates the worker and ends the run", async () => {
    const { runner, workers, request } = setup();
    const end = runner.run(request());
    runner.stop();
    await expect(end).resolves.toEqual({ kind: "stopped" });
    expect(workers[0].terminated).toBe(true);
  });

  test("one run at a time", async () => {
    const { runner, request } = setup();
    void runner.run(request());
    await expect(runner.run(request())).rejects.toThrow(/already running/);
  });

  test("a worker that fails ends the run with its message", async () => {
    const { runner, workers, request } = setup();
    const end = runner.run(request());
    workers[0].fail("script error");
    await expect(end).resolves.toEqual({ kind: "crashed", message: "script error" });
  });

  test("the ready message brings the nnfs exports", () => {
    const { runner, workers } = setup();
    let ready = false;
    runner.onReady(() => (ready = true));
    runner.warm();
    workers[0].reply({ type: "ready", exports: ["dot", "neuron"] });
    expect(runner.exports).toEqual(["dot", "neuron"]);
    expect(ready).toBe(true);
  });
});

/** A runner over fake workers whose clock is `now`. */
function clocked(now: () => number) {
  const workers: FakeWorker[] = [];
  const runner = new WorkerRunner(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  }, now);
  return { runner, workers };
}

describe("the heartbeat", () => {
  test("pings an idle worker; one that stops answering is replaced, and the page is told", async () => {
    let now = 0;
    const { runner, workers } = clocked(() => now);
    const deaths: string[] = [];
    runner.onDeath = (why) => deaths.push(why);
    runner.warm();
    now += HEARTBEAT_MS;
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(workers[0].sent).toEqual([{ type: "ping" }]);
    workers[0].reply({ type: "pong", memory: { used: 5e8, limit: 4e9 } });
    expect(runner.memory).toEqual({ used: 5e8, limit: 4e9 });
    // Answers keep it alive; silence while idle does not.
    for (let t = 0; t < HEARTBEAT_DEAD_MS; t += HEARTBEAT_MS) {
      now += HEARTBEAT_MS;
      vi.advanceTimersByTime(HEARTBEAT_MS);
    }
    expect(workers[0].terminated).toBe(false);
    now += 2 * HEARTBEAT_MS;
    vi.advanceTimersByTime(2 * HEARTBEAT_MS);
    expect(workers[0].terminated).toBe(true);
    expect(deaths).toEqual([`the cell worker stopped answering for ${HEARTBEAT_DEAD_MS / 1000} s`]);
  });

  test("a busy cell is not taken for dead (its time limit covers it)", () => {
    let now = 0;
    const { runner, workers } = clocked(() => now);
    void runner.run({ code: "", sourceName: "c.ts", label: "Cell 1", timeoutMs: 60_000, onOutput: () => {} });
    now += 3 * HEARTBEAT_DEAD_MS;
    vi.advanceTimersByTime(3 * HEARTBEAT_DEAD_MS);
    expect(workers[0].terminated).toBe(false);
  });

  test("late output reaches its run until that cell runs again", async () => {
    const { runner, workers, request, done } = setup();
    const late: string[] = [];
    const onOutput = (p: { stream?: string; text?: string }[], isLate: boolean) => void (isLate && late.push(p.map((x) => x.text).join()));
    const first = runner.run({ ...request(), onOutput: onOutput as RunRequest["onOutput"] });
    const id1 = runIdOf(workers[0].sent[0]);
    workers[0].reply(done(id1));
    await first;
    workers[0].reply({ type: "output", runId: id1, pieces: [{ stream: "log", text: "tick" }], late: true });
    expect(late).toEqual(["tick"]);
    void runner.run({ ...request(), onOutput: onOutput as RunRequest["onOutput"] });
    workers[0].reply({ type: "output", runId: id1, pieces: [{ stream: "log", text: "old tick" }], late: true });
    expect(late).toEqual(["tick"]);
  });
});

describe("WorkerRunner: the reader's trained network", () => {
  test("is sent before a run when it changed, once per worker, and again to a fresh worker", async () => {
    const { runner, workers, request, done } = setup();
    let stored: string | null = null;
    runner.trained = () => stored;
    const finish = async () => {
      const w = workers.at(-1)!;
      const run = w.sent.filter((m) => m.type === "run").at(-1)!;
      w.reply(done(runIdOf(run)));
    };
    let end = runner.run(request());
    expect(workers[0].sent.map((m) => m.type)).toEqual(["run"]); // none kept: nothing to send
    await finish();
    await end;
    stored = "packed-1";
    end = runner.run(request());
    await finish();
    await end;
    end = runner.run(request());
    await finish();
    await end;
    expect(workers[0].sent.map((m) => m.type)).toEqual(["run", "trained", "run", "run"]);
    expect(workers[0].sent[1]).toEqual({ type: "trained", packed: "packed-1" });
    stored = null; // forgotten: the worker hears so
    end = runner.run(request());
    await finish();
    await end;
    expect(workers[0].sent.at(-2)).toEqual({ type: "trained", packed: null });
    stored = "packed-2";
    runner.restart();
    end = runner.run(request());
    await finish();
    await end;
    expect(workers[1].sent.map((m) => m.type)).toEqual(["trained", "run"]);
  });

  test("storage that throws counts as none", async () => {
    const { runner, workers, request, done } = setup();
    runner.trained = () => {
      throw new Error("SecurityError");
    };
    const end = runner.run(request());
    expect(workers[0].sent.map((m) => m.type)).toEqual(["run"]);
    workers[0].reply(done(runIdOf(workers[0].sent[0])));
    await expect(end).resolves.toMatchObject({ kind: "done" });
    });
});

describe("WorkerRunner.call (the island bridge)", () => {
  test("sends the call and resolves with the worker's answer", async () => {
    const { runner, workers } = setup();
    const answer = runner.call("sigma", [[0]]);
    const sent = workers[0].sent.find((m) => m.type === "call")!;
    expect(sent).toEqual({ type: "call", callId: expect.any(Number), name: "sigma", args: [[0]] });
    workers[0].reply({ type: "called", callId: (sent as { callId: number }).callId, answer: { kind: "values", values: [0.5] } });
    expect(await answer).toEqual({ kind: "values", values: [0.5] });
  });

  test("a function that never returns: the worker is replaced, the page told, the island answered", async () => {
    const { runner, workers } = setup();
    const deaths: string[] = [];
    runner.onDeath = (why) => deaths.push(why);
    const answer = runner.call("loop", [[0]]);
    vi.advanceTimersByTime(CALL_TIMEOUT_MS + 1);
    expect(await answer).toEqual({ kind: "stuck", seconds: 3 });
    expect(workers[0].terminated).toBe(true);
    expect(deaths).toEqual(["loop did not return within 3 s"]);
  });

  test("while a cell runs, a call is refused at once rather than waiting behind it", async () => {
    const { runner, workers, request } = setup();
    void runner.run(request());
    expect(await runner.call("sigma", [[0]])).toEqual({ kind: "missing", defined: false, why: "A cell is running: this works again once it has finished." });
    expect(workers[0].sent.some((m) => m.type === "call")).toBe(false);
  });
});
