// `node bench/epoch.ts [runs] [--ts]`: only this library's training epoch (784-128-10
// ReLU + softmax, batch 32, SGD lr 0.1, 8,000 digits), without TensorFlow.js, on
// the WebAssembly kernels (the TypeScript ones with --ts), for
// quick measurements and profiling (`node --cpu-prof bench/epoch.ts`). Prints each
// run's wall-clock and CPU seconds, their medians (and the fastest CPU time, the
// least disturbed by other load), and the test accuracy.
import { Dense, ReLU, SGD, Sequential, Softmax, evaluate, fastKernelCopies, loadFastKernels, loadMnist, train } from "../lib/index.ts";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => !a.startsWith("--")) ?? 9);
const kernel = args.includes("--ts") ? "typescript" : await loadFastKernels();
console.log(`kernel: ${kernel}`);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const mnist = await loadMnist();
const wall: number[] = [];
const cpu: number[] = [];
let acc = 0;
for (let run = 0; run <= runs; run++) {
  const model = new Sequential([
    new Dense(784, 128, { init: "he", seed: run }), new ReLU(), new Dense(128, 10, { seed: 100 + run }), new Softmax(),
  ]);
  const c0 = cpuSeconds();
  const copies = fastKernelCopies();
  const t0 = performance.now();
  await train(model, mnist.train.X, mnist.train.y, { epochs: 1, batchSize: 32, optimizer: new SGD({ lr: 0.1 }), seed: run });
  const t = (performance.now() - t0) / 1000;
  const c = cpuSeconds() - c0;
  if (run === 0) continue; // warm-up
  const after = fastKernelCopies();
  if (run === 1 && after.calls > 0) {
    const kb = (after.copiedIn - copies.copiedIn + after.copiedOut - copies.copiedOut) / 1024;
    console.log(`copied in and out of WebAssembly memory: ${kb.toFixed(0)} KB in ${after.calls - copies.calls} products (${(kb / (after.calls - copies.calls)).toFixed(1)} KB each)`);
  }
  wall.push(t);
  cpu.push(c);
  acc = evaluate(model, mnist.test.X, mnist.test.y).accuracy;
}
console.log(`wall ${wall.map((t) => t.toFixed(3)).join(" ")}`);
console.log(`cpu  ${cpu.map((t) => t.toFixed(3)).join(" ")}`);
console.log(
  `median wall ${median(wall).toFixed(4)} s, cpu ${median(cpu).toFixed(4)} s (fastest cpu ${Math.min(...cpu).toFixed(4)} s), ` +
    `last test accuracy ${(acc * 100).toFixed(2)} %`,
);
