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
    {
      name: "a weight given as a string",
      run: () => Sequential.fromJSON({ format: "nnfs-sequential", version: 1, layers: [{ type: "dense", nIn: 1, nOut: 2, W: [0.5, "0.25"], b: [0, 0] } as never] }),
      message: 'Sequential.fromJSON: layer 0 (dense): W[1] is "0.25", not a number',
    },
    {
      name: "a bias given as null",
      run: () => Sequential.fromJSON({ format: "nnfs-sequential", version: 1, layers: [{ type: "dense", nIn: 1, nOut: 2, W: [0.5, 1], b: [0, null] } as never] }),
      message: "Sequential.fromJSON: layer 0 (dense): b[1] is null, not a number",
    },
    {
      name: "a weight beyond float32",
      run: () => Sequential.fromJSON('{"format":"nnfs-sequential","version":1,"layers":[{"type":"dense","nIn":1,"nOut":1,"W":[1e39],"b":[0]}]}'),
      message: "W[0] is 1e+39, beyond what a float32 holds",
    },
  ])("$name", ({ run, message }) => {
    expect(run).toThrow(message);
  });

  test("a layer type of 5M characters is quoted in 200 of them", () => {
    const type = "x".repeat(5_000_000);
    let message = "";
    try {
      Sequential.fromJSON({ format: "nnfs-sequential", version: 1, layers: [{ type } as never] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/has unknown type "x+… \(5000002 characters in all\)$/);
    expect(message.length).toBeLessThan(400);
  });

  test("a Step layer works in a model", () => {
    const model = new Sequential([new Dense(4, 2, { seed: 4 }), new Step()]);
    for (const v of model.forward(X).data) expect([0, 1]).toContain(v);
  });
});
