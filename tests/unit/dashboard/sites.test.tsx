// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createSitesClient, Sites, type SitesClient } from '../../../components/dashboard/Sites';
import { withTestRoot } from '../ui/i18n-stub';
import { flush } from './helpers';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

function client(hosts: string[]): SitesClient & { hosts: string[] } {
  const c = {
    hosts: [...hosts],
    list: vi.fn(async () => [...c.hosts]),
    disable: vi.fn(async (host: string) => {
      c.hosts = c.hosts.filter((h) => h !== host);
      return true;
    }),
  };
  return c;
}

async function show(sites: SitesClient) {
  await act(async () => render(<Sites sites={sites} />, root));
  await flush();
}

describe('dashboard: other sites', () => {
  it('lists the sites switched on, each with a named remove button', async () => {
    await show(client(['a.example.org', 'minutes.example.org']));
    expect(root.querySelector('h2')?.textContent).toBe('Andre websteder');
    const rows = [...root.querySelectorAll('li[data-host]')].map((li) => li.getAttribute('data-host'));
    expect(rows).toEqual(['a.example.org', 'minutes.example.org']);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="site-remove"]')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Stop med at læse referater på a.example.org',
      'Stop med at læse referater på minutes.example.org',
    ]);
    expect(buttons.every((b) => b.type === 'button' && b.textContent === 'Fjern')).toBe(true);
  });

  it('switches a site off and keeps the keyboard focus in the section', async () => {
    const c = client(['a.example.org', 'minutes.example.org']);
    await show(c);
    const button = root.querySelector<HTMLButtonElement>('li[data-host="a.example.org"] button')!;
    button.focus();
    await act(async () => button.click());
    await flush();
    await flush();
    expect(c.disable).toHaveBeenCalledWith('a.example.org');
    expect([...root.querySelectorAll('li[data-host]')].map((li) => li.getAttribute('data-host'))).toEqual([
      'minutes.example.org',
    ]);
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Sagsspor leder ikke længere efter referater på a.example.org.',
    );
    expect(document.activeElement).toBe(root.querySelector('h2'));
  });

  it('says when there are none, and leaves itself out when the background does not answer', async () => {
    await show(client([]));
    expect(root.textContent).toContain('Ingen andre websteder er slået til.');
    await act(async () => render(null, root));
    await show({ list: async () => Promise.reject(new Error('x')), disable: vi.fn() });
    expect(root.querySelector('[data-testid="dash-sites"]')).toBeNull();
  });

  it('talks to the background through validated sites/* messages', async () => {
    const send = vi.fn(async (m: unknown) =>
      (m as { type: string }).type === 'sites/list' ? { ok: true, hosts: ['x.example.org'] } : { ok: true },
    );
    const c = createSitesClient(send);
    expect(await c.list()).toEqual(['x.example.org']);
    expect(await c.disable('x.example.org')).toBe(true);
    expect(send).toHaveBeenLastCalledWith({ type: 'sites/disable', host: 'x.example.org' });
    await expect(createSitesClient(async () => ({ ok: true, hosts: ['*'] })).list()).rejects.toThrow();
  });
});
