import { describe, expect, it } from 'vitest';
import {
  createSites,
  createSitesRouter,
  DETECTOR_FILE,
  hostOfOrigin,
  SCRIPT_PREFIX,
  SITES_KEY,
  type SitesBrowser,
  setupSites,
} from '../../../entrypoints/background/sites';
import { optInHostOf } from '../../../lib/messages/schemas';

type Script = Parameters<SitesBrowser['scripting']['registerContentScripts']>[0][number];
type Listener = (p: { origins?: string[] }) => void;

/** An in-memory browser: storage, granted origins, registered scripts, open tabs, and what ran where. */
function fakeBrowser(opts: { granted?: string[]; stored?: unknown; tabs?: Record<number, string> } = {}) {
  const storage = new Map<string, unknown>();
  if (opts.stored !== undefined) storage.set(SITES_KEY, opts.stored);
  const granted = new Set(opts.granted ?? []);
  const scripts = new Map<string, Script>();
  const tabs = opts.tabs ?? {};
  const executed: Array<{ tabId: number; files: string[] }> = [];
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const removeCalls: string[][] = [];
  const hostOf = (pattern: string) => /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  const b: SitesBrowser & {
    permissions: {
      onAdded: { addListener(cb: Listener): void };
      onRemoved: { addListener(cb: Listener): void };
    };
  } = {
    storage: {
      local: {
        get: async (key) => (storage.has(key) ? { [key]: structuredClone(storage.get(key)) } : {}),
        set: async (items) => {
          for (const [k, v] of Object.entries(items)) storage.set(k, structuredClone(v));
        },
      },
    },
    permissions: {
      contains: async ({ origins }) => origins.every((o) => granted.has(o) || granted.has('*://*/*')),
      remove: async ({ origins }) => {
        removeCalls.push(origins);
        for (const o of origins) granted.delete(o);
        return true;
      },
      onAdded: { addListener: (cb) => added.push(cb) },
      onRemoved: { addListener: (cb) => removed.push(cb) },
    },
    scripting: {
      registerContentScripts: async (list) => {
        for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        for (const s of list) scripts.set(s.id, s);
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        for (const id of ids) scripts.delete(id);
      },
      getRegisteredContentScripts: async () => [...scripts.values()],
      executeScript: async ({ target, files }) => {
        executed.push({ tabId: target.tabId, files });
        return [];
      },
    },
    tabs: {
      query: async ({ url }) =>
        Object.entries(tabs)
          .filter(([, u]) => url.some((p) => new URL(u).hostname === hostOf(p)))
          .map(([id]) => ({ id: Number(id) })),
    },
  };
  return { b, storage, granted, scripts, executed, added, removed, removeCalls };
}

describe('site hosts', () => {
  it('offers the switch on http(s) pages outside *.dk only', () => {
    expect(optInHostOf('https://Minutes.Example.org:8443/meeting/1?x#y')).toBe('minutes.example.org');
    expect(optInHostOf('http://kommune.firstagenda.com/')).toBe('kommune.firstagenda.com');
    expect(optInHostOf('https://dagsorden.ballerup.dk/meeting/1')).toBeNull();
    expect(optInHostOf('https://dk/')).toBeNull();
    expect(optInHostOf('https://example.dk./x')).toBeNull();
    expect(optInHostOf('chrome://extensions/')).toBeNull();
    expect(optInHostOf('file:///tmp/x.html')).toBeNull();
    expect(optInHostOf('https://[::1]/')).toBeNull();
    expect(optInHostOf(undefined)).toBeNull();
    expect(optInHostOf('not a url')).toBeNull();
  });

  it('reads one host from a granted origin, never a wildcard', () => {
    expect(hostOfOrigin('*://minutes.example.org/*')).toBe('minutes.example.org');
    expect(hostOfOrigin('https://minutes.example.org/*')).toBe('minutes.example.org');
    expect(hostOfOrigin('*://*/*')).toBeNull();
    expect(hostOfOrigin('*://*.example.org/*')).toBeNull();
    expect(hostOfOrigin('<all_urls>')).toBeNull();
  });
});

