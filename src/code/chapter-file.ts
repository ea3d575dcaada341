/**
 * "Download this chapter's code": one TypeScript file with a chapter's cells
 * in page order, then its exercises (the starting code and the checks), that
 * runs with `node chapter-04.ts` anywhere inside a clone of the repository
 * and prints what the page prints.
 *
 * A page's cells form a notebook; a file is one module. So the imports of
 * every cell are merged into one at the top (from "nnfs", which the
 * repository's package.json maps to lib/), a name a later cell declares again
 * becomes an assignment, a cell that is meant to throw runs inside
 * try/catch and prints its error, and each exercise sits in a block of its
 * own, with the checks' `check` from "nnfs/book" (src/code/book-runtime.ts).
 */
import ts from "typescript";
import { parseChapter, type CellSource, type ExerciseSource } from "../lib/cells.ts";

export interface ChapterInfo {
  id: string;
  title: string;
  source: string;
}

/** `chapter-04.ts` for `04-activation-the-sigmoid`. */
export function chapterFileName(id: string): string {
  return `chapter-${id.slice(0, 2)}.ts`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(code: string, edits: Edit[]): string {
  let out = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

interface Imports {
  /** local name → imported name, for `import { a as b } from "nnfs"` */
  named: Map<string, string>;
  /** other import statements, verbatim (namespace imports, type-only imports) */
  other: Set<string>;
}

/** The top-level names a statement declares, and whether they can be re-assigned in place. */
function declared(statement: ts.Statement): { names: string[]; variable: boolean } {
  if (ts.isVariableStatement(statement)) {
    const names: string[] = [];
    const visit = (n: ts.BindingName) => {
      if (ts.isIdentifier(n)) names.push(n.text);
      else for (const el of n.elements) if (!ts.isOmittedExpression(el)) visit(el.name);
    };
    for (const d of statement.declarationList.declarations) visit(d.name);
    return { names, variable: true };
  }
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
    return { names: [statement.name.text], variable: false };
  }
  return { names: [], variable: false };
}

const parse = (code: string) => ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/**
 * The cell's code without its imports (collected into `imports`), with the
 * declarations of names an earlier cell made turned into assignments. Returns
 * null when a function or class is declared again, which a module cannot do.
 */
function rewriteCell(code: string, imports: Imports, declaredBefore: Set<string>, letNames: Set<string>): { code: string; redeclares: string[] } {
  const file = parse(code);
  const edits: Edit[] = [];
  const redeclares: string[] = [];
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st)) {
      const from = (st.moduleSpecifier as ts.StringLiteral).text;
      const bindings = st.importClause?.namedBindings;
      if (from === "nnfs" && st.importClause && !st.importClause.isTypeOnly && !st.importClause.name && bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          const name = (el.propertyName ?? el.name).text;
          // A type has no value at run time: Node strips `type X` but would look up a plain X.
          imports.named.set(el.name.text, el.isTypeOnly ? `type ${name}` : name);
        }
      } else {
        imports.other.add(st.getText(file));
      }
      edits.push({ start: st.getFullStart(), end: st.getEnd(), text: "" });
      continue;
    }
    const { names, variable } = declared(st);
    const again = names.filter((n) => declaredBefore.has(n));
    if (again.length && variable && ts.isVariableStatement(st)) {
      // `const W = …` where an earlier cell declared W: `W = …;` (the earlier one becomes `let`).
      const parts = st.declarationList.declarations.map((d) =>
        d.initializer ? `${d.name.getText(file)} = ${d.initializer.getText(file)}` : `${d.name.getText(file)} = undefined`,
      );
      const text = parts.map((p) => (p.startsWith("{") ? `(${p})` : p)).join(";\n") + ";";
      edits.push({ start: st.getStart(file), end: st.getEnd(), text });
      for (const n of again) letNames.add(n);
    } else if (again.length) {
      redeclares.push(...again);
    }
    for (const n of names) declaredBefore.add(n);
  }
  return { code: applyEdits(code, edits).replace(/^\s*\n/, ""), redeclares };
}

