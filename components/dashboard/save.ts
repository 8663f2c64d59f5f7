// Saving a file from an extension page: the downloads API where the manifest grants it
// (descriptive name, no dialog), else an <a download> click.
import { browser } from 'wxt/browser';

export type SaveFile = (blob: Blob, filename: string) => Promise<void>;

interface DownloadsLike {
  download(options: { url: string; filename: string; saveAs?: boolean }): Promise<number>;
}

/** `downloads`: the API to use (default: `browser.downloads`, absent without the permission); null for none. */
export function createSaveFile(
  downloads: DownloadsLike | null | undefined = (browser as unknown as { downloads?: DownloadsLike })
    .downloads,
): SaveFile {
  return async (blob, filename) => {
    const url = URL.createObjectURL(blob);
    // The download reads the blob asynchronously: revoke only well after it started.
    const revoke = () => setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (downloads?.download) {
      try {
        await downloads.download({ url, filename, saveAs: false });
        revoke();
        return;
      } catch {
        // fall through to the link (e.g. the permission is missing)
      }
    }
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    revoke();
  };
}
