/**
 * Export and import of everything the book keeps for a reader in this
 * browser — progress, edited cells, the theme — as one JSON file, to move to
 * another computer or to hand work to a teacher. An import checks the whole
 * file first, against the book's chapters: a damaged or foreign file, an
 * unknown chapter or a cell the chapter does not have is refused with a clear
 * error and nothing changes. Then it writes all or nothing: when the browser
 * refuses a write (its storage is full), every key is put back as it was.
 */
import { clip, quote } from "../../components/islands/shared/quote.ts";
import { PROGRESS_KEY, validateProgress, type StorageLike } from "./store.ts";

export const BACKUP_FORMAT = "nnfs-book-backup";
/** Every key the book writes starts with this (nnfs-progress, nnfs-cell:…, nnfs-theme). */
export const BOOK_PREFIX = "nnfs-";
const CELL_PREFIX = "nnfs-cell:";
const THEME_KEY = "nnfs-theme";
/** "Predict, then run": the reader's answer to each question (components/predict/). */
const PREDICT_PREFIX = "nnfs-predict:";

/**
 * The most a site may keep in a browser's local storage, in characters of keys
 * and values: 5 MiB in Chromium (10 MiB of UTF-16), Firefox and Safari. An
 * import that would need more is refused before anything is written.
 */
export const STORAGE_LIMIT = 5 * 1024 * 1024;
/**
 * The largest backup file the page reads, in bytes. A real one is at most a few
 * megabytes (what the browser can keep, written out as JSON); a larger file is
 * refused by its size, before it is read.
 */
export const BACKUP_FILE_LIMIT = 32 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  /** The stored entries, key → value, as the book keeps them. */
  entries: Record<string, string>;
}

/** The book's chapters and how many cells and exercises each has: what a backup may speak of. */
export type BookContents = Record<string, { cells: number; exercises: number }>;

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

function knownChapter(id: string, book: BookContents | undefined): void {
  if (book && !Object.hasOwn(book, id)) throw new Error(`this book has no chapter ${quote(id)}`);
}

function inRange(what: "cell" | "exercise", index: number, id: string, book: BookContents | undefined): void {
  const total = book?.[id]?.[what === "cell" ? "cells" : "exercises"];
  if (total !== undefined && index >= total) {
    throw new Error(`chapter ${id} has ${total} ${what === "cell" ? "cells" : "exercises"}, so no ${what} ${index + 1}`);
  }
}

/** The progress record, checked field by field: no field the book does not write, no chapter or number the book does not have. */
function checkProgress(value: string, book: BookContents | undefined): void {
  const raw = JSON.parse(value) as Record<string, unknown>;
  const progress = validateProgress(raw);
  const extra = Object.keys(raw).filter((k) => k !== "version" && k !== "chapters");
  if (extra.length) throw new Error(`progress: ${quote(extra[0])} is not something the book writes`);
  for (const [id, c] of Object.entries(raw.chapters as Record<string, Record<string, unknown>>)) {
    const fields = Object.keys(c).filter((k) => k !== "ran" && k !== "solved");
    if (fields.length) throw new Error(`progress: chapter ${id} has ${quote(fields[0])}, which the book does not write (only "ran" and "solved")`);
    knownChapter(id, book);
    for (const i of progress.chapters[id].ran) inRange("cell", i, id, book);
    for (const i of progress.chapters[id].solved) inRange("exercise", i, id, book);
  }
}

function checkEntry(key: string, value: string, book: BookContents | undefined): void {
  if (key === PROGRESS_KEY) {
    checkProgress(value, book);
  } else if (key.startsWith(CELL_PREFIX)) {
    const m = /^nnfs-cell:(\d\d-[a-z0-9-]+):(exercise:)?(\d+)$/.exec(key);
    if (!m) throw new Error(`${quote(key)} is not a cell of this book`);
    knownChapter(m[1], book);
    inRange(m[2] ? "exercise" : "cell", Number(m[3]), m[1], book);
    const edit = JSON.parse(value) as Record<string, unknown>;
    // An edit too large for the browser to keep is stored as a mark that it was lost.
    const lost = edit?.lost === true;
    if (!lost && (typeof edit?.code !== "string" || typeof edit.original !== "string")) throw new Error(`the edit of ${key.slice(CELL_PREFIX.length)} has no code`);
  } else if (key.startsWith(PREDICT_PREFIX)) {
    const m = /^nnfs-predict:(\d\d-[a-z0-9-]+):[\w-]+$/.exec(key);
    if (!m) throw new Error(`${quote(key)} is not a question of this book`);
    knownChapter(m[1], book);
    const p = JSON.parse(value) as Record<string, unknown>;
    if (!(p?.choice === null || Number.isInteger(p?.choice)) || typeof p.revealed !== "boolean") {
      throw new Error(`the prediction ${key.slice(PREDICT_PREFIX.length)} is damaged`);
    }
  } else if (key === THEME_KEY) {
    if (value !== "light" && value !== "dark") throw new Error(`the theme must be "light" or "dark", not ${quote(value)}`);
  } else {
    throw new Error(`${quote(key)} is not something this book keeps`);
  }
}

