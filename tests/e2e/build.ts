/** Builds the site for the browser tests, in a clean environment. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { astroBin, astroEnv } from "../../scripts/astro.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The browser tests build and serve the book under a sub-path, as a host such
 * as GitHub Pages does: every test then also checks that links, assets and
 * data stay under it (base-path.test.ts looks at every request). One build
 * serves both purposes.
 */
export const E2E_BASE = "/nnfs/";

/**
 * Vitest puts Vite's own variables (BASE_URL, MODE, DEV, PROD, SSR) into
 * process.env; a child `astro build` would take BASE_URL from there and
 * ignore the site's base path, so they are left out. Vitest also sets
 * NODE_ENV=test, and a build under it is not a production build
 * (import.meta.env.PROD is false: the pages would not register the service
 * worker), so the build gets NODE_ENV=production, as `npm run build` does.
 */
export function buildSite(env: Record<string, string> = {}): void {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !["BASE_URL", "MODE", "DEV", "PROD", "SSR"].includes(k) && !k.startsWith("VITEST")),
  );
  // scripts/astro.ts: telemetry off and NODE_ENV=production, with this same Node and no shell (so on Windows too).
  execFileSync(process.execPath, [astroBin(), "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...astroEnv("build", clean), ...env },
  });
}

// `npm run build:e2e` (npm test runs it beside the unit tests): the same build, from the command line.
if (import.meta.main) buildSite({ BASE_PATH: E2E_BASE });
