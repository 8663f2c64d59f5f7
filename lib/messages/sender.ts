// Who sent a runtime message? Pure functions over the `MessageSender` shape,
// so they are testable without a browser. Pass the extension's own id and
// origin (`browser.runtime.id`, `browser.runtime.getURL('/')`).

/** The subset of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

export interface Self {
  /** `browser.runtime.id` */
  runtimeId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
}

/**
 * Where a message may come from. `background`: the extension's background (service worker or
 * MV2 background page) sending to a tab (`tabs.sendMessage`): no tab, own id and origin.
 */
export type SenderPolicy = 'content-script' | 'extension-page' | 'background';

function fromOwnExtensionUrl(sender: SenderLike, self: Self): boolean {
  return (
    typeof sender.url === 'string' &&
    self.extensionOrigin !== '' &&
    sender.url.startsWith(self.extensionOrigin)
  );
}

/** A content script of this extension, running in a tab. */
export function isOwnContentScript(sender: SenderLike, self: Self): boolean {
  if (!self.runtimeId || sender.id !== self.runtimeId) return false;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return false;
  // Extension pages opened in a tab also carry `tab`; they are not content scripts.
  return !fromOwnExtensionUrl(sender, self);
}

/** An extension page of this extension (popup, dashboard, background), possibly opened in a tab. */
export function isOwnExtensionPage(sender: SenderLike, self: Self): boolean {
  if (!self.runtimeId || sender.id !== self.runtimeId) return false;
  return fromOwnExtensionUrl(sender, self);
}

/**
 * This extension's background, as a content script sees it: our id and no tab (extension pages
 * opened in a tab, and content scripts, carry one). A url, when the browser gives one, must be ours.
 */
export function isOwnBackground(sender: SenderLike, self: Self): boolean {
  if (!self.runtimeId || sender.id !== self.runtimeId) return false;
  if (sender.tab !== undefined && sender.tab !== null) return false;
  return sender.url === undefined || fromOwnExtensionUrl(sender, self);
}

export function senderAllowed(policy: SenderPolicy, sender: SenderLike, self: Self): boolean {
  if (policy === 'content-script') return isOwnContentScript(sender, self);
  if (policy === 'background') return isOwnBackground(sender, self);
  return isOwnExtensionPage(sender, self);
}
