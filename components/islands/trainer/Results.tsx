/** What training ended with: one run's test accuracy and wrong digits, or comparison mode's table. */
import { useEffect, useRef } from "preact/hooks";
import { parseColour } from "../shared/colours.ts";
import { formatSeconds, type RunCurves, type RunResult } from "./state.ts";
import type { WrongDigit } from "./protocol.ts";
import { percent } from "./format.ts";

/** Comparison mode: each run's last validation accuracy, test accuracy and time. */
export function CompareTable({ labels, curves, results }: { labels: readonly string[]; curves: readonly RunCurves[]; results: readonly (RunResult | null)[] }) {
  return (
    <table class="tr-table">
      <caption class="visually-hidden">Results of each run</caption>
      <thead><tr><th scope="col">run</th><th scope="col">validation</th><th scope="col">test</th><th scope="col">time</th></tr></thead>
      <tbody>
        {results.map((r, i) => (
          <tr key={i}>
            <th scope="row">{labels[i]}</th>
            <td>{curves[i]?.valAccuracy.length ? percent(curves[i].valAccuracy.at(-1)!.y) : "–"}</td>
            <td>{r?.test ? percent(r.test.accuracy) : "–"}</td>
            <td>{r ? formatSeconds(r.seconds) : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One run: its test accuracy, the time, where the network is kept, and digits it reads wrong. */
export function RunSummary({ result, note, uid, theme }: { result: RunResult; note: string | null; uid: string; theme: number }) {
  const test = result.test!;
  return (
    <div class="tr-result">
      <p class="tr-summary">
        Test accuracy <strong class="tr-test-accuracy">{percent(test.accuracy)}</strong>
        {result.seconds > 0 && <> after {formatSeconds(result.seconds)} of training</>}: {test.wrongCount} of the {(test.total ?? 1000).toLocaleString("en")} test digits read wrong.
        {note ? ` ${note}` : <> The network is kept in this browser: the drawing pad of chapter 10 and the code cells (<code>trainedNetwork()</code>) use it.</>}
      </p>
      {test.wrong.length > 0 && (
        <>
          <p class="tr-wrong-title" id={`${uid}-wrong`}>Some test digits it reads wrong (the digit → what the network answered):</p>
          <ul class="tr-wrong" aria-labelledby={`${uid}-wrong`}>
            {test.wrong.map((w) => <WrongCell key={w.index} digit={w} theme={theme} />)}
          </ul>
        </>
      )}
    </div>
  );
}

/** One wrongly read test digit, painted on a 28×28 canvas in the theme's ink. */
function WrongCell({ digit, theme }: { digit: WrongDigit; theme: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx) return;
    const css = getComputedStyle(el);
    const bg = parseColour(css.getPropertyValue("--bg"), [255, 255, 255]);
    const fg = parseColour(css.getPropertyValue("--fg"), [0, 0, 0]);
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = digit.pixels[i] / 255;
      for (let c = 0; c < 3; c++) img.data[4 * i + c] = bg[c] + (fg[c] - bg[c]) * v;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [digit, theme]);
  return (
    <li>
      <canvas ref={canvas} width={28} height={28} role="img" aria-label={`A ${digit.label}, read as ${digit.predicted}`} />
      <span aria-hidden="true">{digit.label} → <strong>{digit.predicted}</strong></span>
    </li>
  );
}
