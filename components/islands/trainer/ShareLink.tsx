/**
 * "Link to this run": the page's address with a run's settings in its hash
 * (share.ts), shown to copy and copied when the browser allows. The link is of
 * the run on screen, whatever the menus say now, and with no run shown it is
 * of the menus (`linkFor` names the button and says which when they differ).
 * A link opened later fills the choices in (Trainer.tsx) and waits for Train.
 * After a network file that does not record its settings is loaded, the link
 * is refused (`blocked` says why, beside it) until the next run: it would
 * describe another network. A link made earlier goes when what it would
 * describe changes.
 */
import { useEffect, useState } from "preact/hooks";
import { linkFor, shareHash, type ShownRun } from "./share.ts";
import type { Settings } from "./settings.ts";

export default function ShareLink({ menus, shown, blocked = null, describedBy, uid }: { menus: Settings; shown: ShownRun | null; blocked?: string | null; describedBy?: string; uid: string }) {
  const [link, setLink] = useState<string | null>(null);
  const { settings, label, note } = linkFor(menus, shown, blocked !== null);
  const hash = shareHash(settings);
  useEffect(() => setLink(null), [hash, blocked]);
  const make = () => {
    const url = `${location.href.split("#")[0]}${hash}`;
    setLink(url);
    navigator.clipboard?.writeText(url).catch(() => {});
  };
  const noteId = `${uid}-share-note`;
  const about = blocked !== null ? describedBy : note ? noteId : undefined;
  // The note is the row's last item, on a line of its own (trainer.css), so the button stays level with the zoom box beside it.
  return (
    <>
      <div class="tr-share">
        <button type="button" onClick={make} disabled={blocked !== null} aria-describedby={about}>{label}</button>
        {link && !blocked && (
          <input
            class="tr-share-link"
            type="text"
            readOnly
            value={link}
            aria-label={`${label} (copied if your browser allows): the same settings and seed, so the same curves`}
            onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
          />
        )}
      </div>
      {note && !blocked && <p class="tr-share-note" id={noteId}>{note}</p>}
    </>
  );
}
