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

const isFunction = (n: AnyNode) => n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression";

/** The names declared in a scope's own code (not inside the functions it holds, but their names). */
function declared(scope: AnyNode, out: Set<string>): void {
  walk(scope, (n) => {
    if (n.type === "VariableDeclarator") for (const name of patternNames(n.id)) out.add(name);
    else if ((n.type === "FunctionDeclaration" || n.type === "ClassDeclaration") && n.id) out.add(n.id.name);
    else if (n.type === "CatchClause" && n.param) for (const name of patternNames(n.param)) out.add(name);
    else if (n.type.startsWith("Import") && n.local) out.add(n.local.name);
  }, null, "", (n) => n !== scope && isFunction(n));
}

/** Visits every node below `node`; `skip(n)` keeps the walk out of n's children (n itself is visited). */
function walk(node: AnyNode, visit: (n: AnyNode, parent: AnyNode | null, key: string) => void, parent: AnyNode | null = null, key = "", skip: (n: AnyNode) => boolean = () => false): void {
  visit(node, parent, key);
  if (skip(node)) return;
  for (const k of Object.keys(node)) {
    const v = node[k];
    if (Array.isArray(v)) for (const c of v) c && typeof c.type === "string" && walk(c, visit, node, k, skip);
    else if (v && typeof v === "object" && typeof v.type === "string") walk(v, visit, node, k, skip);
  }
}

/** A use of a name the program does not bind (see freeRefs): where it is and how it is written. */
export interface FreeRef {
  name: string;
  start: number;
  end: number;
  /** Written as a shorthand property (`{ x }`): a rewrite must spell out `x: …`. */
  shorthand: boolean;
  /** Assigned to (`x = …`, `x++`, a destructuring target), or the operand of `typeof`. */
  written: boolean;
  /** Inside a function (which may run later, while another cell runs), not at the top level. */
  inFunction: boolean;
}

// The identifiers a destructuring or assignment target writes to, by their start.
function targetStarts(pattern: AnyNode, out: Set<number>): void {
  if (!pattern) return;
  if (pattern.type === "Identifier") out.add(pattern.start);
  else if (pattern.type === "ObjectPattern") for (const p of pattern.properties) targetStarts(p.type === "RestElement" ? p.argument : p.value, out);
  else if (pattern.type === "ArrayPattern") for (const e of pattern.elements) targetStarts(e, out);
  else if (pattern.type === "RestElement") targetStarts(pattern.argument, out);
  else if (pattern.type === "AssignmentPattern") targetStarts(pattern.left, out);
}

/**
 * Every use of a name the program does not bind where it is used (the names
 * of freeNames, each with its place), in source order: what the notebook
 * rewrites to reach the names earlier cells share.
 */
export function freeRefs(program: AnyNode): FreeRef[] {
  const written = new Set<number>();
  const shorthand = new Set<number>();
  walk(program, (n) => {
    if (n.type === "AssignmentExpression") targetStarts(n.left, written);
    else if (n.type === "UpdateExpression") targetStarts(n.argument, written);
    else if ((n.type === "ForInStatement" || n.type === "ForOfStatement") && n.left.type !== "VariableDeclaration") targetStarts(n.left, written);
    else if (n.type === "UnaryExpression" && n.operator === "typeof") targetStarts(n.argument, written);
    else if (n.type === "Property" && n.shorthand) shorthand.add(n.key.start);
  });
  const refs = new Map<number, FreeRef>();
  const visitScope = (scope: AnyNode, outer: ReadonlySet<string>) => {
    const bound = new Set(outer);
    declared(scope, bound);
    if (isFunction(scope)) {
      if (scope.id) bound.add(scope.id.name);
      for (const p of scope.params) for (const name of patternNames(p)) bound.add(name);
    }
    walk(scope, (n, parent, key) => {
      if (n !== scope && isFunction(n)) visitScope(n, bound);
      else if (n.type === "Identifier" && !isNameOnly(parent, key) && !bound.has(n.name) && !refs.has(n.start)) {
        refs.set(n.start, { name: n.name, start: n.start, end: n.end, shorthand: shorthand.has(n.start), written: written.has(n.start), inFunction: scope !== program });
      }
    }, null, "", (n) => n !== scope && isFunction(n));
  };
  visitScope(program, new Set());
  return [...refs.values()].sort((a, b) => a.start - b.start);
}

/** Every name written inside a function of the program (at any depth): the top-level names a closure may hold on to. */
export function namesInFunctions(program: AnyNode): Set<string> {
  const names = new Set<string>();
  walk(program, (n) => {
    if (n !== program && isFunction(n)) walk(n, (m) => m.type === "Identifier" && names.add(m.name));
  }, null, "", (n) => n !== program && isFunction(n));
  return names;
}

/**
 * The names a program uses that it does not bind where they are used: what it
 * needs from the cells above (or from the global scope). Each function is a
 * scope of its own (its parameters and declarations); blocks are not told
 * apart from the function or program that holds them, so a name declared in
 * any block of a scope counts as bound in all of it.
 */
export function freeNames(program: AnyNode): string[] {
  const used = new Set<string>();
  const visitScope = (scope: AnyNode, outer: ReadonlySet<string>) => {
    const bound = new Set(outer);
    declared(scope, bound);
    if (isFunction(scope)) {
      if (scope.id) bound.add(scope.id.name);
      for (const p of scope.params) for (const name of patternNames(p)) bound.add(name);
    }
    walk(scope, (n, parent, key) => {
      if (n !== scope && isFunction(n)) visitScope(n, bound);
      else if (n.type === "Identifier" && !isNameOnly(parent, key) && !bound.has(n.name)) used.add(n.name);
    }, null, "", (n) => n !== scope && isFunction(n));
  };
  visitScope(program, new Set());
  return [...used];
}
