/**
 * Starts the cell worker. This is the one place the page names the worker's
 * code, and only as a URL for the browser to load: page/ and worker/ share
 * nothing but the messages of protocol.ts.
 */
import workerUrl from "../worker/worker.ts?worker&url";

/**
 * Starts the worker from a blob: URL that imports the bundled worker.
 * A blob: worker inherits the page's Content-Security-Policy (a worker
 * loaded from its own URL would get the policy of that response: none, on a
 * static host), so reader code cannot fetch or import from elsewhere.
 */
export function createWorker(): Worker {
  const src = new URL(workerUrl, location.href).href;
  const options: WorkerOptions = { type: "module", name: "nnfs-cells" };
  try {
    const blob = new Blob([`import ${JSON.stringify(src)};\n`], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(blob), options);
  } catch {
    return new Worker(src, options);
  }
}
