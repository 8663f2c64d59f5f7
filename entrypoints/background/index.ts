// The background: message router (validated, sender-checked), reader
// injection and the toolbar badge. Later: the one writer of the database.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen } from '../../lib/messages/listen';
import { clearBadge, showBadge } from './badge';
import { injectReader } from './inject';
import { panelState } from './panel-state';
import { createBackgroundRouter } from './router';

export default defineBackground(() => {
  listen(
    browser.runtime.onMessage,
    createBackgroundRouter({
      self: () => ({ runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }),
      injectReader,
      showBadge,
      clearBadge,
      panelState,
    }),
  );

  // A new document in the tab: its reader (if any) will report again.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') clearBadge(tabId).catch(() => {});
  });
});
