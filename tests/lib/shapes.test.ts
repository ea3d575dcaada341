/**
 * Shapes in the types (lib/shapes.ts and the signatures that use it), checked
 * the way a reader meets them: each case is a cell given to the editor's own
 * language service, with nnfs's declarations as the page's worker bundles them.
 * A mismatch must be a type error whose message names both sizes; correct
 * code must infer the shapes (compared exactly, with `Equal`); sizes known
 * only at run time (`number`) must still compile, leaving the check to run time.
 */
import { describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { CellTypes } from "../../components/cell/types/service.ts";
import { cellTypeFiles } from "../../components/cell/types/type-files.ts";
import { chapterUnits } from "../../components/cell/types/chapter-units.ts";
import { checkUnits } from "../../components/cell/types/check-units.ts";
import { libDeclarations } from "../../components/cell/types/lib-declarations.ts";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

const types = new CellTypes(cellTypeFiles(fileURLToPath(new URL("../../lib/index.ts", import.meta.url))));

const header = `import { Matrix, matmul, matmulTransA, matmulTransB, transpose, add, subtract, multiply, scale, map, addRow, sumRows,
  relu, softmax, Dense, ReLU, Sigmoid, Softmax, Dropout, Sequential, type Layer, type Mnist } from "nnfs";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
declare const n: number;
`;

let count = 0;
/** The messages of the type problems of `code`, as the editor would underline them. */
function problems(code: string): string[] {
  const file = `/book/shapes-${++count}.ts`;
  types.set([{ file, code: header + code }]);
  return types.problems(file).map((p) => p.message);
}

describe("a mismatch is a type error that names both sizes", () => {
  test.each([
    {
      name: "a product whose inner sizes differ",
      code: "matmul(Matrix.zeros(3, 4), Matrix.zeros(5, 2));",
      message: `Argument of type 'Matrix<5, 2>' is not assignable to parameter of type '"inner sizes differ: Matrix<3, 4> · Matrix<5, 2>"'.`,
    },
    {
      name: "a product in the wrong order",
      code: "const X = Matrix.zeros(32, 784);\nconst W = Matrix.zeros(784, 128);\nmatmul(W, X);",
      message: `Argument of type 'Matrix<32, 784>' is not assignable to parameter of type '"inner sizes differ: Matrix<784, 128> · Matrix<32, 784>"'.`,
    },
    {
      name: "a wrong transpose",
      code: "const x = Matrix.from([[1, 2, 3, 2.5]]);\nconst W = new Dense(4, 3).W;\nmatmul(x, transpose(W));",
      message: `Argument of type 'Matrix<3, 4>' is not assignable to parameter of type '"inner sizes differ: Matrix<1, 4> · Matrix<3, 4>"'.`,
    },
    {
      name: "Aᵀ·B whose rows differ",
      code: "matmulTransA(Matrix.zeros(5, 3), Matrix.zeros(4, 2));",
      message: `Argument of type 'Matrix<4, 2>' is not assignable to parameter of type '"inner sizes differ: Matrix<5, 3>ᵀ · Matrix<4, 2>"'.`,
    },
    {
      name: "A·Bᵀ whose columns differ",
      code: "matmulTransB(Matrix.zeros(5, 3), Matrix.zeros(2, 4));",
      message: `Argument of type 'Matrix<2, 4>' is not assignable to parameter of type '"inner sizes differ: Matrix<5, 3> · Matrix<2, 4>ᵀ"'.`,
    },
    {
      name: "dX = dZ·W without the transpose (chapter 9)",
      code: "const dZ = Matrix.zeros(32, 10);\nconst W = Matrix.zeros(128, 10);\nmatmul(dZ, W);",
      message: `Argument of type 'Matrix<128, 10>' is not assignable to parameter of type '"inner sizes differ: Matrix<32, 10> · Matrix<128, 10>"'.`,
    },
    {
      name: "an element-wise sum of two shapes",
      code: "add(Matrix.zeros(2, 3), Matrix.zeros(3, 2));",
      message: `Argument of type 'Matrix<3, 2>' is not assignable to parameter of type '"shapes differ: Matrix<2, 3> and Matrix<3, 2>"'.`,
    },
    {
      name: "biases of the wrong width",
      code: "addRow(Matrix.zeros(32, 10), Matrix.zeros(1, 12));",
      message: `Argument of type 'Matrix<1, 12>' is not assignable to parameter of type '"the row must be Matrix<1, 10>, not Matrix<1, 12>"'.`,
    },
    {
      name: "a column where the biases' row belongs",
      code: "addRow(Matrix.zeros(32, 10), Matrix.zeros(10, 1));",
      message: `Argument of type 'Matrix<10, 1>' is not assignable to parameter of type '"the row must be Matrix<1, 10>, not Matrix<10, 1>"'.`,
    },
    {
      name: "a batch of the wrong width for a layer",
      code: "new Dense(784, 128).forward(Matrix.zeros(32, 10));",
      message: "Argument of type 'Matrix<32, 10>' is not assignable to parameter of type 'readonly number[] | Matrix<number, 784>'.\n  Type 'Matrix<32, 10>' is not assignable to type 'Matrix<number, 784>'.\n    Type '10' is not assignable to type '784'.",
    },
    {
      name: "layers that do not chain",
      code: "new Sequential([new Dense(784, 128), new ReLU(), new Dense(64, 10)]);",
      message: `Type 'Dense<64, 10>' is not assignable to type '"layer 2, Dense(64→10), takes 64 inputs but the layer before gives 128"'.`,
    },
    {
      name: "layers that do not chain, with dropout between",
      code: "new Sequential([new Dense(784, 128), new ReLU(), new Dropout(0.2), new Dense(100, 10), new Softmax()]);",
      message: `Type 'Dense<100, 10>' is not assignable to type '"layer 3, Dense(100→10), takes 100 inputs but the layer before gives 128"'.`,
    },
    {
      name: "a batch of the wrong width for a network",
      code: "const model = new Sequential([new Dense(784, 128), new ReLU(), new Dense(128, 10)]);\nmodel.forward(Matrix.zeros(5, 100));",
      message: "Argument of type 'Matrix<5, 100>' is not assignable to parameter of type 'Matrix<5, 784>'.\n  Type '100' is not assignable to type '784'.",
    },
  ])("$name", ({ code, message }) => {
    expect(problems(code)).toEqual([message]);
  });

  test("a long network is checked without recursion: the mismatch at its end is found, and nothing is too deep", () => {
    const layers: string[] = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? "new Dense(16, 16)" : "new ReLU()"));
    expect(problems(`new Sequential([${layers.join(", ")}]);`)).toEqual([]);
    layers.push("new Dense(17, 10)");
    expect(problems(`new Sequential([${layers.join(", ")}]);`)).toEqual([
      `Type 'Dense<17, 10>' is not assignable to type '"layer 60, Dense(17→10), takes 17 inputs but the layer before gives 16"'.`,
    ]);
  });
});

