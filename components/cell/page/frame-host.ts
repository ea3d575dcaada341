/**
 * The cell frame's script (src/pages/cell-frame.astro): starts cell workers
 * for the page that holds the frame, each on the MessageChannel port the page
 * sends, and ends them when told. The frame's policy allows 'unsafe-eval',
 * which the workers inherit; the page's does not. Only the book's own pages
 * may ask (same origin, the parent window).
 */
import { createBlobWorker } from "./worker-url.ts";
import type { FromFrame, ToFrame, WorkerFailed } from "./framed-worker.ts";

export function hostCellWorkers(): void {
  const workers = new Map<number, Worker>();
  addEventListener("message", (e: MessageEvent<ToFrame>) => {
    if (e.source !== parent || e.origin !== location.origin || parent === window) return;
    const m = e.data;
    if (m?.type === "start" && e.ports[0]) {
      const port = e.ports[0];
      const worker = createBlobWorker();
      workers.set(m.id, worker);
      worker.onmessage = (w) => port.postMessage(w.data);
      worker.onerror = (w) => {
        w.preventDefault();
        port.postMessage({ frameWorkerError: w.message || "the cell worker failed to start" } satisfies WorkerFailed);
      };
      port.onmessage = (p) => worker.postMessage(p.data);
    } else if (m?.type === "terminate") {
      workers.get(m.id)?.terminate();
      workers.delete(m.id);
    }
  });
  if (parent !== window) parent.postMessage({ type: "frame-ready" } satisfies FromFrame, location.origin);
}
