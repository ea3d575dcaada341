/**
 * Global setup of the browser tests: checks that Chromium is there (a clear
 * failure, never a silent skip), builds the site (unless E2E_SKIP_BUILD=1,
 * handy while writing tests against a fresh `npm run build`), and serves
 * dist/ on a free port of 127.0.0.1.
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { serve } from "../../scripts/serve.ts";
import { chromiumPath } from "./chromium.ts";
import { buildSite, ROOT } from "./build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  chromiumPath(); // throws with instructions when Chromium is missing
  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(`${ROOT}dist/index.html`)) {
    buildSite({ BASE_PATH: "/" });
  }
  const { server, url } = await serve({ root: `${ROOT}dist`, port: 0 });
  project.provide("baseUrl", url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
