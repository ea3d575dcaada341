/**
 * What a cell defines and what it uses, read from its syntax tree without
 * running it (as marimo does): the page uses both to tell which cells a
 * re-run makes stale and which cells a cell needs.
 */
import type { Node } from "acorn";

export type AnyNode = Node & Record<string, any>;

/** The identifiers a binding pattern (`a`, `{ a, b: [c] }`, `...rest`) declares. */
export function patternNames(pattern: AnyNode, out: string[] = []): string[] {
  switch (pattern.type) {
    case "Identifier":
      out.push(pattern.name);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties) patternNames(p.type === "RestElement" ? p.argument : p.value, out);
      break;
    case "ArrayPattern":
      for (const e of pattern.elements) if (e) patternNames(e, out);
      break;
    case "RestElement":
      patternNames(pattern.argument, out);
      break;
    case "AssignmentPattern":
      patternNames(pattern.left, out);
      break;
  }
  return out;
}

/** Keys of a node that hold a name, not a use of one (unless computed). */
function isNameOnly(parent: AnyNode | null, key: string): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case "MemberExpression":
      return key === "property" && !parent.computed;
    case "Property":
    case "MethodDefinition":
    case "PropertyDefinition":
      return key === "key" && !parent.computed && !(parent.type === "Property" && parent.shorthand);
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
      return key === "label";
    case "ImportSpecifier":
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier":
    case "MetaProperty":
      return true;
  }
  return false;
}

/** Every name bound anywhere in the tree: declarations, parameters, catch clauses, function and class names. */
function boundNames(node: AnyNode, out: Set<string>): void {
  walk(node, (n) => {
    if (n.type === "VariableDeclarator") for (const name of patternNames(n.id)) out.add(name);
    else if (n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression") {
      if (n.id) out.add(n.id.name);
      for (const p of n.params) for (const name of patternNames(p)) out.add(name);
    } else if (n.type === "ClassDeclaration" || n.type === "ClassExpression") {
      if (n.id) out.add(n.id.name);
    } else if (n.type === "CatchClause" && n.param) for (const name of patternNames(n.param)) out.add(name);
    else if (n.type.startsWith("Import") && n.local) out.add(n.local.name);
  });
}

function walk(node: AnyNode, visit: (n: AnyNode, parent: AnyNode | null, key: string) => void, parent: AnyNode | null = null, key = ""): void {
  visit(node, parent, key);
  for (const k of Object.keys(node)) {
    const v = node[k];
    if (Array.isArray(v)) for (const c of v) c && typeof c.type === "string" && walk(c, visit, node, k);
    else if (v && typeof v === "object" && typeof v.type === "string") walk(v, visit, node, k);
  }
}

/**
 * The names a program uses but binds nowhere itself: what it needs from the
 * cells above (or from the global scope). A name bound anywhere in the cell,
 * even in an inner function, counts as the cell's own, so the list errs on
 * the side of fewer names.
 */
export function freeNames(program: AnyNode): string[] {
  const bound = new Set<string>();
  boundNames(program, bound);
  const used = new Set<string>();
  walk(program, (n, parent, key) => {
    if (n.type === "Identifier" && !isNameOnly(parent, key) && !bound.has(n.name)) used.add(n.name);
  });
  return [...used];
}
