/** Comparison mode's runs: each one's optimiser, learning rate and shifting. */
import { CHOICES, OPTIMIZER_NAMES, type OptimizerChoice } from "./settings.ts";
import { changeRow, type CompareRow } from "./compare.ts";
import { shortNumber } from "./format.ts";

interface Props {
  rows: readonly CompareRow[];
  setRows: (rows: CompareRow[]) => void;
  busy: boolean;
}

export default function CompareRows({ rows, setRows, busy }: Props) {
  const change = (i: number, c: Partial<CompareRow>) => setRows(changeRow(rows, i, c));
  return (
    <div class="tr-runs" role="group" aria-label="Configurations to compare">
      {rows.map((r, i) => (
        <div class="tr-run" key={i}>
          <span class="tr-swatch" data-run={i} aria-hidden="true" />
          <span class="tr-run-name">Run {i + 1}</span>
          <label class="tr-field">
            <span class="visually-hidden">Run {i + 1} optimizer</span>
            <select value={r.optimizer} disabled={busy} onChange={(e) => change(i, { optimizer: (e.currentTarget as HTMLSelectElement).value as OptimizerChoice })}>
              {CHOICES.optimizer.map((o) => <option key={o} value={o}>{OPTIMIZER_NAMES[o]}</option>)}
            </select>
          </label>
          <label class="tr-field">
            <span class="visually-hidden">Run {i + 1} learning rate</span>
            <select value={String(r.lr)} disabled={busy} onChange={(e) => change(i, { lr: Number((e.currentTarget as HTMLSelectElement).value) })}>
              {CHOICES.lr.map((v) => <option key={v} value={String(v)}>lr {shortNumber(v)}</option>)}
            </select>
          </label>
          <label class="tr-check">
            <input type="checkbox" checked={r.shift} disabled={busy} onChange={(e) => change(i, { shift: (e.currentTarget as HTMLInputElement).checked })} />
            shifted digits<span class="visually-hidden"> (run {i + 1})</span>
          </label>
        </div>
      ))}
    </div>
  );
}