describe("correct code infers the shapes", () => {
  test.each([
    { name: "Matrix.zeros", expr: "Matrix.zeros(3, 4)", type: "Matrix<3, 4>" },
    { name: "new Matrix", expr: "new Matrix(3, 4)", type: "Matrix<3, 4>" },
    { name: "Matrix.from, written out", expr: "Matrix.from([[1, 2, 3], [4, 5, 6]])", type: "Matrix<2, 3>" },
    { name: "a copy", expr: "Matrix.zeros(3, 4).clone()", type: "Matrix<3, 4>" },
    { name: "matmul", expr: "matmul(Matrix.zeros(3, 4), Matrix.zeros(4, 2))", type: "Matrix<3, 2>" },
    { name: "transpose", expr: "transpose(Matrix.zeros(3, 4))", type: "Matrix<4, 3>" },
    { name: "matmulTransA", expr: "matmulTransA(Matrix.zeros(5, 3), Matrix.zeros(5, 2))", type: "Matrix<3, 2>" },
    { name: "matmulTransB", expr: "matmulTransB(Matrix.zeros(5, 3), Matrix.zeros(2, 3))", type: "Matrix<5, 2>" },
    { name: "addRow", expr: "addRow(Matrix.zeros(32, 10), Matrix.zeros(1, 10))", type: "Matrix<32, 10>" },
    { name: "add", expr: "add(Matrix.zeros(2, 3), Matrix.zeros(2, 3))", type: "Matrix<2, 3>" },
    { name: "subtract", expr: "subtract(Matrix.zeros(2, 3), Matrix.zeros(2, 3))", type: "Matrix<2, 3>" },
    { name: "multiply", expr: "multiply(Matrix.zeros(2, 3), Matrix.zeros(2, 3))", type: "Matrix<2, 3>" },
    { name: "scale", expr: "scale(Matrix.zeros(2, 3), 2)", type: "Matrix<2, 3>" },
    { name: "map", expr: "map(Matrix.zeros(2, 3), Math.abs)", type: "Matrix<2, 3>" },
    { name: "sumRows", expr: "sumRows(Matrix.zeros(32, 10))", type: "Matrix<1, 10>" },
    { name: "relu and softmax keep the shape", expr: "softmax(relu(Matrix.zeros(32, 10)))", type: "Matrix<32, 10>" },
    { name: "a dense layer", expr: "new Dense(784, 128)", type: "Dense<784, 128>" },
    { name: "its weights and biases", expr: "[new Dense(784, 128).W, new Dense(784, 128).b] as const", type: "readonly [Matrix<784, 128>, Matrix<1, 128>]" },
    { name: "its forward pass on a batch", expr: "new Dense(784, 128).forward(Matrix.zeros(32, 784))", type: "Matrix<32, 128>" },
    { name: "its forward pass on one sample", expr: "new Dense(4, 3).forward([1, 2, 3, 2.5])", type: "number[]" },
    { name: "its backward pass", expr: "new Dense(784, 128).backward(Matrix.zeros(32, 128))", type: "Matrix<32, 784>" },
    { name: "Dense.from", expr: "Dense.from(Matrix.zeros(4, 3), Matrix.zeros(1, 3))", type: "Dense<4, 3>" },
    { name: "activation layers keep the shape", expr: "new Sigmoid().forward(new ReLU().forward(Matrix.zeros(32, 128)))", type: "Matrix<32, 128>" },
    { name: "their backward passes too", expr: "new Softmax().backward(Matrix.zeros(32, 10))", type: "Matrix<32, 10>" },
    { name: "dropout keeps the shape", expr: "new Dropout(0.2).forward(Matrix.zeros(32, 128))", type: "Matrix<32, 128>" },
    {
      name: "a network, and what its forward pass gives",
      expr: "new Sequential([new Dense(784, 128), new ReLU(), new Dense(128, 10), new Softmax()]).forward(Matrix.zeros(1000, 784))",
      type: "Matrix<1000, 10>",
    },
    { name: "the MNIST test images", expr: "({} as Mnist).test.X", type: "Matrix<1000, 784>" },
    { name: "the MNIST training images", expr: "({} as Mnist).train.X", type: "Matrix<8000, 784>" },
  ])("$name: $type", ({ expr, type }) => {
    expect(problems(`const value = ${expr};\nconst exact: Equal<typeof value, ${type}> = true;`)).toEqual([]);
  });

  test("the checks above can fail: a wrong shape is not Equal", () => {
    expect(problems("const value = Matrix.zeros(3, 4);\nconst exact: Equal<typeof value, Matrix<4, 3>> = true;")).toEqual(["Type 'true' is not assignable to type 'false'."]);
    expect(problems("const value = Matrix.zeros(3, 4);\nconst exact: Equal<typeof value, Matrix> = true;")).toEqual(["Type 'true' is not assignable to type 'false'."]);
  });

  test("hovering a matrix shows its shape", () => {
    const code = "declare const mnist: Mnist;\nconst X = mnist.test.X;";
    types.set([{ file: "/book/hover.ts", code: header + code }]);
    const at = (header + code).lastIndexOf("X =");
    expect(types.hover("/book/hover.ts", at)?.type).toBe("const X: Matrix<1000, 784>");
  });
});

