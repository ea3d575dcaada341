/** The progress page's buttons: save everything the book keeps as a file, or open such a file (src/progress/backup.ts). */
import { backupFileName, exportBackup, importBackup } from "./backup.ts";
import { showProgress } from "./progress-view.ts";

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
    try {
      const { chapters, edits } = importBackup(localStorage, await file.text());
      showProgress();
      say(`Opened ${file.name}: progress in ${chapters} ${chapters === 1 ? "chapter" : "chapters"} and ${edits} edited ${edits === 1 ? "cell" : "cells"}.`, true);
    } catch (e) {
      say(`Nothing was changed. ${(e as Error).message}`, false);
    } finally {
      input.value = "";
    }
  });
}
