/**
 * Saving the kept network as a file and loading one back. A file that
 * cannot be read is refused with its reason (model-file.ts) and changes
 * nothing; a good one becomes the kept network and is measured.
 */
import { useState } from "preact/hooks";
import type { ModelJSON } from "nnfs";
import { FILE_NAME, modelFile, readModelFile } from "./model-file.ts";
import { pack, unpack } from "../shared/trained-store.ts";
import type { Kept } from "./use-kept.ts";

interface Props {
  kept: Kept | null;
  busy: boolean;
  /** A file was read: keep its network (packed) and measure it. */
  loaded: (packed: string, about: string, model: ModelJSON) => void;
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

export default function FileRow({ kept, busy, loaded, error, setError }: Props) {
  const [reading, setReading] = useState(false);
  const save = () => kept && download(modelFile(unpack(kept.packed).model, kept.about), FILE_NAME);
  const load = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    setReading(true);
    try {
      const { model, about } = readModelFile(await file.text());
      setError(null);
      loaded(pack({ model, about, testAccuracy: NaN }), about, model);
    } catch (err) {
      setError(`${file.name}: ${(err as Error).message} Nothing was changed.`);
    } finally {
      setReading(false);
    }
  };
  return (
    <div class="tr-files">
      <button type="button" onClick={save} disabled={!kept || busy}>Save network</button>
      <label class="tr-load">
        <input type="file" accept=".json,application/json" disabled={busy || reading} onChange={load} class="tr-file-input" />
        <span>Load network…</span>
      </label>
      <span class="tr-kept">{kept ? `Kept: ${kept.about}.` : "No trained network yet."}</span>
      {error && <p class="tr-error" role="alert">{error}</p>}
    </div>
  );
}
