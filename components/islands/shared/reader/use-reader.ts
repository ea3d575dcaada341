/**
 * A Preact hook for islands that can draw with the reader's own function:
 * while "use my code" is on, it asks the chapter's notebook for `name`
 * (loading the bridge then, never before), calls it with the island's
 * argument lists whenever they change or the reader runs a cell, and judges
 * the results (reader-code.ts). Answers to older arguments are dropped.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CallValue } from "../../../cell/protocol.ts";
import { callText, finiteNumbers } from "./reader-code.ts";

export type ReaderState =
  | { status: "book" }
  | { status: "asking" }
  | { status: "mine"; values: number[]; cell: string | null }
  /** `run` runs the cell that defines the name, when the problem is that it has not run. */
  | { status: "problem"; problem: string; run: (() => void) | null };

export function useReader(name: string, on: boolean, args: CallValue[][]): ReaderState {
  const [state, setState] = useState<ReaderState>({ status: "book" });
  const [runs, setRuns] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(args);

  useEffect(() => {
    if (!on) return;
    let stop = () => {};
    void import("../../../cell/page/bridge.ts").then((b) => (stop = b.onNotebookRun(() => setRuns((n) => n + 1))));
    return () => stop();
  }, [on]);

  useEffect(() => {
    if (!on) return setState({ status: "book" });
    const ask = ++latest.current;
    setState((s) => (s.status === "mine" ? s : { status: "asking" }));
    void import("../../../cell/page/bridge.ts")
      .then(async (b) => {
        const asked = await b.askNotebook(name);
        if (!asked.ok) return { status: "problem", problem: asked.why, run: asked.run } as const;
        const judged = finiteNumbers(await asked.fn.call(args), (i) => callText(name, args[i]));
        return judged.ok ? ({ status: "mine", values: judged.values, cell: asked.cell } as const) : ({ status: "problem", problem: judged.problem, run: null } as const);
      })
      .catch((e: unknown) => ({ status: "problem", problem: `The notebook could not be reached: ${String(e)}`, run: null }) as const)
      .then((next) => {
        if (ask === latest.current) setState(next);
      });
  }, [on, name, key, runs]);

  return state;
}
