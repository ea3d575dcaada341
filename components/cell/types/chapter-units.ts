/**
 * A chapter's code as type-checkable units: its cells in order, each seeing
 * the cells above it, and for every exercise its starting code and its
 * solution (seeing the cells above the exercise) and its checks (seeing
 * those and the solution). The starting code is checked so that the editor
 * underlines nothing before the reader has written anything.
 */
import type { CellSource, ExerciseSource } from "../notebook/collect.ts";
import { unitText, type Unit } from "./notebook-files.ts";

export interface ChapterUnit extends Unit {
  /** How a problem names it: `cell 3`, `exercise 2 (solution)`. */
  label: string;
  /** 1-based line of its fence's opening in the chapter file (its code starts on the next line). */
  fenceLine: number;
}

export function chapterUnits(cells: CellSource[], exercises: ExerciseSource[], dir = "/book"): { units: ChapterUnit[]; files: Map<string, string> } {
  const cellUnits: ChapterUnit[] = cells.map((c) => ({ file: `${dir}/cell-${c.index + 1}.ts`, code: c.code, label: `cell ${c.index + 1}`, fenceLine: c.line }));
  const files = new Map<string, string>();
  cellUnits.forEach((u, i) => files.set(u.file, unitText(u, cellUnits.slice(0, i))));
  const units = [...cellUnits];
  for (const ex of exercises) {
    const above = cellUnits.filter((u) => u.fenceLine < ex.line);
    // The solution's fence follows the exercise's: its code starts after the starting code and two fence lines.
    const solutionFence = ex.line + ex.code.split("\n").length + 2;
    const solution: ChapterUnit = { file: `${dir}/exercise-${ex.index + 1}.ts`, code: ex.solution, label: `exercise ${ex.index + 1} (solution)`, fenceLine: solutionFence };
    const checks: ChapterUnit = {
      file: `${dir}/exercise-${ex.index + 1}-checks.ts`,
      code: ex.checks,
      label: `exercise ${ex.index + 1} (checks)`,
      fenceLine: solutionFence + ex.solution.split("\n").length + 2,
    };
    const start: ChapterUnit = { file: `${dir}/exercise-${ex.index + 1}-start.ts`, code: ex.code, label: `exercise ${ex.index + 1} (starting code)`, fenceLine: ex.line };
    files.set(start.file, unitText(start, above));
    files.set(solution.file, unitText(solution, above));
    files.set(checks.file, unitText(checks, [...above, solution]));
    units.push(start, solution, checks);
  }
  return { units, files };
}
