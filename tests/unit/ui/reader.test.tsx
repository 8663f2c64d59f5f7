// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ParseResult } from '../../../lib/model/minutes';
import { meeting, recognised } from './fixtures';
import { stubI18n } from './i18n-stub';

const state = vi.hoisted(() => ({
  result: null as ParseResult | null,
  likely: true,
  throws: false,
}));
vi.mock('../../../lib/minutes', () => ({
  parseDocument: () => {
    if (state.throws) throw new Error('parser bug');
    return state.result;
  },
  detectMinutes: () => ({ likely: state.likely, pending: false, platform: null }),
  resolveDomRef: undefined,
}));

const { Reader } = await import('../../../entrypoints/reader.content/reader');

const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const host = () => document.querySelector('sagsspor-root');

async function ask(message: unknown, sender: object = popup): Promise<unknown> {
  let answer: unknown;
  await fakeBrowser.runtime.onMessage.trigger(message, sender, (r: unknown) => {
    answer = r;
  });
  await new Promise((r) => setTimeout(r, 0));
  return answer;
}

let reader: InstanceType<typeof Reader> | null = null;
let sent: unknown[] = [];
let panelOpenInSession = false;
/** What the reader told the background about the page (badge messages). */
const pageReports = () => sent.filter((m) => String((m as { type: string }).type).startsWith('page/'));
beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('da');
  sent = [];
  panelOpenInSession = false;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: {
    type: string;
    open?: boolean;
  }) => {
    sent.push(m);
    if (m.type === 'ui/getPanelState') return { open: panelOpenInSession };
    if (m.type === 'ui/setPanelState') panelOpenInSession = m.open === true;
    return { ok: true };
  }) as never);
  Element.prototype.scrollIntoView = vi.fn();
  document.body.innerHTML =
    '<main><h3>Punkt 1 Meddelelser</h3><h3>Punkt 3 Forsvarets industrimesse, DALO Industry Days</h3><h3>Punkt 11 Lukket: Meddelelser</h3></main>';
  state.result = recognised();
  state.likely = true;
  state.throws = false;
});
afterEach(() => {
  reader?.stop();
  reader = null;
});

