/**
 * What an exercise's Check needs of the book, worked out from names as a
 * reactive notebook does (Observable, marimo): a name the answer or its checks
 * use comes from the last cell above that defines it, and that cell needs,
 * in turn, the cells defining the names it uses. Only those run, with the
 * book's code, so a Check depends on the reader's answer alone and never on
 * a slow cell it does not use.
 */

/** What one cell defines at its top level and uses without defining. */
export interface CellNames {
  defines: readonly string[];
  references: readonly string[];
  /** Of `defines`, the names the cell only imports from the library: they need no run of the cell. */
  imports?: readonly string[];
}

/** What a Check needs: the cells to run (0-based, in order), and the names to take from the library instead, with the cell importing each. */
export interface Needs {
  cells: number[];
  imports: { name: string; cell: number }[];
}

/**
 * The cells (0-based, in book order) that code using `uses` needs, when it
 * sits after the cells `0 … before−1`: the transitive closure over "uses a
 * name that this cell is the last one above to define".
 *
 * @example
 * neededCells([{ defines: ["f"], references: [] }, { defines: ["g"], references: ["f"] }, { defines: ["h"], references: [] }], ["g"]);
 * // → [0, 1]
 */
export function neededCells(cells: readonly CellNames[], uses: readonly string[], before = cells.length): number[] {
  return needs(cells, uses, before).cells;
}

/**
 * As neededCells, but a name whose last definition above is an import from
 * the library is taken from the library: that cell runs only if something
 * else it defines is needed.
 *
 * @example
 * needs([{ defines: ["Dense", "net"], references: [], imports: ["Dense"] }], ["Dense"]);
 * // → { cells: [], imports: [{ name: "Dense", cell: 0 }] }
 */
export function needs(cells: readonly CellNames[], uses: readonly string[], before = cells.length): Needs {
  const imports = new Map<string, number>();
  const needed = new Set<number>();
  const work: { name: string; at: number }[] = uses.map((name) => ({ name, at: Math.min(before, cells.length) }));
  const seen = new Set<string>();
  while (work.length) {
    const { name, at } = work.pop()!;
    const key = `${at}:${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let from = -1;
    for (let j = at - 1; j >= 0; j--) {
      if (cells[j].defines.includes(name)) {
        from = j;
        break;
      }
    }
    if (from < 0 || needed.has(from)) continue;
    if (cells[from].imports?.includes(name)) {
      if (!imports.has(name)) imports.set(name, from);
      continue;
    }
    needed.add(from);
    for (const r of cells[from].references) work.push({ name: r, at: from });
  }
  return {
    cells: [...needed].sort((a, b) => a - b),
    imports: [...imports].map(([name, cell]) => ({ name, cell })).filter((i) => !needed.has(i.cell)),
  };
}

/** What a notebook holds: the cells it ran, in order. */
export interface HeldCells {
  ran: readonly number[];
}

/**
 * Whether a notebook that ran `held` (and nothing since that could have
 * changed its values) can serve code needing `needed`: the cells still to run
 * all come after every cell it ran, so they run in book order; and no cell it
 * ran that is not needed defines a name the needed cells or the answer use
 * (it would shadow the right one). Otherwise a fresh notebook runs `needed`.
 */
export function canReuse(cells: readonly CellNames[], held: readonly number[], needed: readonly number[], uses: readonly string[]): boolean {
  const last = held.length ? Math.max(...held) : -1;
  const toRun = needed.filter((i) => !held.includes(i));
  if (toRun.some((i) => i < last)) return false;
  const used = new Set([...uses, ...needed.flatMap((i) => cells[i].references)]);
  return held.every((i) => needed.includes(i) || !cells[i].defines.some((n) => used.has(n)));
}