/** `const` → `let` for the first declaration of names a later cell assigns again. */
function letFirst(code: string, names: Set<string>): string {
  if (!names.size) return code;
  const file = parse(code);
  const edits: Edit[] = [];
  for (const st of file.statements) {
    if (ts.isVariableStatement(st) && declared(st).names.some((n) => names.has(n)) && st.declarationList.flags & ts.NodeFlags.Const) {
      const start = st.declarationList.getStart(file);
      edits.push({ start, end: start + "const".length, text: "let" });
    }
  }
  return applyEdits(code, edits);
}

const indent = (code: string) =>
  code
    .trimEnd()
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");

function cellBlock(cell: CellSource, code: string, redeclares: string[]): string {
  const head = `// ── Cell ${cell.index + 1} ${"─".repeat(60)}`.slice(0, 72);
  if (cell.options.throws) {
    return `${head}\n// This cell stops with an error, on purpose: the error is the lesson.\ntry {\n${indent(code)}\n} catch (error) {\n  console.log(error);\n}`;
  }
  if (redeclares.length) {
    // A module cannot declare a function or class twice; this cell's version lives in its own block.
    return `${head}\n// Declares ${redeclares.join(", ")} again, so it runs in a block of its own.\n{\n${indent(code)}\n}`;
  }
  return `${head}\n${code.trimEnd()}`;
}

function exerciseBlock(exercise: ExerciseSource, code: string, imports: Imports): string {
  const n = exercise.index + 1;
  const checks = rewriteCell(exercise.checks, imports, new Set(), new Set()).code;
  return [
    `// ── Exercise ${n} ${"─".repeat(60)}`.slice(0, 72),
    `// Complete the code, then run the file: the checks below say what passes.`,
    `{`,
    `  console.log("\\nExercise ${n}");`,
    indent(code),
    ``,
    `  // The checks (as in the book):`,
    `  const { check, done } = exerciseChecks("Exercise ${n}");`,
    indent(checks),
    `  await done();`,
    `}`,
  ].join("\n");
}

export interface ChapterFileOptions {
  /** Put each exercise's solution in place of its starting code (for the tests). */
  solutions?: boolean;
}

/** The downloadable file of a chapter. */
export function chapterFile(chapter: ChapterInfo, options: ChapterFileOptions = {}): string {
  const { cells, exercises } = parseChapter(chapter.source);
  const imports: Imports = { named: new Map(), other: new Set() };
  const declaredBefore = new Set<string>();
  const letNames = new Set<string>();
  const rewritten = cells.map((cell) => ({ cell, ...rewriteCell(cell.code, imports, declaredBefore, letNames) }));
  const body = rewritten.map(({ cell, code, redeclares }) => cellBlock(cell, letFirst(code, letNames), redeclares));
  const exerciseImports: Imports = { named: new Map(), other: new Set() };
  const exerciseBodies = exercises.map((e) => {
    const code = rewriteCell(options.solutions ? e.solution : e.code, exerciseImports, new Set(), new Set()).code;
    return exerciseBlock(e, code, exerciseImports);
  });
  for (const [local, imported] of exerciseImports.named) imports.named.set(local, imported);
  for (const other of exerciseImports.other) imports.other.add(other);
  const named = [...imports.named].map(([local, imported]) => (imported.replace(/^type /, "") === local ? imported : `${imported} as ${local}`));
  const number = Number.parseInt(chapter.id, 10);
  const file = chapterFileName(chapter.id);
  return [
    `// Neural Networks from Scratch, in TypeScript`,
    `// Chapter ${number}. ${chapter.title}: every code cell of the chapter, in order,`,
    `// then its exercises with their checks.`,
    `//`,
    `// Run it from anywhere inside a clone of the book's repository, after npm install:`,
    `//   node ${file}          (Node 24 or later runs TypeScript as it is)`,
    `//   npx node ${file}      (the repository's own Node 24, whatever your node is)`,
    `// "nnfs" is the book's library, lib/ in the repository; "nnfs/book" prints values`,
    `// the way the book's pages do and provides the exercises' check().`,
    ``,
    ...(named.length ? [`import { ${named.join(", ")} } from "nnfs";`] : []),
    ...imports.other,
    `import { exerciseChecks } from "nnfs/book";`,
    ``,
    body.join("\n\n"),
    ...(exerciseBodies.length ? ["", exerciseBodies.join("\n\n")] : []),
    ``,
  ].join("\n");
}