describe('Reader', () => {
  it('shows the collapsed panel, reports the punkt count and answers the popup', async () => {
    reader = new Reader(document);
    reader.start();
    expect(host()?.getAttribute('data-state')).toBe('collapsed');
    expect(host()?.getAttribute('data-status')).toBe('recognised');
    expect(host()?.getAttribute('data-punkter')).toBe('3');
    expect(pageReports()).toEqual([
      {
        type: 'page/recognised',
        tabSummary: expect.objectContaining({ punktCount: 3, municipality: 'Ballerup', date: '2023-06-06' }),
      },
    ]);
    const model = (await ask({ type: 'reader/getModel' })) as { status: string; result: ParseResult };
    expect(model.status).toBe('recognised');
    expect(model.result.meeting?.punkter.map((p) => p.number)).toEqual([1, 3, 11]);
    expect(await ask({ type: 'reader/jump', punkt: 3 })).toEqual({ ok: true });
    expect(await ask({ type: 'reader/jump', punkt: 99 })).toEqual({ ok: false });
  });

  it('does not answer other extensions or web pages', async () => {
    reader = new Reader(document);
    reader.start();
    expect(
      await ask({ type: 'reader/getModel' }, { id: 'evil', url: 'chrome-extension://evil/x.html' }),
    ).toBeUndefined();
    expect(
      await ask({ type: 'reader/getModel' }, { url: 'https://evil.example/', tab: { id: 1 } }),
    ).toBeUndefined();
  });

  it('says "not recognised" (and clears the badge) for minutes-like pages without punkter', () => {
    state.result = { isMinutes: true, platform: 'generic', meeting: meeting({ punkter: [] }) };
    reader = new Reader(document);
    reader.start();
    expect(host()?.getAttribute('data-status')).toBe('not-recognised');
    expect(host()?.hasAttribute('data-punkter')).toBe(false);
    expect(pageReports()).toEqual([{ type: 'page/not-recognised', reason: null, url: expect.any(String) }]);
  });

  it('survives a parser that throws', () => {
    state.throws = true;
    reader = new Reader(document);
    expect(() => reader!.start()).not.toThrow();
    expect(host()?.getAttribute('data-status')).toBe('not-recognised');
  });

  it('shows nothing when the page is not minutes after all', () => {
    state.result = { isMinutes: false, platform: null, reason: 'no' };
    state.likely = false;
    reader = new Reader(document);
    reader.start();
    expect(host()).toBeNull();
  });

  it('re-reads when client-rendered content arrives (debounced)', async () => {
    state.result = { isMinutes: false, platform: null, reason: 'loading' };
    reader = new Reader(document);
    reader.start();
    expect(host()?.getAttribute('data-status')).toBe('not-recognised');
    state.result = recognised();
    document.body.appendChild(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 600));
    expect(host()?.getAttribute('data-punkter')).toBe('3');
  });

  it('follows in-page navigation between meetings, and away from them', async () => {
    reader = new Reader(document);
    reader.start();
    reader.jump(1);
    expect(host()?.getAttribute('data-punkter')).toBe('3');
    // The portal swaps in another meeting without a page load.
    state.result = recognised(
      meeting({ committee: 'Økonomiudvalget', punkter: meeting().punkter.slice(0, 2) }),
    );
    history.pushState(null, '', '/vis?id=other-meeting');
    document.body.appendChild(document.createElement('section'));
    await new Promise((r) => setTimeout(r, 600));
    expect(host()?.getAttribute('data-punkter')).toBe('2');
    expect(pageReports().at(-1)).toEqual({
      type: 'page/recognised',
      tabSummary: expect.objectContaining({ punktCount: 2, url: expect.stringContaining('other-meeting') }),
    });
    // …and on to a page that is not minutes: the panel goes, the badge is cleared.
    state.result = { isMinutes: false, platform: null, reason: 'not-minutes' };
    state.likely = false;
    history.pushState(null, '', '/nyheder');
    document.body.appendChild(document.createElement('section'));
    await new Promise((r) => setTimeout(r, 600));
    expect(host()).toBeNull();
    expect(sent.at(-1)).toEqual({
      type: 'page/not-recognised',
      reason: 'not-minutes',
      url: expect.stringContaining('/nyheder'),
    });
  });

  it('toggles with Alt+Shift+S, and remembers the state for the session', async () => {
    reader = new Reader(document);
    reader.start();
    const shortcut = () =>
      window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyS', altKey: true, shiftKey: true }));
    shortcut();
    expect(host()?.getAttribute('data-state')).toBe('open');
    expect(panelOpenInSession).toBe(true);
    shortcut();
    expect(host()?.getAttribute('data-state')).toBe('collapsed');
    expect(panelOpenInSession).toBe(false);
  });

  it('steps aside after a jump on a narrow window', () => {
    const width = window.innerWidth;
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 500 });
    try {
      reader = new Reader(document, { panelOpen: true });
      reader.start();
      expect(host()?.getAttribute('data-state')).toBe('open');
      expect(reader.jump(3, true)).toBe(true);
      expect(host()?.getAttribute('data-state')).toBe('collapsed');
      expect(panelOpenInSession).toBe(false); // unchanged: not the user's choice
      expect(sent.some((m) => (m as { type: string }).type === 'ui/setPanelState')).toBe(false);
    } finally {
      Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
    }
  });

  it('leaves the shortcut to the page when it has access key "s"', () => {
    document.body.insertAdjacentHTML('beforeend', '<input type="search" accesskey="S">');
    reader = new Reader(document);
    reader.start();
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyS', altKey: true, shiftKey: true }));
    expect(host()?.getAttribute('data-state')).toBe('collapsed');
  });

  it('reopens the panel on the next page when it was left open, without taking focus', async () => {
    panelOpenInSession = true;
    reader = new Reader(document);
    reader.start();
    await new Promise((r) => setTimeout(r, 200)); // Preact runs effects after a frame
    expect(host()?.getAttribute('data-state')).toBe('open');
    expect(document.activeElement).not.toBe(host()); // focus stayed in the page
  });
});

describe('statusOf', async () => {
  const { statusOf } = await import('../../../entrypoints/reader.content/summary');
  it('maps parse results to panel states', () => {
    expect(statusOf(recognised(), false)).toBe('recognised');
    expect(statusOf({ isMinutes: false, platform: null, reason: 'no-punkter' }, false)).toBe(
      'not-recognised',
    );
    expect(statusOf({ isMinutes: false, platform: null, reason: 'not-minutes' }, true)).toBe(
      'not-recognised',
    );
    expect(statusOf({ isMinutes: false, platform: null, reason: 'not-minutes' }, false)).toBe('idle');
    expect(statusOf(null, false)).toBe('idle');
  });
});

describe('Reader start options', () => {
  it('renders open from the start when the background says the panel was left open', () => {
    const r = new Reader(document, { panelOpen: true });
    r.start();
    try {
      expect(host()?.getAttribute('data-state')).toBe('open');
      expect(sent.some((m) => (m as { type: string }).type === 'ui/getPanelState')).toBe(false);
    } finally {
      r.stop();
    }
  });
});

describe('Reader asked to read a page anyway', () => {
  it('explains "not recognised" instead of staying silent', () => {
    state.result = { isMinutes: false, platform: null, reason: 'not-minutes' };
    state.likely = false;
    const r = new Reader(document, { forced: true });
    r.start();
    try {
      expect(host()?.getAttribute('data-status')).toBe('not-recognised');
    } finally {
      r.stop();
    }
  });

  it('switches an idle reader to forced when injected again', () => {
    state.result = { isMinutes: false, platform: null, reason: 'not-minutes' };
    state.likely = false;
    const r = new Reader(document);
    r.start();
    try {
      expect(host()).toBeNull();
      r.refresh({ forced: true });
      expect(host()?.getAttribute('data-status')).toBe('not-recognised');
    } finally {
      r.stop();
    }
  });
});
