/** The trainer's choices: menus for the settings, the seed, and chapter 11's extras. */
import { CHOICES, epochChoices, OPTIMIZER_NAMES, SUGGESTED_LR, type OptimizerChoice, type Settings } from "./settings.ts";
import { shortNumber } from "./format.ts";
import { readChoice, readSeed } from "./choice-input.ts";
import { useState } from "preact/hooks";

interface Props {
  settings: Settings;
  change: (next: Partial<Settings>) => void;
  busy: boolean;
  compare: boolean;
  extras: boolean;
}

export default function Choices({ settings, change, busy, compare, extras }: Props) {
  // A value the choices do not offer, refused: said here until the next good choice.
  const [refused, setRefused] = useState<string | null>(null);
  const select = <K extends keyof Settings>(key: K, label: string, values: readonly Settings[K][], show: (v: Settings[K]) => string = String) => (
    <label class="tr-field">
      <span>{label}</span>
      <select
        value={String(settings[key])}
        disabled={busy}
        onChange={(e) => {
          const el = e.currentTarget as HTMLSelectElement;
          const read = readChoice(label, el.value, values);
          if ("error" in read) {
            setRefused(read.error);
            el.value = String(settings[key]);
            return;
          }
          const v = read.value;
          setRefused(null);
          change(key === "optimizer" ? { optimizer: v as OptimizerChoice, lr: SUGGESTED_LR[v as OptimizerChoice] } : { [key]: v });
        }}
      >
        {values.map((v) => (
          <option key={String(v)} value={String(v)}>{show(v)}</option>
        ))}
      </select>
    </label>
  );
  const own = !compare; // comparison rows choose these per run
  return (
    <div class="tr-choices" role="group" aria-label="Choices">
      {own && select("optimizer", "Optimizer", CHOICES.optimizer, (v) => OPTIMIZER_NAMES[v])}
      {own && select("lr", "Learning rate", CHOICES.lr, shortNumber)}
      {select("batchSize", "Batch size", CHOICES.batchSize)}
      {/* With the epochs a stopped run finished (11) as an option when the menus' values lack them. */}
      {select("epochs", "Epochs", epochChoices(settings.epochs))}
      {select("hidden", "Hidden neurons", CHOICES.hidden)}
      <label class="tr-field tr-seed">
        <span>Seed</span>
        <input
          type="number"
          min={0}
          max={999}
          step={1}
          value={settings.seed}
          disabled={busy}
          aria-invalid={refused?.startsWith("Seed") ? "true" : undefined}
          onChange={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            const read = readSeed(el.value, settings.seed);
            if ("error" in read) {
              setRefused(read.error);
              el.value = String(settings.seed);
            } else {
              setRefused(null);
              change({ seed: read.value });
            }
          }}
        />
      </label>
      {extras && own && select("weightDecay", "L2 (λ)", CHOICES.weightDecay, (v) => (v === 0 ? "none" : shortNumber(v)))}
      {extras && own && select("lrDecay", "Rate decay per epoch", CHOICES.lrDecay, (v) => (v === 1 ? "none" : `×${v}`))}
      {extras && own && (
        <label class="tr-check">
          <input type="checkbox" checked={settings.shift} disabled={busy} onChange={(e) => change({ shift: (e.currentTarget as HTMLInputElement).checked })} />
          Shift digits by up to a pixel
        </label>
      )}
      {refused && <p class="tr-error tr-refused" role="alert">{refused}</p>}
    </div>
  );
}
