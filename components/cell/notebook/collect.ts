/**
 * Finds the cells of a chapter in its Markdown tree.
 *
 * A cell is a fence whose info string is `ts cell` (options may follow:
 * `throws`, `timeout=60000`, `type-error`); an `output` fence right after it holds what the
 * cell prints (```` ```output form ```` when it varies from run to run: see
 * output-form.ts). The same function feeds the remark plugin that renders cells
 * and the test that runs them, so the page and the tests cannot disagree on
 * what a cell is.
 */
import type { Code, Parent, Root, RootContent } from "mdast";
import { formProblem } from "./output-form.ts";

export interface CellOptions {
  /** The cell is expected to throw; its output fence shows the error. */
  throws: boolean;
  /** Time limit for one run, in milliseconds (null: the runtime's default). */
  timeoutMs: number | null;
  /**
   * The cell shows what the editor underlines: it must have a type error
   * (the chapter's type test checks that it does). Absent: false.
   */
  typeError?: boolean;
}

export interface CellSource {
  /** 0-based position among the chapter's cells. */
  index: number;
  code: string;
  /** The output written under the cell, or null when it has no output fence. */
  output: string | null;
  /** The output fence is a form (```` ```output form ````): `<number>` slots match any number. Absent: false. */
  outputForm?: boolean;
  options: CellOptions;
  /** 1-based line of the cell's opening fence in the chapter file. */
  line: number;
}

export interface FoundCell {
  cell: CellSource;
  node: Code;
  outputNode: Code | null;
  parent: Parent;
}

const CELL_LANGS = new Set(["ts", "typescript"]);

export interface ExerciseSource {
  /** 0-based position among the chapter's exercises. */
  index: number;
  /** The reader's starting code. */
  code: string;
  solution: string;
  /** Code calling `check(name, () => actual, expected, tolerance?)`. */
  checks: string;
  /** 1-based line of the exercise fence in the chapter file. */
  line: number;
}

export interface FoundExercise {
  exercise: ExerciseSource;
  nodes: Code[];
  parent: Parent;
}

/** The role of a fence in an exercise (`ts exercise`, `ts solution`, `ts checks`), or null. */
function exerciseRole(node: RootContent | undefined): "exercise" | "solution" | "checks" | null {
  if (!node || node.type !== "code" || !node.lang || !CELL_LANGS.has(node.lang)) return null;
  const word = (node.meta ?? "").trim();
  return word === "exercise" || word === "solution" || word === "checks" ? word : null;
}

/** Every exercise of the tree: an `exercise` fence, then its `solution`, then its `checks`. */
export function collectExercises(tree: Root): FoundExercise[] {
  const found: FoundExercise[] = [];
  const walk = (parent: Parent) => {
    parent.children.forEach((child: RootContent, i: number) => {
      const role = exerciseRole(child);
      if (role === "exercise") {
        const solution = parent.children[i + 1];
        const checks = parent.children[i + 2];
        const line = child.position?.start.line ?? 0;
        if (exerciseRole(solution) !== "solution" || exerciseRole(checks) !== "checks") {
          throw new Error(`exercise at line ${line}: an \`ts exercise\` fence must be followed by a \`ts solution\` fence and then a \`ts checks\` fence`);
        }
        const nodes = [child, solution, checks] as Code[];
        found.push({
          exercise: { index: found.length, code: nodes[0].value, solution: nodes[1].value, checks: nodes[2].value, line },
          nodes,
          parent,
        });
      } else if (role && exerciseRole(parent.children[i - 1]) === null) {
        const line = child.position?.start.line ?? 0;
        throw new Error(`line ${line}: a \`ts ${role}\` fence must follow a \`ts exercise\` fence`);
      } else if ("children" in child) {
        walk(child as Parent);
      }
    });
  };
  walk(tree);
  return found;
}

/** Reads a fence's info string; null when the fence is not a cell. */
export function parseCellMeta(lang: string | null | undefined, meta: string | null | undefined): CellOptions | null {
  if (!lang || !CELL_LANGS.has(lang)) return null;
  const words = (meta ?? "").trim().split(/\s+/).filter(Boolean);
  if (words[0] !== "cell") return null;
  const options: CellOptions = { throws: false, timeoutMs: null };
  for (const word of words.slice(1)) {
    const [key, value] = word.split("=", 2);
    if (key === "throws" && value === undefined) options.throws = true;
    else if (key === "timeout" && value !== undefined && /^\d+$/.test(value)) options.timeoutMs = Number(value);
    else if (key === "type-error" && value === undefined) options.typeError = true;
    else throw new Error(`cell: unknown option "${word}" in \`${lang} ${meta}\` (known: throws, timeout=MS, type-error)`);
  }
  return options;
}

/** Every cell of the tree, in document order, with its output fence if any. */
export function collectCells(tree: Root): FoundCell[] {
  const found: FoundCell[] = [];
  const walk = (parent: Parent) => {
    parent.children.forEach((child: RootContent, i: number) => {
      if (child.type === "code") {
        const options = parseCellMeta(child.lang, child.meta);
        if (options) {
          const next = parent.children[i + 1];
          const outputNode = next && next.type === "code" && next.lang === "output" ? next : null;
          const line = child.position?.start.line ?? 0;
          const meta = (outputNode?.meta ?? "").trim();
          if (meta !== "" && meta !== "form") {
            throw new Error(`cell at line ${line}: unknown output fence \`output ${meta}\` (known: \`output\`, \`output form\`)`);
          }
          const outputForm = meta === "form";
          const problem = outputForm ? formProblem(outputNode!.value) : null;
          if (problem) throw new Error(`cell at line ${line}: ${problem}`);
          found.push({
            cell: {
              index: found.length,
              code: child.value,
              output: outputNode ? outputNode.value : null,
              outputForm,
              options,
              line,
            },
            node: child,
            outputNode,
            parent,
          });
        }
      } else if ("children" in child) {
        walk(child as Parent);
      }
    });
  };
  walk(tree);
  return found;
}
