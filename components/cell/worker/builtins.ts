/**
 * Reader code shares JavaScript's built-ins with the worker's own code (the
 * transpiler, the formatter, the messaging). A cell that runs
 * `Array.prototype.map = null` would break every later Run. So the worker
 * notes the built-ins before any cell runs, and after each cell puts back
 * whatever the cell added to them or changed, naming it for the reader.
 */

type Snapshot = Map<PropertyKey, PropertyDescriptor>;

/** The objects the runtime relies on, by the name the reader knows them by. */
function targets(): [string, object][] {
  const g = globalThis as unknown as Record<string, { prototype?: object } | undefined>;
  const out: [string, object][] = [
    ["JSON", JSON],
    ["Math", Math],
    ["Reflect", Reflect],
    ["TypedArray.prototype", Object.getPrototypeOf(Uint8Array.prototype) as object],
  ];
  const classes = ["Object", "Array", "Function", "String", "Number", "Boolean", "Symbol", "Promise", "Map", "Set", "WeakMap", "WeakSet", "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "Date", "ArrayBuffer", "DataView", "Float32Array", "Float64Array", "Int32Array", "Uint8Array", "Uint8ClampedArray", "Iterator", "TextEncoder", "TextDecoder", "URL"];
  for (const name of classes) {
    const c = g[name];
    if (!c) continue;
    out.push([name, c]);
    if (c.prototype) out.push([`${name}.prototype`, c.prototype]);
  }
  return out;
}

function same(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;
}

export interface Builtins {
  /**
   * Puts back what changed since the snapshot. `repaired` names each change
   * (`Array.prototype.map`); `intact` is false when something could not be
   * put back (a frozen prototype), and only a new worker is clean again.
   */
  restore(): { repaired: string[]; intact: boolean };
}

/** Takes the snapshot (call before any reader code runs). */
export function snapshotBuiltins(): Builtins {
  const snaps = targets().map(([name, target]) => {
    const snap: Snapshot = new Map();
    for (const key of Reflect.ownKeys(target)) snap.set(key, Reflect.getOwnPropertyDescriptor(target, key)!);
    return { name, target, snap, extensible: Object.isExtensible(target) };
  });
  return {
    restore() {
      const repaired: string[] = [];
      let intact = true;
      for (const { name, target, snap, extensible } of snaps) {
        // A frozen or sealed object cannot be put back: it is named once, and only a new worker is clean.
        const locked = extensible && !Object.isExtensible(target);
        if (locked) {
          repaired.push(name);
          intact = false;
        }
        for (const key of Reflect.ownKeys(target)) {
          const before = snap.get(key);
          const now = Reflect.getOwnPropertyDescriptor(target, key)!;
          if (before && same(before, now)) continue;
          if (!locked) repaired.push(`${name}.${String(key)}`);
          const ok = before ? Reflect.defineProperty(target, key, before) : Reflect.deleteProperty(target, key);
          if (!ok) intact = false;
        }
        for (const [key, before] of snap) {
          if (Reflect.getOwnPropertyDescriptor(target, key)) continue;
          if (!locked) repaired.push(`${name}.${String(key)}`);
          if (!Reflect.defineProperty(target, key, before)) intact = false;
        }
      }
      return { repaired, intact };
    },
  };
}
