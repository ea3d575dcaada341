// Chapter 12's claims about its own kernels, measured in Node (V8, like
// Chromium): the scalar yardstick with 4, 8, 12 and 16 running sums (which
// count is fastest), and the 4 × 4 blocked kernel against the tiled one at
// 256, 512 and 1024. The kernels are the race island's (kernels.ts), which
// are the chapter's. Each figure is the best of 5 rounds after a warm-up call.
// Run on a quiet machine:   node_modules/.bin/node bench/kernels.ts
import { SUM_COUNTS, blocked, sums, tiled } from "../components/islands/kernel-race/kernels.ts";

function best(run: () => unknown, rounds = 5): number {
  run();
  let fastest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    let calls = 0;
    let ms = 0;
    do {
      run();
      calls++;
      ms = performance.now() - start;
    } while (ms < 100);
    fastest = Math.min(fastest, ms / 1000 / calls);
  }
  return fastest;
}

console.log("scalar yardstick: multiply-adds on running sums, no memory");
for (const count of SUM_COUNTS) {
  const t = Math.ceil(8e6 / count);
  console.log(`  ${String(count).padStart(2)} sums: ${((2 * count * t) / best(() => sums(count, t)) / 1e9).toFixed(2)} GFLOP/s`);
}
console.log("4×4 blocked against tiled (panels of 64 columns)");
for (const n of [256, 512, 1024]) {
  const a = Float32Array.from({ length: n * n }, (_, i) => Math.fround(Math.sin(i)));
  const b = Float32Array.from({ length: n * n }, (_, i) => Math.fround(Math.cos(i)));
  const c = new Float32Array(n * n);
  const flops = 2 * n ** 3;
  const speeds = [blocked, tiled].map((k) => (flops / best(() => k(a, b, c, n)) / 1e9).toFixed(2));
  console.log(`  n = ${n}: blocked ${speeds[0]}, tiled ${speeds[1]} GFLOP/s`);
}
