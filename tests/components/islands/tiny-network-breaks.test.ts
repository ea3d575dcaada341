import { describe, expect, test } from "vitest";
import { formulaPieces } from "../../../components/islands/tiny-network/formula-breaks.ts";
import { EXAMPLE, steps } from "../../../components/islands/tiny-network/tiny-network.ts";

describe("formulaPieces: where the step panel's formulas may break", () => {
  test.each([
    {
      formula: "Every weight and bias: w ← w − η·∂L/∂w, with η = 1; the new values are in the table",
      pieces: ["Every", "weight", "and", "bias:", "w ← w − η·∂L/∂w,", "with", "η = 1;", "the", "new", "values", "are", "in", "the", "table"],
    },
    {
      formula: "z₁ = 1.500·0.500 + (−0.700)·(−1.000) + (−0.100) = 1.350",
      pieces: ["z₁ =", "1.500·0.500", "+ (−0.700)·(−1.000)", "+ (−0.100)", "= 1.350"],
    },
    {
      formula: "∂L/∂v₁ = ∂L/∂z · h₁,  ∂L/∂v₂ = ∂L/∂z · h₂,  ∂L/∂c = ∂L/∂z",
      pieces: ["∂L/∂v₁ = ∂L/∂z", "· h₁,", "∂L/∂v₂ = ∂L/∂z", "· h₂,", "∂L/∂c = ∂L/∂z"],
    },
    { formula: "∂L/∂z₁ = ∂L/∂h₁ · h₁(1 − h₁)", pieces: ["∂L/∂z₁ = ∂L/∂h₁", "· h₁(1 − h₁)"] },
    {
      formula: "∂L/∂x₁ = ∂L/∂z₁ · w₁₁ + ∂L/∂z₂ · w₁₂ (two paths, added)",
      pieces: ["∂L/∂x₁ = ∂L/∂z₁", "· w₁₁", "+ ∂L/∂z₂", "· w₁₂", "(two", "paths,", "added)"],
    },
    { formula: "∂L/∂z = (−0.814)·0.593·0.407 = −0.196", pieces: ["∂L/∂z =", "(−0.814)·0.593·0.407", "= −0.196"] },
    { formula: "L = 0.1655 → 0.1001", pieces: ["L = 0.1655", "→ 0.1001"] },
    { formula: "h₁ = σ(z₁)", pieces: ["h₁ = σ(z₁)"] },
  ])("$formula", ({ formula, pieces }) => {
    expect(formulaPieces(formula)).toEqual(pieces);
  });

  const all = steps(EXAMPLE).flatMap((s) => [s.formula, s.numbers]);

  test.each(all)("“%s”: the pieces give the formula back", (formula) => {
    expect(formulaPieces(formula).join(" ")).toBe(formula.replace(/ {2,}/g, " "));
  });

  test.each(all)("“%s”: no line ends on an operator or a slash, or starts with ← or −", (formula) => {
    for (const piece of formulaPieces(formula)) {
      expect(piece).not.toMatch(/ [←−·+]$|\/$|\($/);
      expect(piece).not.toMatch(/^[←−)]/);
    }
  });
});
