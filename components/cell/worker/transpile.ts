/**
 * Turns a cell's TypeScript into the body of an async function that runs
 * with notebook semantics.
 *
 * Sucrase strips the types (keeping line numbers). Acorn then finds the
 * top-level declarations, which stay plain local variables of the cell's
 * function (so a loop at the top level runs as fast as one in a function),
 * and every use of a name the cell does not bind. The cell shares each of
 * its names with the notebook as a getter and setter over its local
 * (`__share`); a later cell reads and writes an earlier name through that
 * pair (`xs` becomes `__nb_xs.v3`: a box passed in as a constant, whose
 * accessor the engine inlines). That is what lets a later cell see — and
 * change — the names an earlier cell defined, even from inside the earlier
 * cell's closures. Every rewrite keeps the code on its original lines, so an
 * error reports the reader's own line number; a rewrite within a line is
 * recorded, so its column maps back too (positions.ts).
 */
import { transform } from "sucrase";
import { parse } from "acorn";
import { freeNames, freeRefs, namesInFunctions, patternNames, type AnyNode, type FreeRef } from "./analyse.ts";
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
  /** What `new Function(__import, console, __share, __scope, …boxes)` runs: `return async function () { … }`. */
  body: string;
  /** Top-level names the cell defines (they join the notebook's scope). */
  names: string[];
  /** Names the cell uses and does not define (see freeNames). */
  references: string[];
  /** Characters the prologue adds in front of line 1 (for error columns). */
  prologueLength: number;
  /** The JavaScript after stripping types (same lines; columns shift where types were). */
  js: string;
  /** The rewrites of imports and names that stay on one line, to map body columns back (see jsColumn). */
  rewrites: Rewrite[];
  /** The imports and exports rewritten, and every use of a name the cell does not bind (bindCell rewrites those). */
  edits: readonly Edit[];
  refs: readonly FreeRef[];
  /**
   * Top-level `let` and `var` names no function of the cell uses (`let`
   * becomes `var`, so that a `finally` sees them). Unless code that already
   * ran may read them (a name defined before, or used by an earlier cell's
   * function before any cell defined it), they stay plain variables that the
   * cell shares when it ends, with the value they ended with (`published`):
   * a hot loop at the top level then updates a register, not a variable held
   * by a closure.
   */
  topLevelOnly: string[];
  published: string[];
  /** Names the cell's functions read through the scope because no cell had defined them, or through boxes (see bindCell). */
  late: string[];
  /** The top-level names of the cell's other declarations, shared as it starts, through a getter and setter of their own. */
  shared: string[];
  /** The earlier cells' names the body reads through boxes, in the order of the boxes after `__scope`. */
  boxes: { name: string; key: string }[];
}

/** The prefix of a box's parameter: `xs` of an earlier cell is `__nb_xs.<key>` in the body. */
export const BOX = "__nb_";

export interface Edit {
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
  if (namespace) parts.push(`const ${namespace} = __import(${from})`);
  if (props.length) parts.push(`const { ${props.join(", ")} } = __import(${from})`);
  if (!parts.length) parts.push(`__import(${from})`);
  const newlines = source.slice(node.start, node.end).split("\n").length - 1;
  return { edit: { start: node.start, end: node.end, text: `;${parts.join("; ")};${"\n".repeat(newlines)}` }, names };
}

