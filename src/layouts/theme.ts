/** Wires the theme switch: flips data-theme on <html> and remembers the choice. */
export const THEME_KEY = "nnfs-theme";

export type Theme = "light" | "dark";

export function currentTheme(root: HTMLElement = document.documentElement): Theme {
  return root.dataset.theme === "dark" ? "dark" : "light";
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.setAttribute("aria-pressed", String(theme === "dark"));
  }
}

export function initThemeToggle(): void {
  applyTheme(currentTheme());
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.addEventListener("click", () => {
      const next: Theme = currentTheme() === "dark" ? "light" : "dark";
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch {
        /* private mode: the switch still works for this page */
      }
      applyTheme(next);
    });
  }
  // Follow the system while the reader has not chosen.
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", (e) => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(THEME_KEY);
    } catch {
      /* ignore */
    }
    if (!saved) applyTheme(e.matches ? "dark" : "light");
  });
}
