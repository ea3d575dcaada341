import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { CHOICES, DEFAULTS, epochChoices, FULL_PRESET, type Settings } from "../../../components/islands/trainer/settings.ts";
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

  test("a link to a stopped run's finished epochs (11 of 15) fills in an Epochs menu that shows 11", () => {
    const stopped: Settings = { ...DEFAULTS, epochs: 11 };
    const linked = settingsFromHash(shareHash(stopped))!;
    expect(linked).toEqual(stopped);
    // The menu gets 11 as an option of its own, in its place among the usual values, so it is not blank.
    expect(epochChoices(linked.epochs)).toEqual([1, 2, 3, 4, 5, 6, 8, 10, 11, 15, 20, 30]);
    expect(epochChoices(10)).toEqual(CHOICES.epochs);
    // Any whole number of epochs a run can stop at, 1 to the menu's last, comes back and is shown.
    for (let epochs = 1; epochs <= CHOICES.epochs.at(-1)!; epochs++) {
      const s = settingsFromHash(shareHash({ ...DEFAULTS, epochs }))!;
      expect(s.epochs).toBe(epochs);
      expect(epochChoices(s.epochs)).toContain(epochs);
    }
  });

  test("a link holding a value the menus cannot show is refused, naming it, rather than leaving a menu blank", () => {
    expect(() => settingsFromHash(`${SHARE_PREFIX}epochs=31`)).toThrow("trainer settings: epochs is 31; the Epochs menu offers 1 to 30");
    expect(() => settingsFromHash(`${SHARE_PREFIX}hidden=1000`)).toThrow("trainer settings: hidden is 1000; the Hidden neurons menu offers 16, 32, 64, 128, 256, 512, 800");
    expect(() => settingsFromHash(`${SHARE_PREFIX}seed=5000`)).toThrow("trainer settings: seed is 5000; the Seed field takes 0 to 999");
    expect(epochChoices(31)).toEqual(CHOICES.epochs);
  });

  test("a network stopped after 11 epochs, saved and loaded back, is the page's own: the menus show it and the link replays it", () => {
    const stopped: Settings = { ...DEFAULTS, epochs: 11, hidden: 16 };
    expect(afterLoading(stopped)).toMatchObject({ settings: stopped, blocked: null });
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