/** Prepares one cell: types stripped, imports made declarations, its names and the names it uses found. */
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
  const held = namesInFunctions(program);
  const published: string[] = [];
  for (const node of program.body as AnyNode[]) {
    if (node.type === "VariableDeclaration" && node.kind !== "const") {
      const own = (node.declarations as AnyNode[]).flatMap((d) => patternNames(d.id));
      if (own.every((n) => !held.has(n))) {
        published.push(...own);
        if (node.kind === "let") edits.push({ start: node.start, end: node.start + 3, text: "var" });
      }
    }
    if (node.type === "ImportDeclaration") {
      const r = importEdit(node, js);
      edits.push(r.edit);
      names.push(...r.names);
    } else if (node.type === "ExportNamedDeclaration" && node.declaration) {
      edits.push({ start: node.start, end: node.declaration.start, text: "" });
      topLevelNames(node.declaration, names);
    } else if (node.type.startsWith("Export")) {
      const { line, column } = lineCol(js, node.start);
      throw new CellSyntaxError("cells do not export: their top-level names are already shared with the cells below", line, column);
    } else {
      topLevelNames(node, names);
    }
  }
  const defined = [...new Set(names)];
  const references = freeNames(program).filter((n) => !defined.includes(n));
  const prepared: PreparedCell = {
    body: "", names: defined, references, prologueLength: 0, js, rewrites: [], edits, refs: freeRefs(program), boxes: [],
    topLevelOnly: [...new Set(published)], published: [], late: [], shared: [],
  };
  return bindCell(prepared, () => null, () => true, () => false);
}

function topLevelNames(decl: AnyNode, names: string[]): void {
  if ((decl.type === "FunctionDeclaration" || decl.type === "ClassDeclaration") && decl.id) names.push(decl.id.name);
  else if (decl.type === "VariableDeclaration") for (const d of decl.declarations as AnyNode[]) patternNames(d.id, names);
}

/**
 * Writes the body for a notebook as it is now: a use of a name an earlier
 * cell shares (`boxKey(name)` is its box's key) reads the box; of a name
 * neither shared nor global (`isGlobal`), the notebook's scope if the name is
 * there when the code runs (a function may use a name a later cell defines),
 * else the name itself (a ReferenceError, as in JavaScript). `awaited(name)`:
 * whether a function of a cell that ran reads the name (through its box or
 * the scope), so that a new definition must reach it at once. Fills in body, rewrites,
 * prologueLength, boxes, published, shared and late, and returns the cell.
 */
export function bindCell(
  prepared: PreparedCell, boxKey: (name: string) => string | null, isGlobal: (name: string) => boolean, awaited: (name: string) => boolean,
): PreparedCell {
  const { js } = prepared;
  const edits: Edit[] = [...prepared.edits];
  const boxes = new Map<string, string>();
  const late = new Set<string>();
  prepared.published = prepared.topLevelOnly.filter((n) => !awaited(n));
  prepared.shared = prepared.names.filter((n) => !prepared.published.includes(n));
  for (const ref of prepared.refs) {
    const key = boxKey(ref.name);
    let text: string;
    if (key !== null) {
      boxes.set(ref.name, key);
      if (ref.inFunction) late.add(ref.name);
      text = `${BOX}${ref.name}.${key}`;
    } else if (!ref.written && !isGlobal(ref.name)) {
      text = `(${JSON.stringify(ref.name)} in __scope ? __scope.${ref.name} : ${ref.name})`;
      if (ref.inFunction) late.add(ref.name);
    } else continue;
    edits.push({ start: ref.start, end: ref.end, text: ref.shorthand ? `${ref.name}: ${text}` : text });
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  prepared.rewrites = edits
    .filter((e) => !js.slice(e.start, e.end).includes("\n") && !e.text.includes("\n"))
    .map((e) => ({ ...lineCol(js, e.start), removed: e.end - e.start, inserted: e.text.length }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  let body = js;
  for (const e of edits) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  const share = prepared.shared.map((n) => `__share(${JSON.stringify(n)}, () => ${n}, (v) => { ${n} = v; });`);
  const publish = prepared.published.map((n) => `__publish(${JSON.stringify(n)}, ${n});`);
  const head = `return async function () { try { ${share.join(" ")} `;
  prepared.body = `${head}${body}\n} finally { ${publish.join(" ")} } }`;
  prepared.prologueLength = head.length;
  prepared.boxes = [...boxes].map(([name, key]) => ({ name, key }));
  prepared.late = [...late];
  return prepared;
}
