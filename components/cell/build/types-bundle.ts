/**
 * A Vite plugin that gives the language service's worker its files as one
 * module, `virtual:nnfs-cell-types`: TypeScript's lib files for ES2023 and
 * nnfs's declarations, emitted from lib/ when the site is built.
 */
import { fileURLToPath } from "node:url";
import { cellTypeFiles } from "../types/type-files.ts";

const ID = "virtual:nnfs-cell-types";
const LIB_INDEX = fileURLToPath(new URL("../../../lib/index.ts", import.meta.url));

export function cellTypesBundle() {
  return {
    name: "nnfs-cell-types",
    resolveId: (id: string) => (id === ID ? `\0${ID}` : null),
    load: (id: string) => (id === `\0${ID}` ? `export const files = ${JSON.stringify(cellTypeFiles(LIB_INDEX))};` : null),
  };
}
