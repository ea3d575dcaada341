/**
 * Export and import of everything the book keeps for a reader in this
 * browser — progress, edited cells, the theme — as one JSON file, to move to
 * another computer or to hand work to a teacher. An import checks the whole
 * file first: a damaged or foreign file is refused with a clear error and
 * nothing changes.
 */
import { PROGRESS_KEY, validateProgress, type StorageLike } from "./store.ts";

export const BACKUP_FORMAT = "nnfs-book-backup";
/** Every key the book writes starts with this (nnfs-progress, nnfs-cell:…, nnfs-theme). */
export const BOOK_PREFIX = "nnfs-";
const CELL_PREFIX = "nnfs-cell:";
const THEME_KEY = "nnfs-theme";
/** "Predict, then run": the reader's answer to each question (components/predict/). */
const PREDICT_PREFIX = "nnfs-predict:";

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  /** The stored entries, key → value, as the book keeps them. */
  entries: Record<string, string>;
}

type KeyedStorage = StorageLike & Pick<Storage, "key" | "length">;

function bookKeys(storage: KeyedStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(BOOK_PREFIX)) keys.push(k);
  }
  return keys.sort();
}

export function exportBackup(storage: KeyedStorage, now = new Date()): Backup {
  const entries: Record<string, string> = {};
  for (const k of bookKeys(storage)) entries[k] = storage.getItem(k) ?? "";
  return { format: BACKUP_FORMAT, version: 1, exportedAt: now.toISOString(), entries };
}

/** The file name an export is saved as: nnfs-book-2026-12-02.json */
export const backupFileName = (now = new Date()): string => `nnfs-book-${now.toISOString().slice(0, 10)}.json`;

function checkEntry(key: string, value: string): void {
  if (key === PROGRESS_KEY) {
    validateProgress(JSON.parse(value));
  } else if (key.startsWith(CELL_PREFIX)) {
    if (!/^nnfs-cell:\d\d-[a-z0-9-]+:(exercise:)?\d+$/.test(key)) throw new Error(`"${key}" is not a cell of this book`);
    const edit = JSON.parse(value) as Record<string, unknown>;
    // An edit too large for the browser to keep is stored as a mark that it was lost.
    const lost = edit?.lost === true;
    if (!lost && (typeof edit?.code !== "string" || typeof edit.original !== "string")) throw new Error(`the edit of ${key.slice(CELL_PREFIX.length)} has no code`);
  } else if (key.startsWith(PREDICT_PREFIX)) {
    if (!/^nnfs-predict:\d\d-[a-z0-9-]+:[\w-]+$/.test(key)) throw new Error(`"${key}" is not a question of this book`);
    const p = JSON.parse(value) as Record<string, unknown>;
    if (!(p?.choice === null || Number.isInteger(p?.choice)) || typeof p.revealed !== "boolean") {
      throw new Error(`the prediction ${key.slice(PREDICT_PREFIX.length)} is damaged`);
    }
  } else if (key === THEME_KEY) {
    if (value !== "light" && value !== "dark") throw new Error(`the theme must be "light" or "dark", not ${JSON.stringify(value)}`);
  } else {
    throw new Error(`"${key}" is not something this book keeps`);
  }
}

/** Reads and checks a backup file's text; throws an Error that says what is wrong. */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("This file is not JSON: it may be damaged, or not a file the book exported.");
  }
  const d = data as Record<string, unknown> | null;
  if (!d || typeof d !== "object" || d.format !== BACKUP_FORMAT) {
    throw new Error("This is not a file the book exported (it has no \"format\": \"nnfs-book-backup\").");
  }
  if (d.version !== 1) throw new Error(`This file is version ${JSON.stringify(d.version)}; this book reads version 1.`);
  if (!d.entries || typeof d.entries !== "object" || Array.isArray(d.entries)) throw new Error("This file has no entries to import.");
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(d.entries as Record<string, unknown>)) {
    if (typeof value !== "string") throw new Error(`The entry "${key}" is damaged: its value is not text.`);
    try {
      checkEntry(key, value);
    } catch (e) {
      throw new Error(`The entry "${key}" is damaged: ${(e as Error).message}.`);
    }
    entries[key] = value;
  }
  return { format: BACKUP_FORMAT, version: 1, exportedAt: String(d.exportedAt ?? ""), entries };
}

export interface ImportSummary {
  chapters: number;
  edits: number;
}

/**
 * Replaces what the book keeps in `storage` with the backup's entries.
 * Checks everything before it touches anything; throws on a bad file.
 */
export function importBackup(storage: KeyedStorage, text: string): ImportSummary {
  const backup = parseBackup(text);
  for (const k of bookKeys(storage)) if (k !== THEME_KEY || THEME_KEY in backup.entries) storage.removeItem(k);
  for (const [k, v] of Object.entries(backup.entries)) storage.setItem(k, v);
  const progress = backup.entries[PROGRESS_KEY] ? validateProgress(JSON.parse(backup.entries[PROGRESS_KEY])) : null;
  return {
    chapters: progress ? Object.keys(progress.chapters).length : 0,
    edits: Object.keys(backup.entries).filter((k) => k.startsWith(CELL_PREFIX)).length,
  };
}
