// `npm run bench`: this library (nnfs) against TensorFlow.js 4.22 on its pure-JS
// `cpu` backend and its WebAssembly `wasm` backend, in one process, on the same
// data. This library runs twice: `nnfs` on its default kernels once
// loadFastKernels() has run (WebAssembly SIMD where the engine has it) and
// `nnfs-ts` on its TypeScript kernels. Cases: (a) the matrix product of random
// matrices, 256², 1024² and the training shape 128×784 · 784×128, in GFLOP/s
// (2·M·K·N floating-point operations); (b) one training epoch of a
// 784-128-10 ReLU + softmax network, batches of 32, SGD with lr 0.1, on the 8,000
// training digits, in seconds, with the test accuracy after it; (c) the same
// epoch over all of MNIST's 50,000 training digits (nnfs, nnfs-ts, tfjs-wasm),
// tested on the 10,000 official test digits. Each case runs
// several times after a warm-up; medians are reported, with the ratios, and
// written to bench/results.json. Runs with Node 24 (type stripping): no network.
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import {
  Dense, Matrix, Random, ReLU, SGD, Sequential, Softmax, evaluate, loadFastKernels, loadMnist, matmul, train, useKernel,
  type Mnist,
} from "../lib/index.ts";

interface Result {
  library: string;
  case: string;
  medianSeconds: number;
  /** Median CPU time of the process per run: less disturbed by other load on the machine. */
  medianCpuSeconds: number;
  gflops?: number;
  /** GFLOP/s by CPU time: steady from run to run even when other work shares the machine. */
  gflopsCpu?: number;
  accuracy?: number;
  runs: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The .wasm files ship inside the package: load them from node_modules.
setWasmPaths(join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/");

const quick = process.argv.includes("--quick");
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const seconds = (t0: number): number => (performance.now() - t0) / 1000;
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

// Wall-clock and CPU seconds of each run, after at least `warmup` unmeasured
// runs and half a second of them. Measured: V8 compiles a hot loop in stages,
// and the first runs of matmul 1024² are up to 30 % slower (3.5 rather than
// 4.9 GFLOP/s of CPU time); two warm-up runs of a small product were not enough.
async function timeRuns(runs: number, warmup: number, once: () => Promise<void> | void): Promise<{ wall: number[]; cpu: number[] }> {
  const c0 = cpuSeconds();
  for (let i = 0; i < warmup || cpuSeconds() - c0 < 0.5; i++) await once();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuSeconds();
    const t0 = performance.now();
    await once();
    wall.push(seconds(t0));
    cpu.push(cpuSeconds() - c0);
  }
  return { wall, cpu };
}

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const rng = new Random(seed);
  const M = Matrix.zeros(rows, cols); // [rows, cols]
  for (let i = 0; i < M.data.length; i++) M.data[i] = rng.uniform(-1, 1);
  return M;
}

const results: Result[] = [];
const load = loadavg()[0];
const cores = availableParallelism();
const kernel = await loadFastKernels();
const ours = [{ library: "nnfs", kernel: "auto" }, { library: "nnfs-ts", kernel: "typescript" }] as const;
console.log(`Node ${process.version}, ${cores} cores, load average ${load.toFixed(2)}; nnfs runs on ${kernel}`);
if (load > cores * 0.75) {
  console.log("warning: the machine is busy; wall-clock times will be slow and noisy (cpu times less so)");
}
function record(r: Result): void {
  results.push(r);
  const extra =
    r.gflops !== undefined ? `${r.gflops.toFixed(2)} GFLOP/s (cpu ${r.gflopsCpu!.toFixed(2)})` : `accuracy ${(r.accuracy! * 100).toFixed(1)} %`;
  console.log(
    `  ${r.library.padEnd(10)} ${r.case.padEnd(24)} ${r.medianSeconds.toFixed(4)} s (cpu ${r.medianCpuSeconds.toFixed(4)} s)   ${extra}   (${r.runs} runs)`,
  );
}

