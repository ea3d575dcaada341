/**
 * The names a cell takes from the library by `import { … } from "nnfs"`:
 * a Check that needs only such a name gets it from the library itself,
 * without running the cell that imports it (which may train a network).
 */
import { parse } from "acorn";
import type { AnyNode } from "./analyse.ts";

export interface Imported {
  /** The module (`nnfs`) and the export's name there; `*` for a namespace import. */
  module: string;
  name: string;
}

/** The cell's imports by local name, read from its JavaScript (types stripped). */
export function importedNames(js: string): Record<string, Imported> {
  const out: Record<string, Imported> = {};
  let program: AnyNode;
  try {
    program = parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true }) as AnyNode;
  } catch {
    return out;
  }
  for (const node of program.body as AnyNode[]) {
    if (node.type !== "ImportDeclaration") continue;
    const module = String(node.source.value);
    for (const s of node.specifiers as AnyNode[]) {
      const name = s.type === "ImportNamespaceSpecifier" ? "*" : s.type === "ImportDefaultSpecifier" ? "default" : s.imported.type === "Identifier" ? s.imported.name : String(s.imported.value);
      out[s.local.name] = { module, name };
    }
  }
  return out;
}

/** The value an import gives, from the modules a cell may import; undefined when there is none. */
export function importedValue(modules: Record<string, unknown>, imported: Imported): unknown {
  const m = modules[imported.module] as Record<string, unknown> | undefined;
  if (!m) return undefined;
  return imported.name === "*" ? m : m[imported.name];
}
