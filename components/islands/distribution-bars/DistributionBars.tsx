/**
 * Chapter 7's island: ten bars, a predicted distribution over the digits,
 * that the reader drags (mouse, finger or pen) or sets from the keyboard
 * (each bar is a slider: up and down change it, left and right move between
 * bars). Beside them: cross-entropy, MSE and whether the answer is right,
 * all computed in distribution-bars.ts with the library's own losses.
 */
import { useId, useRef, useState } from "preact/hooks";
import {
  N,
  PRESETS,
  barAt,
  describe,
  fmt,
  keyBar,
  keyValue,
  setProbability,
  verdict,
  type PresetName,
} from "./distribution-bars.ts";
import "../shared/islands.css";
import "./distribution-bars.css";

export default function DistributionBars() {
  const uid = `db${useId().replace(/[^\w-]/g, "")}`;
  const [probs, setProbs] = useState<number[]>([...PRESETS.unsure.probs]);
  const [truth, setTruth] = useState<number>(PRESETS.unsure.truth);
  const [focus, setFocus] = useState(0);
  const [drag, setDrag] = useState<number | null>(null);
  const plot = useRef<HTMLDivElement>(null);
  const bars = useRef<(HTMLDivElement | null)[]>([]);

  const v = verdict(probs, truth);
  const set = (k: number, p: number) => setProbs((old) => setProbability(old, k, p));
  const moveFocus = (k: number) => {
    setFocus(k);
    bars.current[k]?.focus();
  };

  const pointer = (ev: PointerEvent, start: boolean) => {
    const box = plot.current!.getBoundingClientRect();
    const at = barAt((ev.clientX - box.left) / box.width, (ev.clientY - box.top) / box.height);
    const k = start ? at.k : (drag ?? at.k);
    if (start) {
      setDrag(k);
      moveFocus(k);
    }
    set(k, at.p);
  };

  const choose = (name: PresetName) => {
    setProbs([...PRESETS[name].probs]);
    setTruth(PRESETS[name].truth);
  };

  return (
    <figure class="island db" aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        A predicted distribution over the ten digits
      </p>
      <div class="db-top">
        <div class="db-truth">
          <label for={`${uid}-truth`}>True digit</label>
          <select
            id={`${uid}-truth`}
            value={truth}
            onChange={(e) => setTruth(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {Array.from({ length: N }, (_, d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div class="db-presets" role="group" aria-label="Start from">
          {(Object.keys(PRESETS) as PresetName[]).map((name) => (
            <button key={name} type="button" onClick={() => choose(name)}>
              {PRESETS[name].label}
            </button>
          ))}
        </div>
      </div>

      <div class="db-body">
        <div class="db-chart">
          <div
            class={`db-plot${drag !== null ? " db-dragging" : ""}`}
            ref={plot}
            role="group"
            aria-label="Probabilities of the digits 0 to 9"
            onPointerDown={(ev) => {
              (ev.currentTarget as HTMLElement).setPointerCapture?.(ev.pointerId);
              ev.preventDefault();
              pointer(ev, true);
            }}
            onPointerMove={(ev) => drag !== null && pointer(ev, false)}
            onPointerUp={() => setDrag(null)}
            onPointerCancel={() => setDrag(null)}
          >
            {probs.map((p, k) => (
              <div
                key={k}
                ref={(el) => {
                  bars.current[k] = el;
                }}
                class={`db-col${k === truth ? " db-true" : ""}${k === v.answer ? " db-answer" : ""}`}
                role="slider"
                tabIndex={k === focus ? 0 : -1}
                aria-label={`digit ${k}${k === truth ? " (the true digit)" : ""}`}
                aria-valuemin={0}
                aria-valuemax={1}
                aria-valuenow={p}
                aria-valuetext={fmt(p)}
                aria-orientation="vertical"
                data-k={k}
                onFocus={() => setFocus(k)}
                onKeyDown={(ev) => {
                  const next = keyBar(ev.key, k);
                  if (next !== null) {
                    ev.preventDefault();
                    moveFocus(next);
                    return;
                  }
                  const value = keyValue(ev.key, p);
                  if (value !== null) {
                    ev.preventDefault();
                    set(k, value);
                  }
                }}
              >
                <span class="db-value" aria-hidden="true" style={{ bottom: `calc(${p * 100}% + 2px)` }}>
                  {fmt(p)}
                </span>
                <span class="db-bar" style={{ height: `${p * 100}%` }} />
              </div>
            ))}
          </div>
          <div class="db-digits" aria-hidden="true">
            {probs.map((_, k) => (
              <span key={k} class={k === truth ? "db-true-label" : undefined}>
                {k}
              </span>
            ))}
          </div>
          <p class="db-legend" aria-hidden="true">
            <span class="db-key db-key-true" /> the true digit <span class="db-key db-key-wrong" /> a wrong answer
          </p>
        </div>

        <dl class="db-readout">
          <div>
            <dt>cross-entropy</dt>
            <dd class="db-ce" data-value={v.crossEntropy}>
              −ln {fmt(v.pTrue)} = {fmt(v.crossEntropy, 3)}
            </dd>
          </div>
          <div>
            <dt>mean squared error</dt>
            <dd class="db-mse" data-value={v.mse}>
              {fmt(v.mse, 3)}
            </dd>
          </div>
          <div>
            <dt>answer</dt>
            <dd class={`db-verdict ${v.right ? "db-right" : "db-wrong"}`}>
              {v.answer}, {v.right ? "right" : "wrong"}
            </dd>
          </div>
        </dl>
      </div>
      <p class="db-desc" aria-live="polite">
        {describe(probs, truth)}
      </p>
    </figure>
  );
}
