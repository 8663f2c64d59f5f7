// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, HOST_TAG } from '../../../lib/ui/shadow-host';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('panel host', () => {
  let destroy: (() => void) | undefined;
  afterEach(() => destroy?.());

  it('lives on <html> with a closed shadow root', () => {
    const h = createHost(document, '.x{}');
    destroy = h.destroy;
    expect(h.host.tagName.toLowerCase()).toBe(HOST_TAG);
    expect(h.host.parentElement).toBe(document.documentElement);
    expect(h.host.shadowRoot).toBeNull(); // closed
    expect(h.mount.getRootNode()).not.toBe(document);
    expect(h.host.style.getPropertyValue('z-index')).toBe('2147483647');
  });

  it('comes back when page scripts remove it', async () => {
    const h = createHost(document, '.x{}');
    destroy = h.destroy;
    h.host.remove();
    await tick();
    expect(h.host.parentElement).toBe(document.documentElement);
  });

  it('stays away after destroy', async () => {
    const h = createHost(document, '.x{}');
    h.destroy();
    await tick();
    expect(h.host.isConnected).toBe(false);
  });

  it('keeps keystrokes typed in the panel from page shortcuts', () => {
    const h = createHost(document, '.x{}');
    destroy = h.destroy;
    let seen = 0;
    const count = () => seen++;
    document.addEventListener('keydown', count);
    const button = document.createElement('button');
    h.mount.appendChild(button);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    document.removeEventListener('keydown', count);
    expect(seen).toBe(0);
  });
});
