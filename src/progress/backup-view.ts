/**
 * The progress page's buttons: save everything the book keeps as a file, or
 * open such a file (src/progress/backup.ts). A file larger than any the book
 * writes is refused by its size before it is read; the rest is read and
 * checked in a worker (backup-worker.ts), so the page never freezes; a file
 * that would erase the reader's work without bringing any back is asked about.
 */
import { BACKUP_FILE_LIMIT, ImportError, importBackup, wouldErase, type Backup, type BookContents } from "./backup.ts";
import type { FromBackupWorker, ToBackupWorker } from "./backup-worker.ts";
import { exportBackup, backupFileName } from "./backup.ts";
import { showProgress } from "./progress-view.ts";
import { clip } from "../../components/islands/shared/quote.ts";

/** The book's chapters with their numbers of cells and exercises, as the progress table lists them. */
function bookContents(): BookContents {
  const book: BookContents = {};
  for (const el of document.querySelectorAll<HTMLElement>("[data-progress][data-progress-show='cells']")) {
    book[el.dataset.progress!] = { cells: Number(el.dataset.cells) || 0, exercises: Number(el.dataset.exercises) || 0 };
  }
  return book;
}

/** Reads and checks `file` in a worker; rejects with the reason a file is refused. */
function readBackup(file: File, book: BookContents): Promise<Backup> {
  const worker = new Worker(new URL("./backup-worker.ts", import.meta.url), { type: "module", name: "nnfs-backup" });
  return new Promise<Backup>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromBackupWorker>) => ("backup" in e.data ? resolve(e.data.backup) : reject(new Error(e.data.error)));
    worker.onerror = (e) => reject(new Error(e.message || "the file could not be read"));
    worker.postMessage({ file, book } satisfies ToBackupWorker);
  }).finally(() => worker.terminate());
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function initBackup(): void {
  const status = document.querySelector<HTMLElement>("[data-backup-status]")!;
  const say = (text: string, ok: boolean) => {
    status.textContent = text;
    status.dataset.state = ok ? "ok" : "error";
  };
  document.querySelector("[data-backup-export]")?.addEventListener("click", () => {
    const backup = exportBackup(localStorage);
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = backupFileName();
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(`Saved ${a.download}: ${Object.keys(backup.entries).length} entries.`, true);
  });
  const input = document.querySelector<HTMLInputElement>("[data-backup-import]");
  input?.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const name = clip(file.name, 80);
    input.disabled = true;
    try {
      if (file.size > BACKUP_FILE_LIMIT) {
        throw new Error(`${name} is ${megabytes(file.size)}; a file the book saves is at most a few megabytes, and the page opens files up to ${megabytes(BACKUP_FILE_LIMIT)}.`);
      }
      say(`Reading ${name}…`, true);
      const backup = await readBackup(file, bookContents());
      const erased = wouldErase(localStorage, backup);
      if (erased && !confirm(`${name} holds no work at all. Opening it erases what this browser keeps for the book (${erased} ${erased === 1 ? "entry" : "entries"}: progress and edited cells). Erase it?`)) {
        say("Nothing was changed: you kept your work.", true);
        return;
      }
      const { chapters, edits } = importBackup(localStorage, backup);
      showProgress();
      say(`Opened ${name}: progress in ${chapters} ${chapters === 1 ? "chapter" : "chapters"} and ${edits} edited ${edits === 1 ? "cell" : "cells"}.`, true);
    } catch (e) {
      const unchanged = !(e instanceof ImportError) || e.unchanged;
      say(`${unchanged ? "Nothing was changed. " : ""}${clip((e as Error).message, 600)}`, false);
    } finally {
      input.value = "";
      input.disabled = false;
    }
  });
}
