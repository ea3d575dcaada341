/**
 * "Link to this run": the page's address with the trainer's settings in its
 * hash (share.ts), shown to copy and copied when the browser allows. A link
 * opened later fills the choices in (Trainer.tsx) and waits for Train.
 */
import { useState } from "preact/hooks";
import { shareHash } from "./share.ts";
import type { Settings } from "./settings.ts";

export default function ShareLink({ settings }: { settings: Settings }) {
  const [link, setLink] = useState<string | null>(null);
  const make = () => {
    const url = `${location.href.split("#")[0]}${shareHash(settings)}`;
    setLink(url);
    navigator.clipboard?.writeText(url).catch(() => {});
  };
  return (
    <div class="tr-share">
      <button type="button" onClick={make}>Link to this run</button>
      {link && (
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
