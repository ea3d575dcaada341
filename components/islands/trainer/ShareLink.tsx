/**
 * "Link to this run": the page's address with the trainer's settings in its
 * hash (share.ts), shown to copy and copied when the browser allows. A link
 * opened later fills the choices in (Trainer.tsx) and waits for Train. After
 * a network file that does not record its settings is loaded, the link is
 * refused (`blocked` says why, beside it) until the next run: it would
 * describe another network. A link made earlier goes when the settings change.
 */
import { useEffect, useState } from "preact/hooks";
import { shareHash } from "./share.ts";
import type { Settings } from "./settings.ts";

export default function ShareLink({ settings, blocked = null, describedBy }: { settings: Settings; blocked?: string | null; describedBy?: string }) {
  const [link, setLink] = useState<string | null>(null);
  const hash = shareHash(settings);
  useEffect(() => setLink(null), [hash, blocked]);
  const make = () => {
    const url = `${location.href.split("#")[0]}${hash}`;
    setLink(url);
    navigator.clipboard?.writeText(url).catch(() => {});
  };
  return (
    <div class="tr-share">
      <button type="button" onClick={make} disabled={blocked !== null} aria-describedby={blocked !== null ? describedBy : undefined}>Link to this run</button>
      {link && !blocked && (
        <input
          class="tr-share-link"
          type="text"
          readOnly
          value={link}
          aria-label="Link to this run (copied if your browser allows): the same settings and seed, so the same curves"
          onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
        />
      )}
    </div>
  );
}
