// "Always read minutes on <host>": sites outside *.dk the user switched on. The manifest runs the
// detector on *.dk only; for each switched-on site the background registers the same detector
// (`scripting.registerContentScripts`, persistent across sessions; Chromium MV3 and Firefox 102+ in
// MV2 alike) under the site's optional host permission, which the popup asked for in the click.
//
// Source of truth: the hosts in `storage.local` (SITES_KEY) that still have their permission. At
// every background start, and whenever permissions change (also in the browser's own UI), the
// registrations are brought in line with that.
import { browser } from 'wxt/browser';
import { createRouter, type Router, route } from '../../lib/messages/router';
import {
  DisableSiteMessage,
  EnableSiteMessage,
  isManifestHost,
  ListSitesMessage,
  SiteHost,
  type SitesResponse,
  siteOrigin,
} from '../../lib/messages/schemas';
import type { Self } from '../../lib/messages/sender';

export const SITES_KEY = 'sites/enabled';
/** Registered content script ids: this prefix plus the host. */
export const SCRIPT_PREFIX = 'sagsspor-site:';
/** The tiny detector (entrypoints/content.ts) as WXT builds it. */
export const DETECTOR_FILE = '/content-scripts/content.js' as const;

const originOf = siteOrigin;

/** The single host of a granted origin such as `*://h/*` or `https://h/*`; null for wildcards. */
export function hostOfOrigin(origin: string): string | null {
  const m = /^(?:\*|https?):\/\/([^/*]+)\/\*?$/.exec(origin);
  const host = m?.[1]?.toLowerCase();
  return host && SiteHost.safeParse(host).success ? host : null;
}

interface RegisteredScript {
  id: string;
  js?: string[];
  matches?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The part of the `browser` API this file uses (a fake in tests). */
export interface SitesBrowser {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
    getRegisteredContentScripts(): Promise<RegisteredScript[]>;
    executeScript(details: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  tabs: { query(q: { url: string[] }): Promise<Array<{ id?: number }>> };
}

export type EnableResult = { ok: true } | { ok: false; error: 'no-permission' | 'manifest-host' };

export interface Sites {
  /** Switched-on hosts, sorted. */
  list(): Promise<string[]>;
  /** Switch a site on (needs its host permission); runs the detector in its open tabs and `tabId`. */
  enable(host: string, tabId?: number | null): Promise<EnableResult>;
  /** Switch a site off and give its host permission back. */
  disable(host: string): Promise<void>;
  /** Registrations = stored hosts that still have their permission. Returns the hosts kept. */
  sync(): Promise<string[]>;
  /** `permissions.onAdded`: a single host granted (popup, or the browser's own UI) is switched on. */
  onAdded(p: { origins?: string[] }): Promise<void>;
  /** `permissions.onRemoved`: sites whose permission is gone are switched off. */
  onRemoved(p: { origins?: string[] }): Promise<void>;
}

const scriptFor = (host: string): RegisteredScript => ({
  id: SCRIPT_PREFIX + host,
  js: [DETECTOR_FILE],
  matches: [originOf(host)],
  runAt: 'document_idle',
  allFrames: false,
  persistAcrossSessions: true,
});

export function createSites(b: SitesBrowser): Sites {
  // One change at a time: the popup's message and `permissions.onAdded` arrive together.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };

  const stored = async (): Promise<string[]> => {
    const raw = (await b.storage.local.get(SITES_KEY))[SITES_KEY];
    if (!Array.isArray(raw)) return [];
    return [...new Set(raw.filter((h): h is string => SiteHost.safeParse(h).success))].sort();
  };
  const store = (hosts: string[]) => b.storage.local.set({ [SITES_KEY]: [...new Set(hosts)].sort() });
  const granted = (host: string) => b.permissions.contains({ origins: [originOf(host)] }).catch(() => false);

  const ourScripts = async (): Promise<Set<string>> => {
    const all = await b.scripting.getRegisteredContentScripts();
    return new Set(all.map((s) => s.id).filter((id) => id.startsWith(SCRIPT_PREFIX)));
  };
  const register = async (hosts: string[]) => {
    if (hosts.length) await b.scripting.registerContentScripts(hosts.map(scriptFor));
  };
  const unregister = async (ids: string[]) => {
    if (ids.length) await b.scripting.unregisterContentScripts({ ids });
  };

  /** Runs the detector now in the site's open tabs (registered scripts only run on later loads). */
  const runDetector = async (host: string, tabId: number | null | undefined) => {
    const tabs = await b.tabs.query({ url: [originOf(host)] }).catch(() => []);
    const ids = new Set(tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number'));
    if (typeof tabId === 'number') ids.add(tabId);
    await Promise.all(
      [...ids].map((id) =>
        b.scripting.executeScript({ target: { tabId: id }, files: [DETECTOR_FILE] }).catch(() => {}),
      ),
    );
  };

  const doSync = async (): Promise<string[]> => {
    const hosts = await stored();
    const keep: string[] = [];
    for (const h of hosts) if (await granted(h)) keep.push(h);
    if (keep.length !== hosts.length) await store(keep);
    const have = await ourScripts();
    const want = new Set(keep.map((h) => SCRIPT_PREFIX + h));
    await unregister([...have].filter((id) => !want.has(id)));
    await register(keep.filter((h) => !have.has(SCRIPT_PREFIX + h)));
    return keep;
  };

  const doEnable = async (host: string, tabId: number | null | undefined): Promise<EnableResult> => {
    if (isManifestHost(host)) return { ok: false, error: 'manifest-host' };
    if (!(await granted(host))) return { ok: false, error: 'no-permission' };
    const hosts = await stored();
    const isNew = !hosts.includes(host);
    if (isNew) await store([...hosts, host]);
    if (!(await ourScripts()).has(SCRIPT_PREFIX + host)) await register([host]);
    // Only on the switch: a second request (popup + onAdded) must not start a second detector.
    if (isNew) await runDetector(host, tabId);
    return { ok: true };
  };

  const doDisable = async (host: string) => {
    await store((await stored()).filter((h) => h !== host));
    if ((await ourScripts()).has(SCRIPT_PREFIX + host)) await unregister([SCRIPT_PREFIX + host]);
    // Give the permission back (fails harmlessly when it is a required one).
    await b.permissions.remove({ origins: [originOf(host)] }).catch(() => false);
  };

  return {
    list: () => serial(stored),
    enable: (host, tabId) => serial(() => doEnable(host, tabId)),
    disable: (host) => serial(() => doDisable(host)),
    sync: () => serial(doSync),
    onAdded: async (p) => {
      const hosts = (p.origins ?? [])
        .map(hostOfOrigin)
        .filter((h): h is string => h !== null && !isManifestHost(h));
      for (const h of hosts) await serial(() => doEnable(h, null));
    },
    onRemoved: async () => {
      await serial(doSync);
    },
  };
}

/** The `sites/*` routes, for extension pages only (popup, dashboard). */
export function createSitesRouter(self: () => Self, sites: Sites): Router {
  return createRouter(self, {
    'sites/list': route(
      ListSitesMessage,
      'extension-page',
      async (): Promise<SitesResponse> => ({ ok: true, hosts: await sites.list() }),
    ),
    'sites/enable': route(EnableSiteMessage, 'extension-page', (m) => sites.enable(m.host, m.tabId)),
    'sites/disable': route(DisableSiteMessage, 'extension-page', async (m) => {
      await sites.disable(m.host);
      return { ok: true };
    }),
  });
}

/**
 * Wires permission changes and the start-up sync. Call synchronously in the background's main (the
 * listeners must be there when the service worker wakes for a permission event).
 */
export function setupSites(b: SitesBrowser & { permissions: PermissionEvents } = browserSites()): Sites {
  const sites = createSites(b);
  b.permissions.onAdded.addListener((p) => {
    sites.onAdded(p).catch(() => {});
  });
  b.permissions.onRemoved.addListener((p) => {
    sites.onRemoved(p).catch(() => {});
  });
  sites.sync().catch(() => {});
  return sites;
}

interface PermissionEvents {
  onAdded: { addListener(cb: (p: { origins?: string[] }) => void): void };
  onRemoved: { addListener(cb: (p: { origins?: string[] }) => void): void };
}

/** The real API in the shape above. */
function browserSites(): SitesBrowser & { permissions: PermissionEvents } {
  const { storage, permissions, scripting, tabs } = browser;
  return {
    storage,
    permissions,
    scripting: {
      registerContentScripts: (scripts) =>
        scripting.registerContentScripts(
          scripts as Parameters<typeof scripting.registerContentScripts>[0], // `js` is always set
        ),
      unregisterContentScripts: (filter) => scripting.unregisterContentScripts(filter),
      getRegisteredContentScripts: () => scripting.getRegisteredContentScripts(),
      executeScript: ({ target, files }) =>
        scripting.executeScript({ target, files: files as (typeof DETECTOR_FILE)[] }),
    },
    tabs,
  };
}
