/**
 * What the reader types or picks in the trainer's choices, read strictly: a
 * value the menus do not offer (a page edited in the browser's tools) or a
 * seed outside 0–999 is refused with a sentence naming it, never taken as
 * `undefined` or silently ignored.
 */
import { quote } from "../shared/quote.ts";

export type Read<T> = { value: T } | { error: string };

/** The offered value whose text is `raw`, or an error naming `raw` and the choices. */
export function readChoice<T>(label: string, raw: string, values: readonly T[]): Read<T> {
  const value = values.find((v) => String(v) === raw);
  if (value !== undefined) return { value };
  return { error: `${label}: ${quote(raw)} is not one of the choices (${values.map(String).join(", ")}), so it was not taken.` };
}

/** The seed field's text as a seed (a whole number from 0 to 999), or an error naming what was typed. */
export function readSeed(raw: string, current: number): Read<number> {
  const trimmed = raw.trim();
  const v = Number(trimmed);
  if (trimmed !== "" && Number.isInteger(v) && v >= 0 && v <= 999) return { value: v };
  return { error: `Seed: ${quote(trimmed)} is not a whole number from 0 to 999, so the seed stays ${current}.` };
}
