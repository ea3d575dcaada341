/**
 * A reader's edits, kept in the browser per chapter and cell. With each edit
 * goes a fingerprint of the book's code it started from, so that when the
 * book's cell changes later the page can say so and offer a Reset.
 */

export interface SavedEdit {
  code: string;
  /** Fingerprint of the book's code when the edit was made. */
  original: string;
  savedAt: number;
}

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const KEY_PREFIX = "nnfs-cell:";

export function storageKey(chapter: string, index: number): string {
  return `${KEY_PREFIX}${chapter}:${index}`;
}

/** A short fingerprint of a text (FNV-1a, 32 bits, hex). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function loadEdit(storage: StorageLike | null, chapter: string, index: number): SavedEdit | null {
  try {
    const raw = storage?.getItem(storageKey(chapter, index));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SavedEdit>;
    if (typeof v.code !== "string" || typeof v.original !== "string") return null;
    return { code: v.code, original: v.original, savedAt: Number(v.savedAt) || 0 };
  } catch {
    return null;
  }
}

/**
 * Saves `code`, or forgets the edit when it equals the book's code. False when
 * storage refused (full, or the edit too large): then the older saved edit is
 * replaced by a mark that an edit was lost, so that a reload never shows an
 * older edit as if it were the latest (see lostEdit).
 */
export function saveEdit(storage: StorageLike | null, chapter: string, index: number, code: string, original: string): boolean {
  if (!storage) return false;
  const key = storageKey(chapter, index);
  try {
    if (code === original) storage.removeItem(key);
    else {
      const edit: SavedEdit = { code, original: fingerprint(original), savedAt: Date.now() };
      storage.setItem(key, JSON.stringify(edit));
    }
    return true;
  } catch {
    try {
      storage.setItem(key, JSON.stringify({ lost: true, savedAt: Date.now() }));
    } catch {
      forgetEdit(storage, chapter, index);
    }
    return false;
  }
}

/** Whether the last edit of this cell could not be saved (see saveEdit). */
export function lostEdit(storage: StorageLike | null, chapter: string, index: number): boolean {
  try {
    return JSON.parse(storage?.getItem(storageKey(chapter, index)) ?? "{}").lost === true;
  } catch {
    return false;
  }
}

/** Why an edit could not be saved, for the note under the cell. */
export function notSavedNote(code: string): string {
  const size = code.length >= 1e6 ? `${(code.length / 1e6).toFixed(1)} million characters` : `${code.length.toLocaleString("en")} characters`;
  return `Not saved: this edit (${size}) is more than this browser keeps for the book (about 5 million characters in all), or its storage is off. It stays here while the page is open; a reload shows the book's code. Copy it somewhere to keep it.`;
}

export function forgetEdit(storage: StorageLike | null, chapter: string, index: number): void {
  try {
    storage?.removeItem(storageKey(chapter, index));
  } catch {
    /* nothing to forget */
  }
}

/** Whether the book's code changed since the edit was saved. */
export function originalChanged(edit: SavedEdit, original: string): boolean {
  return edit.original !== fingerprint(original);
}

/** localStorage, or null where it is disabled. */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
