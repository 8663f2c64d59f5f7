// The live-sync announcement (background → reader): its schema, and who may send it.
import { describe, expect, it, vi } from 'vitest';
import { createRouter, route } from '../../../lib/messages/router';
import { AnnotationsChangedMessage, MAX_CHANGED_IDS, MAX_CHANGED_PAGES } from '../../../lib/messages/schemas';
import { isOwnBackground, type SenderLike, senderAllowed } from '../../../lib/messages/sender';

const self = { runtimeId: 'our-id', extensionOrigin: 'chrome-extension://our-id/' };
const firefoxSelf = { runtimeId: 'sagsspor@sagsspor.dk', extensionOrigin: 'moz-extension://1234-abcd/' };
const ID = '00000000-0000-4000-8000-000000000001';
const PAGE = { url: 'https://dagsorden.ballerup.dk/meeting/1', meetingKey: 'ballerup|kmu|2023-06-06' };

/** chrome.tabs.sendMessage from the MV3 service worker. */
const serviceWorker: SenderLike = {
  id: 'our-id',
  url: 'chrome-extension://our-id/background.js',
  origin: 'chrome-extension://our-id',
};
/** Firefox MV2 background page. */
const firefoxBackground: SenderLike = {
  id: 'sagsspor@sagsspor.dk',
  url: 'moz-extension://1234-abcd/_generated_background_page.html',
};
const dashboardInTab: SenderLike = {
  id: 'our-id',
  url: 'chrome-extension://our-id/dashboard.html',
  tab: { id: 9 },
};
const contentScript: SenderLike = { id: 'our-id', url: PAGE.url, tab: { id: 7 }, frameId: 0 };
const foreignExtension: SenderLike = { id: 'evil-id', url: 'chrome-extension://evil-id/background.js' };
const foreignPretendingUrl: SenderLike = { id: 'evil-id', url: 'chrome-extension://our-id/background.js' };
const ownIdForeignUrl: SenderLike = { id: 'our-id', url: 'https://evil.example/' };
const webPage: SenderLike = { url: 'https://evil.example/', tab: { id: 7 } };

describe('AnnotationsChangedMessage', () => {
  it('carries ids and pages, or null for "anything may have changed"', () => {
    expect(
      AnnotationsChangedMessage.safeParse({ type: 'reader/annotationsChanged', ids: [ID], pages: [PAGE] })
        .success,
    ).toBe(true);
    expect(
      AnnotationsChangedMessage.safeParse({ type: 'reader/annotationsChanged', ids: null, pages: null })
        .success,
    ).toBe(true);
    expect(
      AnnotationsChangedMessage.safeParse({
        type: 'reader/annotationsChanged',
        ids: [ID],
        pages: [{ url: PAGE.url, meetingKey: null }],
      }).success,
    ).toBe(true);
  });

  it('rejects malformed announcements', () => {
    const bad = [
      { type: 'reader/annotationsChanged', ids: ['not-a-uuid'], pages: [] },
      { type: 'reader/annotationsChanged', ids: [ID] }, // pages missing
      { type: 'reader/annotationsChanged', ids: [ID], pages: [{ url: 5, meetingKey: null }] },
      {
        type: 'reader/annotationsChanged',
        ids: Array.from({ length: MAX_CHANGED_IDS + 1 }, () => ID),
        pages: [],
      },
      {
        type: 'reader/annotationsChanged',
        ids: [],
        pages: Array.from({ length: MAX_CHANGED_PAGES + 1 }, () => PAGE),
      },
      { type: 'reader/annotationsChanged', ids: [ID], pages: [{ ...PAGE, url: 'x'.repeat(8001) }] },
    ];
    for (const m of bad)
      expect(AnnotationsChangedMessage.safeParse(m).success, JSON.stringify(m)).toBe(false);
  });
});

describe('background sender check', () => {
  it('accepts our background (Chromium service worker, Firefox background page, no url)', () => {
    expect(isOwnBackground(serviceWorker, self)).toBe(true);
    expect(isOwnBackground(firefoxBackground, firefoxSelf)).toBe(true);
    expect(isOwnBackground({ id: 'our-id' }, self)).toBe(true);
    expect(senderAllowed('background', serviceWorker, self)).toBe(true);
  });

  it('refuses tabs (content scripts, extension pages in a tab), other extensions and web pages', () => {
    for (const s of [
      dashboardInTab,
      contentScript,
      foreignExtension,
      foreignPretendingUrl,
      ownIdForeignUrl,
      webPage,
    ])
      expect(isOwnBackground(s, self), JSON.stringify(s)).toBe(false);
    expect(isOwnBackground(serviceWorker, { runtimeId: '', extensionOrigin: '' })).toBe(false);
    // The other policies are unchanged by the new one.
    expect(senderAllowed('content-script', serviceWorker, self)).toBe(false);
    expect(senderAllowed('extension-page', dashboardInTab, self)).toBe(true);
  });

  it('a reader route for it answers our background only, and validates the payload', async () => {
    const handle = vi.fn(() => ({ ok: true }));
    const router = createRouter(() => self, {
      'reader/annotationsChanged': route(AnnotationsChangedMessage, 'background', handle),
    });
    const msg = { type: 'reader/annotationsChanged', ids: [ID], pages: [PAGE] };
    await expect(router(msg, serviceWorker)).resolves.toEqual({ ok: true });
    expect(handle).toHaveBeenCalledOnce();
    for (const s of [contentScript, dashboardInTab, foreignExtension, webPage])
      expect(router(msg, s)).toBeNull();
    await expect(router({ ...msg, ids: ['x'] }, serviceWorker)).resolves.toEqual({
      ok: false,
      error: 'invalid-message',
    });
    expect(handle).toHaveBeenCalledOnce();
  });
});
