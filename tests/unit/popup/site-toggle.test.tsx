// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp, type PopupState } from '../../../components/popup/PopupApp';
import type { SiteControl } from '../../../components/popup/SiteToggle';
import { createSiteControl } from '../../../entrypoints/popup/sites';
import { recognised } from '../ui/fixtures';
import { stubI18n } from '../ui/i18n-stub';

const HOST = 'minutes.example.org';
let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  stubI18n('da');
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.useRealTimers();
});

function control(over: Partial<SiteControl> = {}, enabled = false): SiteControl {
  return {
    info: vi.fn(async () => ({ host: HOST, enabled })),
    enable: vi.fn(async () => 'enabled' as const),
    disable: vi.fn(async () => true),
    ...over,
  };
}

async function show(
  site: SiteControl,
  load: () => Promise<PopupState> = async () => ({ kind: 'no-reader' }),
) {
  await act(async () => {
    render(<PopupApp load={load} jump={vi.fn()} readAnyway={vi.fn()} site={site} />, root);
  });
  await act(async () => {});
}

const q = (id: string) => root.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);

describe('popup: always read minutes on this site', () => {
  it('offers the site next to "read this page anyway" and switches it on from the click', async () => {
    const site = control();
    await show(site);
    const button = q('site-enable')!;
    expect(q('read-anyway')).not.toBeNull();
    expect(button.textContent).toBe(`Læs altid referater på ${HOST}`);
    expect(button.type).toBe('button');
    button.focus();
    // The permission prompt needs the click: enable is called in the handler itself.
    button.click();
    expect(site.enable).toHaveBeenCalledWith(HOST);
    await act(async () => {});
    expect(q('site-note')?.textContent).toBe(
      `Sagsspor leder nu efter referater på ${HOST}, hver gang du besøger siden.`,
    );
    expect(q('site-note')?.getAttribute('role')).toBe('status');
    expect(q('site-note')?.className).toBe('popup-site-note'); // not styled as a warning
    // The same button now offers the way back, and keeps the keyboard focus.
    expect(q('site-enable')).toBeNull();
    expect(q('site-disable')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(button.textContent).toBe(`Stop med at læse referater på ${HOST}`);
  });

  it('says so when the browser did not grant the site', async () => {
    const site = control({ enable: vi.fn(async () => 'denied' as const) });
    await show(site);
    await act(async () => q('site-enable')!.click());
    await act(async () => {});
    expect(q('site-note')?.textContent).toBe(`Sagsspor fik ikke adgang til ${HOST}.`);
    expect(q('site-note')?.className).toBe('popup-notice');
    expect(q('site-enable')).not.toBeNull();
  });

  it('switches a site off on that site', async () => {
    const site = control({}, true);
    await show(site, async () => ({
      kind: 'model',
      model: { status: 'recognised', url: `https://${HOST}/m/1`, result: recognised() },
    }));
    await act(async () => q('site-disable')!.click());
    await act(async () => {});
    expect(site.disable).toHaveBeenCalledWith(HOST);
    expect(q('site-note')?.textContent).toBe(`Sagsspor leder ikke længere efter referater på ${HOST}.`);
    expect(q('site-enable')).not.toBeNull();
  });

  it('offers nothing where the manifest already reads (or no site)', async () => {
    await show(control({ info: async () => null }));
    expect(root.querySelector('[data-testid="site-toggle"]')).toBeNull();
    expect(q('read-anyway')).not.toBeNull();
  });

  it('shows the page once the detector it just started has a reader there', async () => {
    vi.useFakeTimers();
    const model: PopupState = {
      kind: 'model',
      model: { status: 'recognised', url: `https://${HOST}/m/1`, result: recognised() },
    };
    let calls = 0;
    const load = vi.fn(async (): Promise<PopupState> => (++calls >= 4 ? model : { kind: 'no-reader' }));
    await show(control(), load);
    expect(root.querySelectorAll('button[data-punkt]').length).toBe(0);
    await act(async () => q('site-enable')!.click());
    for (let i = 0; i < 5; i++)
      await act(async () => {
        await vi.advanceTimersByTimeAsync(300);
      });
    expect(root.querySelector('[data-testid="popup"]')?.getAttribute('data-state')).toBe('recognised');
    expect(root.querySelectorAll('button[data-punkt]').length).toBe(3);
    expect(load).toHaveBeenCalledTimes(4);
  });
});

describe('popup: site control over the extension APIs', () => {
  it('asks for the permission synchronously, before the tab id is even known', async () => {
    const order: string[] = [];
    const request = vi.fn((p: { origins?: string[] }) => {
      order.push(`request ${p.origins?.join()}`);
      return Promise.resolve(true);
    });
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { request };
    const send = vi.fn(async (m: unknown) => {
      order.push(`send ${JSON.stringify(m)}`);
      return { ok: true };
    });
    let resolveTab: (id: number) => void = () => {};
    const c = createSiteControl(new Promise((r) => (resolveTab = r)), send);
    const result = c.enable(HOST);
    expect(request).toHaveBeenCalledWith({ origins: [`*://${HOST}/*`] });
    resolveTab(7);
    expect(await result).toBe('enabled');
    expect(order).toEqual([
      `request *://${HOST}/*`,
      `send ${JSON.stringify({ type: 'sites/enable', host: HOST, tabId: 7 })}`,
    ]);
  });

  it('sends nothing when the user says no', async () => {
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { request: async () => false };
    const send = vi.fn(async () => ({ ok: true }));
    expect(await createSiteControl(Promise.resolve(7), send).enable(HOST)).toBe('denied');
    expect(send).not.toHaveBeenCalled();
  });

  it("reads the tab's host and whether it is switched on", async () => {
    const get = vi.spyOn(fakeBrowser.tabs, 'get');
    const send = vi.fn(async () => ({ ok: true, hosts: [HOST] }));
    get.mockResolvedValueOnce({ id: 7, url: `https://${HOST}/meeting/1` } as never);
    expect(await createSiteControl(Promise.resolve(7), send).info()).toEqual({ host: HOST, enabled: true });
    get.mockResolvedValueOnce({ id: 7, url: 'https://other.example.net/' } as never);
    expect(await createSiteControl(Promise.resolve(7), send).info()).toEqual({
      host: 'other.example.net',
      enabled: false,
    });
    // *.dk is the manifest's, browser pages are not sites, and without activeTab the URL is hidden.
    for (const url of ['https://aarhus.dk/referat', 'chrome://newtab/', undefined]) {
      get.mockResolvedValueOnce({ id: 7, url } as never);
      expect(await createSiteControl(Promise.resolve(7), send).info()).toBeNull();
    }
    expect(await createSiteControl(Promise.resolve(null), send).info()).toBeNull();
  });

  it('switches off through the background', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    expect(await createSiteControl(Promise.resolve(7), send).disable(HOST)).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'sites/disable', host: HOST });
  });
});
