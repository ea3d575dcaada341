/**
 * Whether a value a Check used is still what it was: the book's notebook
 * keeps its results for the next Check only if the answer changed none of
 * them. Numbers, strings, arrays, typed arrays and the fields of objects
 * (a Matrix, a data set) are compared by content; functions are taken as
 * they are. A value too large to copy cheaply counts as changed.
 */

const BUDGET = 8_000_000;

/** Takes a copy of `value`; the returned function says whether `value` still matches it. */
export function snapshot(value: unknown): () => boolean {
  let left = BUDGET;
  const seen = new Map<object, unknown>();
  const copy = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (seen.has(v)) return seen.get(v);
    if (depth > 6) throw new RangeError("too deep");
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      left -= (v as unknown as ArrayLike<number>).length;
      if (left < 0) throw new RangeError("too large");
      const c = { view: v, data: (v as unknown as { slice(): unknown }).slice() };
      seen.set(v, c);
      return c;
    }
    const c: { obj: object; keys: [string, unknown][] } = { obj: v, keys: [] };
    seen.set(v, c);
    const keys = Object.keys(v);
    left -= keys.length;
    if (left < 0) throw new RangeError("too large");
    for (const k of keys) c.keys.push([k, copy((v as Record<string, unknown>)[k], depth + 1)]);
    return c;
  };
  let taken: unknown;
  try {
    taken = copy(value, 0);
  } catch {
    return () => false;
  }
  return () => same(value, taken, new Set());
}

function same(v: unknown, c: unknown, visited: Set<object>): boolean {
  if (v === null || typeof v !== "object") return Object.is(v, c);
  if (c === null || typeof c !== "object") return false;
  if (visited.has(v)) return true;
  visited.add(v);
  if ("view" in c && "data" in c) {
    const { view, data } = c as { view: unknown; data: ArrayLike<number> };
    if (view !== v) return false;
    const now = v as unknown as ArrayLike<number>;
    if (now.length !== data.length) return false;
    for (let i = 0; i < data.length; i++) if (!Object.is(now[i], data[i])) return false;
    return true;
  }
  const { obj, keys } = c as { obj: object; keys: [string, unknown][] };
  if (obj !== v) return false;
  const now = Object.keys(v);
  if (now.length !== keys.length) return false;
  return keys.every(([k, kc], i) => now[i] === k && same((v as Record<string, unknown>)[k], kc, visited));
}
