/**
 * A notebook as TypeScript files: each cell (or exercise) is a module that
 * sees the names the cells above it defined. After its code, on lines of its
 * own (so the reader's lines and columns stay as they are), a footer imports
 * each name from the last unit above that declared it and exports the unit's
 * own names. A `let` or `var` becomes `declare var x: typeof import(…).x`, so
 * a later cell may still assign it, as the notebook allows.
 */
import ts from "typescript";

/** One piece of code in a notebook: a cell, an exercise's solution, or its checks. */
export interface Unit {
  /** Virtual file name, `/book/cell-3.ts`. */
  file: string;
  code: string;
}

export interface Declared {
  name: string;
  /** `let`/`var` are declared again (assignable) rather than imported. */
  assignable: boolean;
}

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

/** The top-level names a unit's code declares (values and types). */
export function declaredNames(code: string): Declared[] {
  const source = ts.createSourceFile("unit.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Declared[] = [];
  const add = (name: string, assignable = false) => {
    const seen = out.find((d) => d.name === name);
    if (seen) seen.assignable ||= assignable;
    else out.push({ name, assignable });
  };
  for (const st of source.statements) {
    if (ts.isVariableStatement(st)) {
      const assignable = !(st.declarationList.flags & ts.NodeFlags.Const);
      const names: string[] = [];
      for (const d of st.declarationList.declarations) bindingNames(d.name, names);
      names.forEach((n) => add(n, assignable));
    } else if (
      (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) &&
      st.name
    ) {
      add(st.name.text);
    } else if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) add(c.name.text);
      if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) add(c.namedBindings.name.text);
      else if (c.namedBindings) for (const el of c.namedBindings.elements) add(el.name.text);
    }
  }
  return out;
}

const moduleOf = (file: string) => "./" + file.slice(file.lastIndexOf("/") + 1).replace(/\.ts$/, ".js");

/**
 * The text of `unit` as a module that sees `above` (in order; a later unit's
 * name hides an earlier one's). The code comes first, unchanged.
 */
export function unitText(unit: Unit, above: Unit[], declared: (u: Unit) => Declared[] = (u) => declaredNames(u.code)): string {
  const own = declared(unit);
  const ownNames = new Set(own.map((d) => d.name));
  const from = new Map<string, { unit: Unit; assignable: boolean }>();
  for (const u of above) for (const d of declared(u)) from.set(d.name, { unit: u, assignable: d.assignable });
  const lines: string[] = [];
  const imports = new Map<string, string[]>();
  for (const [name, { unit: u, assignable }] of from) {
    if (ownNames.has(name)) continue;
    if (assignable) lines.push(`declare var ${name}: typeof import("${moduleOf(u.file)}").${name};`);
    else imports.set(u.file, [...(imports.get(u.file) ?? []), name]);
  }
  for (const [file, names] of imports) lines.push(`import { ${names.join(", ")} } from "${moduleOf(file)}";`);
  lines.push(`export { ${own.map((d) => d.name).join(", ")} };`);
  return `${unit.code}\n;\n${lines.join("\n")}\n`;
}

/** The line count of a unit's own code: a diagnostic on a later line is in the footer. */
export const codeLines = (code: string) => code.split("\n").length;
