/**
 * The kernel race's Web Worker: every product is computed and timed here,
 * never on the page's thread. For a `race` message it makes two random
 * n × n matrices, runs each lane's kernel (kernel-race.ts) round by round and
 * reports its best speed after every round, then checks its result against
 * the blocked kernel's. The page stops a race by ending this worker.
 */
import { Matrix, Random, loadFastKernels, matmul, useKernel } from "nnfs";
import {
  CEILING_FLOPS,
  LANES,
  NAIVE_MAX,
  blocked,
  ceilingLoop,
  gflops,
  ikj,
  largestDifference,
  naive,
  productFlops,
  secondsPerCall,
  type FromWorker,
  type LaneId,
  type ToWorker,
} from "./kernel-race.ts";

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const post = (m: FromWorker) => scope.postMessage(m);
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function race(n: number): Promise<void> {
  const loaded = await loadFastKernels(); // "typescript" where WebAssembly SIMD is missing
  const lanes = LANES.map((l) => l.id).filter((id) => (id !== "naive" || n <= NAIVE_MAX) && (id !== "simd" || loaded !== "typescript"));
  post({ type: "lanes", lanes, kernel: loaded });

  const rng = new Random(12);
  const a = Float32Array.from({ length: n * n }, () => rng.uniform(-1, 1)); // [n, n]
  const b = Float32Array.from({ length: n * n }, () => rng.uniform(-1, 1)); // [n, n]
  const expected = new Float32Array(n * n); // [n, n]
  blocked(a, b, expected, n);
  const A = new Matrix(n, n, a);
  const B = new Matrix(n, n, b);
  const out = Matrix.zeros(n, n); // [n, n]
  const c = new Float32Array(n * n); // [n, n]

  const runs: Record<LaneId, () => unknown> = {
    naive: () => naive(a, b, c, n),
    ikj: () => ikj(a, b, c, n),
    blocked: () => blocked(a, b, c, n),
    nnfs: () => matmul(A, B, out),
    simd: () => matmul(A, B, out),
    ceiling: ceilingLoop,
  };
  for (const id of lanes) {
    if (id === "nnfs") useKernel("typescript");
    if (id === "simd") useKernel("wasm");
    post({ type: "lane", id });
    await pause();
    const flops = id === "ceiling" ? CEILING_FLOPS : productFlops(n);
    const best = await secondsPerCall(runs[id], { rounds: 4, minMs: 150, now: () => performance.now() }, async (seconds) => {
      post({ type: "speed", id, gflops: gflops(flops, seconds), done: false });
      await pause();
    });
    const result = id === "nnfs" || id === "simd" ? out.data : c;
    // The SIMD kernel adds in 32 bits, the others in 64: they agree to about 1e-5 of the sums (|sum| ≤ n).
    const correct = id === "ceiling" || largestDifference(result, expected) <= 1e-5 * n;
    post({ type: "speed", id, gflops: gflops(flops, best), done: true, correct });
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
