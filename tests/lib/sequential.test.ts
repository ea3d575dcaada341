import { describe, expect, test } from "vitest";
import { Dense, Matrix, ReLU, Sequential, Sigmoid, Softmax, Step, argmax } from "nnfs";

const X = Matrix.from([[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]);

function makeModel(): Sequential {
  return new Sequential([
    new Dense(4, 5, { seed: 1 }), new ReLU(),
    new Dense(5, 3, { seed: 2 }), new Sigmoid(),
    new Dense(3, 3, { seed: 3 }), new Softmax(),
  ]);
}

describe("Sequential", () => {
  test("forward runs the layers in order", () => {
    const model = makeModel();
    let A = X;
    for (const layer of makeModel().layers) A = layer.forward(A);
    expect(model.forward(X).data).toEqual(A.data);
    expect(A.shape).toEqual([3, 3]);
  });

  test("predict is the argmax of each row of forward", () => {
    const model = makeModel();
    expect(model.predict(X)).toEqual(argmax(model.forward(X)));
  });

  test("save and load as JSON gives the same outputs", () => {
    const model = makeModel();
    const copy = Sequential.fromJSON(JSON.stringify(model));
    expect(copy.forward(X).data).toEqual(model.forward(X).data);
    expect(copy.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
  });

  test("toString lists layers and parameter counts", () => {
    const text = String(makeModel());
    expect(text).toContain("Dense(4→5)");
    expect(text).toContain(`${4 * 5 + 5} parameters`);
    expect(text).toContain(`total: ${4 * 5 + 5 + 5 * 3 + 3 + 3 * 3 + 3} parameters`);
  });

  test.each([
    { name: "empty", run: () => new Sequential([]), message: "Sequential: give a non-empty array of layers" },
    { name: "not a layer", run: () => new Sequential([{} as never]), message: "Sequential: layer 0 is not a layer" },
    {
      name: "sizes do not chain",
      // @ts-expect-error: the editor underlines it too; the run-time check is under test
      run: () => new Sequential([new Dense(4, 5), new ReLU(), new Dense(6, 2)]),
      message: "Sequential: layer 2, Dense(6→2), takes 6 inputs but the layer before gives 5",
    },
    { name: "wrong input width", run: () => makeModel().forward(Matrix.zeros(2, 3)), message: "Dense.forward: X is [2×3] but the layer has 4 inputs" },
    { name: "bad JSON", run: () => Sequential.fromJSON("{}"), message: "Sequential.fromJSON: not a saved model" },
    {
      name: "unknown layer in JSON",
      run: () => Sequential.fromJSON({ format: "nnfs-sequential", version: 1, layers: [{ type: "tanh" } as never] }),
      message: 'Sequential.fromJSON: layer 0 has unknown type "tanh"',
    },
  ])("$name", ({ run, message }) => {
    expect(run).toThrow(message);
  });

  test("a Step layer works in a model", () => {
    const model = new Sequential([new Dense(4, 2, { seed: 4 }), new Step()]);
    for (const v of model.forward(X).data) expect([0, 1]).toContain(v);
  });
});
