// Inject the full reader into the frame whose detector asked for it.
import { browser } from 'wxt/browser';
import { type ReaderStartOptions, START_OPTIONS_KEY } from '../../lib/messages/reader-handle';

export const READER_FILE = '/content-scripts/reader.js';

type LegacyTabs = {
  executeScript?(tabId: number, details: { file: string; frameId?: number }): Promise<unknown>;
};

/** Runs in the page's isolated world (serialised by executeScript: self-contained). */
function setStartOptions(key: string, options: ReaderStartOptions): void {
  (globalThis as Record<string, unknown>)[key] = options;
}

export async function injectReader(
  tabId: number,
  frameId: number,
  options: ReaderStartOptions,
): Promise<void> {
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.executeScript) {
    const target = { tabId, frameIds: [frameId] };
    await scripting.executeScript({ target, func: setStartOptions, args: [START_OPTIONS_KEY, options] });
    await scripting.executeScript({ target, files: [READER_FILE] });
    return;
  }
  // Firefox MV2 without the scripting API: the reader asks for its options itself.
  const tabs = browser.tabs as unknown as LegacyTabs;
  if (tabs.executeScript) await tabs.executeScript(tabId, { file: READER_FILE, frameId });
}
