/**
 * The cell frame's script (src/pages/cell-frame.astro): starts cell workers
 * for the page that holds the frame, hands each the MessageChannel port the
 * page sent (so that page and worker talk directly), and ends them when told. The frame's policy allows 'unsafe-eval',
 * which the workers inherit; the page's does not. Only the book's own pages
 * may ask (same origin, the parent window).
 */
import { createBlobWorker } from "./worker-url.ts";
import type { FromFrame, ToFrame, WorkerFailed } from "./framed-worker.ts";
import type { PortHandover } from "../protocol.ts";

export function hostCellWorkers(): void {
  const workers = new Map<number, Worker>();
  addEventListener("message", (e: MessageEvent<ToFrame>) => {
    if (e.source !== parent || e.origin !== location.origin || parent === window) return;
    const m = e.data;
    if (m?.type === "start" && e.ports.length === 2) {
      // ports[0] goes to the worker: it and the page talk directly. ports[1] stays
      // here, for what the worker says before it has its port, and for its errors.
      const [direct, control] = e.ports;
      const worker = createBlobWorker();
      workers.set(m.id, worker);
      worker.postMessage({ type: "port" } satisfies PortHandover, [direct]);
      worker.onmessage = (w) => control.postMessage(w.data);
      worker.onerror = (w) => {
        w.preventDefault();
        control.postMessage({ frameWorkerError: w.message || "the cell worker failed to start" } satisfies WorkerFailed);
      };
    } else if (m?.type === "terminate") {
      workers.get(m.id)?.terminate();
      workers.delete(m.id);
    }
  });
  if (parent !== window) parent.postMessage({ type: "frame-ready" } satisfies FromFrame, location.origin);
}
