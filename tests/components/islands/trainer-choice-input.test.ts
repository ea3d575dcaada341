/** The trainer's choices read strictly (choice-input.ts), and forced settings named by their value (settings.ts). */
import { describe, expect, test } from "vitest";
import { readChoice, readSeed } from "../../../components/islands/trainer/choice-input.ts";
import { CHOICES, checkSettings } from "../../../components/islands/trainer/settings.ts";

describe("the choices, read strictly", () => {
  test("an offered value is taken", () => {
    expect(readChoice("Learning rate", "0.2", CHOICES.lr)).toEqual({ value: 0.2 });
    expect(readSeed(" 7 ", 1)).toEqual({ value: 7 });
    expect(readSeed("0", 1)).toEqual({ value: 0 });
  });

  test("a value forced into a menu is refused, named", () => {
    expect(readChoice("Learning rate", "7", CHOICES.lr)).toEqual({
      error: `Learning rate: "7" is not one of the choices (${CHOICES.lr.join(", ")}), so it was not taken.`,
    });
  });

  test.each(["-5", "2.5", "1000", "", "abc"])("a seed of %j is refused visibly, naming it", (raw) => {
    const read = readSeed(raw, 4);
    expect("error" in read && read.error).toBe(`Seed: ${JSON.stringify(raw)} is not a whole number from 0 to 999, so the seed stays 4.`);
  });
});

describe("forced settings are named by the value forced", () => {
  test.each([
    { forced: { lr: Number.NaN }, message: "lr is NaN" },
    { forced: { lr: "7" as unknown as number }, message: 'lr is "7"' },
    { forced: { lr: undefined }, message: "lr is missing" },
    { forced: { epochs: Infinity }, message: "epochs is Infinity" },
    { forced: { seed: -5 }, message: "seed is -5" },
    { forced: { optimizer: "x".repeat(1_000_000) as never }, message: "(1,000,000 characters in all)" },
  ])("$message", ({ forced, message }) => {
    expect(() => checkSettings(forced)).toThrow(message);
  });
});
