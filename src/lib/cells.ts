/**
 * The pieces of the code-cell runtime (components/cell/) that the site shell
 * uses: reading a chapter's cells and exercises, formatting values, running
 * checks. They are imported from here only, so that where they live is
 * written in one place.
 */
export { parseChapter, type ParsedChapter } from "../../components/cell/notebook/parse-chapter.ts";
export type { CellSource, ExerciseSource } from "../../components/cell/notebook/collect.ts";
export { formatArgs } from "../../components/cell/worker/format.ts";
export { createChecker, type CheckFn } from "../../components/cell/worker/checks.ts";
export { checkLine } from "../../components/cell/page/texts.ts";
export { normaliseOutput, outputMatches, NUMBER_SLOT } from "../../components/cell/notebook/output-form.ts";
