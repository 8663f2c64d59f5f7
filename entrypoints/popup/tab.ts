// Which tab the popup is about: `?tab=<id>` (tests, pop-out), else the active
// tab; when the popup itself is open as a tab, the most recently used other
// tab of the window. No `tabs` permission needed: only ids are read.
import { browser } from 'wxt/browser';
import type { PopupState } from '../../components/popup/PopupApp';
import { ModelResponse } from '../../lib/messages/schemas';

export async function targetTabId(search: string): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && new URLSearchParams(search).has('tab'))
    return fromQuery;
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  if (!self) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id ?? null;
  }
  const tabs = await browser.tabs.query({ windowId: self.windowId });
  const others = tabs.filter((t) => t.id !== undefined && t.id !== self.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}

export async function loadModel(tabId: number | null): Promise<PopupState> {
  if (tabId === null) return { kind: 'no-tab' };
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, { type: 'reader/getModel' });
  } catch {
    return { kind: 'no-reader' }; // no reader in that tab: not a minutes page
  }
  const parsed = ModelResponse.safeParse(raw);
  if (!parsed.success) return { kind: 'no-reader' };
  return { kind: 'model', model: parsed.data };
}

export async function jumpInTab(tabId: number | null, punkt: number): Promise<boolean> {
  if (tabId === null) return false;
  const res = (await browser.tabs.sendMessage(tabId, { type: 'reader/jump', punkt })) as
    | { ok?: unknown }
    | undefined;
  return res?.ok === true;
}
