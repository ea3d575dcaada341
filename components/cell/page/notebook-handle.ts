/**
 * The chapter's notebook, one per page: loaded (with the editor and the
 * runtime) on first need, by the cells (boot.ts) or by an island that asks
 * for a name the reader defined (bridge.ts) — the same one for both.
 */
type Controller = typeof import("./chapter.ts");
let loading: Promise<InstanceType<Controller["ChapterCells"]>> | null = null;

export function chapterCells() {
  return (loading ??= import("./chapter.ts").then((m) => new m.ChapterCells()));
}
