import { describe, expect, test } from "vitest";
import { BookNotebook, type BookCell } from "../../components/cell/worker/book.ts";
import { capturingConsole } from "../../components/cell/worker/run-cells.ts";
import { snapshot } from "../../components/cell/worker/snapshot.ts";

/** A module the cells import, counting how often each cell ran. */
function counting() {
  const runs: Record<string, number> = {};
  return { runs, modules: { counter: { ran: (name: string) => void (runs[name] = (runs[name] ?? 0) + 1) } } };
}

const cell = (index: number, code: string, throws = false): BookCell => ({ index, code, throws, sourceName: `ch-cell-${index + 1}.ts`, label: `Cell ${index + 1}` });
const answer = (code: string) => ({ code, sourceName: "ch-exercise-1.ts", label: "Exercise 1" });

describe("BookNotebook: a Check against the book's own cells", () => {
  const cells = [
    cell(0, 'import { ran } from "counter";\nran("f");\nconst f = (x: number) => 4 * x;'),
    cell(1, 'import { ran } from "counter";\nran("slow");\nconst net = { trained: true };'),
    cell(2, 'import { ran } from "counter";\nran("g");\nconst g = (x: number) => f(x) + 1;'),
  ];

  test("runs only what the answer uses, then keeps it for the next Check", async () => {
    const { runs, modules } = counting();
    const book = new BookNotebook(modules);
    const first = await book.check(cells, answer("const h = (x: number) => g(x) * 2;"), 'check("h", () => h(1), 10);', capturingConsole([]));
    expect(first.results.map((r) => r.pass)).toEqual([true]);
    expect(first.book).toEqual({ ran: [0, 2], failed: null });
    expect(runs).toEqual({ f: 1, g: 1 });
    const second = await book.check(cells, answer("const h = (x: number) => g(x) * 2;"), 'check("h", () => h(2), 18);', capturingConsole([]));
    expect(second.book.ran).toEqual([]);
    expect(second.results.map((r) => r.pass)).toEqual([true]);
    expect(runs).toEqual({ f: 1, g: 1 });
  });

  test("the answer's names stay its own: the book's are not changed for the next Check", async () => {
    const { modules } = counting();
    const book = new BookNotebook(modules);
    await book.check(cells, answer("f = (x: number) => 0;"), 'check("f", () => f(1), 0);', capturingConsole([]));
    const after = await book.check(cells, answer(""), 'check("f", () => f(1), 4);', capturingConsole([]));
    expect(after.results.map((r) => r.pass)).toEqual([true]);
  });

  test("an answer that changes what a book cell made gets it computed afresh next time", async () => {
    const { runs, modules } = counting();
    const book = new BookNotebook(modules);
    await book.check(cells, answer("net.trained = false;"), 'check("net", () => net.trained, false);', capturingConsole([]));
    const next = await book.check(cells, answer(""), 'check("net", () => net.trained, true);', capturingConsole([]));
    expect(next.results.map((r) => r.pass)).toEqual([true]);
    expect(runs.slow).toBe(2);
  });

  test("a needed cell that fails is named, and the answer does not run; a cell meant to throw does not stop it", async () => {
    const { modules } = counting();
    const broken = [cell(0, 'throw new RangeError("no data");\nconst data = 1;'), cell(1, 'const shown = 2;\nthrow new Error("on purpose");', true)];
    const book = new BookNotebook(modules);
    const failed = await book.check(broken, answer(""), 'check("data", () => data, 1);', capturingConsole([]));
    expect(failed.results).toEqual([]);
    expect(failed.book.failed?.label).toBe("Cell 1");
    expect(failed.book.failed?.error.text).toContain("RangeError: no data");
    const fine = await book.check(broken, answer(""), 'check("shown", () => shown, 2);', capturingConsole([]));
    expect(fine.book).toEqual({ ran: [1], failed: null });
    expect(fine.results.map((r) => r.pass)).toEqual([true]);
  });
});

describe("snapshot: whether a value the answer used is unchanged", () => {
  test("numbers in arrays, typed arrays and objects", () => {
    const v = { a: [1, 2], t: new Float32Array([1, 2]), s: "x" };
    const same = snapshot(v);
    expect(same()).toBe(true);
    v.t[1] = 3;
    expect(same()).toBe(false);
  });
  test("a replaced field or a new one counts as a change", () => {
    const v: Record<string, unknown> = { a: [1] };
    const same = snapshot(v);
    v.b = 1;
    expect(same()).toBe(false);
  });
  test("cycles end", () => {
    const v: Record<string, unknown> = { n: 1 };
    v.self = v;
    expect(snapshot(v)()).toBe(true);
  });
});
