/**
 * Which digits the trainer learns from: the quick 10,000, or all of MNIST
 * (downloaded, 11 MB, the first time Train is pressed with it), and the
 * preset "All of MNIST, best settings" (settings.ts's `FULL_PRESET`).
 */
import { CHOICES, DATA_NAMES, FULL_PRESET, type DataChoice as Data, type Settings } from "./settings.ts";

interface Props {
  settings: Settings;
  change: (next: Partial<Settings>) => void;
  busy: boolean;
  compare: boolean;
}

export default function DataChoice({ settings, change, busy, compare }: Props) {
  return (
    <div class="tr-data" role="group" aria-label="Training data">
      <label class="tr-field">
        <span>Digits</span>
        <select
          value={settings.data}
          disabled={busy}
          onChange={(e) => change({ data: (e.currentTarget as HTMLSelectElement).value as Data })}
        >
          {CHOICES.data.map((d) => (
            <option key={d} value={d}>{DATA_NAMES[d]}</option>
          ))}
        </select>
      </label>
      {!compare && (
        <button type="button" class="tr-preset" disabled={busy} onClick={() => change({ ...FULL_PRESET, seed: settings.seed })}>
          All of MNIST, best settings
        </button>
      )}
      {settings.data === "full" && <span class="tr-data-note">downloads 11 MB once, then kept for offline use</span>}
    </div>
  );
}
