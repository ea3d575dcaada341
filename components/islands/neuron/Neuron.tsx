/**
 * Chapter 2's island: one neuron with a slider for each input, each weight
 * and the bias; the diagram and the sum follow every change. Sliders are
 * native range inputs, so the keyboard, touch and screen readers work as
 * they do everywhere else. The arithmetic lives in neuron.ts. With `reader`
 * (the name of the chapter's own weighted-sum function), a switch computes
 * the output with the reader's function instead (use-reader.ts).
 */
import { useId, useState } from "preact/hooks";
import { edge, equation, EXAMPLE, output, RANGE, setPart, terms, type NeuronState, type Part } from "./neuron.ts";
import { fixed, fmt } from "../shared/numbers.ts";
import { useReader } from "../shared/reader/use-reader.ts";
import ReaderToggle from "../shared/reader/ReaderToggle.tsx";
import "../shared/islands.css";

const SUB = ["₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"];

function Slider(props: { id: string; label: string; spoken: string; name: string; value: number; onInput: (v: number) => void }) {
  return (
    <div class="nr-slider">
      <label for={props.id}>
        {props.label}
        <span class="visually-hidden"> ({props.spoken})</span>
      </label>
      <input
        id={props.id}
        type="range"
        min={RANGE.min}
        max={RANGE.max}
        step={RANGE.step}
        value={props.value}
        data-part={props.name}
        onInput={(e) => props.onInput(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <output for={props.id} class="nr-value" aria-hidden="true">
        {fixed(props.value, 1)}
      </output>
    </div>
  );
}

export default function Neuron({ reader }: { reader?: string }) {
  const [s, setS] = useState<NeuronState>(EXAMPLE);
  const [mine, setMine] = useState(false);
  const theirs = useReader(reader ?? "", mine && !!reader, [[s.inputs, s.weights, s.bias]]);
  const id = useId();
  const set = (part: Part) => (v: number) => setS((old) => setPart(old, part, v));
  const t = terms(s);
  const z = theirs.status === "mine" ? theirs.values[0] : output(s);

  // The diagram: inputs on the left, the neuron on the right, the bias from above.
  const ys = s.inputs.map((_, i) => 38 + i * 62);
  const nx = 236;
  const ny = 100;
  const r = 34;

  return (
    <figure class="island nr" aria-labelledby={`${id}-title`}>
      <p class="island-title" id={`${id}-title`}>
        One neuron, three inputs
      </p>

      <svg class="nr-diagram" viewBox="0 0 360 200" role="img" aria-label={`Diagram: ${equation(s)}`}>
        {s.inputs.map((x, i) => {
          const { width, sign } = edge(s.weights[i]);
          const mx = (52 + nx - r) / 2;
          const my = (ys[i] + ny) / 2;
          return (
            <g key={i}>
              <line class={`nr-edge nr-${sign}`} x1={52} y1={ys[i]} x2={nx - r + 2} y2={ny} stroke-width={width} />
              <text class="nr-weight" x={mx} y={my - 8} text-anchor="middle">
                ×{s.weights[i] < 0 ? `(${fmt(s.weights[i])})` : fmt(s.weights[i])}
              </text>
              <circle class="nr-input" cx={30} cy={ys[i]} r={22} />
              <text class="nr-node-text" x={30} y={ys[i] + 5} text-anchor="middle">
                {fmt(x, 1)}
              </text>
            </g>
          );
        })}
        <line class="nr-bias-line" x1={nx} y1={22} x2={nx} y2={ny - r} />
        <text class="nr-weight" x={nx} y={16} text-anchor="middle">
          {s.bias < 0 ? fmt(s.bias) : `+${fmt(s.bias)}`}
        </text>
        <line class="nr-out-line" x1={nx + r} y1={ny} x2={346} y2={ny} />
        <path class="nr-arrow" d={`M346,${ny} l-9,-5 v10 z`} />
        <circle class="nr-body" cx={nx} cy={ny} r={r} />
        <text class="nr-sigma" x={nx} y={ny + 9} text-anchor="middle">
          Σ
        </text>
        <text class="nr-z" x={(nx + r + 346) / 2 - 4} y={ny - 12} text-anchor="middle">
          {fmt(z)}
        </text>
      </svg>

      <div class="nr-inputs">
        {s.inputs.map((x, i) => (
          <div class="nr-pair" key={i} role="group" aria-labelledby={`${id}-in${i}`}>
            <span class="nr-pair-name" id={`${id}-in${i}`}>
              Input {i + 1}
            </span>
            <Slider id={`${id}-x${i}`} label={`x${SUB[i]}`} spoken={`input ${i + 1}`} name={`x${i}`} value={x} onInput={set({ kind: "input", index: i })} />
            <Slider
              id={`${id}-w${i}`}
              label={`w${SUB[i]}`}
              spoken={`weight ${i + 1}`}
              name={`w${i}`}
              value={s.weights[i]}
              onInput={set({ kind: "weight", index: i })}
            />
            <p class="nr-term">
              x{SUB[i]}·w{SUB[i]} = <span data-term={i}>{fmt(t[i])}</span>
            </p>
          </div>
        ))}
      </div>
      <div class="nr-bias">
        <Slider id={`${id}-b`} label="bias b" spoken="added to the sum" name="b" value={s.bias} onInput={set({ kind: "bias" })} />
      </div>

      <p class="nr-equation">
        <span class="nr-eq-label">z =</span> <span class="nr-eq">{equation(s).replace(/ = [^=]*$/, "")}</span>{" "}
        <span class="nr-total">
          <span class="nr-eq-label">=</span>{" "}
          <output class="nr-result" aria-live="polite" data-by={theirs.status === "mine" ? "reader" : "book"}>
            {fmt(z)}
          </output>
        </span>
      </p>
      {reader && <ReaderToggle name={reader} what="weighted sum" on={mine} onChange={setMine} state={theirs} />}
      <button type="button" class="nr-reset" onClick={() => setS(EXAMPLE)}>
        Back to 1·3 + 2·4 + 3·5 + 3
      </button>
    </figure>
  );
}
