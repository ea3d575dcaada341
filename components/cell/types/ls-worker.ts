/**
 * The language service's worker: started by the page after the reader's
 * first edit, with TypeScript, its lib files and nnfs's declarations
 * bundled in (virtual:nnfs-cell-types, built by build/types-bundle.ts).
 * It answers ToTypes requests one at a time; nothing is fetched.
 */
import { files } from "virtual:nnfs-cell-types";
import { CellTypes } from "./service.ts";
import type { FromTypes, ToTypes } from "../protocol.ts";

const types = new CellTypes(files);

function answer(m: ToTypes): FromTypes {
  types.set(m.chain);
  if (m.ask === "problems") return { id: m.id, ask: "problems", problems: types.problems(m.file) };
  if (m.ask === "hover") return { id: m.id, ask: "hover", hover: types.hover(m.file, m.pos) };
  return { id: m.id, ask: "complete", completions: types.completions(m.file, m.pos) };
}

self.onmessage = (e: MessageEvent<ToTypes>) => {
  self.postMessage(answer(e.data));
};
