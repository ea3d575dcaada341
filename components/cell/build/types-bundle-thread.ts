/**
 * Runs in a worker thread of the build (types-bundle.ts starts it): emits the
 * cell type files and sends them back as JSON, so that the compiler's second
 * or so of work runs beside the rest of the build instead of holding it up.
 */
import { parentPort, workerData } from "node:worker_threads";
import { cellTypeFiles } from "../types/type-files.ts";

parentPort!.postMessage(JSON.stringify(cellTypeFiles(workerData as string)));
