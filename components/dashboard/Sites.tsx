// Settings: the sites outside *.dk the user switched on from the popup ("always read minutes on
// <host>"), each with a way to switch it off (the background unregisters the detector there and
// gives the host permission back).
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SitesResponse } from '../../lib/messages/schemas';
import { useLoad } from '../common/hooks';
import { tr } from '../common/i18n';

export interface SitesClient {
  list(): Promise<string[]>;
  disable(host: string): Promise<boolean>;
}

type Send = (message: unknown) => Promise<unknown>;

/** The background's sites/* routes. */
export function createSitesClient(send: Send = (m) => browser.runtime.sendMessage(m)): SitesClient {
  return {
    async list() {
      const res = SitesResponse.safeParse(await send({ type: 'sites/list' }));
      if (!res.success) throw new Error('sites/list failed');
      return res.data.hosts;
    },
    async disable(host) {
      const res = (await send({ type: 'sites/disable', host })) as { ok?: unknown } | undefined;
      return res?.ok === true;
    },
  };
}

export function Sites({ sites }: { sites: SitesClient }) {
  const [state, reload] = useLoad(() => sites.list(), [sites]);
  const [note, setNote] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Without a background to answer (e.g. an older one mid-update), the section is left out.
  if (state.status === 'error') return null;
  const remove = async (host: string) => {
    setNote(null);
    const ok = await sites.disable(host).catch(() => false);
    setNote(ok ? tr('popup_siteDisabled', [host]) : tr('popup_actionFailed'));
    // The row with the focused button goes away: keep the focus in the section.
    headingRef.current?.focus();
    reload();
  };
  return (
    <section class="dash-sites" data-testid="dash-sites" aria-labelledby="dash-sites-heading">
      <h2 id="dash-sites-heading" ref={headingRef} tabIndex={-1}>
        {tr('dash_sitesHeading')}
      </h2>
      <p class="sgs-muted">{tr('dash_sitesHelp')}</p>
      {state.status === 'loading' ? (
        <p class="sgs-muted">{tr('popup_loading')}</p>
      ) : state.data.length === 0 ? (
        <p>{tr('dash_sitesEmpty')}</p>
      ) : (
        <ul class="dash-site-list">
          {state.data.map((host) => (
            <li key={host} data-host={host}>
              <span class="dash-site-host">{host}</span>{' '}
              <button
                type="button"
                class="sgs-button sgs-button-small"
                data-testid="site-remove"
                aria-label={tr('popup_siteDisable', [host])}
                onClick={() => remove(host)}
              >
                {tr('dash_siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p class="sgs-muted" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
