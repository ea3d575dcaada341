/**
 * Where the page finds the reader's trained network for the cells: the
 * trainer keeps it in local storage under this key (components/islands/shared/
 * trained-store.ts, which a test keeps in step). The text goes to the cell worker
 * as it is; `trainedNetwork()` in lib/ unpacks it there.
 */
import type { StorageLike } from "./storage.ts";

/** The trainer's local-storage key (the same as components/islands/shared/trained-store.ts's `TRAINED_KEY`). */
export const TRAINED_KEY = "nnfs:trained-digits";

/** The stored network's text, or null when there is none or storage is refused. */
export function storedTrained(storage: Pick<StorageLike, "getItem"> | null = pageStorage()): string | null {
  try {
    return storage?.getItem(TRAINED_KEY) ?? null;
  } catch {
    return null;
  }
}

function pageStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