/**
 * Reads and checks a backup file's text; throws an Error that says what is
 * wrong, quoting at most ~200 characters of any value. With `book`, every
 * chapter and cell number must be one the book has.
 */
export function parseBackup(text: string, book?: BookContents): Backup {
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
  if (d.version !== 1) throw new Error(`This file is version ${clip(String(JSON.stringify(d.version)))}; this book reads version 1.`);
  if (!d.entries || typeof d.entries !== "object" || Array.isArray(d.entries)) throw new Error("This file has no entries to import.");
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(d.entries as Record<string, unknown>)) {
    if (typeof value !== "string") throw new Error(`The entry ${quote(key)} is damaged: its value is not text.`);
    try {
      checkEntry(key, value, book);
    } catch (e) {
      throw new Error(`The entry ${quote(key)} is damaged: ${clip((e as Error).message, 400)}.`);
    }
    entries[key] = value;
  }
  return { format: BACKUP_FORMAT, version: 1, exportedAt: clip(String(d.exportedAt ?? ""), 40), entries };
}

/** Characters a set of entries takes in storage (keys and values, as browsers count them). */
const size = (entries: Iterable<[string, string]>): number => {
  let n = 0;
  for (const [k, v] of entries) n += k.length + v.length;
  return n;
};

/** What an import of `backup` would change: the keys it removes, and whether it fits. Touches nothing. */
export function planImport(storage: KeyedStorage, backup: Backup): { removes: string[]; needed: number; others: number } {
  const keepTheme = !(THEME_KEY in backup.entries);
  const removes = bookKeys(storage).filter((k) => !(k === THEME_KEY && keepTheme));
  const others: [string, string][] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null && !removes.includes(k)) others.push([k, storage.getItem(k) ?? ""]);
  }
  return { removes, needed: size(Object.entries(backup.entries)), others: size(others) };
}

/** An import that failed; `unchanged` says whether every key is as it was before. */
export class ImportError extends Error {
  readonly unchanged: boolean;
  constructor(message: string, unchanged = true) {
    super(message);
    this.unchanged = unchanged;
  }
}

export interface ImportSummary {
  chapters: number;
  edits: number;
}

/** A number of characters for people: "5.2 million characters". */
const chars = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} million characters` : `${n.toLocaleString("en-US")} characters`);

/**
 * Replaces what the book keeps in `storage` with the backup's entries, all or
 * nothing. Checks the file (see parseBackup) and its size against
 * STORAGE_LIMIT before it touches anything; if the browser still refuses a
 * write, puts every key back as it was and throws. Throws on a bad file.
 */
export function importBackup(storage: KeyedStorage, input: string | Backup, book?: BookContents): ImportSummary {
  const backup = typeof input === "string" ? parseBackup(input, book) : input;
  const { removes, needed, others } = planImport(storage, backup);
  if (needed + others > STORAGE_LIMIT) {
    throw new Error(
      `This file holds ${chars(needed)} of work; with the ${chars(others)} this site keeps besides, that is more than the ${chars(STORAGE_LIMIT)} a browser keeps for a site.`,
    );
  }
  const before = new Map(removes.map((k) => [k, storage.getItem(k)!] as const));
  const written: string[] = [];
  try {
    for (const k of removes) storage.removeItem(k);
    for (const [k, v] of Object.entries(backup.entries)) {
      written.push(k);
      storage.setItem(k, v);
    }
  } catch (e) {
    const reason = clip(String((e as Error)?.message ?? e));
    let lost = 0;
    for (const k of written) storage.removeItem(k);
    for (const [k, v] of before) {
      try {
        storage.setItem(k, v);
      } catch {
        lost++;
      }
    }
    if (lost) throw new ImportError(`The browser refused to keep this file (${reason}), and then to put back ${lost} of your ${before.size} entries.`, false);
    throw new ImportError(`The browser refused to keep this file's ${chars(needed)} (${reason}).`);
  }
  const progress = backup.entries[PROGRESS_KEY] ? validateProgress(JSON.parse(backup.entries[PROGRESS_KEY])) : null;
  return {
    chapters: progress ? Object.keys(progress.chapters).length : 0,
    edits: Object.keys(backup.entries).filter((k) => k.startsWith(CELL_PREFIX)).length,
  };
}

/** How much of the book's keeping an import of `backup` would erase without bringing anything back: asked about first. */
export function wouldErase(storage: KeyedStorage, backup: Backup): number {
  return Object.keys(backup.entries).length === 0 ? bookKeys(storage).filter((k) => k !== THEME_KEY).length : 0;
}
