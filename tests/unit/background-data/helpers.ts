// Shared setup for the data-route tests: a fresh fake-indexeddb database per test, fake senders,
// and spies for badge, notification and persistence.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { vi } from 'vitest';
import { createDataRouter } from '../../../entrypoints/background/data';
import type { DataDeps } from '../../../entrypoints/background/data/define';
import { SagssporDB } from '../../../lib/db';
import { DATA_API, DataError, type DataType } from '../../../lib/messages/data';
import type { SenderLike } from '../../../lib/messages/sender';

export const self = { runtimeId: 'our-id', extensionOrigin: 'chrome-extension://our-id/' };

export const PAGE_URL = 'https://dagsordener.aarhus.dk/vis?id=123';
export const OTHER_PAGE_URL = 'https://dagsordener.aarhus.dk/vis?id=456';

/** Our content script in tab 5 on an Aarhus minutes page. */
export const contentScript = (url = PAGE_URL, over: Partial<SenderLike> = {}): SenderLike => ({
  id: 'our-id',
  url,
  tab: { id: 5 },
  frameId: 0,
  ...over,
});
/** Our content script on another site. */
export const otherSite = contentScript('https://dagsorden.ballerup.dk/meeting/1');
export const popup: SenderLike = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
export const dashboard: SenderLike = {
  id: 'our-id',
  url: 'chrome-extension://our-id/dashboard.html',
  tab: { id: 9 },
};
export const webPage: SenderLike = { url: 'https://evil.example/', tab: { id: 5 } };
export const foreignExtension: SenderLike = { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' };
export const foreignContentScript: SenderLike = { id: 'evil-id', url: PAGE_URL, tab: { id: 5 }, frameId: 0 };

let seq = 0;
export function dbName(): string {
  seq += 1;
  return `sagsspor-bgdata-${seq}-${crypto.randomUUID()}`;
}

export interface Harness {
  db: SagssporDB;
  name: string;
  deps: DataDeps & {
    badge: { showNew: ReturnType<typeof vi.fn>; setTotal: ReturnType<typeof vi.fn> };
    notify: ReturnType<typeof vi.fn>;
    persistence: ReturnType<typeof vi.fn>;
  };
  router: ReturnType<typeof createDataRouter>;
  /** Sends a message; fails the test when the router stays silent. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  send: (message: unknown, sender: SenderLike) => Promise<any>;
  now: { value: number };
}

export function harness(name = dbName()): Harness {
  const db = new SagssporDB(name, { indexedDB, IDBKeyRange });
  const now = { value: Date.UTC(2026, 10, 1, 12, 0, 0) };
  const deps = {
    self: () => self,
    db: () => db,
    badge: {
      showNew: vi.fn(async (_tabId: number, _count: number) => {}),
      setTotal: vi.fn(async (_total: number) => {}),
    },
    notify: vi.fn(async () => {}),
    persistence: vi.fn(async () => ({ persisted: true, supported: true })),
    now: () => now.value,
  };
  const router = createDataRouter(deps);
  const send = async (message: unknown, sender: SenderLike) => {
    const res = router(message, sender);
    if (res === null) throw new Error(`no answer to ${JSON.stringify(message).slice(0, 80)}`);
    const answer = (await res) as { ok?: unknown };
    // Every answer must match its declared schema: the success response of its type, or DataError.
    const type = (message as { type: DataType }).type;
    const schema = answer.ok === true ? DATA_API[type].response : DataError;
    const check = schema.safeParse(answer);
    if (!check.success) throw new Error(`${type} answered off-schema: ${JSON.stringify(check.error.issues)}`);
    return answer;
  };
  return { db, name, deps, router, send, now };
}
