// Inject the full reader into the frame whose detector asked for it.
import { browser } from 'wxt/browser';

export const READER_FILE = '/content-scripts/reader.js';

type LegacyTabs = {
  executeScript?(tabId: number, details: { file: string; frameId?: number }): Promise<unknown>;
};

export async function injectReader(tabId: number, frameId: number): Promise<void> {
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.executeScript) {
    await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [READER_FILE] });
    return;
  }
  // Firefox MV2 without the scripting API.
  const tabs = browser.tabs as unknown as LegacyTabs;
  if (tabs.executeScript) await tabs.executeScript(tabId, { file: READER_FILE, frameId });
}
