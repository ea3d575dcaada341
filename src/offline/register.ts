/**
 * Registers the service worker (src/build/service-worker.ts) that keeps the
 * book for offline reading, and tells the reader when a newer build of the
 * book is ready: "A new version is available — Reload". Reload asks the
 * waiting worker to take over; the page reloads once it has.
 */
export function updateBanner(onReload: () => void): HTMLElement {
  const banner = document.createElement("div");
  banner.className = "update-banner";
  banner.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = "A new version of the book is available.";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload";
  button.addEventListener("click", () => {
    button.disabled = true;
    onReload();
  });
  banner.append(text, " ", button);
  return banner;
}

export function registerServiceWorker(base: string): void {
  if (!("serviceWorker" in navigator)) return;
  const sw = navigator.serviceWorker;
  // Only a page that was already controlled has an older version to replace.
  const hadController = sw.controller !== null;
  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
  const offer = (worker: ServiceWorker) => {
    if (document.querySelector(".update-banner")) return;
    document.body.append(updateBanner(() => worker.postMessage({ type: "SKIP_WAITING" })));
  };
  const register = () => {
    sw.register(`${base}sw.js`, { scope: base })
      .then((registration) => {
        if (registration.waiting && sw.controller) offer(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const installing = registration.installing;
          installing?.addEventListener("statechange", () => {
            if (installing.state === "installed" && sw.controller) offer(installing);
          });
        });
      })
      .catch(() => {
        /* no offline copy (private mode, file://): the book still works online */
      });
  };
  // After the page's own loading, so precaching never competes with it. This
  // module may run after "load" has fired (a module script waits for every
  // module it imports), and then registers at once.
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}

/**
 * While writing (`npm run dev`), a service worker left by a built copy served
 * on the same address would answer with that copy's pages: the dev server
 * removes it, so the writer sees what they write.
 */
export function unregisterServiceWorkers(): void {
  if (!("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
}
