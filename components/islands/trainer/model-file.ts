/**
 * Chapter 11: a trained network as a file the reader downloads and loads
 * back. The file is `Sequential.toJSON()` (the library's own format) with a
 * line about how it was trained. Reading checks everything before anything
 * changes, and names what is wrong.
 */
import { Dense, Sequential, type ModelJSON } from "nnfs";

/** The suggested file name. */
export const FILE_NAME = "digits-network.json";

/** The file's text: the network as JSON, with how it was trained. */
export function modelFile(model: ModelJSON, about: string): string {
  return JSON.stringify({ ...model, about });
}

/**
 * The network in a file's text, ready to use; or an Error saying why the file
 * cannot be used (not JSON, not a saved network, wrong shape for digits,
 * damaged weights).
 */
export function readModelFile(text: string): { network: Sequential; model: ModelJSON; about: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`This file is not JSON, so not a saved network (${(e as Error).message}).`);
  }
  let network: Sequential;
  try {
    network = Sequential.fromJSON(data as ModelJSON);
  } catch (e) {
    throw new Error(`This file is not a network saved by the book: ${(e as Error).message}.`);
  }
  const dense = network.layers.filter((l): l is Dense => l instanceof Dense);
  if (dense.length === 0) throw new Error("This network has no dense layers, so it has nothing learned to load.");
  const nIn = dense[0].nIn;
  const nOut = dense[dense.length - 1].nOut;
  if (nIn !== 784 || nOut !== 10) {
    throw new Error(`This network takes ${nIn} inputs and gives ${nOut} outputs; a digit reader takes 784 pixels and gives 10 scores.`);
  }
  const about = typeof (data as { about?: unknown }).about === "string" ? (data as { about: string }).about : "a loaded network";
  return { network, model: network.toJSON(), about };
}
