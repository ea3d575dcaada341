/**
 * Turns a cell's TypeScript into the body of an async function that runs
 * with notebook semantics.
 *
 * Sucrase strips the types (keeping line numbers). Acorn then finds the
 * top-level declarations and imports, and they are rewritten into
 * assignments on a shared scope object, which the body reads through
 * `with (__nb)`. That is what lets a later cell see — and change — the
 * names an earlier cell defined, even from inside the earlier cell's
 * closures. Every rewrite keeps the code on its original lines, so an error
 * reports the reader's own line number.
 */
import { transform } from "sucrase";
import { parse } from "acorn";
import { freeNames, patternNames, type AnyNode } from "./analyse.ts";
import { lineCol, tsPosition, type Rewrite } from "./positions.ts";

export class CellSyntaxError extends Error {
  readonly line: number | null;
  readonly column: number | null;
  constructor(message: string, line: number | null, column: number | null) {
    super(message);
    this.name = "SyntaxError";
    this.line = line;
    this.column = column;
  }
}

export interface PreparedCell {
  /** The body of `async function (__nb, __import, console)`. */
  body: string;
  /** Top-level names the cell defines (they join the notebook's scope). */
  names: string[];
  /** Names the cell uses and does not define (see freeNames). */
  references: string[];
  /** Characters the prologue adds in front of line 1 (for error columns). */
  prologueLength: number;
  /** The JavaScript after stripping types (same lines; columns shift where types were). */
  js: string;
  /** The rewrites of declarations and imports that stay on one line, to map body columns back (see jsColumn). */
  rewrites: Rewrite[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** TypeScript → JavaScript with the same lines; syntax errors carry line and column. */
export function stripTypes(code: string): string {
  try {
    return transform(code, {
      transforms: ["typescript"],
      disableESTransforms: true,
      keepUnusedImports: true,
      preserveDynamicImport: true,
    }).code;
  } catch (e) {
    // Sucrase gives the offset (`pos`); its `loc.column` is not 0-based like Babel's, so the offset is what counts.
    const err = e as Error & { pos?: number };
    const at = typeof err.pos === "number" ? lineCol(code, err.pos) : null;
    throw new CellSyntaxError(err.message.replace(/\s*\(\d+:\d+\)\s*$/, ""), at?.line ?? null, at?.column ?? null);
  }
}

function importEdit(node: AnyNode, source: string): { edit: Edit; names: string[] } {
  const from = JSON.stringify(node.source.value);
  const names: string[] = [];
  const props: string[] = [];
  let namespace: string | null = null;
  for (const s of node.specifiers) {
    names.push(s.local.name);
    if (s.type === "ImportNamespaceSpecifier") namespace = s.local.name;
    else if (s.type === "ImportDefaultSpecifier") props.push(`default: ${s.local.name}`);
    else {
      const imported = s.imported.type === "Identifier" ? s.imported.name : JSON.stringify(s.imported.value);
      props.push(imported === s.local.name ? imported : `${imported}: ${s.local.name}`);
    }
  }
  const parts: string[] = [];
  if (namespace) parts.push(`${namespace} = __import(${from})`);
  if (props.length) parts.push(`({ ${props.join(", ")} } = __import(${from}))`);
  if (!parts.length) parts.push(`__import(${from})`);
  const newlines = source.slice(node.start, node.end).split("\n").length - 1;
  return { edit: { start: node.start, end: node.end, text: `;${parts.join("; ")};${"\n".repeat(newlines)}` }, names };
}

function declarationEdits(decl: AnyNode, names: string[], prologue: string[]): Edit[] {
  if (decl.type === "FunctionDeclaration") {
    // Kept in place (so it is hoisted within the cell); published to the scope up front.
    names.push(decl.id.name);
    prologue.push(`__nb.${decl.id.name} = ${decl.id.name};`);
    return [];
  }
  if (decl.type === "ClassDeclaration") {
    names.push(decl.id.name);
    return [
      { start: decl.start, end: decl.start, text: `${decl.id.name} = ` },
      { start: decl.end, end: decl.end, text: ";" },
    ];
  }
  if (decl.type === "VariableDeclaration") {
    const edits: Edit[] = [];
    const ds = decl.declarations as AnyNode[];
    // `const a = 1, { b } = o;` → `;(a = 1), ({ b } = o);`
    edits.push({ start: decl.start, end: ds[0].start, text: ";(" });
    ds.forEach((d, i) => {
      patternNames(d.id, names);
      if (!d.init) edits.push({ start: d.id.end, end: d.id.end, text: " = undefined" });
      if (i > 0) edits.push({ start: d.start, end: d.start, text: "(" });
      edits.push({ start: d.end, end: d.end, text: ")" });
    });
    return edits;
  }
  return [];
}

/** Prepares one cell: types stripped, declarations rewritten onto the notebook scope. */
export function prepareCell(code: string): PreparedCell {
  const js = stripTypes(code);
  let program: AnyNode;
  try {
    program = parse(js, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowAwaitOutsideFunction: true,
      locations: true,
    }) as AnyNode;
  } catch (e) {
    const err = e as SyntaxError & { loc?: { line: number; column: number } };
    const line = err.loc?.line ?? null;
    const column = tsPosition(code, js, line, err.loc ? err.loc.column + 1 : null);
    throw new CellSyntaxError(err.message.replace(/\s*\(\d+:\d+\)\s*$/, ""), line, column);
  }
  const edits: Edit[] = [];
  const names: string[] = [];
  const prologue: string[] = [];
  for (const node of program.body as AnyNode[]) {
    if (node.type === "ImportDeclaration") {
      const r = importEdit(node, js);
      edits.push(r.edit);
      names.push(...r.names);
    } else if (node.type === "ExportNamedDeclaration" && node.declaration) {
      edits.push({ start: node.start, end: node.declaration.start, text: "" });
      edits.push(...declarationEdits(node.declaration, names, prologue));
    } else if (node.type.startsWith("Export")) {
      const { line, column } = lineCol(js, node.start);
      throw new CellSyntaxError("cells do not export: their top-level names are already shared with the cells below", line, column);
    } else {
      edits.push(...declarationEdits(node, names, prologue));
    }
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  const rewrites = edits
    .filter((e) => !js.slice(e.start, e.end).includes("\n") && !e.text.includes("\n"))
    .map((e) => ({ ...lineCol(js, e.start), removed: e.end - e.start, inserted: e.text.length }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  let body = js;
  for (const e of edits) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  const head = `with (__nb) { ${prologue.join(" ")} `;
  const defined = [...new Set(names)];
  const references = freeNames(program).filter((n) => !defined.includes(n));
  return { body: `${head}${body}\n}`, names: defined, references, prologueLength: head.length, js, rewrites };
}
