/**
 * What the type checker costs, in CPU time, without a browser: the editor's
 * language service (components/cell/types/service.ts) in Node, over chapter 3's
 * cells up to the one with `const xW = matmul(x, W);`, with the `lib/` and
 * chapter of `repo` (default: this repository; give an older checkout to compare).
 * Prints the first check (the service cold) and the median of 25 checks after
 * an edit, for a plain type error and for a matrix product.
 *
 *   node scripts/types-check-cost.ts [repo]   (via npx node)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CellTypes } from "../components/cell/types/service.ts";
import { tsLibFiles } from "../components/cell/types/type-files.ts";
import { libDeclarations } from "../components/cell/types/lib-declarations.ts";
import { parseChapter } from "../components/cell/notebook/parse-chapter.ts";

const repo = path.resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));
const files = { ...tsLibFiles(), ...libDeclarations(path.join(repo, "lib/index.ts")) };
const { cells } = parseChapter(readFileSync(path.join(repo, "chapters/03-layers-and-batches/index.mdx"), "utf8"));
const at = cells.findIndex((c) => c.code.includes("const xW = matmul(x, W);"));
const chain = cells.slice(0, at + 1).map((c, i) => ({ file: `/book/cell-${i + 1}.ts`, code: c.code }));
const types = new CellTypes(files);

/** CPU milliseconds to set the notebook with `extra` after the cell's code and get the cell's problems. */
function check(extra: string): number {
  const t0 = process.cpuUsage();
  types.set(chain.map((u, i) => (i === at ? { ...u, code: u.code + extra } : u)));
  types.problems(chain[at].file);
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}
const median = (edit: (i: number) => string) => {
  const xs = Array.from({ length: 25 }, (_, i) => check(edit(i))).sort((a, b) => a - b);
  return xs[12].toFixed(1);
};
const cold = check('\nconst n: number = "five";').toFixed(0);
const plain = median((i) => `\nconst n${i}: number = "five";`);
const shape = median((i) => `\nmatmul(Matrix.zeros(${i + 3}, 4), Matrix.zeros(5, 2));`);
console.log(`${repo}: first check ${cold} ms CPU; after an edit, median ${plain} ms (a plain type error), ${shape} ms (a matrix product)`);
