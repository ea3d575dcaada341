/** All of MNIST downloading: a bar and the bytes so far, of the whole when the server says. */
import { describeBytes } from "./state.ts";

export default function DownloadBar({ download }: { download: { loaded: number; total: number | null } }) {
  return (
    <label class="tr-download" data-download-loaded={download.loaded} data-download-total={download.total ?? undefined}>
      <span>Downloading all of MNIST</span>
      <progress max={download.total ?? undefined} value={download.total ? download.loaded : undefined} />
      <span class="tr-download-bytes">{describeBytes(download)}</span>
    </label>
  );
}
