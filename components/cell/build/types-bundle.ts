/**
 * A Vite plugin that gives the language service's worker its files as one
 * module, `virtual:nnfs-cell-types`: TypeScript's lib files for ES2023 and
 * nnfs's declarations, emitted from lib/ when the site is built.
 *
 * Emitting the declarations runs the TypeScript compiler over lib/ (a second
 * or so), and the module is asked for once per bundle that holds a language
 * service worker (nine in a build): it is made once and kept until a file
 * under lib/ changes (the dev server's watcher says so).
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { cellTypeFiles } from "../types/type-files.ts";

const ID = "virtual:nnfs-cell-types";
const LIB_INDEX = fileURLToPath(new URL("../../../lib/index.ts", import.meta.url));
const LIB_DIR = path.dirname(LIB_INDEX) + path.sep;

/** The module's code, made on first use (shared by every instance of the plugin). */
let code: string | null = null;

export function cellTypesBundle() {
  return {
    name: "nnfs-cell-types",
    resolveId: (id: string) => (id === ID ? `\0${ID}` : null),
    load: (id: string) => {
      if (id !== `\0${ID}`) return null;
      code ??= `export const files = ${JSON.stringify(cellTypeFiles(LIB_INDEX))};`;
      return code;
    },
    watchChange: (id: string) => {
      if (path.resolve(id).startsWith(LIB_DIR)) code = null;
    },
  };
}
