// `node bench/build.ts [runs] [other-checkout]`: times `npm run build` as a
// clean clone has it (no dist/, .astro/, node_modules/.astro or
// node_modules/.vite: each run removes them first), and prints each run's wall
// time and CPU time (user + system, of the build and every process it starts),
// then the medians, and Astro's own figures for its steps (the content sync,
// the server bundle, the pages' bundle, the pages, then everything after them:
// the search index and the service worker). With a second checkout of the book (another commit, its
// own node_modules), the two build in turn, A B A B …, so that a comparison
// holds while the machine's load changes; the figures to compare are the CPU
// times and the pairs' ratios, since wall time on a shared machine is noise.
// Linux only: it reads the times through /usr/bin/time (Debian's `time` package).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

const TIME = "/usr/bin/time";
const runs = Number(process.argv[2] ?? 3);
const dirs = [path.resolve(import.meta.dirname, ".."), ...(process.argv[3] ? [path.resolve(process.argv[3])] : [])];
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench/build: runs must be a whole number ≥ 1, got ${process.argv[2]}`);
if (!existsSync(TIME)) throw new Error(`bench/build: ${TIME} is missing (apt-get install time)`);
for (const dir of dirs) if (!existsSync(path.join(dir, "node_modules"))) throw new Error(`bench/build: ${dir} has no node_modules (npm ci there first)`);

interface Run { wall: number; cpu: number; user: number; sys: number; load: number; steps: string }

/** Seconds in Astro's way of writing a time: 850ms, 3.57s, 1m 2s. */
function seconds(t: string): number {
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?$|^(\d+)ms$/.exec(t.trim());
  if (!m) return NaN;
  return m[3] !== undefined ? Number(m[3]) / 1000 : Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** Astro's timings of its steps, from what the build prints. */
function steps(output: string): string {
  const text = output.replace(/\x1b\[[0-9;]*m/g, "");
  const T = String.raw`(\d+ms|(?:\d+m\s*)?(?:[\d.]+s)?)`;
  const secs = (re: string, flags = "g") => [...text.matchAll(new RegExp(re, flags))].map((m) => seconds(m[1]));
  const [sync] = secs(String.raw`\[types\] Generated ${T}`);
  const [server, client] = secs(String.raw`\[vite\] ✓ built in ${T}`);
  const [pages] = secs(String.raw`^\S+ ✓ Completed in ${T}\.`, "gm");
  const [astro] = secs(String.raw`page\(s\) built in ${T}`);
  // Astro's setup (with the sync) and its static build, each timed on its own: what its total adds is what runs after the pages.
  const [setup, staticBuild] = secs(String.raw`\[build\] ✓ Completed in ${T}\.`);
  const after = astro !== undefined && setup !== undefined && staticBuild !== undefined ? astro - setup - staticBuild : NaN;
  const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "?" : x.toFixed(2));
  return `sync ${f(sync)}, server bundle ${f(server)}, pages' bundle ${f(client)}, pages ${f(pages)}, search index and service worker ${f(after)}, Astro's total ${f(astro)}`;
}

function buildOnce(dir: string): Run {
  for (const cache of ["dist", ".astro", "node_modules/.astro", "node_modules/.vite"]) rmSync(path.join(dir, cache), { recursive: true, force: true });
  const out = path.join(tmpdir(), `nnfs-bench-build-${process.pid}.txt`);
  const load = loadavg()[0];
  const r = spawnSync(TIME, ["-o", out, "-f", "%e %U %S", "npm", "run", "build"], { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench/build: the build in ${dir} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const [wall, user, sys] = readFileSync(out, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  rmSync(out, { force: true });
  return { wall, user, sys, cpu: user + sys, load, steps: steps(r.stdout + r.stderr) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const results: Run[][] = dirs.map(() => []);
const label = (i: number) => (dirs.length > 1 ? `${"AB"[i]} ` : "");
for (let k = 0; k < runs; k++) {
  dirs.forEach((dir, i) => {
    const run = buildOnce(dir);
    results[i].push(run);
    console.log(`${label(i)}run ${k + 1}: ${run.wall.toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU (${run.user.toFixed(2)} user + ${run.sys.toFixed(2)} system), load average ${run.load.toFixed(1)}\n    ${run.steps} (s)`);
  });
}
dirs.forEach((dir, i) => {
  const rs = results[i];
  console.log(`${label(i)}${dir}: median ${median(rs.map((r) => r.wall)).toFixed(2)} s wall, ${median(rs.map((r) => r.cpu)).toFixed(2)} s CPU over ${rs.length} runs`);
});
if (dirs.length > 1) {
  const ratio = (f: (r: Run) => number) => median(results[0].map((a, k) => f(a) / f(results[1][k]))).toFixed(3);
  console.log(`A/B, median of the pairs' ratios: wall ${ratio((r) => r.wall)}, CPU ${ratio((r) => r.cpu)}`);
}
