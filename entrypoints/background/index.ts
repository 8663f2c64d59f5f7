// The background: message router (validated, sender-checked), reader
// injection, the toolbar badge, the sites switched on outside *.dk (./sites),
// and the data API: the background is the one writer of the database (see ./data).
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen } from '../../lib/messages/listen';
import { clearBadge, showBadge } from './badge';
import { setupDataBackground } from './data';
import { injectReader } from './inject';
import { panelState } from './panel-state';
import { createBackgroundRouter } from './router';
import { createSitesRouter, setupSites } from './sites';

export default defineBackground(() => {
  const self = () => ({ runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') });
  // Registers onInstalled/onStartup: persistence request, purge of old soft deletes, badge total.
  const data = setupDataBackground(self);
  const openDashboard = async (route: string) => {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}#${route}` });
  };
  const ui = createBackgroundRouter({ self, injectReader, showBadge, clearBadge, panelState, openDashboard });
  // Sites outside *.dk the user switched on: registrations follow permission changes.
  const sites = createSitesRouter(self, setupSites());
  listen(
    browser.runtime.onMessage,
    (raw, sender) => ui(raw, sender) ?? sites(raw, sender) ?? data(raw, sender),
  );

  // A new document in the tab: its reader (if any) will report again.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') clearBadge(tabId).catch(() => {});
  });
});
