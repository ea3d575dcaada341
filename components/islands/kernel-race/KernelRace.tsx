/**
 * Chapter 12's island: pick a matrix size, press Race, and watch each kernel's
 * speed grow into a bar as the Web Worker (worker.ts) times it, then see the
 * kernels as points on this machine's roofline. Stop ends the worker at once.
 * The logic (lanes, timing, state, texts) is in kernel-race.ts, the
 * roofline's geometry in roofline.ts.
 *
 * Contract for the browser tests: the root has `data-kernel-race` and
 * `data-state` (idle, racing, done, stopped or error); each lane's row has
 * `data-lane` (its id), `data-status` and, once timed, `data-gflops`; the
 * roofline has `data-roofline` and a `data-point` (lane id) for each point.
 */
import { useEffect, useId, useReducer, useRef } from "preact/hooks";
import { MEASURES, SIZES, barPercents, describeState, initialState, laneText, reduce, type FromWorker, type ToWorker } from "./kernel-race.ts";
import { Roofline } from "./Roofline.tsx";
import workerUrl from "./worker.ts?worker&url";
import { startWorker } from "../shared/start-worker.ts";
import "../shared/islands.css";
import "./kernel-race.css";

export default function KernelRace() {
  const uid = `kr${useId().replace(/[^\w-]/g, "")}`;
  const [state, dispatch] = useReducer(reduce, undefined, () => initialState());
  const worker = useRef<Worker | null>(null);
  const racing = state.status === "racing";

  const end = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => end, []);

  const race = () => {
    end();
    const w = startWorker(workerUrl, "nnfs-kernel-race");
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      dispatch({ type: "worker", message: e.data });
      if (e.data.type === "finished" || e.data.type === "error") end();
    };
    w.onerror = (e) => {
      dispatch({ type: "worker", message: { type: "error", message: e.message || "the worker failed to start" } });
      end();
    };
    dispatch({ type: "start" });
    w.postMessage({ type: "race", size: state.size } satisfies ToWorker);
  };
  const stop = () => {
    end();
    dispatch({ type: "stop" });
  };

  const widths = barPercents(state.lanes);
  return (
    <figure class="island kr" aria-labelledby={`${uid}-title`} data-kernel-race data-state={state.status}>
      <p class="island-title" id={`${uid}-title`}>
        Race the kernels on your machine
      </p>
      <div class="kr-controls">
        <label class="kr-size">
          <span>Matrix size</span>
          <select
            value={String(state.size)}
            disabled={racing}
            onChange={(e) => dispatch({ type: "size", size: Number((e.target as HTMLSelectElement).value) })}
          >
            {SIZES.map((n) => (
              <option key={n} value={String(n)}>
                {n} × {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={race} disabled={racing}>
          Race
        </button>
        <button type="button" onClick={stop} disabled={!racing}>
          Stop
        </button>
      </div>
      <p class="kr-status" role="status" aria-live="polite">
        {describeState(state)}
      </p>
      <ul class="kr-lanes" aria-label="Speed of each kernel, in GFLOP/s">
        {state.lanes.map((l, i) => (
          <li
            key={l.id}
            class={`kr-lane kr-${l.status}${MEASURES.includes(l.id) ? " kr-measure" : ""}`}
            data-lane={l.id}
            data-status={l.status}
            data-gflops={l.gflops === null ? undefined : String(l.gflops)}
          >
            <span class="kr-name">
              {l.name}
              {l.note && l.status !== "unavailable" && <span class="kr-note-line">{l.note}</span>}
            </span>
            <span class="kr-track" aria-hidden="true">
              {widths[i] > 0 && <span class="kr-bar" style={{ width: `${widths[i].toFixed(1)}%` }} />}
            </span>
            <span class="kr-value">{laneText(l)}</span>
          </li>
        ))}
      </ul>
      <Roofline lanes={state.lanes} size={state.size} uid={uid} />
      <figcaption class="kr-note">
        Each bar is the best of up to four timed rounds. The first two lanes measure the machine, not a product: the yardstick does multiply-adds with no memory at all, the
        stream moves numbers through memory with almost no arithmetic.
      </figcaption>
    </figure>
  );
}
