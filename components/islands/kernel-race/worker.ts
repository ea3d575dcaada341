/**
 * The kernel race's Web Worker: every product is computed and timed here,
 * never on the page's thread. For a `race` message it measures the machine
 * (the scalar yardstick, the best of several counts of running sums, and a
 * memory stream), then makes two random n × n matrices, as arrays of rows and
 * as flat arrays, runs each kernel lane (kernels.ts) round by round and
 * reports its best speed after every round, then checks its result against
 * the blocked kernel's. The page stops a race by ending this worker.
 */
import { Matrix, Random, loadFastKernels, matmul, useKernel } from "nnfs";
import { blocked, ikj, ikjFlat, naive, stream, sums, tiled, SUM_COUNTS } from "./kernels.ts";
import {
  LANES,
  LANE_CAP_MS,
  STREAM_LENGTH,
  STREAM_FLOPS,
  gflops,
  largestDifference,
  naiveRows,
  productFlops,
  secondsPerCall,
  type FromWorker,
  type LaneId,
  type ToWorker,
} from "./kernel-race.ts";

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const post = (m: FromWorker) => scope.postMessage(m);
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const now = () => performance.now();

/** Times `run` (`flops` a call) for a lane, reporting each round; returns its best GFLOP/s. */
async function timeLane(id: LaneId, run: () => unknown, flops: number, report = true): Promise<number> {
  const start = now();
  const best = await secondsPerCall(run, { rounds: 4, minMs: 150, now }, async (seconds) => {
    if (report) post({ type: "speed", id, gflops: gflops(flops, seconds), done: false });
    await pause();
    return now() - start < LANE_CAP_MS;
  });
  return gflops(flops, best);
}

/** An n × n matrix of random numbers from −1 to 1 rounded to 32-bit floats, as rows. */
function randomRows(n: number, rng: Random): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => Math.fround(rng.uniform(-1, 1))));
}

async function race(n: number): Promise<void> {
  const loaded = await loadFastKernels(); // "typescript" where WebAssembly SIMD is missing
  const lanes = LANES.map((l) => l.id).filter((id) => id !== "simd" || loaded !== "typescript");
  post({ type: "lanes", lanes, kernel: loaded });

  const rng = new Random(12);
  const A = randomRows(n, rng); // [n, n]
  const B = randomRows(n, rng); // [n, n]
  const a = Float32Array.from(A.flat()); // [n, n]
  const b = Float32Array.from(B.flat()); // [n, n]
  const expected = new Float32Array(n * n); // [n, n]
  blocked(a, b, expected, n);
  const MA = new Matrix(n, n, a);
  const MB = new Matrix(n, n, b);
  const out = Matrix.zeros(n, n); // [n, n]
  const c = new Float32Array(n * n); // [n, n]
  const rows = naiveRows(n);
  const firstRows = A.slice(0, rows); // [rows, n]
  let C: number[][] = [];

  const runs: Record<Exclude<LaneId, "yardstick" | "stream">, () => unknown> = {
    naive: () => (C = naive(firstRows, B)),
    ikj: () => (C = ikj(A, B)),
    typed: () => ikjFlat(a, b, c, n),
    blocked: () => blocked(a, b, c, n),
    tiled: () => tiled(a, b, c, n),
    nnfs: () => matmul(MA, MB, out),
    simd: () => matmul(MA, MB, out),
  };
  for (const id of lanes) {
    post({ type: "lane", id });
    await pause();
    if (id === "yardstick") {
      let best = 0;
      let bestCount = 0;
      for (const count of SUM_COUNTS) {
        const t = Math.ceil(8e6 / count);
        const speed = await timeLane(id, () => sums(count, t), 2 * count * t, false);
        if (speed > best) [best, bestCount] = [speed, count];
        post({ type: "speed", id, gflops: best, done: false });
      }
      post({ type: "sums", count: bestCount });
      post({ type: "speed", id, gflops: best, done: true, correct: true });
      continue;
    }
    if (id === "stream") {
      const x = new Float32Array(STREAM_LENGTH).fill(0.5);
      const y = new Float32Array(STREAM_LENGTH);
      const speed = await timeLane(id, () => stream(1e-3, x, y), STREAM_FLOPS);
      post({ type: "speed", id, gflops: speed, done: true, correct: true });
      continue;
    }
    if (id === "nnfs") useKernel("typescript");
    if (id === "simd") useKernel("wasm");
    const flops = productFlops(n, id === "naive" ? rows : n);
    const speed = await timeLane(id, runs[id], flops);
    const result = id === "nnfs" || id === "simd" ? out.data : id === "naive" || id === "ikj" ? C.flat() : c;
    const want = id === "naive" ? expected.subarray(0, rows * n) : expected;
    // The SIMD kernel adds in 32 bits, the others in 64: they agree to about 1e-5 of the sums (|sum| ≤ n).
    const correct = largestDifference(result, want) <= 1e-5 * n;
    post({ type: "speed", id, gflops: speed, done: true, correct });
  }
  useKernel("auto");
  post({ type: "finished" });
}

scope.onmessage = async (e) => {
  try {
    if (e.data.type === "race") await race(e.data.size);
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
