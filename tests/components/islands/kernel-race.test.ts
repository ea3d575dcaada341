import { describe, expect, test } from "vitest";
import {
  DEFAULT_SIZE,
  LANES,
  NAIVE_MAX,
  NAIVE_ROWS,
  SIZES,
  barPercents,
  describeState,
  formatBandwidth,
  formatGflops,
  gflops,
  initialState,
  laneText,
  largestDifference,
  naiveRows,
  productFlops,
  reduce,
  secondsPerCall,
  type Action,
  type RaceState,
} from "../../../components/islands/kernel-race/kernel-race.ts";

test("largest difference between results", () => {
  expect(largestDifference([1, 2, 3], [1, 2.5, 2])).toBe(1);
  expect(() => largestDifference([1], [1, 2])).toThrow("largestDifference: lengths 1 and 2 differ");
});

describe("timing", () => {
  test("leaves out the first call, then keeps the fastest round, reporting after each", async () => {
    // A fake clock: each call takes 10 ms in round 1, 5 ms later; the first call 100 ms.
    let t = 0;
    const costs = [100, 10, 10, 5, 5, 5, 5];
    let calls = 0;
    const run = () => (t += costs[Math.min(calls++, costs.length - 1)]);
    const reports: number[] = [];
    const best = await secondsPerCall(run, { rounds: 2, minMs: 20, now: () => t }, (s) => void reports.push(s));
    expect(reports).toEqual([0.01, 0.005]);
    expect(best).toBe(0.005);
    expect(calls).toBe(1 + 2 + 4);
  });

  test("onRound returning false ends the timing early", async () => {
    let t = 0;
    let calls = 0;
    const best = await secondsPerCall(() => ((t += 1), calls++), { rounds: 5, minMs: 3, now: () => t }, () => false);
    expect(best).toBe(0.001);
    expect(calls).toBe(1 + 3);
  });

  test("GFLOP/s and flops", () => {
    expect(productFlops(256)).toBe(33_554_432);
    expect(productFlops(1024, 64)).toBe(2 * 64 * 1024 * 1024);
    expect(formatBandwidth(12.345)).toBe("12.3 GB/s");
    expect(gflops(2e9, 0.5)).toBe(4);
    expect(gflops(1e9, 0)).toBe(0);
    expect(formatGflops(3.14159)).toBe("3.14 GFLOP/s");
    expect(formatGflops(123.4)).toBe("123 GFLOP/s");
    expect(formatGflops(0.01234)).toBe("0.0123 GFLOP/s");
  });
});

describe("the race's state", () => {
  const run = (actions: Action[], from = initialState()) => actions.reduce(reduce, from);
  const laneOf = (s: RaceState, id: string) => s.lanes.find((l) => l.id === id)!;

  test("starts idle at the default size, every lane waiting; above NAIVE_MAX the naive lane multiplies the first rows only", () => {
    const s = initialState();
    expect(s).toMatchObject({ status: "idle", size: DEFAULT_SIZE });
    expect(s.lanes.map((l) => l.id)).toEqual(LANES.map((l) => l.id));
    expect(s.lanes.every((l) => l.status === "waiting")).toBe(true);
    expect(laneOf(s, "naive").note).toBeNull();
    const big = run([{ type: "size", size: 1024 }]);
    expect(laneOf(big, "naive")).toMatchObject({ status: "waiting", note: `on the first ${NAIVE_ROWS} of 1024 rows, to save time` });
    expect([naiveRows(NAIVE_MAX), naiveRows(1024)]).toEqual([NAIVE_MAX, NAIVE_ROWS]);
    expect(() => run([{ type: "size", size: 100 }])).toThrow(`kernel race: size 100 is not one of ${SIZES.join(", ")}`);
  });

  test("a race: lanes announced, speeds grow round by round, then done", () => {
    let s = run([{ type: "start" }, { type: "worker", message: { type: "lanes", lanes: ["yardstick", "stream", "naive", "ikj", "typed", "blocked", "tiled", "nnfs"], kernel: "typescript" } }]);
    expect(s.status).toBe("racing");
    expect(laneOf(s, "simd")).toMatchObject({ status: "unavailable", note: "not in this browser: no WebAssembly SIMD" });
    s = run([{ type: "worker", message: { type: "lane", id: "naive" } }], s);
    expect(describeState(s)).toBe("Racing 256 × 256: naive i-j-k (rows)…");
    expect(laneText(laneOf(s, "naive"))).toBe("running…");
    s = run([{ type: "worker", message: { type: "speed", id: "naive", gflops: 0.5, done: false } }], s);
    expect(laneOf(s, "naive")).toMatchObject({ status: "running", gflops: 0.5 });
    s = run(
      [
        { type: "worker", message: { type: "speed", id: "naive", gflops: 0.6, done: true, correct: true } },
        { type: "worker", message: { type: "speed", id: "blocked", gflops: 2.4, done: true, correct: true } },
        { type: "worker", message: { type: "sums", count: 12 } },
        { type: "worker", message: { type: "speed", id: "yardstick", gflops: 4.8, done: true, correct: true } },
        { type: "worker", message: { type: "speed", id: "stream", gflops: 1.5, done: true, correct: true } },
        { type: "worker", message: { type: "finished" } },
      ],
      s,
    );
    expect(s.status).toBe("done");
    expect(barPercents(s.lanes)).toEqual([100, 31.25, 12.5, 0, 0, 50, 0, 0, 0]);
    expect(laneOf(s, "yardstick").note).toBe("best with 12 running sums");
    // The stream says its bandwidth too: 6 bytes a flop.
    expect(laneText(laneOf(s, "stream"))).toBe("1.5 GFLOP/s, 9 GB/s");
    // The yardstick and the stream measure the machine: the fastest *kernel* is named.
    expect(describeState(s)).toBe("Done: at 256 × 256 the fastest was 4×4 blocked, 2.4 GFLOP/s.");
  });

  test("a wrong result is said, Stop keeps what was timed, and a stopped race ignores late messages", () => {
    let s = run([
      { type: "start" },
      { type: "worker", message: { type: "speed", id: "ikj", gflops: 1, done: true, correct: false } },
      { type: "worker", message: { type: "lane", id: "blocked" } },
      { type: "stop" },
    ]);
    expect(laneText(laneOf(s, "ikj"))).toBe("1 GFLOP/s (wrong result!)");
    expect(s.status).toBe("stopped");
    expect(laneOf(s, "blocked").status).toBe("waiting");
    expect(describeState(s)).toBe("Stopped.");
    s = run([{ type: "worker", message: { type: "speed", id: "blocked", gflops: 9, done: true } }], s);
    expect(laneOf(s, "blocked").gflops).toBeNull();
    // Racing again starts from clean lanes; the size cannot change mid-race.
    s = run([{ type: "start" }], s);
    expect(laneOf(s, "ikj").gflops).toBeNull();
    expect(run([{ type: "size", size: 64 }], s).size).toBe(256);
  });

  test("an error is shown, and the idle text counts the flops", () => {
    const s = run([{ type: "start" }, { type: "worker", message: { type: "error", message: "out of memory" } }]);
    expect(describeState(s)).toBe("The race failed: out of memory");
    expect(describeState(initialState(128))).toBe("Pick a size and press Race: 128 × 128 matrices, 4.2 million flops a product.");
  });
});
