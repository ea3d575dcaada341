/**
 * Comparison mode keeps its last runs (compare-store.ts): shown again when
 * the island wakes, saved whenever a comparison has results.
 */
import { useEffect } from "preact/hooks";
import { keepComparison, readComparison, type KeptComparison } from "./compare-store.ts";
import type { Settings } from "./settings.ts";
import type { TrainerState } from "./state.ts";

/**
 * `restore` is called once, with the kept comparison, if there is one;
 * `plan` is the settings of the runs being shown.
 */
export function useKeptComparison(on: boolean, state: TrainerState, plan: readonly Settings[], restore: (kept: KeptComparison) => void): void {
  useEffect(() => {
    if (!on) return;
    const kept = readComparison();
    if (kept) restore(kept);
  }, []);

  useEffect(() => {
    if (!on || state.restored || plan.length === 0) return;
    if (state.phase !== "done" && state.phase !== "stopped") return;
    if (!state.results.some((r) => r?.test)) return;
    const rows = plan.map(({ optimizer, lr, shift }) => ({ optimizer, lr, shift }));
    keepComparison({ shared: plan[0], rows, curves: state.curves, results: state.results });
  }, [state.phase, state.results]);
}
