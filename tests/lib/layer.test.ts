// layer.ts holds only types; what they promise is checked on the layers that have them.
import { expect, test } from "vitest";
import { Dense, Dropout, type Layer, type LayerJSON, type Param, ReLU, Sequential, Softmax } from "nnfs";

const layers: Layer[] = [new Dense(3, 2), new ReLU(), new Dropout(0.5), new Softmax()];

test("every layer has a name, forward, backward, params and toJSON; only Dropout has a training switch", () => {
  for (const layer of layers) {
    expect(typeof layer.name).toBe("string");
    for (const method of ["forward", "backward", "params", "toJSON"] as const) expect(typeof layer[method]).toBe("function");
  }
  expect(layers.map((l) => "training" in l)).toEqual([false, false, true, false]);
});

test("a Param pairs a value with a gradient of the same shape, and says whether L2 applies", () => {
  const params: Param[] = new Dense(3, 2).params();
  expect(params.map((p) => [p.name, p.value.shape, p.grad.shape, p.decay])).toEqual([
    ["W", [3, 2], [3, 2], true],
    ["b", [1, 2], [1, 2], false],
  ]);
});

test("LayerJSON round-trips through Sequential", () => {
  const json: LayerJSON[] = new Sequential(layers).toJSON().layers;
  expect(json.map((l) => l.type)).toEqual(["dense", "relu", "dropout", "softmax"]);
  expect(Sequential.fromJSON(JSON.stringify(new Sequential(layers))).toJSON().layers).toEqual(json);
});