describe("sizes known only at run time still compile, and the run checks them", () => {
  test.each([
    { name: "a product with a size in a variable", code: "const C = matmul(Matrix.zeros(3, n), Matrix.zeros(5, 2));" },
    { name: "matrices typed Matrix", code: "function f(A: Matrix, B: Matrix): Matrix { return add(matmul(A, transpose(B)), A); }" },
    { name: "a Matrix given where sizes are known, and back", code: "const M: Matrix = Matrix.zeros(3, 4);\nconst N: Matrix<3, 4> = M;\nconst P: Matrix = N;" },
    { name: "a variable given another shape", code: "let A = Matrix.zeros(3, 4);\nA = Matrix.zeros(n, n);" },
    { name: "a matrix from arrays in a variable", code: "const rows = [[1, 2], [3, 4]];\nconst C = matmul(Matrix.from(rows), Matrix.zeros(5, 2));" },
    { name: "a layer of a size in a variable", code: "new Dense(n, 10).forward(Matrix.zeros(2, 3));" },
    { name: "a network from a list of layers", code: "const layers: Layer[] = [new Dense(784, 128), new Dense(64, 10)];\nconst m: Sequential = new Sequential(layers);" },
    { name: "a network with a size in a variable", code: "new Sequential([new Dense(784, n), new ReLU(), new Dense(64, 10)]);" },
    { name: "layers in a loop", code: "const layers: Layer[] = [new Dense(4, 3), new ReLU()];\nlet A = Matrix.zeros(2, 4);\nfor (const layer of layers) A = layer.forward(A);" },
    { name: "a forward pass of a network typed Sequential", code: "function run(model: Sequential) { return model.forward(Matrix.zeros(5, 100)); }" },
  ])("$name", ({ code }) => {
    expect(problems(code)).toEqual([]);
  });
});

