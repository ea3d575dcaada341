import { describe, expect, test } from "vitest";
import { MemoryStorage } from "../../memory-storage.ts";
import { Matrix, Sequential } from "nnfs";
import { forgetTrained, keepTrained, pack, readTrained, TRAINED_KEY, unpack } from "../../../../components/islands/shared/trained-store.ts";
import { FILE_NAME, modelFile, readModelFile } from "../../../../components/islands/trainer/model-file.ts";
import { DEFAULTS, buildModel, checkSettings, describeSettings } from "../../../../components/islands/trainer/settings.ts";


const model = buildModel({ ...DEFAULTS, hidden: 16 });
const X = Matrix.from(Array.from({ length: 5 }, (_, i) => Array.from({ length: 784 }, (_, p) => ((p * 7 + i * 13) % 17) / 16)));
const trained = { model: model.toJSON(), about: describeSettings(DEFAULTS), testAccuracy: 0.95 };

describe("keeping the trained network", () => {
  test("pack and unpack give back the weights bit for bit", () => {
    const back = unpack(pack(trained));
    expect(back.model).toEqual(trained.model);
    expect(back.about).toBe("SGD, lr 0.2, batch 32, 10 epochs, 128 hidden, seed 1");
    expect(back.network.forward(X).data).toEqual(model.forward(X).data);
    expect(pack(trained).length).toBeLessThan(JSON.stringify(trained.model).length / 2);
  });

  test("kept in storage under its key, read back, forgotten", () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(readTrained(storage)).toBeNull();
    expect(keepTrained(pack(trained), storage)).toBe(true);
    expect(storage.getItem(TRAINED_KEY)).toMatch(/^\{"format":"nnfs-trained"/);
    expect(readTrained(storage)!.network.predict(X)).toEqual(model.predict(X));
    forgetTrained(storage);
    expect(readTrained(storage)).toBeNull();
  });

  test("full storage: not kept, no throw; damaged storage: forgotten", () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(keepTrained(pack(trained), storage as unknown as Storage)).toBe(false);
    storage.full = false;
    storage.setItem(TRAINED_KEY, '{"format":"nnfs-trained","layers":[{"type":"dense","nIn":2,"nOut":1,"W":"AAAA","b":"AAAA"}]}');
    expect(readTrained(storage as unknown as Storage)).toBeNull();
    expect(storage.getItem(TRAINED_KEY)).toBeNull();
  });
});

describe("the network as a file", () => {
  test("saving and loading round-trips the same predictions", () => {
    const text = modelFile(model.toJSON(), "SGD, 10 epochs");
    const { network, about } = readModelFile(text);
    expect(about).toBe("SGD, 10 epochs");
    expect(network.predict(X)).toEqual(model.predict(X));
    expect(network.forward(X).data).toEqual(model.forward(X).data);
    expect(FILE_NAME).toMatch(/\.json$/);
  });

  test.each([
    ["not JSON", "{ this is not json", /not JSON/],
    ["another JSON file", '{"name": "package"}', /not a network saved by the book: .*nnfs-sequential/],
    ["a cut-off file", modelFile(model.toJSON(), "x").slice(0, 5000), /not JSON/],
    ["weights missing", JSON.stringify({ ...model.toJSON(), layers: [{ type: "dense", nIn: 784, nOut: 10, W: [1, 2], b: [] }] }), /W must have nIn·nOut values/],
    ["a damaged weight", modelFile(model.toJSON(), "x").replace(/"W":\[[^,]+/, '"W":["oops"'), /not a network saved by the book: .*(finite|NaN|not a number)/],
    ["the wrong shape", JSON.stringify(new Sequential([buildModel(DEFAULTS).layers[2]]).toJSON()), /takes 128 inputs and gives 10 outputs/],
  ])("%s: a clear error", (_, text, message) => {
    expect(() => readModelFile(text)).toThrow(message);
  });
});

describe("settings", () => {
  test("defaults fill what is missing; a bad value is named", () => {
    expect(checkSettings({ epochs: 3 })).toEqual({ ...DEFAULTS, epochs: 3 });
    expect(() => checkSettings({ batchSize: 0 })).toThrow(/batchSize is 0/);
    expect(() => checkSettings({ hidden: 2.5 })).toThrow(/hidden is 2.5/);
    expect(() => checkSettings({ shift: "yes" as never })).toThrow(/shift is "yes"/);
  });

  test("a description names what differs from plain training", () => {
    expect(describeSettings({ ...DEFAULTS, optimizer: "momentum", lr: 0.01, shift: true, weightDecay: 1e-4, lrDecay: 0.9 }))
      .toBe("SGD with momentum, lr 0.01, batch 32, 10 epochs, 128 hidden, seed 1, lr ×0.9 per epoch, L2 0.0001, shifted digits");
  });
});
