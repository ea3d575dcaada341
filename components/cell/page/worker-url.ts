/**
 * Starts the cell worker. This is the one place the page names the worker's
 * code, and only as a URL for the browser to load: page/ and worker/ share
 * nothing but the messages of protocol.ts.
 *
 * The worker compiles the reader's code with `new AsyncFunction`, which needs
 * 'unsafe-eval'; the chapter pages' Content-Security-Policy does not allow it.
 * So the worker is started inside a hidden frame of the book's own
 * (src/pages/cell-frame.astro), whose policy is the pages' plus 'unsafe-eval'
 * (frame-host.ts), and talks to the page through a MessageChannel
 * (framed-worker.ts).
 */
import workerUrl from "../worker/worker.ts?worker&url";
import { FramedWorker } from "./framed-worker.ts";

/**
 * Starts the worker from a blob: URL that imports the bundled worker, in the
 * document that calls it (the frame). A blob: worker inherits that
 * document's Content-Security-Policy (a worker loaded from its own URL would
 * get the policy of that response: none, on a static host), so reader code
 * cannot fetch or import from elsewhere.
 */
export function createBlobWorker(): Worker {
  const src = new URL(workerUrl, location.href).href;
  const options: WorkerOptions = { type: "module", name: "nnfs-cells" };
  try {
    const blob = new Blob([`import ${JSON.stringify(src)};\n`], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(blob), options);
  } catch {
    return new Worker(src, options);
  }
}

/** The cell worker as the page's runner uses it: started in the cell frame. */
export function createWorker(): FramedWorker {
  return new FramedWorker(`${import.meta.env.BASE_URL.replace(/\/?$/, "/")}cell-frame/`);
}
