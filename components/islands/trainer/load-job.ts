/**
 * Loading a network file, as the worker does it: read and check the file
 * (model-file.ts), run the network on a few test digits, measure it on all of
 * them, and pack it for keeping. Any failure throws an Error in the words of
 * a load, and the page keeps what it had. No worker here, so the tests run it
 * in Node on the same data.
 */
import { Matrix, evaluate, type Mnist } from "nnfs";
import { checkAnswers, PROBE_DIGITS, readModelFile } from "./model-file.ts";
import { testReport } from "./run.ts";
import { pack } from "../shared/trained-store.ts";
import type { TestReport } from "./protocol.ts";
import type { DataChoice, Settings } from "./settings.ts";

export function loadJob(text: string, mnist: Mnist): { packed: string; about: string; settings: Settings | null; test: TestReport; validation: number } {
  const { network, model, about, settings } = readModelFile(text);
  const n = Math.min(PROBE_DIGITS, mnist.test.X.rows);
  const cols = mnist.test.X.cols;
  checkAnswers(network, new Matrix(n, cols, mnist.test.X.data.slice(0, n * cols))); // [n, 784]
  const test = testReport(network, mnist.test);
  const validation = evaluate(network, mnist.validation.X, mnist.validation.y).accuracy; // what the keep rule compares
  return { packed: pack({ model, about, testAccuracy: test.accuracy, validationAccuracy: validation }), about, settings, test, validation };
}

/**
 * The digits a saved network was trained on, read from its about line (the
 * trainer writes "all of MNIST" there, settings.ts): its test digits are that
 * set's. The quick set's digits all come from MNIST's training digits, so a
 * network trained on all of MNIST is measured on the official test digits.
 * Only the file's end is read: the about line is its last field.
 */
export function trainedOn(text: string): DataChoice {
  const m = /"about"\s*:\s*("(?:[^"\\]|\\.){0,4000}")\s*}\s*$/.exec(text.slice(-8000));
  let about: unknown = "";
  try {
    about = m ? JSON.parse(m[1]) : "";
  } catch {
    about = "";
  }
  return typeof about === "string" && about.includes("all of MNIST") ? "full" : "small";
}
