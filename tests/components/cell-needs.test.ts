import { describe, expect, test } from "vitest";
import { canReuse, neededCells, needs, type CellNames } from "../../components/cell/notebook/needs.ts";

const cell = (defines: string[], references: string[] = []): CellNames => ({ defines, references });

describe("neededCells: what an answer needs, from the names it uses", () => {
  const cells = [
    cell(["f"]), // 0
    cell(["data"]), // 1
    cell(["net"], ["data"]), // 2: slow training, say
    cell(["g"], ["f"]), // 3
    cell([], ["net"]), // 4: prints only
  ];
  test("a name comes from the cell defining it, and that cell's own needs follow", () => {
    expect(neededCells(cells, ["g"])).toEqual([0, 3]);
    expect(neededCells(cells, ["net"])).toEqual([1, 2]);
  });
  test("names no cell defines (the library's, the globals) need nothing", () => {
    expect(neededCells(cells, ["Math", "console", "matmul"])).toEqual([]);
  });
  test("cells that define nothing the answer uses are left out, however slow", () => {
    expect(neededCells(cells, ["f"])).toEqual([0]);
  });
  test("a name defined twice comes from the last definition above the user", () => {
    const twice = [cell(["x"]), cell(["y"], ["x"]), cell(["x"], ["y"])];
    expect(neededCells(twice, ["x"])).toEqual([0, 1, 2]);
    expect(neededCells(twice, ["y"])).toEqual([0, 1]);
    expect(neededCells(twice, ["x"], 1)).toEqual([0]);
  });
  test("a cell using the name it redefines needs the earlier definition", () => {
    const grow = [cell(["n"]), cell(["n"], ["n"])];
    expect(neededCells(grow, ["n"])).toEqual([0, 1]);
  });
  test("only the cells above count", () => {
    expect(neededCells(cells, ["g"], 2)).toEqual([]);
    expect(neededCells(cells, ["net", "f"], 2)).toEqual([0]);
  });
  test("cycles of names end", () => {
    expect(neededCells([cell(["a"], ["b"]), cell(["b"], ["a"])], ["b"])).toEqual([0, 1]);
  });
});

describe("canReuse: whether a notebook's results can serve another Check", () => {
  const cells = [cell(["f"]), cell(["x"]), cell(["x"], ["f"]), cell(["g"], ["f"])];
  test("an empty notebook serves anything", () => {
    expect(canReuse(cells, [], [0, 3], ["g"])).toBe(true);
  });
  test("what it ran, plus cells after it, in order", () => {
    expect(canReuse(cells, [0], [0, 3], ["g"])).toBe(true);
  });
  test("a needed cell before one it ran would run out of order", () => {
    expect(canReuse(cells, [3], [0, 3], ["g"])).toBe(false);
  });
  test("a cell it ran that redefines a name the answer needs from an earlier cell", () => {
    expect(canReuse(cells, [0, 2], [1], ["x"])).toBe(false);
    expect(canReuse(cells, [0, 2], [0, 2], ["x"])).toBe(true);
  });
});

describe("needs: a name the library gives needs no run of the cell importing it", () => {
  const cells: CellNames[] = [
    { defines: ["Dense", "SGD"], references: [], imports: ["Dense", "SGD"] }, // 0: imports only
    { defines: ["Adam", "curves"], references: ["Dense"], imports: ["Adam"] }, // 1: imports and trains
    { defines: ["small"], references: ["Dense"] }, // 2
  ];
  test("an answer using imported names runs nothing", () => {
    expect(needs(cells, ["Adam", "SGD"])).toEqual({ cells: [], imports: [{ name: "SGD", cell: 0 }, { name: "Adam", cell: 1 }] });
  });
  test("a needed cell's own imports come from the library too", () => {
    expect(needs(cells, ["small"])).toEqual({ cells: [2], imports: [{ name: "Dense", cell: 0 }] });
  });
  test("a cell needed for another name runs, and its imports come with it", () => {
    expect(needs(cells, ["curves", "Adam"])).toEqual({ cells: [1], imports: [{ name: "Dense", cell: 0 }] });
  });
});
