/**
 * The island's charts. uPlot loads, and the empty charts are drawn, as soon
 * as the island wakes, so that nothing heavy starts on the page's thread
 * once training does. While training, the charts take new points four times
 * a second; they are rebuilt only when the theme or the set of curves
 * changes. What to draw comes from chart.ts (`chartSeries`).
 */
import { useEffect, useRef } from "preact/hooks";
import { accuracyRange, align, lossRange, validationLossRange, type Series } from "./chart.ts";
import type { Chart, ChartSpec } from "./charts.ts";

/** A chart and what it was drawn for. */
type DrawnChart = Chart & { theme: number; labels: string };

export function useCharts(data: { first: Series[]; second: Series[] | null }, options: { compare: boolean; busy: boolean; theme: number; redraw: unknown[]; zoom?: boolean }) {
  const { compare, busy, theme } = options;
  const zoom = useRef(false);
  zoom.current = options.zoom ?? false;
  const lossBox = useRef<HTMLDivElement>(null);
  const accBox = useRef<HTMLDivElement>(null);
  const charts = useRef<{ loss?: DrawnChart; acc?: DrawnChart }>({});
  const module = useRef<Promise<typeof import("./charts.ts")> | null>(null);
  const latest = useRef(data);
  latest.current = data;
  const themeNow = useRef(theme);
  themeNow.current = theme;

  const drawAll = () => {
    module.current ??= import("./charts.ts");
    return module.current.then(({ createChart }) => {
      const draw = (key: "loss" | "acc", box: HTMLDivElement | null, series: Series[] | null, spec: ChartSpec) => {
        if (!box || !series) return;
        const columns = align(series);
        const names = `${series.map((s) => s.label).join("|")}|${spec.range?.name ?? ""}`;
        const chart = charts.current[key];
        if (chart && chart.theme === themeNow.current && chart.labels === names) return chart.update(columns);
        chart?.destroy();
        box.replaceChildren();
        charts.current[key] = Object.assign(createChart(box, series, columns, spec), { theme: themeNow.current, labels: names });
      };
      const { first, second } = latest.current;
      if (compare) {
        draw("loss", lossBox.current, first, { yLabel: "training loss", range: lossRange });
        draw("acc", accBox.current, second, { yLabel: "validation (%)", range: accuracyRange, perEpoch: true });
      } else {
        draw("loss", lossBox.current, first, { yLabel: "loss", range: zoom.current ? validationLossRange : lossRange });
        draw("acc", accBox.current, second, { yLabel: "accuracy (%)", range: accuracyRange });
      }
    });
  };

  useEffect(() => {
    const idle = (window as { requestIdleCallback?: (f: () => void) => number }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => void drawAll());
    return () => {
      charts.current.loss?.destroy();
      charts.current.acc?.destroy();
    };
  }, []);

  useEffect(() => {
    if (busy) {
      const timer = setInterval(() => void drawAll(), 250);
      return () => clearInterval(timer);
    }
    void drawAll();
  }, [busy, theme, options.zoom, ...options.redraw]);

  return { lossBox, accBox };
}