// (a) matrix product
const shapes = [
  { name: "matmul 256²", M: 256, K: 256, N: 256 },
  { name: "matmul 1024²", M: 1024, K: 1024, N: 1024 },
  { name: "matmul 128×784·784×128", M: 128, K: 784, N: 128 },
];
const matmulRuns = (flops: number): number => (quick ? 3 : flops <= 2 * 256 ** 3 ? 31 : 11);
console.log("matrix product (random matrices, median seconds per product)");
for (const { name, M, K, N } of shapes) {
  const A = randomMatrix(M, K, 1); // [M, K]
  const B = randomMatrix(K, N, 2); // [K, N]
  const C = Matrix.zeros(M, N); // [M, N]
  const flops = 2 * M * K * N;
  for (const { library, kernel } of ours) {
    useKernel(kernel);
    const times = await timeRuns(matmulRuns(flops), 2, () => void matmul(A, B, C));
    const t = median(times.wall);
    const tc = median(times.cpu);
    record({ library, case: name, medianSeconds: t, medianCpuSeconds: tc, gflops: flops / t / 1e9, gflopsCpu: flops / tc / 1e9, runs: matmulRuns(flops) });
  }
  useKernel("auto");
  for (const backend of ["cpu", "wasm"]) {
    await tf.setBackend(backend);
    await tf.ready();
    const a = tf.tensor2d(A.data, [M, K]);
    const b = tf.tensor2d(B.data, [K, N]);
    const runs = backend === "cpu" && flops > 2 * 256 ** 3 ? Math.min(3, matmulRuns(flops)) : matmulRuns(flops);
    const times = await timeRuns(runs, 1, async () => {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    });
    a.dispose();
    b.dispose();
    const tm = median(times.wall), tc = median(times.cpu);
    record({ library: `tfjs-${backend}`, case: name, medianSeconds: tm, medianCpuSeconds: tc, gflops: flops / tm / 1e9, gflopsCpu: flops / tc / 1e9, runs });
  }
}

// (b) one training epoch, on the 8,000 digits and then on all of MNIST's 50,000.
// Each run builds its network afresh (seeded by the run), trains one epoch
// (784-128-10, batch 32, SGD lr 0.1) and is tested once; `warmup` runs are
// trained but not counted.
interface EpochRuns { times: number[]; cpu: number[]; accuracies: number[] }

async function nnfsEpoch(data: Mnist, runs: number, warmup: number): Promise<EpochRuns> {
  const out: EpochRuns = { times: [], cpu: [], accuracies: [] };
  for (let run = 1 - warmup; run <= runs; run++) {
    const seed = Math.max(run, 0);
    const model = new Sequential([
      new Dense(784, 128, { init: "he", seed }), new ReLU(), new Dense(128, 10, { seed: 100 + seed }), new Softmax(),
    ]);
    const c0 = cpuSeconds();
    const t0 = performance.now();
    await train(model, data.train.X, data.train.y, { epochs: 1, batchSize: 32, optimizer: new SGD({ lr: 0.1 }), seed });
    const t = seconds(t0), c = cpuSeconds() - c0;
    if (run < 1) continue; // warm-up
    out.times.push(t);
    out.cpu.push(c);
    out.accuracies.push(evaluate(model, data.test.X, data.test.y).accuracy);
  }
  return out;
}

// The same epoch in TensorFlow.js, on the backend set now (`tf.setBackend`).
async function tfjsEpoch(data: Mnist, runs: number, warmup: number): Promise<EpochRuns> {
  const out: EpochRuns = { times: [], cpu: [], accuracies: [] };
  const xs = tf.tensor2d(data.train.X.data, [data.train.X.rows, 784]);
  const ys = tf.oneHot(tf.tensor1d(data.train.y, "int32"), 10);
  const testX = tf.tensor2d(data.test.X.data, [data.test.X.rows, 784]);
  for (let run = 1 - warmup; run <= runs; run++) {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [784], units: 128, activation: "relu", kernelInitializer: "heNormal" }),
        tf.layers.dense({ units: 10, activation: "softmax" }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: "categoricalCrossentropy" });
    const c0 = cpuSeconds();
    const t0 = performance.now();
    await model.fit(xs, ys, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
    const t = seconds(t0), c = cpuSeconds() - c0;
    if (run >= 1) {
      out.times.push(t);
      out.cpu.push(c);
      const predicted = tf.tidy(() => (model.predict(testX) as tf.Tensor).argMax(1).dataSync());
      let right = 0;
      predicted.forEach((p, i) => (right += p === data.test.y[i] ? 1 : 0));
      out.accuracies.push(right / data.test.y.length);
    }
    model.dispose();
  }
  xs.dispose();
  ys.dispose();
  testX.dispose();
  return out;
}

