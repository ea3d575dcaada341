/**
 * The pieces of the code-cell runtime (components/cell/) that the site shell
 * uses: reading a chapter's cells and exercises, formatting values, running
 * checks. They are imported from here only, so that where they live is
 * written in one place.
 */
export { parseChapter, type ParsedChapter } from "../../components/cell/parse-chapter.ts";
export type { CellSource, ExerciseSource } from "../../components/cell/collect.ts";
export { formatArgs } from "../../components/cell/format.ts";
export { checkLine, createChecker, type CheckFn } from "../../components/cell/checks.ts";
export { normaliseOutput } from "../../components/cell/run-cells.ts";