describe('sites: switch on and off', () => {
  const HOST = 'minutes.example.org';
  const ORIGIN = `*://${HOST}/*`;

  it('refuses without the host permission, and for *.dk', async () => {
    const f = fakeBrowser();
    const sites = createSites(f.b);
    expect(await sites.enable(HOST, 3)).toEqual({ ok: false, error: 'no-permission' });
    expect(await sites.enable('aarhus.dk', 3)).toEqual({ ok: false, error: 'manifest-host' });
    expect(f.scripts.size).toBe(0);
    expect(f.executed).toEqual([]);
    expect(await sites.list()).toEqual([]);
  });

  it('registers the detector for the site, persistently, and runs it in its open tabs once', async () => {
    const f = fakeBrowser({
      granted: [ORIGIN],
      tabs: { 3: `https://${HOST}/meeting/1`, 4: `https://${HOST}/meeting/2`, 5: 'https://other.org/' },
    });
    const sites = createSites(f.b);
    expect(await sites.enable(HOST, 3)).toEqual({ ok: true });
    expect(await sites.list()).toEqual([HOST]);
    expect([...f.scripts.values()]).toEqual([
      {
        id: SCRIPT_PREFIX + HOST,
        js: [DETECTOR_FILE],
        matches: [ORIGIN],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    expect(f.executed.map((e) => e.tabId).sort()).toEqual([3, 4]);
    expect(f.executed.every((e) => e.files[0] === DETECTOR_FILE)).toBe(true);
    // Again (the popup's message after permissions.onAdded): no second registration, no second run.
    expect(await sites.enable(HOST, 3)).toEqual({ ok: true });
    expect(f.scripts.size).toBe(1);
    expect(f.executed).toHaveLength(2);
  });

  it('switches a site off: unregisters, forgets it and gives the permission back', async () => {
    const f = fakeBrowser({ granted: [ORIGIN, '*://b.example.net/*'] });
    const sites = createSites(f.b);
    await sites.enable(HOST, null);
    await sites.enable('b.example.net', null);
    await sites.disable(HOST);
    expect(await sites.list()).toEqual(['b.example.net']);
    expect([...f.scripts.keys()]).toEqual([`${SCRIPT_PREFIX}b.example.net`]);
    expect(f.removeCalls).toEqual([[ORIGIN]]);
    expect(f.granted.has(ORIGIN)).toBe(false);
    // Twice is harmless.
    await expect(sites.disable(HOST)).resolves.toBeUndefined();
  });

  it('still switches off when the permission cannot be removed', async () => {
    const f = fakeBrowser({ granted: [ORIGIN] });
    f.b.permissions.remove = async () => {
      throw new Error('You cannot remove required permissions.');
    };
    const sites = createSites(f.b);
    await sites.enable(HOST, null);
    await sites.disable(HOST);
    expect(await sites.list()).toEqual([]);
    expect(f.scripts.size).toBe(0);
  });

  it('survives concurrent requests for the same site', async () => {
    const f = fakeBrowser({ granted: [ORIGIN], tabs: { 7: `https://${HOST}/` } });
    const sites = createSites(f.b);
    const results = await Promise.all([
      sites.enable(HOST, 7),
      sites.onAdded({ origins: [ORIGIN] }),
      sites.enable(HOST, 7),
    ]);
    expect(results[0]).toEqual({ ok: true });
    expect(f.scripts.size).toBe(1);
    expect(f.executed).toHaveLength(1);
  });
});

describe('sites: start-up and permission changes', () => {
  const HOST = 'minutes.example.org';
  const ORIGIN = `*://${HOST}/*`;

  it('re-registers stored sites that kept their permission, drops the others', async () => {
    const f = fakeBrowser({
      granted: [ORIGIN],
      stored: [HOST, 'gone.example.net', '*.evil', 42],
    });
    // A stale registration of ours and someone else's script.
    f.scripts.set(`${SCRIPT_PREFIX}gone.example.net`, { id: `${SCRIPT_PREFIX}gone.example.net`, js: ['x'] });
    f.scripts.set('other', { id: 'other', js: ['y'] });
    const sites = createSites(f.b);
    expect(await sites.sync()).toEqual([HOST]);
    expect(f.storage.get(SITES_KEY)).toEqual([HOST]);
    expect([...f.scripts.keys()].sort()).toEqual(['other', SCRIPT_PREFIX + HOST].sort());
    // Already registered (persistAcrossSessions): a second start changes nothing.
    expect(await sites.sync()).toEqual([HOST]);
    expect(f.scripts.size).toBe(2);
    expect(f.executed).toEqual([]);
  });

  it('cleans up when the permission is revoked in the browser UI', async () => {
    const f = fakeBrowser({ granted: [ORIGIN] });
    const sites = setupSites(f.b);
    await sites.enable(HOST, null);
    expect(f.scripts.size).toBe(1);
    f.granted.delete(ORIGIN);
    for (const cb of f.removed) cb({ origins: [ORIGIN] });
    await sites.list(); // waits behind the queued clean-up
    expect(await sites.list()).toEqual([]);
    expect(f.scripts.size).toBe(0);
  });

  it('switches a site on when one host is granted in the browser UI, not for all sites', async () => {
    const f = fakeBrowser({ tabs: { 9: `https://${HOST}/x` } });
    const sites = setupSites(f.b);
    f.granted.add('https://minutes.example.org/*');
    f.b.permissions.contains = async ({ origins }) =>
      origins.every((o) => f.granted.has(o) || f.granted.has(o.replace('*://', 'https://')));
    for (const cb of f.added) cb({ origins: ['https://minutes.example.org/*', '*://*/*', '*://x.dk/*'] });
    await sites.list();
    expect(await sites.list()).toEqual([HOST]);
    expect(f.executed.map((e) => e.tabId)).toEqual([9]);
  });
});

describe('sites router', () => {
  const self = { runtimeId: 'our-id', extensionOrigin: 'chrome-extension://our-id/' };
  const page = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
  const content = { id: 'our-id', url: 'https://minutes.example.org/', tab: { id: 3 }, frameId: 0 };

  it('answers extension pages only, with validated hosts', async () => {
    const f = fakeBrowser({ granted: ['*://minutes.example.org/*'] });
    const router = createSitesRouter(() => self, createSites(f.b));
    expect(router({ type: 'sites/list' }, content)).toBeNull();
    expect(router({ type: 'sites/enable', host: 'minutes.example.org', tabId: 3 }, content)).toBeNull();
    await expect(router({ type: 'sites/enable', host: '*', tabId: null }, page)).resolves.toEqual({
      ok: false,
      error: 'invalid-message',
    });
    await expect(
      router({ type: 'sites/enable', host: 'minutes.example.org/../x', tabId: null }, page),
    ).resolves.toEqual({ ok: false, error: 'invalid-message' });
    await expect(
      router({ type: 'sites/enable', host: 'minutes.example.org', tabId: 3 }, page),
    ).resolves.toEqual({ ok: true });
    await expect(router({ type: 'sites/list' }, page)).resolves.toEqual({
      ok: true,
      hosts: ['minutes.example.org'],
    });
    await expect(router({ type: 'sites/disable', host: 'minutes.example.org' }, page)).resolves.toEqual({
      ok: true,
    });
    await expect(router({ type: 'sites/list' }, page)).resolves.toEqual({ ok: true, hosts: [] });
    expect(router({ type: 'sites/unknown' }, page)).toBeNull();
  });
});
