import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { CHOICES, DEFAULTS, FULL_PRESET, type Settings } from "../../../components/islands/trainer/settings.ts";
import { SHARE_PREFIX, settingsFromHash, shareHash } from "../../../components/islands/trainer/share.ts";

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
});
