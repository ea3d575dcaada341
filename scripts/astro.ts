/**
 * Runs Astro's command line with telemetry off, the same way on Linux, macOS
 * and Windows (where `VAR=value command` in an npm script does not work):
 *
 *   node scripts/astro.ts build     # what `npm run build` runs
 *   node scripts/astro.ts dev       # and `npm run dev`, `npm run typecheck` (sync, check)
 *
 * A build is always a production build (NODE_ENV=production): under another
 * NODE_ENV, import.meta.env.PROD is false and the pages would not register
 * the service worker that keeps the book for offline reading.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

/** The environment Astro runs in for a command: telemetry off, and production for a build. */
export function astroEnv(command: string | undefined, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ASTRO_TELEMETRY_DISABLED: "1", ...(command === "build" ? { NODE_ENV: "production" } : {}) };
}

/** Astro's own entry script, run with this same Node (no shell, no .cmd shim). */
export function astroBin(): string {
  const pkg = createRequire(import.meta.url).resolve("astro/package.json");
  return path.join(path.dirname(pkg), "bin", "astro.mjs");
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const result = spawnSync(process.execPath, [astroBin(), ...args], { stdio: "inherit", env: astroEnv(args[0]) });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}
