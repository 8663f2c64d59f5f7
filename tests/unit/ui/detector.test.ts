// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const state = vi.hoisted(() => ({
  detect: (_doc: Document) => ({ likely: false, pending: false, platform: null as string | null }),
  calls: 0,
}));
vi.mock('../../../lib/minutes/detect', () => ({
  detectMinutes: (doc: Document) => {
    state.calls++;
    return state.detect(doc);
  },
}));

const { startDetector } = await import('../../../entrypoints/content');
const { setReaderHandle } = await import('../../../lib/messages/reader-handle');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let sent: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: unknown) => {
    sent.push(m);
  }) as never);
  state.calls = 0;
  document.body.innerHTML = '<p class="loading">Indlæser...</p>';
  setReaderHandle(undefined);
});
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  setReaderHandle(undefined);
  vi.useRealTimers();
});

const start = () => {
  stops.push(startDetector());
};

describe('detector content script', () => {
  it('asks for the reader on a likely page', () => {
    state.detect = () => ({ likely: true, pending: false, platform: 'aabendagsorden' });
    start();
    expect(sent).toEqual([{ type: 'reader/inject', platform: 'aabendagsorden' }]);
  });

  it('does nothing more on an ordinary page', async () => {
    state.detect = () => ({ likely: false, pending: false, platform: null });
    start();
    document.body.appendChild(document.createElement('div'));
    await sleep(400);
    expect(sent).toEqual([]);
    expect(state.calls).toBe(1);
  });

  it('waits for a client-rendered shell, then asks once', async () => {
    state.detect = (doc) =>
      doc.querySelector('.agenda-items')
        ? { likely: true, pending: false, platform: 'firstagenda' }
        : { likely: false, pending: true, platform: 'firstagenda' };
    start();
    expect(sent).toEqual([]);
    const ol = document.createElement('ol');
    ol.className = 'agenda-items';
    document.body.appendChild(ol);
    await sleep(400);
    expect(sent).toEqual([{ type: 'reader/inject', platform: 'firstagenda' }]);
    document.body.appendChild(document.createElement('li'));
    await sleep(400);
    expect(sent.length).toBe(1);
  });

  it('gives up watching after a bounded number of checks', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    state.detect = () => ({ likely: false, pending: true, platform: null });
    start();
    const mutateAndWait = async () => {
      document.body.appendChild(document.createElement('span'));
      await Promise.resolve(); // MutationObserver callback
      vi.advanceTimersByTime(300); // debounce
    };
    for (let i = 0; i < 60; i++) await mutateAndWait();
    expect(state.calls).toBe(1 + 40);
    await mutateAndWait();
    expect(state.calls).toBe(41);
  });

  it('gives up watching a quiet shell after 15 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    state.detect = () => ({ likely: false, pending: true, platform: null });
    start();
    vi.advanceTimersByTime(16_000);
    document.body.appendChild(document.createElement('span'));
    await Promise.resolve();
    vi.advanceTimersByTime(300);
    expect(state.calls).toBe(1);
  });

  it('re-detects after in-page navigation to a meeting', async () => {
    state.detect = () => ({ likely: false, pending: false, platform: null });
    start();
    state.detect = () => ({ likely: true, pending: false, platform: 'firstagenda' });
    history.pushState(null, '', '/vis?id=2');
    document.body.appendChild(document.createElement('main'));
    await sleep(50);
    expect(sent).toEqual([{ type: 'reader/inject', platform: 'firstagenda' }]);
  });

  it('hands over to a running reader', () => {
    const refresh = vi.fn();
    setReaderHandle({ refresh });
    state.detect = () => ({ likely: true, pending: false, platform: null });
    start();
    expect(refresh).toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('never throws, even when detection does', () => {
    state.detect = () => {
      throw new Error('boom');
    };
    expect(() => start()).not.toThrow();
  });
});
