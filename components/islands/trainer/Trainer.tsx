/**
 * Chapters 10–11's island: train 784-hidden-10 on the 8,000 training digits
 * (or all of MNIST's 50,000, downloaded when chosen: DataChoice.tsx) in a Web
 * Worker and watch the curves; "Link to this run" (share.ts) puts the choices
 * in the address, and such a link fills them in without training. Choices, a Train/Stop/Reset row, a
 * progress bar, live loss and accuracy charts (uPlot, loaded when the island
 * wakes), then the test accuracy, the time and the digits it got wrong.
 * `compare` trains two or three configurations one after another and
 * overlays their training losses on one chart and their validation
 * accuracies on another; `extras` adds chapter 11's choices and
 * `files` saving and loading the network. The logic is in trainer/: settings,
 * compare, protocol, run (the worker's job), state (the state machine),
 * chart (the chart data), store and model-file (keeping the network); the
 * parts of the view are trainer/*.tsx.
 *
 * Contract for the browser tests: the root has `data-trainer`, `data-state`
 * (idle, training, done, stopped or error), `data-epoch` (epochs finished)
 * `data-val-accuracy` (0 to 1, after each epoch) and `data-test-accuracy`
 * (0 to 1, once a run has been measured on the test digits).
 */
import { useEffect, useId, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { dataUrl, fullDataUrl } from "../shared/digits-data.ts";
import { DEFAULTS, trainedSettings, type Settings } from "./settings.ts";
import { COMPARE_START, compareRuns, rowsKey, runLabel } from "./compare.ts";
import { dataState, describeState, epochProgress, formatSeconds, initialState, isBusy, lastResult, reduce, testAccuracy } from "./state.ts";
import { chartSeries, describeSeries } from "./chart.ts";
import { percentParts } from "./format.ts";
import type { FromWorker } from "./protocol.ts";
import { useTrainerWorker } from "./use-worker.ts";
import { useCharts } from "./use-charts.ts";
import { useThemeVersion } from "../shared/canvas.ts";
import { useKept } from "./use-kept.ts";
import { useKeptComparison } from "./use-comparison.ts";
import { forgetComparison } from "./compare-store.ts";
import Choices from "./Choices.tsx";
import DataChoice from "./DataChoice.tsx";
import DownloadBar from "./DownloadBar.tsx";
import ShareLink from "./ShareLink.tsx";
import { afterLoading, settingsFromHash } from "./share.ts";
import CompareRows from "./CompareRows.tsx";
import FileRow from "./FileRow.tsx";
import KeepOffer from "./KeepOffer.tsx";
import { CompareTable, RunSummary } from "./Results.tsx";
import "../shared/islands.css";
import "./trainer.css";

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
  const start = (): Settings => ({ ...DEFAULTS, epochs: epochs ?? DEFAULTS.epochs });
  const [settings, setSettings] = useState<Settings>(start);
  const [rows, setRows] = useState(COMPARE_START.slice());
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  const [fileError, setFileError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(false);
  const [linkNote, setLinkNote] = useState<string | null>(null);
  // After "Load network…": whether the choices are the loaded network's, and why there is no link when not (share.ts's `afterLoading`).
  const [loadNote, setLoadNote] = useState<string | null>(null);
  const [linkBlocked, setLinkBlocked] = useState<string | null>(null);
  // The run on screen, as it started (or the loaded file's settings): what "Link to this run" replays; null with none shown.
  const [shownRun, setShownRun] = useState<Settings | null>(null);
  const { kept, note, keep, offer, pending, keepPending } = useKept(files);
  const [runWarning, setRunWarning] = useState<string | null>(null);
  const loadingFile = useRef("");
  const theme = useThemeVersion();
  const plan = useRef<Settings[]>([]);

  const busy = isBusy(state);
  const runs = compare ? compareRuns(settings, rows) : [settings];
  const labels = (compare && plan.current.length ? plan.current : runs).map(runLabel);
  const result = lastResult(state);

  const worker = useTrainerWorker(dispatch, (m: FromWorker) => {
    if (m.type === "tested" && !compare) {
      setRunWarning(m.warning ?? null);
      offer({ packed: m.packed, about: m.about, accuracy: m.test.accuracy, validation: m.validation, warning: m.warning });
    }
    if (m.type === "loaded") {
      keep(m.packed, m.about, m.validation);
      const shown = afterLoading(m.settings);
      if (shown.settings) setSettings(shown.settings);
      setShownRun(shown.settings);
      setLoadNote(shown.note);
      setLinkBlocked(shown.blocked);
      setLinkNote(null);
    }
    if (m.type === "load-error") setFileError(`${loadingFile.current}: ${m.message} Nothing was changed.`);
  });
  const url = (full = false) => new URL((full ? fullDataUrl : dataUrl)(import.meta.env.BASE_URL), location.href).href;

  const forgetLoad = () => {
    setLoadNote(null);
    setLinkBlocked(null);
  };
  // A changed choice is no longer the loaded network's; the link is still refused until the next run.
  const change = (c: Partial<Settings>) => {
    setSettings((s) => ({ ...s, ...c }));
    setLoadNote(null);
  };
  const train = () => {
    plan.current = runs;
    setShownRun(runs[0] ?? null);
    forgetLoad();
    setFileError(null);
    setRunWarning(null);
    dispatch({ type: "train", epochs: runs.map((r) => r.epochs) });
    worker.send({ type: "train", dataUrl: url(runs[0]?.data === "full"), runs });
  };
  const reset = () => {
    // A job under way is dropped with its worker; the next Train starts a fresh one.
    if (busy) worker.drop();
    else worker.clearQueue();
    setSettings(start());
    setRows(COMPARE_START.slice());
    forgetLoad();
    setFileError(null);
    setRunWarning(null);
    if (compare) forgetComparison();
    plan.current = [];
    setShownRun(null);
    dispatch({ type: "reset" });
  };

  // A shared link (share.ts) fills the choices in; it never starts training.
  useEffect(() => {
    if (compare) return;
    const apply = () => {
      try {
        const linked = settingsFromHash(location.hash);
        if (!linked) return;
        setSettings(linked);
        setLinkNote("The choices come from the link: press Train to replay its run.");
      } catch (error) {
        setLinkNote(`The link's settings were not used: ${(error as Error).message}.`);
      }
    };
    apply();
    addEventListener("hashchange", apply);
    return () => removeEventListener("hashchange", apply);
  }, []);

  useKeptComparison(compare, state, plan.current, (kept) => {
    setSettings(kept.shared);
    setRows(kept.rows);
    plan.current = compareRuns(kept.shared, kept.rows);
    dispatch({ type: "restore", epochs: plan.current.map((r) => r.epochs), curves: kept.curves, results: kept.results });
  });

  const chartData = useMemo(() => chartSeries(state.curves, compare, labels), [state.curves, compare, labels.join("|")]);
  const { lossBox, accBox } = useCharts(chartData, { compare, busy, theme, zoom, redraw: [state.phase, state.runs, compare ? rowsKey(rows) : ""] });

  return (
    <figure
      class={`island tr${compare ? " tr-compare" : ""}`}
      aria-labelledby={`${uid}-title`}
      data-trainer=""
      data-state={dataState(state)}
      data-epoch={state.epoch}
      data-val-accuracy={state.valAccuracy ?? undefined}
      data-test-accuracy={testAccuracy(state)}
    >
      <p class="island-title" id={`${uid}-title`}>
        {compare ? "Compare training runs on the same digits" : "Train a network to read digits"}
      </p>

      <DataChoice settings={settings} change={change} busy={busy} compare={compare} />
      <Choices settings={settings} change={change} busy={busy} compare={compare} extras={extras} />
      {compare && <CompareRows rows={rows} setRows={setRows} busy={busy} />}

      <div class="tr-bar">
        <button type="button" class="tr-train" onClick={train} disabled={busy}>Train</button>
        <button type="button" onClick={worker.stop} disabled={!busy}>Stop</button>
        <button type="button" onClick={reset}>Reset</button>
        <label class="tr-progress">
          <span class="visually-hidden">Training progress</span>
          <progress max={1} value={epochProgress(state)} />
        </label>
        <span class="tr-clock" aria-hidden="true">
          {state.phase === "idle" ? "" : `epoch ${Math.min(state.epochs, state.epoch + (busy ? 1 : 0))}/${state.epochs}${state.seconds ? ` · ${formatSeconds(state.seconds)}` : ""}`}
        </span>
      </div>
      {state.download && state.phase === "loading" && <DownloadBar download={state.download} />}
      <p class={`tr-status${state.phase === "error" ? " tr-error" : ""}`} role="status">
        {percentParts(describeState(state)).map((part, i) => (i % 2 ? <span key={i} class="tr-nowrap">{part}</span> : part))}
      </p>
      {/* Where the run is reported, above its charts: a collapse, or a network that waits for the reader's word. */}
      {!compare && <KeepOffer warning={runWarning} question={pending?.question ?? null} button={pending?.button ?? ""} keepPending={keepPending} />}

      <div class="tr-charts">
        <div>
          <div class="tr-chart" ref={lossBox} role="img" aria-label={`${compare ? "Training loss of each run" : "Loss"} by epoch. ${describeSeries(chartData.first, "")}`} />
        </div>
        <div>
          <div class="tr-chart" ref={accBox} role="img" aria-label={`${compare ? "Validation accuracy of each run" : "Accuracy"} by epoch. ${describeSeries(chartData.second ?? [], "%")}`} />
        </div>
      </div>

      {!compare && (
        <div class="tr-extra-row">
          <label class="tr-check tr-zoom">
            <input type="checkbox" checked={zoom} onChange={(e) => setZoom((e.currentTarget as HTMLInputElement).checked)} />
            Zoom the loss chart on the validation loss
          </label>
          <ShareLink
            menus={settings}
            shown={shownRun && { started: shownRun, trained: trainedSettings(shownRun, state.epoch, state.phase === "stopped") }}
            blocked={linkBlocked}
            describedBy={`${uid}-load-note`}
            uid={uid}
          />
        </div>
      )}
      {linkNote && state.phase === "idle" && <p class="tr-link-note">{linkNote}</p>}
      {(loadNote ?? linkBlocked) && !busy && <p class="tr-link-note" id={`${uid}-load-note`}>{loadNote ?? linkBlocked}</p>}

      {compare && state.results.some((r) => r?.test) && <CompareTable labels={labels} curves={state.curves} results={state.results} />}
      {!compare && result?.test && (
        <RunSummary result={result} note={pending ? "This run's network is not kept: see above the charts." : note} uid={uid} theme={theme} />
      )}

      {files && (
        <FileRow
          kept={kept}
          busy={busy}
          error={fileError}
          setError={setFileError}
          load={(file, name) => {
            loadingFile.current = name;
            setFileError(null);
            worker.send({ type: "load", dataUrl: url(), fullDataUrl: url(true), file });
          }}
        />
      )}
    </figure>
  );
}
