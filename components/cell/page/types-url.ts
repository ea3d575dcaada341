/**
 * Starts the language service's worker (types/ls-worker.ts), named here
 * only as a URL, from a blob: URL like the cells' worker (see worker-url.ts).
 */
import workerUrl from "../types/ls-worker.ts?worker&url";

export function createTypesWorker(): Worker {
  const src = new URL(workerUrl, location.href).href;
  const options: WorkerOptions = { type: "module", name: "nnfs-types" };
  try {
    return new Worker(URL.createObjectURL(new Blob([`import ${JSON.stringify(src)};\n`], { type: "text/javascript" })), options);
  } catch {
    return new Worker(src, options);
  }
}
