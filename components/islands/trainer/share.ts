/**
 * A run as a link: the trainer's settings, seed included, in the part of the
 * address after "#" ("#train?lr=0.2&batch=32&…"), as TensorFlow Playground
 * keeps its state in the address. The same settings train the same curves,
 * so the link replays a run; opening it only fills in the choices, and
 * training starts when the reader presses Train. Pure: the island reads and
 * writes `location`.
 */
import { checkSettings, DEFAULTS, describeSettings, offTheMenus, onTheMenus, type Settings } from "./settings.ts";

/** What a trainer link's hash starts with. */
export const SHARE_PREFIX = "#train?";

/** Each setting's short name in the link. */
const KEYS: Record<keyof Settings, string> = {
  lr: "lr", batchSize: "batch", epochs: "epochs", hidden: "hidden", optimizer: "opt",
  seed: "seed", shift: "shift", weightDecay: "l2", lrDecay: "decay", data: "data",
};

/** The hash that holds `s`: every setting, so that a later change of the defaults cannot change the run. */
export function shareHash(s: Settings): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(KEYS) as (keyof Settings)[]) {
    const v = s[key];
    params.set(KEYS[key], typeof v === "boolean" ? (v ? "1" : "0") : String(v));
  }
  return SHARE_PREFIX + params.toString();
}

/**
 * The settings a hash holds, or null if it is not a trainer link. A link
 * whose values are out of range throws, naming the setting (checkSettings),
 * and so does one holding a value the menus cannot show (a blank menu would
 * hide what Train then does); a stopped run's finished epochs (11) are shown
 * (settings.ts `epochChoices`).
 */
export function settingsFromHash(hash: string): Settings | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(SHARE_PREFIX.length));
  const read: Record<string, unknown> = {};
  for (const key of Object.keys(KEYS) as (keyof Settings)[]) {
    const raw = params.get(KEYS[key]);
    if (raw === null) continue;
    const kind = typeof DEFAULTS[key];
    read[key] = kind === "boolean" ? raw === "1" : kind === "number" ? Number(raw) : raw;
  }
  const settings = checkSettings(read as Partial<Settings>);
  const off = offTheMenus(settings);
  if (off) throw new RangeError(`trainer settings: ${off}`);
  return settings;
}

/**
 * What the trainer shows after a network file is loaded, so that what sits
 * next to the network is true of it. `recorded`: the settings the file
 * records (model-file.ts), or null. When the menus can show them, they
 * become the choices (`settings`) and the link replays the loaded network's
 * training; otherwise the choices stay as they were, `note` says they are not
 * the loaded network's, and `blocked` (the same sentence) refuses the link
 * until the next run.
 */
export function afterLoading(recorded: Settings | null): { settings: Settings | null; note: string; blocked: string | null } {
  if (recorded && onTheMenus(recorded)) {
    return { settings: recorded, note: "The choices above are the loaded network's, as its file records them: Link to this run replays its training.", blocked: null };
  }
  const why = recorded
    ? `The loaded network was trained with settings the menus do not offer (${describeSettings(recorded)})`
    : "The loaded network's file does not say how it was trained";
  const note = `${why}, so the choices above are not its, and there is no link to its run.`;
  return { settings: null, note, blocked: note };
}

/** The run on screen: the settings it started with (or a loaded file's), and those that train its network again (a stopped run's finished epochs, settings.ts `trainedSettings`). */
export interface ShownRun {
  started: Settings;
  trained: Settings;
}

/**
 * What "Link to this run" gives, so that it is true of what the page shows.
 * With a run on screen the link replays its network (`trained`), whatever
 * the menus say now; when the menus differ from what the run started with,
 * the button is named for the run shown and `note` says what the link
 * replays. With no run shown (before the first, after Reset) it is a link to
 * the menus, named so. `blocked`: a loaded network whose settings are not
 * known is shown, and the link is refused (its reason is said beside it).
 */
export function linkFor(menus: Settings, run: ShownRun | null, blocked = false): { settings: Settings; label: string; note: string | null } {
  if (blocked) return { settings: menus, label: "Link to this run", note: null };
  if (!run) return { settings: menus, label: "Link to these choices", note: null };
  if (shareHash(run.started) === shareHash(menus)) return { settings: run.trained, label: "Link to this run", note: null };
  const note = `The choices have changed since the run shown: its link replays that run (${describeSettings(run.trained)}), not them.`;
  return { settings: run.trained, label: "Link to the run shown", note };
}
