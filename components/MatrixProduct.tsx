/**
 * Chapter 3's island: X·W = Z laid out so that every output entry sits where
 * its row of X meets its column of W (X to the left of Z, W above it). Point
 * at, focus or tap an entry of Z to light up the row and the column that make
 * it; edit any number of X or W and Z follows. The arithmetic lives in
 * matrix-product.ts.
 */
import { useMemo, useRef, useState } from "preact/hooks";
import {
  describeExpansion,
  example,
  expand,
  formatNumber,
  move,
  parseEntry,
  product,
  shapeOf,
  type Grid,
  type Selection,
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

export default function MatrixProduct() {
  const start = useMemo(example, []);
  const [xText, setXText] = useState(() => toText(start.X));
  const [wText, setWText] = useState(() => toText(start.W));
  const [sel, setSel] = useState<Selection>({ i: 0, j: 0 });
  const zRef = useRef<HTMLDivElement>(null);

  const X = toGrid(xText);
  const W = toGrid(wText);
  const Z = product(X, W); // [rows of X, cols of W]
  const e = expand(X, W, sel);
  const rows = Z.length;
  const cols = Z[0]?.length ?? 0;

  const edit = (set: typeof setXText) => (r: number, c: number, text: string) =>
    set((m) => m.map((row, ri) => (ri === r ? row.map((v, ci) => (ci === c ? text : v)) : row)));

  const select = (next: Selection, focus = false) => {
    setSel(next);
    if (focus) zRef.current?.querySelector<HTMLButtonElement>(`[data-i="${next.i}"][data-j="${next.j}"]`)?.focus();
  };

  const reset = () => {
    const fresh = example();
    setXText(toText(fresh.X));
    setWText(toText(fresh.W));
  };

  return (
    <figure class="island mp" aria-labelledby="mp-title">
      <p class="island-title" id="mp-title">
        Which row and which column make an output?
      </p>
      <p class="mp-help">
        Point at, tap or tab to an entry of <strong>Z</strong> (arrow keys move between them). Every number in{" "}
        <strong>X</strong> and <strong>W</strong> can be edited.
      </p>
      <div class="mp-layout">
        <div class="mp-label mp-label-w">
          <strong>W</strong> {shapeOf(wText)} one neuron per column
        </div>
        <div class="mp-w">
          <EditableMatrix name="W" texts={wText} used={(_, c) => c === sel.j} onEdit={edit(setWText)} />
        </div>
        <div class="mp-x">
          <div class="mp-label">
            <strong>X</strong> {shapeOf(xText)} one sample per row
          </div>
          <EditableMatrix name="X" texts={xText} used={(r) => r === sel.i} onEdit={edit(setXText)} />
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
                const on = i === sel.i && j === sel.j;
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
                      const next = move(sel, ev.key, rows, cols);
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
          Z row {sel.i + 1}, column {sel.j + 1} = row {sel.i + 1} of X · column {sel.j + 1} of W
        </p>
        <p class="mp-sum" aria-hidden="true">
          {e.terms.map((t, k) => (
            <span key={k} class="mp-term">
              {k > 0 ? " + " : ""}
              {k > 0 && t.x !== null && t.x < 0 ? `(${formatNumber(t.x)})` : formatNumber(t.x)}·
              {t.w !== null && t.w < 0 ? `(${formatNumber(t.w)})` : formatNumber(t.w)}
            </span>
          ))}
          <span class="mp-eq"> = {formatNumber(e.sum)}</span>
        </p>
        <p class="mp-sr">{describeExpansion(e)}</p>
      </div>
      <button type="button" class="mp-reset" onClick={reset}>
        Reset the numbers
      </button>
    </figure>
  );
}
