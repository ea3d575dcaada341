/**
 * The switch of an island that can draw with the reader's own function:
 * "the book's" or "mine", and a line that says which one is drawing — or,
 * plainly, why the reader's cannot (it threw, returned NaN, has not run),
 * with a button to run the cell that defines it. The logic is use-reader.ts.
 */
import type { ReaderState } from "./use-reader.ts";
import "../islands.css";
import "./reader-toggle.css";

interface Props {
  name: string;
  /** What the function is, for the labels: "sigmoid", "weighted sum". */
  what: string;
  on: boolean;
  onChange(on: boolean): void;
  state: ReaderState;
}

export default function ReaderToggle({ name, what, on, onChange, state }: Props) {
  return (
    <div class="reader-toggle" data-reader={state.status}>
      <div class="rt-choice" role="group" aria-label={`Whose ${what} draws`}>
        <button type="button" aria-pressed={!on} onClick={() => onChange(false)}>
          Use the book's
        </button>
        <button type="button" aria-pressed={on} onClick={() => onChange(true)} data-reader-mine="">
          Use my code (<code>{name}</code>)
        </button>
      </div>
      <p class="rt-status" role={state.status === "problem" ? "alert" : "status"} data-reader-status="">
        {state.status === "book" && <>Drawing with the book's {what}.</>}
        {state.status === "asking" && <>Asking your notebook for <code>{name}</code>…</>}
        {state.status === "mine" && (
          <>
            Drawing with your <code>{name}</code>
            {state.cell ? ` (${state.cell}, as last run)` : ""}.
          </>
        )}
        {state.status === "problem" && (
          <>
            <strong>Your <code>{name}</code> cannot draw this:</strong> {state.problem} Drawing the book's {what} instead.{" "}
            {state.run && (
              <button type="button" class="rt-run" onClick={state.run}>
                Run it now
              </button>
            )}
          </>
        )}
      </p>
    </div>
  );
}
