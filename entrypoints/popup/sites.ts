// The popup's side of "always read minutes on <host>" (components/popup/SiteToggle): the tab's
// host, the permission request in the click, and the background's sites/* routes.
import { browser } from 'wxt/browser';
import type { SiteControl } from '../../components/popup/SiteToggle';
import { optInHostOf, SitesResponse, siteOrigin } from '../../lib/messages/schemas';

type Send = (message: unknown) => Promise<unknown>;
const runtimeSend: Send = (m) => browser.runtime.sendMessage(m);

/** The tab's URL: readable through activeTab (the toolbar popup) or the site's host permission. */
async function tabUrl(tabId: number | null): Promise<string | undefined> {
  if (tabId === null) return undefined;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.url;
}

export async function listSites(send: Send = runtimeSend): Promise<string[]> {
  const res = SitesResponse.safeParse(await send({ type: 'sites/list' }));
  if (!res.success) throw new Error('sites/list failed');
  return res.data.hosts;
}

export async function disableSite(host: string, send: Send = runtimeSend): Promise<boolean> {
  const res = (await send({ type: 'sites/disable', host })) as { ok?: unknown } | undefined;
  return res?.ok === true;
}

export function createSiteControl(tabId: Promise<number | null>, send: Send = runtimeSend): SiteControl {
  return {
    async info() {
      const id = await tabId;
      const host = optInHostOf(await tabUrl(id));
      if (!host) return null;
      return { host, enabled: (await listSites(send)).includes(host) };
    },
    enable(host) {
      // First, synchronously in the click: the browser shows its prompt only for a user gesture.
      let asked: Promise<boolean>;
      try {
        asked = browser.permissions.request({ origins: [siteOrigin(host)] });
      } catch {
        return Promise.resolve('failed');
      }
      return asked.then(
        async (granted) => {
          if (!granted) return 'denied';
          const res = (await send({ type: 'sites/enable', host, tabId: await tabId })) as
            | { ok?: unknown }
            | undefined;
          return res?.ok === true ? 'enabled' : 'failed';
        },
        () => 'failed',
      );
    },
    disable: (host) => disableSite(host, send),
  };
}
