import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { CHOICES, DEFAULTS, FULL_PRESET, type Settings } from "../../../components/islands/trainer/settings.ts";
import { afterLoading, linkFor, SHARE_PREFIX, settingsFromHash, shareHash } from "../../../components/islands/trainer/share.ts";

describe("a run as a link", () => {
  test("the defaults and the preset come back from their links unchanged", () => {
    expect(shareHash(DEFAULTS)).toBe("#train?lr=0.2&batch=32&epochs=10&hidden=128&opt=sgd&seed=1&shift=0&l2=0&decay=1&data=small");
    expect(settingsFromHash(shareHash(DEFAULTS))).toEqual(DEFAULTS);
    expect(settingsFromHash(shareHash(FULL_PRESET))).toEqual(FULL_PRESET);
  });

  test("any settings the menus offer survive the trip", () => {
    const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
    const settings = fc.record<Settings>({
      lr: pick(CHOICES.lr), batchSize: pick(CHOICES.batchSize), epochs: pick(CHOICES.epochs), hidden: pick(CHOICES.hidden),
      optimizer: pick(CHOICES.optimizer), seed: fc.integer({ min: 0, max: 999 }), shift: fc.boolean(),
      weightDecay: pick(CHOICES.weightDecay), lrDecay: pick(CHOICES.lrDecay), data: pick(CHOICES.data),
    });
    fc.assert(fc.property(settings, (s) => {
      expect(settingsFromHash(shareHash(s))).toEqual(s);
    }));
  });

  test("another hash is not a link to a run; a missing setting takes its default", () => {
    expect(settingsFromHash("")).toBeNull();
    expect(settingsFromHash("#overfitting")).toBeNull();
    expect(settingsFromHash(`${SHARE_PREFIX}seed=7`)).toEqual({ ...DEFAULTS, seed: 7 });
  });

  test("a damaged link is refused, naming the setting", () => {
    expect(() => settingsFromHash(`${SHARE_PREFIX}lr=abc`)).toThrow("trainer settings: lr is NaN; it must be a number in (0, 10]");
    expect(() => settingsFromHash(`${SHARE_PREFIX}opt=rmsprop`)).toThrow('trainer settings: optimizer is "rmsprop"');
  });

  test("after a network file is loaded, the menus and the link are the loaded network's, or the link is refused", () => {
    // The file records how the network was trained (model-file.ts): the menus show it, and the link replays it.
    const s: Settings = { ...DEFAULTS, lr: 0.5, hidden: 64, epochs: 3, seed: 7 };
    const known = afterLoading(s);
    expect(known.settings).toEqual(s);
    expect(known.blocked).toBeNull();
    expect(known.note).toMatch(/^The choices above are the loaded network's/);
    // The file does not say, or says what the menus cannot show: no link, and the menus are not claimed.
    for (const recorded of [null, { ...DEFAULTS, hidden: 1024 }]) {
      const unknown = afterLoading(recorded);
      expect(unknown.settings).toBeNull();
      expect(unknown.blocked).toMatch(/no link to its run/);
      expect(unknown.note).toMatch(/the choices above are not its/);
    }
  });
});

describe("what the link describes", () => {
  const run: Settings = { ...DEFAULTS, hidden: 16, epochs: 3 };
  const shown = { started: run, trained: run };
  test("with a run shown, the link replays it whatever the menus say now, and says so when they differ", () => {
    expect(linkFor(run, shown)).toEqual({ settings: run, label: "Link to this run", note: null });
    const menus = { ...run, hidden: 64, lr: 0.5 };
    const link = linkFor(menus, shown);
    expect(link.settings).toEqual(run);
    expect(link.label).toBe("Link to the run shown");
    expect(link.note).toBe("The choices have changed since the run shown: its link replays that run (SGD, lr 0.2, batch 32, 3 epochs, 16 hidden, seed 1), not them.");
  });

  test("a run stopped early: the link replays the epochs it finished, and the menus, unchanged since it started, are not said to differ", () => {
    const stopped = { started: { ...run, epochs: 30 }, trained: run };
    expect(linkFor(stopped.started, stopped)).toEqual({ settings: run, label: "Link to this run", note: null });
    expect(linkFor({ ...stopped.started, hidden: 64 }, stopped).settings).toEqual(run);
  });

  test("with no run shown (before the first, or after Reset), the link is of the menus and named so", () => {
    expect(linkFor(run, null)).toEqual({ settings: run, label: "Link to these choices", note: null });
  });

  test("a loaded network whose settings are not known: the link (refused beside it) keeps its name", () => {
    expect(linkFor(run, null, true)).toMatchObject({ label: "Link to this run", note: null });
  });
});
