// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it, describe as suite, vi } from 'vitest';
import { buildTextIndex, createLateAnchorer, createWrapperPainter } from '../../../lib/anchoring';
import { htmlDoc } from './helpers';

const flush = () => new Promise<void>((r) => queueMicrotask(r));

suite('createLateAnchorer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(opts = {}) {
    const doc = htmlDoc('<main id="m"><p>Start</p></main>');
    const win = doc.defaultView!;
    const onNew = vi.fn();
    const late = createLateAnchorer(doc.body, onNew, { MutationObserver: win.MutationObserver, ...opts });
    const add = (text: string) => {
      const p = doc.createElement('p');
      p.textContent = text;
      doc.getElementById('m')!.append(p);
    };
    return { doc, onNew, late, add };
  }

  it('signals once for a burst of new text, after the debounce', async () => {
    const { onNew, late, add } = setup({ debounceMs: 100 });
    add('Punkt 4 foldes ud');
    add('Mere tekst');
    await flush();
    add('Og endnu mere');
    await flush();
    expect(onNew).not.toHaveBeenCalled();
    vi.advanceTimersByTime(120);
    expect(onNew).toHaveBeenCalledTimes(1);
    late.stop();
  });

  it('ignores whitespace, script text and our own painting', async () => {
    const { doc, onNew, late } = setup({ debounceMs: 50 });
    doc.getElementById('m')!.append(doc.createTextNode('\n   '));
    const s = doc.createElement('script');
    s.textContent = 'var a = 1;';
    doc.body.append(s);
    const idx = buildTextIndex(doc);
    const painter = createWrapperPainter(idx);
    painter.paint([{ id: 'x', start: 1, end: 4, color: 'yellow' }]);
    // A whole text node (the original object) is wrapped and later moved back.
    painter.paint([{ id: 'y', start: 0, end: 5, color: 'green' }]);
    expect(doc.querySelector('sagsspor-hl')).not.toBeNull();
    await flush();
    painter.clearAll();
    await flush();
    vi.advanceTimersByTime(500);
    expect(onNew).not.toHaveBeenCalled();
    late.stop();
  });

  it('fires within maxWait even while mutations keep coming', async () => {
    const { onNew, late, add } = setup({ debounceMs: 100, maxWaitMs: 300 });
    for (let i = 0; i < 10; i++) {
      add(`Tekst ${i}`);
      await flush();
      vi.advanceTimersByTime(50);
    }
    expect(onNew.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(onNew.mock.calls.length).toBeLessThanOrEqual(2);
    late.stop();
  });

  it('is rate-limited per minute and stops after its timeout', async () => {
    const { onNew, late, add } = setup({ debounceMs: 10, maxPerMinute: 2, timeoutMs: 90_000 });
    for (let i = 0; i < 6; i++) {
      add(`Runde ${i}`);
      await flush();
      vi.advanceTimersByTime(1000);
    }
    expect(onNew).toHaveBeenCalledTimes(2);
    // One deferred signal when a slot frees up.
    vi.advanceTimersByTime(60_000);
    expect(onNew).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(30_000);
    expect(late.active).toBe(false);
    add('For sent');
    await flush();
    vi.advanceTimersByTime(120_000);
    expect(onNew).toHaveBeenCalledTimes(3);
  });

  it('keeps observing when the callback throws', async () => {
    const { onNew, late, add } = setup({ debounceMs: 10 });
    onNew.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    add('a');
    await flush();
    vi.advanceTimersByTime(20);
    add('b');
    await flush();
    vi.advanceTimersByTime(20);
    expect(onNew).toHaveBeenCalledTimes(2);
    expect(late.signals).toBe(2);
    late.stop();
  });
});
