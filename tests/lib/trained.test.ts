import { afterEach, describe, expect, test } from "vitest";
import { Dense, Matrix, ReLU, Sequential, Softmax, TRAINED_HOST, packTrained, trainedNetwork, unpackTrained } from "nnfs";
import { TRAINED_KEY as PAGE_KEY, storedTrained } from "../../components/cell/page/trained.ts";
import { TRAINED_KEY } from "../../components/islands/shared/trained-store.ts";

const net = () => new Sequential([new Dense(4, 3, { seed: 1 }), new ReLU(), new Dense(3, 2, { seed: 2 }), new Softmax()]);
const host = globalThis as Record<symbol, unknown>;
afterEach(() => delete host[TRAINED_HOST]);

describe("packTrained and unpackTrained", () => {
  test("a network comes back bit for bit, with how it was trained", () => {
    const model = net();
    const back = unpackTrained(packTrained({ model: model.toJSON(), about: "test run", testAccuracy: 0.5 }));
    expect(back.about).toBe("test run");
    expect(back.testAccuracy).toBe(0.5);
    const X = Matrix.from([[0.1, 0.2, 0.3, 0.4]]); // [1, 4]
    expect(Array.from(back.network.forward(X).data)).toEqual(Array.from(model.forward(X).data));
  });

  test("the validation accuracy travels with it (the trainer keeps the better network by it); NaN when not given", () => {
    const model = net().toJSON();
    expect(unpackTrained(packTrained({ model, about: "run", testAccuracy: 0.5, validationAccuracy: 0.75 })).validationAccuracy).toBe(0.75);
    expect(unpackTrained(packTrained({ model, about: "run", testAccuracy: 0.5 })).validationAccuracy).toBeNaN();
  });

  test("text that is not a packed network is refused, saying so", () => {
    expect(() => unpackTrained('{"format":"nnfs-sequential","layers":[]}')).toThrow(/not a stored network/);
  });
});

describe("trainedNetwork", () => {
  test("without a host (Node, a downloaded chapter file) it says there is none and what to do", () => {
    expect(() => trainedNetwork()).toThrow("trainedNetwork: no trained network yet: press Train in chapter 10");
  });

  test("a host with no network: the same error", () => {
    host[TRAINED_HOST] = () => null;
    expect(() => trainedNetwork()).toThrow(/no trained network yet/);
  });

  test("with a host, the host's network, new on every call, with its description", () => {
    const model = net();
    host[TRAINED_HOST] = () => packTrained({ model: model.toJSON(), about: "SGD, lr 0.2", testAccuracy: 0.9 });
    const a = trainedNetwork();
    const b = trainedNetwork();
    expect(a).not.toBe(b);
    expect(a.about).toBe("SGD, lr 0.2");
    const X = Matrix.from([[1, 0, 0, 1]]); // [1, 4]
    expect(a.predict(X)).toEqual(model.predict(X));
  });

  test("a damaged kept network: a clear error, not NaN answers", () => {
    host[TRAINED_HOST] = () => '{"format":"nnfs-trained","layers":[{"type":"dense","nIn":2,"nOut":1,"W":"AAAA","b":"AAAA"}]}';
    expect(() => trainedNetwork()).toThrow(/^trainedNetwork: the kept network cannot be read \(.+\); press Train in chapter 10 again$/);
  });
});

describe("the page's side", () => {
  test("reads the trainer's key, and nothing when storage is refused", () => {
    expect(PAGE_KEY).toBe(TRAINED_KEY);
    expect(storedTrained({ getItem: (k) => (k === TRAINED_KEY ? "text" : null) })).toBe("text");
    expect(storedTrained({ getItem: () => { throw new Error("SecurityError"); } })).toBeNull();
    expect(storedTrained(null)).toBeNull();
  });
});
