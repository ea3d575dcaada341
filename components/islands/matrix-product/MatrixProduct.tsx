/**
 * Chapter 3's island: X·W = Z laid out so that every output entry sits where
 * its row of X meets its column of W (X to the left of Z, W above it). Point
 * at, focus or tap an entry of Z to light up the row and the column that make
 * it; edit any number of X or W and Z follows. The arithmetic lives in
 * matrix-product.ts.
 */
import { useMemo, useRef, useState } from "preact/hooks";
import {
  LIMITS, clampSelection, describeExpansion, example, expand, factor, formatNumber, move, parseEntry, product, setEntry, shapeOf, withNeurons, withSamples,
  type Grid, type Selection,
} from "./matrix-product.ts";
import "./matrix-product.css";

const toText = (m: number[][]) => m.map((row) => row.map((v) => String(v)));
const toGrid = (m: string[][]): Grid => m.map((row) => row.map(parseEntry));

interface EntryProps {
  name: string;
  texts: string[][];
  used: (r: number, c: number) => boolean;
  onEdit: (r: number, c: number, text: string) => void;
}

/** An editable matrix: one text field per entry. */
function EditableMatrix({ name, texts, used, onEdit }: EntryProps) {
  const cols = texts[0]?.length ?? 0;
  return (
    <div class="mp-matrix" role="group" aria-label={`${name}, ${shapeOf(texts)}`} style={{ "--mp-cols": cols }}>
      {texts.map((row, r) =>
        row.map((text, c) => {
          const bad = parseEntry(text) === null;
          return (
            <input
              key={`${r}-${c}`}
              class={`mp-entry${used(r, c) ? " mp-used" : ""}${bad ? " mp-bad" : ""}`}
              type="text"
              inputMode="text"
              autoComplete="off"
              spellcheck={false}
              value={text}
              aria-label={`${name} row ${r + 1}, column ${c + 1}`}
              aria-invalid={bad ? "true" : undefined}
              data-m={name}
              data-r={r}
              data-c={c}
              onInput={(e) => onEdit(r, c, (e.currentTarget as HTMLInputElement).value)}
            />
          );
        }),
      )}
    </div>
  );
}

interface StepperProps {
  label: string;
  hint: string;
  value: number;
  limits: { min: number; max: number };
  onChange: (n: number) => void;
}

/** − n + : how many samples or neurons. */
function Stepper({ label, hint, value, limits, onChange }: StepperProps) {
  const noun = label.toLowerCase().replace(/s$/, "");
  return (
    <div class="mp-stepper" role="group" aria-label={`${label} (${hint})`}>
      <span class="mp-stepper-label">
        {label} <span class="mp-hint">({hint})</span>
      </span>
      <button type="button" aria-label={`Remove a ${noun}`} disabled={value <= limits.min} onClick={() => onChange(value - 1)}>
        −
      </button>
      <output aria-live="polite">{value}</output>
      <button type="button" aria-label={`Add a ${noun}`} disabled={value >= limits.max} onClick={() => onChange(value + 1)}>
        +
      </button>
    </div>
  );
}

export default function MatrixProduct() {
  const start = useMemo(example, []);
  const [xText, setXText] = useState(() => toText(start.X));
  const [wText, setWText] = useState(() => toText(start.W));
  const [sel, setSel] = useState<Selection>({ i: 0, j: 0 });
  const zRef = useRef<HTMLDivElement>(null);

  const X = toGrid(xText);
  const W = toGrid(wText);
  const Z = product(X, W); // [rows of X, cols of W]
  const rows = Z.length;
  const cols = Z[0]?.length ?? 0;
  const here = clampSelection(sel, rows, cols); // the output may just have shrunk
  const e = expand(X, W, here);

  const edit = (set: typeof setXText) => (r: number, c: number, text: string) => set((m) => setEntry(m, r, c, text));

  const select = (next: Selection, focus = false) => {
    setSel(next);
    if (focus) zRef.current?.querySelector<HTMLButtonElement>(`[data-i="${next.i}"][data-j="${next.j}"]`)?.focus();
  };

  const reset = () => {
    const fresh = example();
    setXText(toText(fresh.X));
    setWText(toText(fresh.W));
    setSel({ i: 0, j: 0 });
  };

  return (
    <figure class="island mp" aria-labelledby="mp-title">
      <p class="island-title" id="mp-title">
        Which row and which column make an output?
      </p>
      <p class="mp-help">
        Point at, tap or tab to an entry of <strong>Z</strong> (arrow keys move between them). Every number in{" "}
        <strong>X</strong> and <strong>W</strong> can be edited, and the buttons below add or remove samples and
        neurons.
      </p>
      <div class="mp-layout">
        <div class="mp-label mp-label-w">
          <strong>W</strong> {shapeOf(wText)} one neuron per column
        </div>
        <div class="mp-w">
          <EditableMatrix name="W" texts={wText} used={(_, c) => c === here.j} onEdit={edit(setWText)} />
        </div>
        <div class="mp-x">
          <div class="mp-label">
            <strong>X</strong> {shapeOf(xText)} one sample per row
          </div>
          <EditableMatrix name="X" texts={xText} used={(r) => r === here.i} onEdit={edit(setXText)} />
        </div>
        <div class="mp-z">
          <div class="mp-label">
            <strong>Z = X·W</strong> {shapeOf(Z)}
          </div>
          <div
            class="mp-matrix mp-out"
            role="group"
            aria-label={`Z = X·W, ${shapeOf(Z)}`}
            style={{ "--mp-cols": cols }}
            ref={zRef}
          >
            {Z.map((row, i) =>
              row.map((v, j) => {
                const on = i === here.i && j === here.j;
                return (
                  <button
                    key={`${i}-${j}`}
                    type="button"
                    class={`mp-entry mp-result${on ? " mp-selected" : ""}`}
                    tabIndex={on ? 0 : -1}
                    aria-pressed={on}
                    aria-label={`Z row ${i + 1}, column ${j + 1}: ${formatNumber(v)}`}
                    data-i={i}
                    data-j={j}
                    onMouseEnter={() => select({ i, j })}
                    onFocus={() => select({ i, j })}
                    onClick={() => select({ i, j })}
                    onKeyDown={(ev) => {
                      const next = move(here, ev.key, rows, cols);
                      if (next) {
                        ev.preventDefault();
                        select(next, true);
                      }
                    }}
                  >
                    {formatNumber(v)}
                  </button>
                );
              }),
            )}
          </div>
        </div>
      </div>
      <div class="mp-readout" aria-live="polite">
        <p class="mp-readout-head">
          Z row {here.i + 1}, column {here.j + 1} = row {here.i + 1} of X · column {here.j + 1} of W
        </p>
        <p class="mp-sum" aria-hidden="true">
          {e.terms.map((t, k) => (
            <span key={k} class="mp-term">
              {k > 0 ? " + " : ""}
              {k > 0 ? factor(t.x) : formatNumber(t.x)}·{factor(t.w)}
            </span>
          ))}
          <span class="mp-eq"> = {formatNumber(e.sum)}</span>
        </p>
        <p class="mp-sr">{describeExpansion(e)}</p>
      </div>
      <div class="mp-controls">
        <Stepper label="Samples" hint="rows of X" value={rows} limits={LIMITS.samples} onChange={(n) => setXText((m) => withSamples(m, n, String))} />
        <Stepper label="Neurons" hint="columns of W" value={cols} limits={LIMITS.neurons} onChange={(n) => setWText((m) => withNeurons(m, n, String))} />
        <button type="button" class="mp-reset" onClick={reset}>
          Reset
        </button>
      </div>
    </figure>
  );
}
