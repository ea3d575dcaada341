/**
 * Saving the kept network as a file and loading one back. A file larger than
 * any saved network is refused by its size, unread; the rest goes to the
 * worker, which reads and checks it (load-job.ts) off the page's thread. A
 * file that cannot be used is refused with its reason and changes nothing; a
 * good one becomes the kept network and is measured.
 */
import { FILE_NAME, fileTooLarge, modelFile } from "./model-file.ts";
import { unpack } from "../shared/trained-store.ts";
import { clip } from "../shared/quote.ts";
import type { Kept } from "./use-kept.ts";

interface Props {
  kept: Kept | null;
  busy: boolean;
  /** A file was picked (and is not too large): the worker reads, checks and measures it; `name` is cut for messages. */
  load: (file: File, name: string) => void;
  /** Set when the trainer starts training or resets (a stale error goes). */
  error: string | null;
  setError: (message: string | null) => void;
}

function download(text: string, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export default function FileRow({ kept, busy, load, error, setError }: Props) {
  const save = () => kept && download(modelFile(unpack(kept.packed).model, kept.about), FILE_NAME);
  const pick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const refused = fileTooLarge(file.name, file.size);
    if (refused) setError(refused);
    else load(file, clip(file.name, 80));
  };
  return (
    <div class="tr-files">
      <button type="button" onClick={save} disabled={!kept || busy}>Save network</button>
      <label class="tr-load">
        <input type="file" accept=".json,application/json" disabled={busy} onChange={pick} class="tr-file-input" />
        <span>Load network…</span>
      </label>
      <span class="tr-kept">{kept ? `Kept: ${kept.about}.` : "No trained network yet."}</span>
      {error && <p class="tr-error" role="alert">{error}</p>}
    </div>
  );
}