describe("what the chapters say the editor notices", () => {
  const chapter = (id: string) => {
    const found = chapterFiles("").find((c) => c.id.startsWith(id));
    if (!found) throw new Error(`no chapter ${id}`);
    return parseChapter(found.source);
  };
  /** The type problems of the chapter's cell `index` with `edit` applied, seeing the cells above as the book has them. */
  function edited(id: string, find: (code: string) => boolean, edit: (code: string) => string): string[] {
    const { cells } = chapter(id);
    const at = cells.findIndex((c) => find(c.code));
    expect(at).toBeGreaterThanOrEqual(0);
    const changed = cells.slice(0, at + 1).map((c, i) => (i === at ? { ...c, code: edit(c.code) } : c));
    const { units, files } = chapterUnits(changed, []);
    const nnfs = libDeclarations(fileURLToPath(new URL("../../lib/index.ts", import.meta.url)));
    const file = units[at].file;
    return (checkUnits(files, new Map([[file, units[at].code]]), nnfs).get(file) ?? []).map((p) => p.message);
  }

  test("chapter 3: B·A is underlined with both shapes (its cell is marked type-error)", () => {
    expect(edited("03", (c) => c.includes("matmul(B, A)"), (c) => c)).toEqual([
      `Argument of type 'Matrix<2, 4>' is not assignable to parameter of type '"inner sizes differ: Matrix<4, 3> · Matrix<2, 4>"'.`,
    ]);
  });

  test("chapter 6: new Dense(10, 16) in place of hidden2 is underlined, naming 10 and 16", () => {
    const model = (c: string) => c.includes("new Sequential([") && c.includes("hidden2, new Sigmoid()");
    expect(edited("06", model, (c) => c)).toEqual([]);
    expect(edited("06", model, (c) => c.replace("hidden2, new Sigmoid()", "new Dense(10, 16), new Sigmoid()"))).toEqual([
      `Type 'Dense<10, 16>' is not assignable to type '"layer 2, Dense(10→16), takes 10 inputs but the layer before gives 16"'.`,
    ]);
  });
});
