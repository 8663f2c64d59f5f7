import { describe, expect, it, vi } from 'vitest';
import { createRouter, route } from '../../../lib/messages/router';
import { GetModelMessage, JumpMessage } from '../../../lib/messages/schemas';
import { isOwnContentScript, isOwnExtensionPage, type SenderLike } from '../../../lib/messages/sender';

const self = { runtimeId: 'our-id', extensionOrigin: 'chrome-extension://our-id/' };
const contentScript: SenderLike = {
  id: 'our-id',
  url: 'https://dagsorden.ballerup.dk/meeting/1',
  tab: { id: 7 },
  frameId: 0,
};
const popup: SenderLike = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const popupInTab: SenderLike = {
  id: 'our-id',
  url: 'chrome-extension://our-id/popup.html?tab=7',
  tab: { id: 9 },
};
const foreignExtension: SenderLike = {
  id: 'evil-id',
  url: 'chrome-extension://evil-id/x.html',
  tab: { id: 7 },
};
const foreignPretendingUrl: SenderLike = { id: 'evil-id', url: 'chrome-extension://our-id/popup.html' };
const webPage: SenderLike = { url: 'https://evil.example/', tab: { id: 7 } };

describe('sender checks', () => {
  it('recognises our content scripts', () => {
    expect(isOwnContentScript(contentScript, self)).toBe(true);
    expect(isOwnContentScript(popup, self)).toBe(false);
    expect(isOwnContentScript(popupInTab, self)).toBe(false);
    expect(isOwnContentScript(foreignExtension, self)).toBe(false);
    expect(isOwnContentScript(webPage, self)).toBe(false);
    expect(isOwnContentScript({ id: 'our-id', url: 'https://x.dk/' }, self)).toBe(false); // no tab
  });

  it('recognises our extension pages, also opened in a tab', () => {
    expect(isOwnExtensionPage(popup, self)).toBe(true);
    expect(isOwnExtensionPage(popupInTab, self)).toBe(true);
    expect(isOwnExtensionPage(contentScript, self)).toBe(false);
    expect(isOwnExtensionPage(foreignPretendingUrl, self)).toBe(false);
    expect(isOwnExtensionPage(webPage, self)).toBe(false);
  });

  it('rejects everything when our own id is unknown', () => {
    expect(isOwnContentScript({ ...contentScript, id: '' }, { ...self, runtimeId: '' })).toBe(false);
  });
});

describe('createRouter', () => {
  const setup = () => {
    const getModel = vi.fn(() => ({ status: 'idle' }));
    const jump = vi.fn((m: { punkt: number }) => ({ ok: m.punkt === 3 }));
    const router = createRouter(() => self, {
      'reader/getModel': route(GetModelMessage, 'extension-page', getModel),
      'reader/jump': route(JumpMessage, 'extension-page', jump),
    });
    return { router, getModel, jump };
  };

  it('routes valid messages from allowed senders', async () => {
    const { router, jump } = setup();
    await expect(router({ type: 'reader/jump', punkt: 3 }, popup)).resolves.toEqual({ ok: true });
    expect(jump).toHaveBeenCalledWith({ type: 'reader/jump', punkt: 3 }, popup);
  });

  it('stays silent for foreign senders and unknown types', () => {
    const { router, getModel } = setup();
    expect(router({ type: 'reader/getModel' }, foreignExtension)).toBeNull();
    expect(router({ type: 'reader/getModel' }, foreignPretendingUrl)).toBeNull();
    expect(router({ type: 'reader/getModel' }, webPage)).toBeNull();
    expect(router({ type: 'reader/getModel' }, contentScript)).toBeNull(); // wrong kind of sender
    expect(router({ type: 'something/else' }, popup)).toBeNull();
    expect(router({ type: 'toString' }, popup)).toBeNull();
    expect(router('reader/getModel', popup)).toBeNull();
    expect(router(null, popup)).toBeNull();
    expect(getModel).not.toHaveBeenCalled();
  });

  it('answers malformed payloads without calling the handler', async () => {
    const { router, jump } = setup();
    await expect(router({ type: 'reader/jump', punkt: 'drop table' }, popup)).resolves.toEqual({
      ok: false,
      error: 'invalid-message',
    });
    expect(jump).not.toHaveBeenCalled();
  });

  it('turns handler failures into an error response', async () => {
    const router = createRouter(() => self, {
      'reader/getModel': route(GetModelMessage, 'extension-page', () => {
        throw new Error('boom');
      }),
      'reader/jump': route(JumpMessage, 'extension-page', async () => {
        throw new Error('boom');
      }),
    });
    await expect(router({ type: 'reader/getModel' }, popup)).resolves.toEqual({
      ok: false,
      error: 'handler-failed',
    });
    await expect(router({ type: 'reader/jump', punkt: 1 }, popup)).resolves.toEqual({
      ok: false,
      error: 'handler-failed',
    });
  });
});
