/**
 * The trainer's Web Worker: all training happens here, never on the page's
 * thread. It loads the digits once, runs jobs (run.ts) and relays their
 * progress; a `stop` message aborts the job after its current batch.
 */
import { loadFastKernels, loadMnist, type Mnist } from "nnfs";
import { runJob } from "./run.ts";
import { loadJob, trainedOn } from "./load-job.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
// One set of digits at a time (all of MNIST is 220 MB as numbers): the last one asked for.
let data: { url: string; mnist: Promise<Mnist> } | null = null;
let job: AbortController | null = null;
// The WebAssembly kernels (chapter 12), loaded once: networks built after this
// train on them ("typescript" if the browser lacks WebAssembly SIMD).
const kernel = loadFastKernels();

const post = (m: FromWorker) => scope.postMessage(m);
const digits = (url: string, set: "small" | "full" = "small"): Promise<Mnist> => {
  if (data?.url !== url) {
    let shown = 0;
    const onProgress = (loaded: number, total: number | null) => {
      // About a hundred reports for the whole download, and its last byte.
      if (loaded - shown < (total ?? 1e7) / 100 && loaded !== total) return;
      shown = loaded;
      post({ type: "download", loaded, total });
    };
    const mnist = loadMnist(url, { set, onProgress });
    data = { url, mnist };
    mnist.catch(() => data?.mnist === mnist && (data = null)); // let a later press try again
  }
  return data!.mnist;
};

scope.onmessage = async (e) => {
  const m = e.data;
  try {
    if (m.type === "stop") {
      job?.abort();
    } else if (m.type === "train") {
      job?.abort();
      const controller = (job = new AbortController());
      post({ type: "loading", kernel: await kernel });
      const mnist = await digits(m.dataUrl, m.runs[0]?.data);
      await runJob(mnist, m.runs, post, controller.signal);
    } else if (m.type === "load") {
      try {
        await kernel;
        const text = await m.file.text();
        const set = trainedOn(text); // a network trained on all of MNIST has seen the quick set's test digits
        const { packed, about, settings, test, validation } = loadJob(text, await digits(set === "full" ? m.fullDataUrl : m.dataUrl, set));
        post({ type: "loaded", packed, about, settings, validation });
        post({ type: "evaluated", test });
      } catch (error) {
        post({ type: "load-error", message: error instanceof Error ? error.message : "the file could not be read." });
      }
    }
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
