/**
 * The editor's type checker: a TypeScript language service over a notebook
 * held in memory. The page sends a cell's chain (the cells above it, then
 * the cell) and asks for its problems, the type under the pointer, or
 * completions. Runs in its own worker (ls-worker.ts) and in the Node tests.
 */
import ts from "typescript";
import { cellCompilerOptions } from "./compiler-options.ts";
import { CELL_GLOBALS, CELL_GLOBALS_FILE } from "./globals.ts";
import { resolveIn } from "./resolve.ts";
import { unitText, type Unit } from "./notebook-files.ts";
import type { TypeCompletion, TypeHover, TypeProblem } from "../protocol.ts";

/** Where TypeScript's own lib files live in the virtual file system. */
export const TS_LIB_DIR = "/ts-lib";

const text = (parts: ts.SymbolDisplayPart[] | undefined) => ts.displayPartsToString(parts ?? []);
/** A name the footer imported reads as itself, not as `(alias) … import x`. */
const signature = (parts: ts.SymbolDisplayPart[] | undefined) => text(parts).replace(/^\(alias\) /, "").replace(/\nimport [\w$]+$/, "");

export class CellTypes {
  private readonly units = new Map<string, { code: string; text: string; version: number }>();
  private readonly fixed: Map<string, string>;
  readonly service: ts.LanguageService;

  /** `fixed`: TypeScript's lib files (under TS_LIB_DIR) and nnfs's declarations, by file name. */
  constructor(fixed: Record<string, string>) {
    this.fixed = new Map([...Object.entries(fixed), [CELL_GLOBALS_FILE, CELL_GLOBALS]]);
    const has = (f: string) => this.units.has(f) || this.fixed.has(f);
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: cellCompilerOptions,
      getScriptFileNames: () => [CELL_GLOBALS_FILE, ...this.units.keys()],
      getScriptVersion: (f) => String(this.units.get(f)?.version ?? 0),
      getScriptSnapshot: (f) => {
        const t = this.units.get(f)?.text ?? this.fixed.get(f);
        return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
      },
      getCurrentDirectory: () => "/",
      getDefaultLibFileName: () => `${TS_LIB_DIR}/lib.d.ts`,
      fileExists: has,
      readFile: (f) => this.units.get(f)?.text ?? this.fixed.get(f),
      resolveModuleNameLiterals: resolveIn(has),
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  /** The notebook as the cell sees it: `chain` is the cells above it, then the cell. */
  set(chain: Unit[]): void {
    chain.forEach((u, i) => {
      const t = unitText(u, chain.slice(0, i));
      const old = this.units.get(u.file);
      if (old?.text !== t) this.units.set(u.file, { code: u.code, text: t, version: (old?.version ?? 0) + 1 });
    });
  }

  /** The cell's type problems, within its own code (the footer of notebook names is not the reader's). */
  problems(file: string): TypeProblem[] {
    const unit = this.units.get(file);
    if (!unit) return [];
    const source = this.service.getProgram()?.getSourceFile(file);
    const found = [...this.service.getSyntacticDiagnostics(file), ...this.service.getSemanticDiagnostics(file)];
    return found
      .filter((d) => d.start !== undefined && d.start < unit.code.length && source)
      .map((d) => {
        const from = d.start!;
        const { line, character } = source!.getLineAndCharacterOfPosition(from);
        return {
          from,
          to: Math.min(unit.code.length, from + (d.length ?? 0)),
          line: line + 1,
          column: character + 1,
          message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
          severity: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
        };
      });
  }

  hover(file: string, pos: number): TypeHover | null {
    const info = this.service.getQuickInfoAtPosition(file, pos);
    if (!info) return null;
    const tags = (info.tags ?? []).map((t) => `@${t.name}${t.text ? ` ${text(t.text)}` : ""}`);
    return { from: info.textSpan.start, to: info.textSpan.start + info.textSpan.length, type: signature(info.displayParts), doc: [text(info.documentation), ...tags].filter(Boolean).join("\n\n") };
  }

  /** Completions at `pos`, those starting with the word before it first; the first `detailed` carry their signature. */
  completions(file: string, pos: number, detailed = 40): { from: number; options: TypeCompletion[] } | null {
    const unit = this.units.get(file);
    if (!unit) return null;
    const word = /[\w$]*$/.exec(unit.code.slice(0, pos))![0];
    const found = this.service.getCompletionsAtPosition(file, pos, { includeCompletionsForModuleExports: false });
    if (!found) return null;
    const lower = word.toLowerCase();
    const entries = found.entries.filter((e) => e.name.toLowerCase().startsWith(lower) && e.kind !== ts.ScriptElementKind.keyword).sort((a, b) => a.sortText.localeCompare(b.sortText) || a.name.localeCompare(b.name));
    const options = entries.slice(0, 200).map((e, i) => {
      const details = i < detailed ? this.service.getCompletionEntryDetails(file, pos, e.name, undefined, undefined, undefined, undefined) : undefined;
      return { label: e.name, kind: e.kind, detail: details ? signature(details.displayParts) : null };
    });
    return { from: pos - word.length, options };
  }
}
