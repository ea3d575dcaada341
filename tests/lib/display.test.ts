import { describe, expect, test, vi } from "vitest";
import { DISPLAY_HOST, bars, plot, showDigit, type DisplayItem } from "../../lib/display.ts";
import { Notebook } from "../../components/cell/worker/notebook-scope.ts";
import { capturingConsole } from "../../components/cell/worker/run-cells.ts";
import { runCell } from "../../components/cell/worker/run-cell.ts";

async function runCode(notebook: Notebook, code: string, lines: string[]) {
  const { error } = await runCell(notebook, { code, sourceName: "display.ts", label: "Cell 1" }, capturingConsole(lines));
  if (error) throw new Error(error.text);
}

function withHost<T>(fn: () => T): { result: T; items: DisplayItem[] } {
  const items: DisplayItem[] = [];
  const g = globalThis as Record<symbol, unknown>;
  g[DISPLAY_HOST] = (item: DisplayItem) => items.push(item);
  try {
    return { result: fn(), items };
  } finally {
    delete g[DISPLAY_HOST];
  }
}

describe("plot", () => {
  test.each([
    { y: [1, 0.5, 0.25], options: {}, text: "[plot: 3 points, y from 1 to 0.25 (min 0.25, max 1)]" },
    { y: [2], options: { title: "loss" }, text: '[plot "loss": 1 point, y from 2 to 2 (min 2, max 2)]' },
    { y: [[1, 2], [3, 1]], options: { names: ["a", "b"] }, text: "[plot: a: 2 points, y from 1 to 2 (min 1, max 2); b: 2 points, y from 3 to 1 (min 1, max 3)]" },
    { y: new Float32Array([0.1, 0.2]), options: {}, text: "[plot: 2 points, y from 0.1 to 0.2 (min 0.1, max 0.2)]" },
  ])("$text", ({ y, options, text }) => {
    const { result, items } = withHost(() => plot(y, options));
    expect(result).toBe(text);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "plot", text });
  });

  test("fit reaches the picture (the axis spans the values); without it the item has no fit", () => {
    const fitted = withHost(() => plot([0.46, 0.435, 0.47], { fit: true })).items[0];
    expect(fitted).toMatchObject({ kind: "plot", fit: true });
    expect(withHost(() => plot([0.46, 0.435])).items[0]).not.toHaveProperty("fit");
  });

  test("x values default to 0, 1, 2 … and must match y in length", () => {
    const { items } = withHost(() => plot([5, 6]));
    expect(items[0].kind === "plot" && items[0].series[0].x).toEqual([0, 1]);
    expect(() => plot([1, 2], { x: [1] })).toThrow("plot: x has 1 values and y has 2");
    expect(() => plot([1, NaN])).toThrow("plot: y[1] is NaN");
  });

  test.each([100_000, 1_000_000])("a line of %i points is described, not a stack overflow", (n) => {
    const y = Float64Array.from({ length: n }, (_, i) => (i === 7 ? -3 : i === n - 5 ? 9 : Math.sin(i)));
    const { result } = withHost(() => plot(y));
    expect(result).toBe(`[plot: ${n} points, y from 0 to ${String(Number(Math.sin(n - 1).toPrecision(4)))} (min -3, max 9)]`);
  });

  test("min and max skip infinite values, as before", () => {
    const { result } = withHost(() => plot([Infinity, 2, -Infinity, 5]));
    expect(result).toBe("[plot: 4 points, y from Infinity to 5 (min 2, max 5)]");
  });
});

