/**
 * The island's side of the training worker: started on the first message,
 * its reports batched (batcher.ts) into the state machine's actions, and
 * dropped with Reset or when the island goes away.
 */
import { useEffect, useRef } from "preact/hooks";
import { Batcher } from "./batcher.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import type { Action } from "./state.ts";
import workerUrl from "./worker.ts?worker&url";
import { startWorker } from "../shared/start-worker.ts";

/**
 * `send` posts to the worker (starting it if need be); `stop` asks it to stop
 * after its current batch; `drop` ends it and forgets what it said. Each
 * message goes to `onMessage` at once (for keeping the network) and to
 * `dispatch` batched.
 */
export function useTrainerWorker(dispatch: (a: Action) => void, onMessage: (m: FromWorker) => void) {
  const worker = useRef<Worker | null>(null);
  const batcher = useRef<Batcher<Action> | null>(null);
  batcher.current ??= new Batcher<Action>((actions) => actions.forEach(dispatch));
  const listener = useRef(onMessage);
  listener.current = onMessage;

  useEffect(() => () => {
    batcher.current?.clear();
    worker.current?.terminate();
  }, []);

  const enqueue = (message: FromWorker) => {
    batcher.current!.push({ type: "worker", message });
    // The end of a run is shown at once: the status line then says the test digits are being measured.
    if (message.type === "finished") batcher.current!.flush();
  };
  return {
    send(m: ToWorker) {
      if (!worker.current) {
        const w = (worker.current = startWorker(workerUrl, "nnfs-trainer"));
        w.onmessage = (e: MessageEvent<FromWorker>) => {
          listener.current(e.data);
          enqueue(e.data);
        };
        w.onerror = (e) => enqueue({ type: "error", message: e.message || "the training worker failed to start" });
      }
      worker.current.postMessage(m);
    },
    stop() {
      worker.current?.postMessage({ type: "stop" } satisfies ToWorker);
    },
    drop() {
      worker.current?.terminate();
      worker.current = null;
      batcher.current!.clear();
    },
    clearQueue() {
      batcher.current!.clear();
    },
  };
}
