import { describe, expect, it, vi } from 'vitest';
import { createBackgroundRouter } from '../../../entrypoints/background/router';
import type { SenderLike } from '../../../lib/messages/sender';

const self = { runtimeId: 'our-id', extensionOrigin: 'chrome-extension://our-id/' };
const tabSender = (over: Partial<SenderLike> = {}): SenderLike => ({
  id: 'our-id',
  url: 'https://dagsorden.ballerup.dk/meeting/9105328',
  tab: { id: 5 },
  frameId: 0,
  ...over,
});
const summary = {
  punktCount: 13,
  committee: 'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
  date: '2023-06-06',
  municipality: 'Ballerup',
  kind: 'referat' as const,
  platform: 'aabendagsorden' as const,
  url: 'https://dagsorden.ballerup.dk/meeting/9105328',
};

function setup() {
  const deps = {
    self: () => self,
    injectReader: vi.fn(async () => {}),
    showBadge: vi.fn(async () => {}),
    clearBadge: vi.fn(async () => {}),
    panelState: { open: false, get: vi.fn(async () => false), set: vi.fn(async (_open: boolean) => {}) },
    openDashboard: vi.fn(async (_route: string) => {}),
  };
  return { deps, router: createBackgroundRouter(deps) };
}

describe('background router', () => {
  it('injects the reader into the asking frame, once per document', async () => {
    const { deps, router } = setup();
    const sender = tabSender({ frameId: 3, documentId: 'doc-1' });
    await expect(router({ type: 'reader/inject', platform: 'firstagenda' }, sender)).resolves.toEqual({
      ok: true,
    });
    await router({ type: 'reader/inject', platform: 'firstagenda' }, sender);
    expect(deps.injectReader).toHaveBeenCalledTimes(1);
    expect(deps.injectReader).toHaveBeenCalledWith(5, 3, { panelOpen: false });
    await router({ type: 'reader/inject', platform: null }, tabSender({ documentId: 'doc-2' }));
    expect(deps.injectReader).toHaveBeenLastCalledWith(5, 0, { panelOpen: false });
  });

  it('sets the badge for a recognised page and clears it otherwise', async () => {
    const { deps, router } = setup();
    await router({ type: 'page/recognised', tabSummary: summary }, tabSender());
    expect(deps.showBadge).toHaveBeenCalledWith(5, summary);
    await router({ type: 'page/not-recognised', reason: 'no punkter', url: summary.url }, tabSender());
    expect(deps.clearBadge).toHaveBeenCalledWith(5);
  });

  it('lets only the top frame set the badge', async () => {
    const { deps, router } = setup();
    await router({ type: 'page/recognised', tabSummary: summary }, tabSender({ frameId: 2 }));
    expect(deps.showBadge).not.toHaveBeenCalled();
  });

  it('ignores other extensions, web pages and extension pages posing as content scripts', () => {
    const { deps, router } = setup();
    const msg = { type: 'reader/inject', platform: null };
    expect(router(msg, tabSender({ id: 'evil-id' }))).toBeNull();
    expect(router(msg, { url: 'https://evil.example/', tab: { id: 5 } })).toBeNull();
    expect(router(msg, { id: 'our-id', url: 'chrome-extension://our-id/popup.html' })).toBeNull();
    expect(deps.injectReader).not.toHaveBeenCalled();
  });

  it('rejects malformed payloads from our own content scripts', async () => {
    const { deps, router } = setup();
    await expect(
      router({ type: 'page/recognised', tabSummary: { ...summary, punktCount: -1 } }, tabSender()),
    ).resolves.toEqual({ ok: false, error: 'invalid-message' });
    await expect(router({ type: 'page/recognised', tabSummary: '13' }, tabSender())).resolves.toEqual({
      ok: false,
      error: 'invalid-message',
    });
    expect(deps.showBadge).not.toHaveBeenCalled();
  });

  it('remembers whether the panel is open', async () => {
    const { deps, router } = setup();
    await expect(router({ type: 'ui/setPanelState', open: true }, tabSender())).resolves.toEqual({
      ok: true,
    });
    expect(deps.panelState.set).toHaveBeenCalledWith(true);
    await expect(router({ type: 'ui/getPanelState' }, tabSender())).resolves.toEqual({ open: false });
    await expect(router({ type: 'ui/setPanelState', open: 'yes' }, tabSender())).resolves.toEqual({
      ok: false,
      error: 'invalid-message',
    });
    expect(
      router({ type: 'ui/setPanelState', open: true }, { url: 'https://evil.example/', tab: { id: 1 } }),
    ).toBeNull();
  });

  it('retries injection for a document whose first injection failed', async () => {
    const { deps, router } = setup();
    deps.injectReader.mockRejectedValueOnce(new Error('frame gone'));
    const sender = tabSender({ documentId: 'doc-9' });
    await expect(router({ type: 'reader/inject', platform: null }, sender)).resolves.toEqual({
      ok: false,
      error: 'handler-failed',
    });
    await expect(router({ type: 'reader/inject', platform: null }, sender)).resolves.toEqual({ ok: true });
    expect(deps.injectReader).toHaveBeenCalledTimes(2);
  });
});

describe('background router: opening the dashboard from the page', () => {
  it('opens only known dashboard routes for content scripts', async () => {
    const { deps, router } = setup();
    await expect(router({ type: 'ui/openDashboard', route: '/backup' }, tabSender())).resolves.toEqual({
      ok: true,
    });
    expect(deps.openDashboard).toHaveBeenCalledWith('/backup');
    await expect(
      router({ type: 'ui/openDashboard', route: 'javascript:alert(1)' }, tabSender()),
    ).resolves.toEqual({ ok: false, error: 'invalid-message' });
    expect(deps.openDashboard).toHaveBeenCalledTimes(1);
  });
});
