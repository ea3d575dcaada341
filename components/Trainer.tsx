/**
 * Chapters 10–11's island: train 784-hidden-10 on the 8,000 training digits
 * in a Web Worker and watch the curves. Choices, a Train/Stop/Reset row, a
 * progress bar, live loss and accuracy charts (uPlot, loaded when the island
 * wakes), then the test accuracy, the time and the digits it got wrong.
 * `compare` trains two or three configurations one after another and
 * overlays their validation accuracy; `extras` adds chapter 11's choices and
 * `files` saving and loading the network. The logic is in trainer/: settings,
 * protocol, run (the worker's job), state (the state machine), chart (the
 * chart data), store and model-file (keeping the network).
 *
 * Contract for the browser tests: the root has `data-trainer`, `data-state`
 * (idle, training, done, stopped or error), `data-epoch` (epochs finished)
 * and `data-val-accuracy` (0 to 1, after each epoch).
 */
import { useEffect, useId, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { dataUrl } from "./digits-data.ts";
import { parseColour } from "./colours.ts";
import {
  CHOICES,
  DEFAULTS,
  OPTIMIZER_NAMES,
  SUGGESTED_LR,
  describeSettings,
  type OptimizerChoice,
  type Settings,
} from "./trainer/settings.ts";
import type { FromWorker, ToWorker, WrongDigit } from "./trainer/protocol.ts";
import { dataState, describeState, epochProgress, formatSeconds, initialState, isBusy, lastResult, reduce, type Action } from "./trainer/state.ts";
import { accuracyRange, accuracySeries, lossRange, align, comparisonSeries, describeSeries, lossSeries, type Series } from "./trainer/chart.ts";
import { keepTrained, pack, readTrained, unpack } from "./trainer/store.ts";
import { FILE_NAME, modelFile, readModelFile } from "./trainer/model-file.ts";
import type { Chart, ChartSpec } from "./trainer/charts.ts";
import workerUrl from "./trainer/worker.ts?worker&url";
import "./islands.css";
import "./trainer.css";

/** Starts the worker from a blob: URL that imports the bundled worker, as the code cells do (same CSP). */
function startWorker(): Worker {
  const src = new URL(workerUrl, location.href).href;
  const options: WorkerOptions = { type: "module", name: "nnfs-trainer" };
  try {
    const blob = new Blob([`import ${JSON.stringify(src)};\n`], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(blob), options);
  } catch {
    return new Worker(src, options);
  }
}

/** The three configurations comparison mode starts with: the same network, three optimisers. */
const COMPARE_START: Pick<Settings, "optimizer" | "lr" | "shift">[] = [
  { optimizer: "sgd", lr: 0.2, shift: false },
  { optimizer: "momentum", lr: 0.01, shift: false },
  { optimizer: "adam", lr: 0.001, shift: false },
];

/** A chart and what it was drawn for: rebuilt when the theme or its curves change. */
type DrawnChart = Chart & { theme: number; labels: string };

const pc = (v: number) => `${(100 * v).toFixed(1)} %`;
const fmt = (v: number) => (v >= 1e-3 || v === 0 ? String(v) : v.toExponential(0));

export interface TrainerProps {
  /** Train two or three configurations one after another and overlay their validation curves. */
  compare?: boolean;
  /** Offer chapter 11's choices: shifted digits, L2, learning-rate decay. */
  extras?: boolean;
  /** Offer saving the trained network as a file and loading one back. */
  files?: boolean;
  /** Epochs to start with (comparison mode starts with fewer). */
  epochs?: number;
}

export default function Trainer({ compare = false, extras = false, files = false, epochs }: TrainerProps) {
  const uid = `tr${useId().replace(/[^\w-]/g, "")}`;
  const [settings, setSettings] = useState<Settings>({ ...DEFAULTS, epochs: epochs ?? DEFAULTS.epochs });
  const [rows, setRows] = useState(COMPARE_START);
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  const [fileError, setFileError] = useState<string | null>(null);
  const [kept, setKept] = useState<{ packed: string; about: string } | null>(null);
  const [keptNote, setKeptNote] = useState<string | null>(null);
  const [theme, setTheme] = useState(0);

  const worker = useRef<Worker | null>(null);
  const pending = useRef<Action[]>([]);
  const frame = useRef(0);
  const plan = useRef<Settings[]>([]);
  const root = useRef<HTMLElement>(null);
  const lossBox = useRef<HTMLDivElement>(null);
  const accBox = useRef<HTMLDivElement>(null);
  const charts = useRef<{ loss?: DrawnChart; acc?: DrawnChart }>({});
  const chartsModule = useRef<Promise<typeof import("./trainer/charts.ts")> | null>(null);

  const busy = isBusy(state);
  const runs: Settings[] = compare ? rows.map((r) => ({ ...settings, ...r })) : [settings];
  const labels = (compare && plan.current.length ? plan.current : runs).map((s) => describeSettings(s).split(", batch")[0]);
  const result = lastResult(state);

  // Worker messages arrive up to a hundred times a second; the page takes them in ten times a second.
  const flush = () => {
    frame.current = 0;
    const actions = pending.current;
    pending.current = [];
    for (const a of actions) dispatch(a);
  };
  const enqueue = (a: Action) => {
    pending.current.push(a);
    if (!frame.current) frame.current = window.setTimeout(flush, 100);
  };

  const onWorkerMessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === "tested" && !compare) {
      setKept({ packed: m.packed, about: describeSettings(plan.current[m.run] ?? settings) });
      const stored = keepTrained(m.packed);
      setKeptNote(stored ? null : "This browser would not store the network, so it is kept only until you leave the page.");
    }
    enqueue({ type: "worker", message: m });
  };

  const send = (m: ToWorker) => {
    if (!worker.current) {
      worker.current = startWorker();
      worker.current.onmessage = onWorkerMessage;
      worker.current.onerror = (e) => enqueue({ type: "worker", message: { type: "error", message: e.message || "the training worker failed to start" } });
    }
    worker.current.postMessage(m);
  };

  const url = () => new URL(dataUrl(import.meta.env.BASE_URL), location.href).href;

  const trainNow = () => {
    plan.current = runs;
    setFileError(null);
    dispatch({ type: "train", epochs: runs.map((r) => r.epochs) });
    send({ type: "train", dataUrl: url(), runs });
  };
  const stop = () => worker.current?.postMessage({ type: "stop" } satisfies ToWorker);
  const reset = () => {
    // A job under way is dropped with its worker; the next Train starts a fresh one.
    if (busy) {
      worker.current?.terminate();
      worker.current = null;
    }
    pending.current = [];
    setSettings({ ...DEFAULTS, epochs: epochs ?? DEFAULTS.epochs });
    setRows(COMPARE_START);
    setFileError(null);
    dispatch({ type: "reset" });
  };

  // The network from an earlier visit (or chapter) can be saved without training again.
  useEffect(() => {
    if (!files) return;
    const t = readTrained();
    if (t) setKept({ packed: pack(t), about: t.about });
  }, []);

  useEffect(() => {
    const watch = new MutationObserver(() => setTheme((t) => t + 1));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => {
      watch.disconnect();
      clearTimeout(frame.current);
      worker.current?.terminate();
      charts.current.loss?.destroy();
      charts.current.acc?.destroy();
    };
  }, []);

  // The chart data, from the state's curves.
  const chartData = useMemo(() => {
    if (compare) {
      const empty = { trainLoss: [], trainAccuracy: [], valLoss: [], valAccuracy: [] };
      const series = comparisonSeries(labels.map((_, i) => state.curves[i] ?? empty), labels);
      return { first: series, second: null as Series[] | null };
    }
    const c = state.curves[0] ?? { trainLoss: [], trainAccuracy: [], valLoss: [], valAccuracy: [] };
    return { first: lossSeries(c), second: accuracySeries(c) };
  }, [state.curves, compare, labels.join("|")]);

  // Charts. uPlot loads, and the empty charts are drawn, as soon as the island
  // wakes, so that nothing heavy starts on the page's thread once training
  // does. While training, the charts take new points four times a second;
  // they are rebuilt only when the theme or the set of curves changes.
  const latest = useRef(chartData);
  latest.current = chartData;
  const themeRef = useRef(theme);
  themeRef.current = theme;
  const drawCharts = () => {
    chartsModule.current ??= import("./trainer/charts.ts");
    return chartsModule.current.then(({ createChart }) => {
      const draw = (key: "loss" | "acc", box: HTMLDivElement | null, series: Series[] | null, spec: ChartSpec) => {
        if (!box || !series) return;
        const columns = align(series);
        const names = series.map((s) => s.label).join("|");
        const chart = charts.current[key];
        if (chart && chart.theme === themeRef.current && chart.labels === names) chart.update(columns);
        else {
          chart?.destroy();
          box.replaceChildren();
          charts.current[key] = Object.assign(createChart(box, series, columns, spec), { theme: themeRef.current, labels: names });
        }
      };
      const data = latest.current;
      if (compare) draw("loss", lossBox.current, data.first, { yLabel: "validation accuracy (%)", range: accuracyRange, perEpoch: true });
      else {
        draw("loss", lossBox.current, data.first, { yLabel: "loss", range: lossRange });
        draw("acc", accBox.current, data.second, { yLabel: "accuracy (%)", range: accuracyRange });
      }
    });
  };

  useEffect(() => {
    const idle = (window as { requestIdleCallback?: (f: () => void) => number }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => void drawCharts());
  }, []);

  useEffect(() => {
    if (busy) {
      const timer = setInterval(() => void drawCharts(), 250);
      return () => clearInterval(timer);
    }
    void drawCharts();
  }, [busy, theme, state.phase, state.runs, compare ? rows.map((r) => `${r.optimizer}${r.lr}${r.shift}`).join() : ""]);

  const save = () => {
    if (!kept) return;
    const blob = new Blob([modelFile(unpack(kept.packed).model, kept.about)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = FILE_NAME;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const load = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    try {
      const { model, about } = readModelFile(await file.text());
      setFileError(null);
      const packed = pack({ model, about, testAccuracy: NaN });
      setKept({ packed, about });
      keepTrained(packed);
      send({ type: "evaluate", dataUrl: url(), model });
    } catch (error) {
      setFileError(`${file.name}: ${(error as Error).message} Nothing was changed.`);
    }
  };

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const select = <K extends keyof Settings>(key: K, label: string, values: readonly Settings[K][], show: (v: Settings[K]) => string = String) => (
    <label class="tr-field">
      <span>{label}</span>
      <select
        value={String(settings[key])}
        disabled={busy}
        onChange={(e) => {
          const raw = (e.currentTarget as HTMLSelectElement).value;
          const v = values.find((x) => String(x) === raw)!;
          set(key, v);
          if (key === "optimizer") set("lr", SUGGESTED_LR[v as OptimizerChoice]);
        }}
      >
        {values.map((v) => (
          <option key={String(v)} value={String(v)}>{show(v)}</option>
        ))}
      </select>
    </label>
  );

  return (
    <figure
      class={`island tr${compare ? " tr-compare" : ""}`}
      ref={root}
      aria-labelledby={`${uid}-title`}
      data-trainer=""
      data-state={dataState(state)}
      data-epoch={state.epoch}
      data-val-accuracy={state.valAccuracy ?? undefined}
    >
      <p class="island-title" id={`${uid}-title`}>
        {compare ? "Compare training runs on the same digits" : "Train a network to read digits"}
      </p>

      <div class="tr-choices" role="group" aria-label="Choices">
        {!compare && select("optimizer", "Optimizer", CHOICES.optimizer, (v) => OPTIMIZER_NAMES[v])}
        {!compare && select("lr", "Learning rate", CHOICES.lr, fmt)}
        {select("batchSize", "Batch size", CHOICES.batchSize)}
        {select("epochs", "Epochs", CHOICES.epochs)}
        {select("hidden", "Hidden neurons", CHOICES.hidden)}
        <label class="tr-field tr-seed">
          <span>Seed</span>
          <input
            type="number"
            min={0}
            max={999}
            step={1}
            value={settings.seed}
            disabled={busy}
            onChange={(e) => {
              const v = Math.round(Number((e.currentTarget as HTMLInputElement).value));
              if (Number.isFinite(v) && v >= 0) set("seed", Math.min(999, v));
            }}
          />
        </label>
        {extras && !compare && select("weightDecay", "L2 (λ)", CHOICES.weightDecay, (v) => (v === 0 ? "none" : fmt(v)))}
        {extras && !compare && select("lrDecay", "Rate decay per epoch", CHOICES.lrDecay, (v) => (v === 1 ? "none" : `×${v}`))}
        {extras && !compare && (
          <label class="tr-check">
            <input type="checkbox" checked={settings.shift} disabled={busy} onChange={(e) => set("shift", (e.currentTarget as HTMLInputElement).checked)} />
            Shift digits by up to a pixel
          </label>
        )}
      </div>

      {compare && (
        <div class="tr-runs" role="group" aria-label="Configurations to compare">
          {rows.map((r, i) => (
            <div class="tr-run" key={i}>
              <span class="tr-swatch" data-run={i} aria-hidden="true" />
              <span class="tr-run-name">Run {i + 1}</span>
              <label class="tr-field">
                <span class="visually-hidden">Run {i + 1} optimizer</span>
                <select
                  value={r.optimizer}
                  disabled={busy}
                  onChange={(e) => {
                    const optimizer = (e.currentTarget as HTMLSelectElement).value as OptimizerChoice;
                    setRows((rs) => rs.map((x, j) => (j === i ? { ...x, optimizer, lr: SUGGESTED_LR[optimizer] } : x)));
                  }}
                >
                  {CHOICES.optimizer.map((o) => <option key={o} value={o}>{OPTIMIZER_NAMES[o]}</option>)}
                </select>
              </label>
              <label class="tr-field">
                <span class="visually-hidden">Run {i + 1} learning rate</span>
                <select
                  value={String(r.lr)}
                  disabled={busy}
                  onChange={(e) => {
                    const lr = Number((e.currentTarget as HTMLSelectElement).value);
                    setRows((rs) => rs.map((x, j) => (j === i ? { ...x, lr } : x)));
                  }}
                >
                  {CHOICES.lr.map((v) => <option key={v} value={String(v)}>lr {fmt(v)}</option>)}
                </select>
              </label>
              <label class="tr-check">
                <input
                  type="checkbox"
                  checked={r.shift}
                  disabled={busy}
                  onChange={(e) => {
                    const shift = (e.currentTarget as HTMLInputElement).checked;
                    setRows((rs) => rs.map((x, j) => (j === i ? { ...x, shift } : x)));
                  }}
                />
                shifted digits<span class="visually-hidden"> (run {i + 1})</span>
              </label>
            </div>
          ))}
        </div>
      )}

      <div class="tr-bar">
        <button type="button" class="tr-train" onClick={trainNow} disabled={busy}>Train</button>
        <button type="button" onClick={stop} disabled={!busy}>Stop</button>
        <button type="button" onClick={reset}>Reset</button>
        <label class="tr-progress">
          <span class="visually-hidden">Training progress</span>
          <progress max={1} value={epochProgress(state)} />
        </label>
        <span class="tr-clock" aria-hidden="true">
          {state.phase === "idle" ? "" : `epoch ${Math.min(state.epochs, state.epoch + (busy ? 1 : 0))}/${state.epochs}${state.seconds ? ` · ${formatSeconds(state.seconds)}` : ""}`}
        </span>
      </div>
      <p class={`tr-status${state.phase === "error" ? " tr-error" : ""}`} role="status">{describeState(state)}</p>

      <div class="tr-charts">
        <div>
          <div class="tr-chart" ref={lossBox} role="img" aria-label={`${compare ? "Validation accuracy of each run" : "Loss"} by epoch. ${describeSeries(chartData.first, compare ? "%" : "")}`} />
        </div>
        {!compare && (
          <div>
            <div class="tr-chart" ref={accBox} role="img" aria-label={`Accuracy by epoch. ${describeSeries(chartData.second ?? [], "%")}`} />
          </div>
        )}
      </div>

      {compare && state.results.some((r) => r?.test) && (
        <table class="tr-table">
          <caption class="visually-hidden">Results of each run</caption>
          <thead><tr><th scope="col">run</th><th scope="col">validation</th><th scope="col">test</th><th scope="col">time</th></tr></thead>
          <tbody>
            {state.results.map((r, i) => (
              <tr key={i}>
                <th scope="row">{labels[i]}</th>
                <td>{state.curves[i]?.valAccuracy.length ? pc(state.curves[i].valAccuracy.at(-1)!.y) : "–"}</td>
                <td>{r?.test ? pc(r.test.accuracy) : "–"}</td>
                <td>{r ? formatSeconds(r.seconds) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {!compare && result?.test && (
        <div class="tr-result">
          <p class="tr-summary">
            Test accuracy <strong class="tr-test-accuracy">{pc(result.test.accuracy)}</strong>
            {result.seconds > 0 && <> after {formatSeconds(result.seconds)} of training</>}: {result.test.wrongCount} of the 1,000 test digits read wrong.
            {keptNote ? ` ${keptNote}` : " The network is kept: the drawing pad below and the next chapter use it."}
          </p>
          {result.test.wrong.length > 0 && (
            <>
              <p class="tr-wrong-title" id={`${uid}-wrong`}>Some test digits it reads wrong (the digit → what the network answered):</p>
              <ul class="tr-wrong" aria-labelledby={`${uid}-wrong`}>
                {result.test.wrong.map((w) => <WrongCell key={w.index} digit={w} theme={theme} />)}
              </ul>
            </>
          )}
        </div>
      )}

      {files && (
        <div class="tr-files">
          <button type="button" onClick={save} disabled={!kept || busy}>Save network</button>
          <label class="tr-load">
            <input type="file" accept=".json,application/json" disabled={busy} onChange={load} class="tr-file-input" />
            <span>Load network…</span>
          </label>
          <span class="tr-kept">{kept ? `Kept: ${kept.about}.` : "No trained network yet."}</span>
          {fileError && <p class="tr-error" role="alert">{fileError}</p>}
        </div>
      )}
    </figure>
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
