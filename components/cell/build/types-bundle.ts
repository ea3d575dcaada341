/**
 * A Vite plugin that gives the language service's worker its files as one
 * module, `virtual:nnfs-cell-types`: TypeScript's lib files for ES2023 and
 * nnfs's declarations, emitted from lib/ when the site is built.
 *
 * Emitting the declarations runs the TypeScript compiler over lib/ (a second
 * or two), and only the pages' bundle asks for the module, near its end. So
 * the work starts in a worker thread (types-bundle-thread.ts) as soon as the
 * first bundle of the build starts, runs while the server bundle is made, and
 * is kept until a file under lib/ changes (the dev server's watcher says so).
 *
 * In a build, the worker itself (types/ls-worker.ts: TypeScript, 4 MB once
 * minified) is bundled here too, by Rolldown, as soon as the declarations are
 * ready, beside the server bundle, instead of by Vite inside the pages' bundle,
 * which waited for it. Its options are the ones Vite gives a worker (iife,
 * minified, the pages' target, process.env as {}, Node's modules and the ones
 * TypeScript's package.json maps to false for browsers as one empty module),
 * so the file is byte for byte the one Vite wrote, under the same name.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { rolldown } from "rolldown";
import type { Plugin } from "vite";

const ID = "virtual:nnfs-cell-types";
const LIB_INDEX = fileURLToPath(new URL("../../../lib/index.ts", import.meta.url));
const LIB_DIR = path.dirname(LIB_INDEX) + path.sep;

/** The module's code, being made or made (shared by every instance of the plugin). */
let code: Promise<string> | null = null;

/** The module's code, from the worker thread started on first call. */
export function cellTypesModule(): Promise<string> {
  code ??= new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL("./types-bundle-thread.ts", import.meta.url), { workerData: LIB_INDEX });
    worker.once("message", (json: string) => resolve(`export const files = ${json};`));
    worker.once("error", reject);
    worker.once("exit", (status) => reject(new Error(`nnfs-cell-types: the declarations' worker thread stopped (exit code ${status}) before sending them`)));
  });
  return code;
}

const LS_WORKER = fileURLToPath(new URL("../types/ls-worker.ts", import.meta.url));
/** How the page names the worker (components/cell/page/types-url.ts). */
const LS_WORKER_URL = /\/ls-worker\.ts\?worker&url$/;
const LS_WORKER_URL_ID = "\0nnfs-ls-worker-url";
/** What Vite puts in for a browser in place of Node's modules and of the ones a package maps to false. */
const BROWSER_EXTERNAL = "\0__vite-browser-external";
const TS_BROWSER_FALSE = new Set(["fs", "os", "path", "crypto", "buffer", "source-map-support", "inspector", "perf_hooks"]);

/** What the bundler needs from Vite's configuration to bundle the worker as Vite does. */
interface WorkerOptions {
  /** The pages' target (build.target of the client). */
  target: string | string[];
  /** process.env.NODE_ENV in the pages. */
  nodeEnv: string;
  /** Where the pages' files go (build.assetsDir, `_astro`). */
  assetsDir: string;
}

/** The language service's worker, bundled once its declarations are ready: its file name and code. */
export async function lsWorkerBundle(options: WorkerOptions): Promise<{ fileName: string; code: string }> {
  const types = await cellTypesModule();
  const env = JSON.stringify(options.nodeEnv);
  const bundle = await rolldown({
    input: LS_WORKER,
    platform: "browser",
    logLevel: "silent",
    plugins: [
      {
        name: "nnfs-cell-types",
        resolveId: (id) => (id === ID ? `\0${ID}` : null),
        load: (id) => (id === `\0${ID}` ? types : null),
      },
      {
        name: "nnfs-browser-external",
        resolveId: (id, importer) =>
          id.startsWith("node:") || (importer?.includes(`${path.sep}node_modules${path.sep}typescript${path.sep}`) && TS_BROWSER_FALSE.has(id)) ? BROWSER_EXTERNAL : null,
        load: (id) => (id === BROWSER_EXTERNAL ? "module.exports = {};" : null),
      },
    ],
    transform: {
      target: options.target,
      define: {
        "process.env.NODE_ENV": env,
        "global.process.env.NODE_ENV": env,
        "globalThis.process.env.NODE_ENV": env,
        "process.env": "{}",
        "global.process.env": "{}",
        "globalThis.process.env": "{}",
      },
    },
  });
  try {
    const { output } = await bundle.generate({ format: "iife", minify: true, entryFileNames: path.posix.join(options.assetsDir, "[name]-[hash].js") });
    if (output.length !== 1) throw new Error(`nnfs-cell-types: the language service's worker came out in ${output.length} files, not one`);
    return { fileName: output[0].fileName, code: output[0].code };
  } finally {
    await bundle.close();
  }
}

export function cellTypesBundle(): Plugin {
  /** The worker's bundle in a build (null in the dev server, where Vite bundles it as usual). */
  let worker: Promise<{ fileName: string; code: string }> | null = null;
  let options: WorkerOptions | null = null;
  return {
    name: "nnfs-cell-types",
    // Before Vite's resolver, so that the worker's `?worker&url` import comes here in a build.
    enforce: "pre",
    configResolved(config) {
      if (config.command !== "build" || config.isWorker) return;
      const client = config.environments.client?.build ?? config.build;
      options = { target: client.target || "esnext", nodeEnv: process.env.NODE_ENV || config.mode, assetsDir: client.assetsDir };
    },
    buildStart() {
      // Started now, awaited by `load`; a failure is reported there.
      cellTypesModule().catch(() => undefined);
      if (options && !worker) {
        worker = lsWorkerBundle(options);
        worker.catch(() => undefined);
      }
    },
    resolveId(id) {
      if (id === ID) return `\0${ID}`;
      if (worker && this.environment?.name === "client" && LS_WORKER_URL.test(id)) return LS_WORKER_URL_ID;
      return null;
    },
    async load(id) {
      if (id === `\0${ID}`) return cellTypesModule();
      if (id !== LS_WORKER_URL_ID || !worker) return null;
      const { fileName, code } = await worker;
      const ref = this.emitFile({ type: "asset", fileName, source: code });
      // Vite turns this into the file's URL under the site's base, as for its own workers.
      return `export default "__VITE_ASSET__${ref}__";`;
    },
    watchChange(id) {
      if (path.resolve(id).startsWith(LIB_DIR)) code = null;
    },
  };
}
