/**
 * Global setup of the browser tests: checks that Chromium is there (a clear
 * failure, never a silent skip), builds the site (unless E2E_SKIP_BUILD=1,
 * handy while writing tests against a fresh `npm run build`), and serves
 * dist/ on a free port of 127.0.0.1.
 */
import { existsSync, readFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { serve } from "../../scripts/serve.ts";
import { chromiumPath } from "./chromium.ts";
import { buildSite, E2E_BASE, ROOT } from "./build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  chromiumPath(); // throws with instructions when Chromium is missing
  // npm test builds the site beside the unit tests and says so with
  // NNFS_E2E_BUILT=1 (scripts/test.ts). A dist/ built for another base path
  // (npm run build's "/") is built again.
  const skip = process.env.E2E_SKIP_BUILD === "1" || process.env.NNFS_E2E_BUILT === "1";
  const index = `${ROOT}dist/index.html`;
  if (!skip || !existsSync(index) || !readFileSync(index, "utf8").includes(`href="${E2E_BASE}`)) {
    buildSite({ BASE_PATH: E2E_BASE });
    process.env.NNFS_E2E_BUILT = "1";
  }
  const { server, url } = await serve({ root: `${ROOT}dist`, port: 0, base: E2E_BASE });
  project.provide("baseUrl", url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
