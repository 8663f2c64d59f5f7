// @vitest-environment jsdom
// The reader on a real parsed fixture, its messages answered by the real
// background data routes over fake-indexeddb: a highlight is saved, survives a
// "reload" (a new reader on a fresh DOM), and a background that stops
// answering mid-way only delays the write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Reader } from '../../../entrypoints/reader.content/reader';
import { listForPage } from '../../../lib/db';
import { contentScript, type Harness, harness } from '../background-data/helpers';
import { stubI18n } from '../ui/i18n-stub';
import { loadFixture, openShadowRoots, selectText } from './helpers';

const QUOTE = 'Der afsættes årligt 20.000 kr. i 2023 og 2024.';
let h: Harness;
let reader: Reader | null = null;
let restoreShadow: () => void;
let down = false;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const host = () => document.querySelector('sagsspor-root');

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await wait(20);
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('da');
  restoreShadow = openShadowRoots();
  h = harness();
  down = false;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
    if (m.type.startsWith('ui/') || m.type.startsWith('page/')) return { ok: true };
    if (down) throw new Error('Could not establish connection. Receiving end does not exist.');
    return h.send(m, contentScript(document.location.href));
  }) as never);
});
afterEach(() => {
  reader?.stop();
  reader = null;
  restoreShadow();
});

function startReader() {
  loadFixture();
  reader = new Reader(document);
  reader.start();
}

describe('reader ⇄ background data routes', () => {
  it('saves a highlight and re-anchors it after a reload; a sleeping background only delays writes', async () => {
    startReader();
    await until(() => host()?.getAttribute('data-status') === 'recognised');
    await wait(50);
    selectText(QUOTE);
    down = true; // the service worker is gone for a moment
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true, cancelable: true }));
    await until(() => host()?.getAttribute('data-annotations') === '1');
    expect(host()?.getAttribute('data-pending')).toBe('1');
    down = false;
    await until(() => host()?.getAttribute('data-pending') === '0', 5000);
    const stored = await listForPage(h.db, { url: document.location.href });
    expect(stored.map((a) => a.quote)).toEqual([QUOTE]);
    expect(stored[0]!.page.punktNumber).toBe(4);

    // "Reload": a new reader on a fresh copy of the page.
    reader!.stop();
    startReader();
    await until(() => host()?.getAttribute('data-annotations') === '1');
    expect(host()?.getAttribute('data-orphans')).toBe('0');
    expect([...document.querySelectorAll('sagsspor-hl')].map((w) => w.textContent).join('')).toBe(QUOTE);
  });
});
