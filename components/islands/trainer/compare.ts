/**
 * Comparison mode's choices: two or three runs that share the network, the
 * batch size, the epochs and the seed, and differ in optimiser, learning
 * rate and shifting. Pure: the island shows the rows, the worker trains
 * `compareRuns`.
 */
import { SUGGESTED_LR, describeSettings, type OptimizerChoice, type Settings } from "./settings.ts";

/** What each run of a comparison chooses for itself. */
export type CompareRow = Pick<Settings, "optimizer" | "lr" | "shift">;

/** The three configurations comparison mode starts with: the same network, three optimisers. */
export const COMPARE_START: readonly CompareRow[] = [
  { optimizer: "sgd", lr: 0.2, shift: false },
  { optimizer: "momentum", lr: 0.02, shift: false },
  { optimizer: "adam", lr: 0.001, shift: false },
];

/** The full settings of each run: the shared choices, then the row's own. */
export function compareRuns(shared: Settings, rows: readonly CompareRow[]): Settings[] {
  return rows.map((r) => ({ ...shared, ...r }));
}

/** Row `i` changed; a new optimiser brings the learning rate that suits it. */
export function changeRow(rows: readonly CompareRow[], i: number, change: Partial<CompareRow>): CompareRow[] {
  return rows.map((row, j) => {
    if (j !== i) return row;
    const next = { ...row, ...change };
    if (change.optimizer && change.lr === undefined) next.lr = SUGGESTED_LR[change.optimizer as OptimizerChoice];
    return next;
  });
}

/** A run's name on the chart and in the table: "SGD, lr 0.2" (and ", shifted digits"). */
export function runLabel(s: Settings): string {
  const [head] = describeSettings(s).split(", batch");
  return s.shift ? `${head}, shifted digits` : head;
}

/** A key that changes whenever the rows do (the charts redraw then). */
export function rowsKey(rows: readonly CompareRow[]): string {
  return rows.map((r) => `${r.optimizer} ${r.lr} ${r.shift}`).join("|");
}
