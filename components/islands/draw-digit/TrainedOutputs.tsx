/**
 * The trained network's reading of a drawing: ten bars, one per digit, and
 * a sentence. Shown by the drawing pad (DrawDigit with `trained`) in chapter
 * 10 and later. The network is the one the trainer kept in this browser; it
 * follows along when a new one is trained on the same page.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { argmax, type Sequential } from "nnfs";
import { readTrained, unpack, TRAINED_EVENT } from "../shared/trained-store.ts";
import { describeReading, readDigit } from "./trained-reader.ts";

export default function TrainedOutputs({ input, empty, label }: { input: ArrayLike<number>; empty: boolean; label: number | null }) {
  const [kept, setKept] = useState<{ network: Sequential; about: string } | null>(null);

  useEffect(() => {
    const t = readTrained();
    if (t) setKept({ network: t.network, about: t.about });
    const onTrained = (e: Event) => {
      const packed = (e as CustomEvent<string | null>).detail;
      if (!packed) return setKept(null);
      try {
        const t = unpack(packed);
        setKept({ network: t.network, about: t.about });
      } catch {
        setKept(null);
      }
    };
    window.addEventListener(TRAINED_EVENT, onTrained);
    return () => window.removeEventListener(TRAINED_EVENT, onTrained);
  }, []);

  const outputs = useMemo(() => (kept && !empty ? readDigit(kept.network, input) : null), [kept, input, empty]);

  if (!kept) {
    return (
      <div class="dd-trained">
        <p class="dd-answer" aria-live="polite">
          No trained network yet. Press <strong>Train</strong> in the trainer above, and when it is done the network reads your drawing here.
        </p>
      </div>
    );
  }
  const best = outputs ? argmax(outputs) : -1;
  return (
    <div class="dd-trained">
      <ul class="dd-bars" aria-label="The trained network's ten outputs" data-outputs={outputs ? outputs.map((a) => a.toFixed(4)).join(" ") : ""}>
        {Array.from({ length: 10 }, (_, j) => {
          const v = outputs?.[j] ?? 0;
          return (
            <li key={j} class={j === best ? "dd-bar dd-bar-best" : "dd-bar"}>
              <span class="dd-bar-digit">{j}</span>
              <span class="dd-bar-track" aria-hidden="true"><span class="dd-bar-fill" style={{ width: `${(100 * v).toFixed(1)}%` }} /></span>
              <span class="dd-bar-value">{outputs ? `${Math.round(100 * v)} %` : "–"}</span>
            </li>
          );
        })}
      </ul>
      <p class="dd-answer" aria-live="polite">
        {outputs ? describeReading(outputs, label) : "Draw a digit, and the trained network reads it."}
      </p>
      <p class="dd-about">The network: {kept.about}.</p>
    </div>
  );
}
