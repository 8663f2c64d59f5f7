// Which tab the popup is about: `?tab=<id>` (tests, pop-out), else the active
// tab; when the popup itself is open as a tab, the most recently used other
// tab of the window. No `tabs` permission needed: only ids are read.
import { browser } from 'wxt/browser';
import type { PopupState } from '../../components/popup/PopupApp';
import { type ReaderStartOptions, START_OPTIONS_KEY } from '../../lib/messages/reader-handle';
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

/** Runs in the tab's isolated world (serialised by executeScript: self-contained). */
function setStartOptions(key: string, options: ReaderStartOptions): void {
  (globalThis as Record<string, unknown>)[key] = options;
}

/**
 * "Read this page anyway": inject the reader into a tab the detector passed
 * over (any site, through activeTab), then ask it for the model.
 */
export async function readAnyway(tabId: number | null): Promise<PopupState | 'failed'> {
  if (tabId === null) return { kind: 'no-tab' };
  try {
    const target = { tabId };
    const options: ReaderStartOptions = { forced: true };
    await browser.scripting.executeScript({
      target,
      func: setStartOptions,
      args: [START_OPTIONS_KEY, options],
    });
    await browser.scripting.executeScript({ target, files: ['/content-scripts/reader.js'] });
  } catch {
    return 'failed'; // browser pages, the web store, PDFs…
  }
  return loadModel(tabId);
}