describe("showDigit", () => {
  test("reads 0–1 or 0–255 values and describes the image", () => {
    const pixels = new Array(784).fill(0);
    for (let i = 0; i < 100; i++) pixels[i] = 255;
    const { result, items } = withHost(() => showDigit(pixels, { label: 7 }));
    expect(result).toBe('[digit 28×28 "7": 100 of 784 pixels inked]');
    expect(items[0].kind === "digit" && items[0].pixels[0]).toBe(1);
  });

  test("values outside 0–1 are drawn, with a warning that names normalisation", () => {
    const warned: string[] = [];
    const spy = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warned.push(args.join(" ")));
    try {
      const bytes = new Array(784).fill(0);
      bytes[0] = 255;
      bytes[1] = 128;
      withHost(() => showDigit(bytes));
      expect(warned).toEqual(["showDigit: pixels range from 0 to 255, not from 0 to 1: divide them by 255 first (normalisation); drawn as if you had."]);
      warned.length = 0;
      const negative = new Array(784).fill(0.5);
      negative[3] = -2;
      withHost(() => showDigit(negative));
      expect(warned).toEqual(["showDigit: pixels range from -2 to 0.5, not from 0 to 1: normalise them to 0–1 first; values below 0 are drawn as 0."]);
      warned.length = 0;
      withHost(() => showDigit(new Array(784).fill(1)));
      expect(warned).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  test("refuses anything but 784 values", () => {
    expect(() => showDigit([1, 2, 3])).toThrow("showDigit: pixels has 3 values, a 28×28 image needs 784");
  });
});

describe("bars", () => {
  test("one bar per entry, in order, from an object or a Map, with a title", () => {
    const { result, items } = withHost(() => bars({ naive: 0.41234, "i-k-j": 1.2, blocked: 0 }, { title: "GFLOP/s" }));
    expect(result).toBe('[bars "GFLOP/s": naive 0.4123, i-k-j 1.2, blocked 0]');
    expect(items[0]).toEqual({
      kind: "bars",
      text: result,
      title: "GFLOP/s",
      bars: [{ name: "naive", value: 0.41234 }, { name: "i-k-j", value: 1.2 }, { name: "blocked", value: 0 }],
    });
    expect(withHost(() => bars(new Map([["a", 2]]))).result).toBe("[bars: a 2]");
    expect(withHost(() => bars({})).result).toBe("[bars: no bars]");
  });

  test("refuses a negative, infinite or missing value, naming the bar", () => {
    expect(() => bars({ naive: -1 })).toThrow('bars: the bar "naive" is -1; a bar needs a finite number of 0 or more');
    expect(() => bars({ fast: Infinity })).toThrow('bars: the bar "fast" is Infinity');
    expect(() => bars({ odd: NaN })).toThrow('bars: the bar "odd" is NaN');
    expect(() => bars(null as unknown as Record<string, number>)).toThrow("bars: values must be an object");
  });
});

describe("in a notebook", () => {
  test("the text stand-in lands in the cell's output, with what the library logs", async () => {
    const notebook = new Notebook({ nnfs: { plot, showDigit } });
    const lines: string[] = [];
    await runCode(notebook, 'import { plot } from "nnfs";\nplot([3, 2, 1]);\nconsole.log("after");', lines);
    expect(lines).toEqual(["[plot: 3 points, y from 3 to 1 (min 1, max 3)]", "after"]);
  });

  test("a display option receives the item instead", async () => {
    const items: DisplayItem[] = [];
    const notebook = new Notebook({ nnfs: { plot } }, { display: (item) => items.push(item) });
    const lines: string[] = [];
    await runCode(notebook, 'import { plot } from "nnfs";\nplot([1]);', lines);
    expect(lines).toEqual([]);
    expect(items.map((i) => i.kind)).toEqual(["plot"]);
  });

  test("the global console is the cell's while it runs, and restored after", async () => {
    const before = globalThis.console;
    const notebook = new Notebook({ nnfs: { logFromLibrary: () => globalThis.console.log("from lib") } });
    const lines: string[] = [];
    await runCode(notebook, 'import { logFromLibrary } from "nnfs";\nlogFromLibrary();', lines);
    expect(lines).toEqual(["from lib"]);
    expect(globalThis.console).toBe(before);
  });
});
