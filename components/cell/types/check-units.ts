/**
 * Type-checks notebooks in Node with one TypeScript program: every unit is a
 * virtual file (see notebook-files.ts), `nnfs` is lib/'s declarations, and
 * TypeScript's own lib files come from disk. Used by the chapter tests.
 */
import ts from "typescript";
import { resolveIn } from "./resolve.ts";
import { CELL_GLOBALS, CELL_GLOBALS_FILE } from "./globals.ts";
import { cellCompilerOptions } from "./compiler-options.ts";
import { codeLines } from "./notebook-files.ts";

export interface TypeProblem {
  file: string;
  /** 1-based, in the unit's own code; `inFooter` when the line is past it (the notebook's names). */
  line: number;
  column: number;
  code: number;
  message: string;
  inFooter: boolean;
}

/**
 * `files` maps virtual file names to their text (units with footers); `codes`
 * maps each unit's file to its own code, whose problems are returned.
 */
export function checkUnits(files: Map<string, string>, codes: Map<string, string>, nnfs: Record<string, string>): Map<string, TypeProblem[]> {
  const options = cellCompilerOptions();
  const memory = new Map<string, string>([...files, ...Object.entries(nnfs), [CELL_GLOBALS_FILE, CELL_GLOBALS]]);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError) => {
    const text = memory.get(name);
    return text === undefined ? getSourceFile(name, lang, onError) : ts.createSourceFile(name, text, lang, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => memory.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => memory.get(name) ?? readFile(name);
  host.resolveModuleNameLiterals = resolveIn((f) => memory.has(f));
  const program = ts.createProgram([CELL_GLOBALS_FILE, ...files.keys()], options, host);
  const out = new Map<string, TypeProblem[]>();
  for (const [file, code] of codes) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`type check: ${file} is not part of the program`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    out.set(
      file,
      diagnostics.map((d) => {
        const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
        return { file, line: line + 1, column: character + 1, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, "\n"), inFooter: line + 1 > codeLines(code) };
      }),
    );
  }
  return out;
}