const recordEpochs = (library: string, name: string, r: EpochRuns): void =>
  record({ library, case: name, medianSeconds: median(r.times), medianCpuSeconds: median(r.cpu), accuracy: median(r.accuracies), runs: r.times.length });

const mnist = await loadMnist();
const epochCase = "epoch 784-128-10";
const epochRuns = quick ? 1 : 5;
console.log(`one epoch: 784-128-10 ReLU + softmax, batch 32, SGD lr 0.1, ${mnist.train.X.rows} digits`);
for (const { library, kernel } of ours) {
  useKernel(kernel);
  recordEpochs(library, epochCase, await nnfsEpoch(mnist, epochRuns, 1));
}
useKernel("auto");
for (const backend of ["cpu", "wasm"]) {
  await tf.setBackend(backend);
  await tf.ready();
  recordEpochs(`tfjs-${backend}`, epochCase, await tfjsEpoch(mnist, backend === "cpu" ? (quick ? 1 : 3) : epochRuns, 1));
}

// (c) one epoch over all of MNIST: the 50,000 training digits, tested on the 10,000 official ones.
// No warm-up run (the 8,000-digit runs above warmed the same code); fewer runs, each is long.
const full = await loadMnist({ set: "full" });
const fullCase = "epoch 50,000 digits";
const fullRuns = quick ? 1 : 3;
console.log(`one epoch over all of MNIST: the same network and settings, ${full.train.X.rows} digits`);
for (const { library, kernel } of ours) {
  useKernel(kernel);
  recordEpochs(library, fullCase, await nnfsEpoch(full, fullRuns, 0));
}
useKernel("auto");
await tf.setBackend("wasm");
await tf.ready();
recordEpochs("tfjs-wasm", fullCase, await tfjsEpoch(full, fullRuns, 0));

// Ratios: how many times longer the other library takes than nnfs.
console.log("\nratios: their median / nnfs median, wall-clock (cpu); > 1 means nnfs is faster");
for (const c of [...new Set(results.map((r) => r.case))]) {
  const mine = results.find((r) => r.library === "nnfs" && r.case === c)!;
  const others = results.filter((r) => r.library !== "nnfs" && r.case === c);
  const ratio = (r: Result) =>
    `${r.library} ${(r.medianSeconds / mine.medianSeconds).toFixed(2)}× (${(r.medianCpuSeconds / mine.medianCpuSeconds).toFixed(2)}×)`;
  console.log(`  ${c.padEnd(24)} ${others.map(ratio).join("   ")}`);
}
const find = (library: string, c: string): Result => results.find((r) => r.library === library && r.case === c)!;
const mark = (ok: boolean): string => (ok ? "✓" : "✗");
const vs = (c: string, other: string, at: number): string => {
  const wall = find(other, c).medianSeconds / find("nnfs", c).medianSeconds;
  const cpu = find(other, c).medianCpuSeconds / find("nnfs", c).medianCpuSeconds;
  return `${wall.toFixed(2)}× ${mark(wall >= at)} (cpu ${cpu.toFixed(2)}× ${mark(cpu >= at)})`;
};
const accuracyGap = Math.abs(find("nnfs", epochCase).accuracy! - find("nnfs-ts", epochCase).accuracy!) * 100;
console.log(
  `\ntargets: matmul 1024² at least as fast as tfjs-wasm: ${vs("matmul 1024²", "tfjs-wasm", 1)}; ` +
    `epoch ≥ 10× faster than tfjs-wasm: ${vs(epochCase, "tfjs-wasm", 10)}; ` +
    `accuracy within 0.5 points of nnfs-ts: ${accuracyGap.toFixed(1)} ${mark(accuracyGap <= 0.5)}`,
);
writeFileSync(join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`wrote ${join(here, "results.json")}`);
