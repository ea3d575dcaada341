// `node bench/epoch.ts [runs]`: only this library's training epoch (784-128-10
// ReLU + softmax, batch 32, SGD lr 0.1, 8,000 digits), without TensorFlow.js, for
// quick measurements and profiling (`node --cpu-prof bench/epoch.ts`). Prints each
// run's wall-clock and CPU seconds, their medians (and the fastest CPU time, the
// least disturbed by other load), and the test accuracy.
import { Dense, ReLU, SGD, Sequential, Softmax, evaluate, loadMnist, train } from "../lib/index.ts";

const runs = Number(process.argv[2] ?? 9);
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
  const t0 = performance.now();
  await train(model, mnist.train.X, mnist.train.y, { epochs: 1, batchSize: 32, optimizer: new SGD({ lr: 0.1 }), seed: run });
  const t = (performance.now() - t0) / 1000;
  const c = cpuSeconds() - c0;
  if (run === 0) continue; // warm-up
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
