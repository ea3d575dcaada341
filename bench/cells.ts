// `npm run bench:cells`: a loop at the top level of a cell, the same loop in a
// function of a cell, and the same loop at the top level of a plain module,
// each run fresh (compiled anew, as a cell is on every run) several times. The
// loop is chapter 12's: the sum of a Float64Array of N = 2,000,000 numbers
// (`xs` and `N` defined by the cell above). The cells run in the notebook the
// page's worker uses (run-cell.ts), in the same JavaScript engine as Chromium
// (V8); the three medians should be within 1.5× of each other.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Notebook } from "../components/cell/worker/notebook-scope.ts";
import { runCell } from "../components/cell/worker/run-cell.ts";
import { capturingConsole } from "../components/cell/worker/run-cells.ts";

const RUNS = 15;
const setup = "const N = 2_000_000;\nconst xs = new Float64Array(N).map((_, i) => i % 7);";
const cells = {
  "top level of a cell": [
    "const t0 = performance.now();",
    "let s = 0;",
    "for (let i = 0; i < N; i++) s += xs[i];",
    "console.log(performance.now() - t0, s);",
  ].join("\n"),
  "function in a cell": [
    "function sum(a: Float64Array, n: number): number {",
    "  let s = 0;",
    "  for (let i = 0; i < n; i++) s += a[i];",
    "  return s;",
    "}",
    "const t0 = performance.now();",
    "const s = sum(xs, N);",
    "console.log(performance.now() - t0, s);",
  ].join("\n"),
};
const moduleCode = [
  "const N = 2_000_000;",
  "const xs = new Float64Array(N).map((_, i) => i % 7);",
  "const t0 = performance.now();",
  "let s = 0;",
  "for (let i = 0; i < N; i++) s += xs[i];",
  "export const ms = performance.now() - t0;",
  "export const sum = s;",
].join("\n");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function runInCell(code: string): Promise<number[]> {
  const notebook = new Notebook({});
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const lines: string[] = [];
    for (const [i, c] of [setup, code].entries()) {
      const { error } = await runCell(notebook, { code: c, sourceName: `bench-${i}.ts`, label: `Cell ${i + 1}` }, capturingConsole(lines));
      if (error) throw new Error(error.text);
    }
    const [ms, sum] = lines[0].split(" ").map(Number);
    if (sum !== 5999995) throw new Error(`wrong sum ${sum}`);
    times.push(ms);
  }
  return times;
}

async function runInModule(): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "nnfs-bench-"));
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const file = join(dir, `loop-${r}.mjs`); // a new module each run: compiled anew, like a cell
    writeFileSync(file, moduleCode);
    const { ms, sum } = (await import(pathToFileURL(file).href)) as { ms: number; sum: number };
    if (sum !== 5999995) throw new Error(`wrong sum ${sum}`);
    times.push(ms);
  }
  return times;
}

const results: Record<string, number> = {};
for (const [name, code] of Object.entries(cells)) results[name] = median(await runInCell(code));
results["top level of a plain module"] = median(await runInModule());
const fastest = Math.min(...Object.values(results));
console.log(`Sum of 2,000,000 numbers, median of ${RUNS} fresh runs, Node ${process.versions.node}, load ${loadavg()[0].toFixed(1)}:`);
for (const [name, ms] of Object.entries(results)) console.log(`  ${name.padEnd(28)} ${ms.toFixed(2).padStart(7)} ms  ${(ms / fastest).toFixed(2)}×`);
const spread = Math.max(...Object.values(results)) / fastest;
console.log(`slowest / fastest: ${spread.toFixed(2)}× (goal ≤ 1.5×)`);
