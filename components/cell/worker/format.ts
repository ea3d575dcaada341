/**
 * Turns the values a cell logs into text, the same way in the page's worker
 * and in the Node tests, so the output printed under a cell in the book is
 * byte for byte what Run shows.
 */

const MAX_ITEMS = 100;
const MAX_DEPTH = 4;

/** The shortest decimal that reads back as the same float32 (0.2, not 0.20000000298023224). */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return formatNumber(x);
  for (let p = 1; p <= 9; p++) {
    const s = Number(x.toPrecision(p));
    if (Math.fround(s) === x) return formatNumber(s);
  }
  return formatNumber(x);
}

export function formatNumber(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

function hasOwnToString(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (!proto || proto === Object.prototype || proto === Array.prototype) return false;
  if (value instanceof Date || value instanceof Error || value instanceof RegExp) return false;
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, "toString")) return true;
  }
  return false;
}

function items(list: ArrayLike<unknown>, fmt: (v: unknown) => string): string[] {
  const out: string[] = [];
  const n = Math.min(list.length, MAX_ITEMS);
  for (let i = 0; i < n; i++) out.push(fmt(list[i]));
  if (list.length > MAX_ITEMS) out.push(`… ${list.length - MAX_ITEMS} more`);
  return out;
}

/** One value as text; strings are quoted when nested inside another value. */
export function formatValue(value: unknown, nested = false, seen: Set<object> = new Set(), depth = 0): string {
  switch (typeof value) {
    case "string":
      return nested ? JSON.stringify(value) : value;
    case "number":
      return formatNumber(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return value.name ? `[Function ${value.name}]` : "[Function]";
  }
  if (value === null) return "null";
  const obj = value as object;
  if (seen.has(obj)) return "[Circular]";
  if (depth > MAX_DEPTH) return Array.isArray(obj) ? "[Array]" : "[Object]";
  seen.add(obj);
  try {
    const inner = (v: unknown) => formatValue(v, true, seen, depth + 1);
    if (obj instanceof Error) return obj.stack && !nested ? `${obj.name}: ${obj.message}` : `[${obj.name}: ${obj.message}]`;
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? "Invalid Date" : obj.toISOString();
    if (obj instanceof RegExp) return String(obj);
    if (Array.isArray(obj)) return `[${items(obj, inner).join(", ")}]`;
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const typed = obj as unknown as ArrayLike<number> & { constructor: { name: string } };
      const fmt = obj instanceof Float32Array ? (v: unknown) => formatFloat32(v as number) : inner;
      return `${typed.constructor.name}(${typed.length}) [${items(typed, fmt).join(", ")}]`;
    }
    if (obj instanceof Map) {
      const entries = [...obj.entries()].slice(0, MAX_ITEMS).map(([k, v]) => `${inner(k)} => ${inner(v)}`);
      return `Map(${obj.size}) {${entries.length ? ` ${entries.join(", ")} ` : ""}}`;
    }
    if (obj instanceof Set) return `Set(${obj.size}) {${obj.size ? ` ${items([...obj], inner).join(", ")} ` : ""}}`;
    if (obj instanceof Promise) return "Promise { … }";
    if (hasOwnToString(obj)) return String(obj);
    const keys = Object.keys(obj);
    const name = Object.getPrototypeOf(obj)?.constructor?.name;
    const prefix = name && name !== "Object" ? `${name} ` : "";
    if (keys.length === 0) return `${prefix}{}`;
    const shown = keys.slice(0, MAX_ITEMS).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inner((obj as Record<string, unknown>)[k])}`);
    if (keys.length > MAX_ITEMS) shown.push(`… ${keys.length - MAX_ITEMS} more`);
    return `${prefix}{ ${shown.join(", ")} }`;
  } finally {
    seen.delete(obj);
  }
}

/** A console.log line: arguments formatted and joined by spaces. */
export function formatArgs(args: unknown[]): string {
  return args.map((a) => formatValue(a)).join(" ");
}
