import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { jumpInTab, loadModel, targetTabId } from '../../../entrypoints/popup/tab';
import { recognised } from './fixtures';

type Tab = { id: number; windowId: number; active?: boolean; lastAccessed?: number };

function tabs(current: Tab | undefined, all: Tab[]) {
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(current as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (q: {
    active?: boolean;
    windowId?: number;
  }) =>
    all.filter(
      (t) => (q.active ? t.active : true) && (q.windowId === undefined || t.windowId === q.windowId),
    )) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('popup target tab', () => {
  it('uses ?tab= when given', async () => {
    tabs(undefined, []);
    expect(await targetTabId('?tab=42')).toBe(42);
  });

  it('uses the active tab in a real popup', async () => {
    tabs(undefined, [
      { id: 1, windowId: 1 },
      { id: 2, windowId: 1, active: true },
    ]);
    expect(await targetTabId('')).toBe(2);
  });

  it('uses the most recently used other tab when opened as a tab itself', async () => {
    const self = { id: 9, windowId: 1, active: true, lastAccessed: 300 };
    tabs(self, [
      { id: 1, windowId: 1, lastAccessed: 100 },
      { id: 2, windowId: 1, lastAccessed: 200 },
      { id: 3, windowId: 2, lastAccessed: 250 },
      self,
    ]);
    expect(await targetTabId('')).toBe(2);
  });

  it('ignores a malformed ?tab=', async () => {
    tabs(undefined, [{ id: 5, windowId: 1, active: true }]);
    expect(await targetTabId('?tab=abc')).toBe(5);
  });
});

describe('popup ↔ reader', () => {
  it('validates what the reader answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce({
      status: 'recognised',
      url: 'https://x.dk/',
      result: recognised(),
    } as never);
    const ok = await loadModel(4);
    expect(ok.kind).toBe('model');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce({
      status: 'recognised',
      result: 'junk',
    } as never);
    expect(await loadModel(4)).toEqual({ kind: 'no-reader' });
  });

  it('treats a tab without a reader as "not minutes"', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValueOnce(
      new Error('Receiving end does not exist.'),
    );
    expect(await loadModel(4)).toEqual({ kind: 'no-reader' });
    expect(await loadModel(null)).toEqual({ kind: 'no-tab' });
  });

  it('sends jumps to the tab', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    expect(await jumpInTab(4, 7)).toBe(true);
    expect(send).toHaveBeenCalledWith(4, { type: 'reader/jump', punkt: 7 });
    expect(await jumpInTab(null, 7)).toBe(false);
  });
});
