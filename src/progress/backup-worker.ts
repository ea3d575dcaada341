/**
 * Reads and checks a backup file off the page's thread: a file of tens of
 * megabytes takes seconds to parse and check, and the page must not freeze
 * meanwhile (src/progress/backup.ts does the work; backup-view.ts asks).
 */
import { parseBackup, type Backup, type BookContents } from "./backup.ts";

export type ToBackupWorker = { file: Blob; book: BookContents };
export type FromBackupWorker = { backup: Backup } | { error: string };

const scope = self as unknown as { postMessage(m: FromBackupWorker): void; onmessage: ((e: MessageEvent<ToBackupWorker>) => void) | null };

scope.onmessage = async (e) => {
  try {
    scope.postMessage({ backup: parseBackup(await e.data.file.text(), e.data.book) });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : "the file could not be read" });
  }
};
