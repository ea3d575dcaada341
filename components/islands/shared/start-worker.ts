/**
 * Starts an island's Web Worker (the trainer's, the kernel race's) from a
 * blob: URL that imports the bundled worker, as the code cells do
 * (components/cell/page/worker-url.ts, which keeps its own copy: the cell
 * runtime imports nothing of the islands). A blob: worker inherits the page's
 * Content-Security-Policy; a worker loaded from its own URL would get the
 * policy of that response (none, on a static host).
 */
export function startWorker(workerUrl: string, name: string): Worker {
  const src = new URL(workerUrl, location.href).href;
  const options: WorkerOptions = { type: "module", name };
  try {
    const blob = new Blob([`import ${JSON.stringify(src)};\n`], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(blob), options);
  } catch {
    return new Worker(src, options);
  }
}
