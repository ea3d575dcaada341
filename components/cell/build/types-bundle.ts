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
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { Worker } from "node:worker_threads";

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

export function cellTypesBundle() {
  return {
    name: "nnfs-cell-types",
    buildStart: () => {
      // Started now, awaited by `load`; a failure is reported there.
      cellTypesModule().catch(() => undefined);
    },
    resolveId: (id: string) => (id === ID ? `\0${ID}` : null),
    load: (id: string) => (id === `\0${ID}` ? cellTypesModule() : null),
    watchChange: (id: string) => {
      if (path.resolve(id).startsWith(LIB_DIR)) code = null;
    },
  };
}
