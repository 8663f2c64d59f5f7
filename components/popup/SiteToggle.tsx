// "Always read minutes on <host>" for the tab's site when the manifest does not cover it (outside
// *.dk), and the way back. The permission prompt needs the click itself: `enable` must ask for the
// permission before anything else, so it is called directly from the click handler.
import { useEffect, useState } from 'preact/hooks';
import { tr } from '../common/i18n';

/** The tab's site, when the user may switch it on or off. */
export interface SiteInfo {
  host: string;
  enabled: boolean;
}

export interface SiteControl {
  /** The tab's host outside *.dk (http/https only) and whether it is switched on; null otherwise. */
  info(): Promise<SiteInfo | null>;
  /** Asks for the host permission (first thing, in the click), then switches the site on. */
  enable(host: string): Promise<'enabled' | 'denied' | 'failed'>;
  /** Switches the site off and gives the permission back. */
  disable(host: string): Promise<boolean>;
}

export interface SiteToggleProps {
  site: SiteControl;
  /** After switching on: the detector is running in the tab, look at it again. */
  onEnabled?: () => void;
}

export function SiteToggle({ site, onEnabled }: SiteToggleProps) {
  const [info, setInfo] = useState<SiteInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);
  useEffect(() => {
    let alive = true;
    site.info().then(
      (i) => alive && setInfo(i),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [site]);
  if (!info) return null;
  const { host } = info;

  const onEnable = () => {
    if (busy) return;
    // No await before this call: the permission prompt needs the user's click.
    const asked = site.enable(host);
    setBusy(true);
    setNote(null);
    asked
      .then(
        (r) => {
          if (r === 'enabled') {
            setInfo({ host, enabled: true });
            setNote({ text: tr('popup_siteEnabled', [host]), ok: true });
            onEnabled?.();
          } else
            setNote({
              text: tr(r === 'denied' ? 'popup_siteDenied' : 'popup_actionFailed', [host]),
              ok: false,
            });
        },
        () => setNote({ text: tr('popup_actionFailed'), ok: false }),
      )
      .finally(() => setBusy(false));
  };
  const onDisable = () => {
    if (busy) return;
    setBusy(true);
    setNote(null);
    site
      .disable(host)
      .then(
        (ok) => {
          if (ok) setInfo({ host, enabled: false });
          setNote({ text: ok ? tr('popup_siteDisabled', [host]) : tr('popup_actionFailed'), ok });
        },
        () => setNote({ text: tr('popup_actionFailed'), ok: false }),
      )
      .finally(() => setBusy(false));
  };

  // One button whose label flips (the same element, so keyboard focus stays on it); aria-disabled
  // rather than disabled while busy, which would drop the focus.
  return (
    <div class="popup-site" data-testid="site-toggle" data-host={host} data-enabled={String(info.enabled)}>
      <p class="popup-actions">
        {info.enabled ? (
          <button
            type="button"
            class="popup-button"
            data-testid="site-disable"
            aria-disabled={busy}
            onClick={onDisable}
          >
            {tr('popup_siteDisable', [host])}
          </button>
        ) : (
          <button
            type="button"
            class="popup-button"
            data-testid="site-enable"
            aria-disabled={busy}
            onClick={onEnable}
          >
            {tr('popup_siteEnable', [host])}
          </button>
        )}
      </p>
      {note && (
        <p class={note.ok ? 'popup-site-note' : 'popup-notice'} role="status" data-testid="site-note">
          {note.text}
        </p>
      )}
    </div>
  );
}
