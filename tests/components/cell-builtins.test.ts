import { expect, test } from "vitest";
import { snapshotBuiltins } from "../../components/cell/worker/builtins.ts";

test("what a cell adds to or changes in the built-ins is put back and named", () => {
  const builtins = snapshotBuiltins();
  const map = Array.prototype.map;
  (Object.prototype as Record<string, unknown>).polluted = 1;
  (Array.prototype as unknown as Record<string, unknown>).map = null;
  delete (Math as unknown as Record<string, unknown>).max;
  const { repaired, intact } = builtins.restore();
  expect(repaired.sort()).toEqual(["Array.prototype.map", "Math.max", "Object.prototype.polluted"]);
  expect(intact).toBe(true);
  expect(Array.prototype.map).toBe(map);
  expect("polluted" in {}).toBe(false);
  expect(Math.max(1, 2)).toBe(2);
  expect(builtins.restore()).toEqual({ repaired: [], intact: true });
});
