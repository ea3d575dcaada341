/**
 * `npm test`: the type check and the unit tests side by side, then the
 * browser tests.
 *
 * The type check (`astro sync`, then `astro check`) is one process on one
 * core for half a minute or more; the unit tests run two files at a time
 * (vitest.config.ts). Run one after the other, a 2-core machine kept one core
 * idle for the whole type check; side by side they share both. When the type
 * check has passed, the site the browser tests use is built (under /nnfs/,
 * tests/e2e/build.ts) while the unit tests go on, so that the unit tests' last
 * long files do not leave a core idle either. Each step's output is printed
 * whole when it ends, so they never interleave. The browser tests start only
 * when all three passed, on that build.
 *
 *   node scripts/test.ts
 */
import { spawn } from "node:child_process";

interface Step {
  name: string;
  script: string;
}

/** Runs `npm run <script>`, keeping its output (stdout and stderr, in order) until it ends. */
function runQuietly({ name, script }: Step): Promise<{ name: string; ok: boolean; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm(), ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? "1" : "0") }, shell: process.platform === "win32" });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const end = (ok: boolean, extra = "") => resolve({ name, ok, output: Buffer.concat(chunks).toString("utf8") + extra, seconds: (Date.now() - started) / 1000 });
    child.on("error", (e) => end(false, `\n${name}: could not start npm (${e.message})\n`));
    child.on("close", (code) => end(code === 0));
  });
}

function runLoudly(script: string, env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(npm(), ["run", "--silent", script], { stdio: "inherit", env: { ...process.env, ...env }, shell: process.platform === "win32" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

/** npm on the PATH (npm.cmd on Windows, run through its shell). */
function npm(): string {
  return process.platform === "win32" ? "npm.cmd" : "npm";
}

const typecheck: Step = { name: "type check (astro check)", script: "typecheck" };
const unit: Step = { name: "unit tests (vitest run)", script: "test:unit" };
const build: Step = { name: "the browser tests' site (astro build under /nnfs/)", script: "build:e2e" };

/** Runs a step quietly and prints its output whole when it ends. */
const report = (step: Step) =>
  runQuietly(step).then((r) => {
    process.stdout.write(`\n── ${r.name}: ${r.ok ? "passed" : "FAILED"} in ${r.seconds.toFixed(0)} s ──\n${r.output}`);
    return r;
  });

console.log(`npm test: ${typecheck.name} and ${unit.name}, side by side, then ${build.name} beside the unit tests (each one's output follows when it ends)…`);
const results = await Promise.all([
  report(typecheck).then(async (checked) => (checked.ok ? [checked, await report(build)] : [checked])),
  report(unit).then((r) => [r]),
]);
const failed = results.flat().filter((r) => !r.ok);
if (failed.length) {
  console.error(`\nnpm test: ${failed.map((r) => r.name).join(" and ")} failed; the browser tests did not run.`);
  process.exit(1);
}
console.log("\n── browser tests (vitest run --config vitest.e2e.config.ts), on the site just built ──");
process.exit((await runLoudly("test:e2e", { NNFS_E2E_BUILT: "1" })) ? 0 : 1);
