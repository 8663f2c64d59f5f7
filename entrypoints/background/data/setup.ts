// Wires the data API into the background: the database singleton, badge, notifications, and on
// install/startup the persistent-storage request, a purge of old soft deletes and the badge total.
import { browser } from 'wxt/browser';
import {
  getMeta,
  META_KEYS,
  purgeDeleted,
  purgeUnfollowed,
  requestPersistence,
  setMeta,
  totalNewCount,
} from '../../../lib/db';
import type { Router } from '../../../lib/messages/router';
import type { Self } from '../../../lib/messages/sender';
import { badgeForNew, badgeTotalNew } from './badge';
import { dataDb } from './db';
import type { DataDeps } from './define';
import { quietly } from './errors';
import { notifyNewAppearances } from './notify';
import { createDataRouter } from './routes';

const DAY = 24 * 60 * 60 * 1000;
/** Soft-deleted annotations and unfollowed cases are kept this long for undo, then purged. */
export const PURGE_AFTER_MS = 30 * DAY;

/** Meta key of the last `navigator.storage.persist()` answer. */
export const PERSISTENCE_META_KEY = 'persistence';

interface StorageLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/**
 * `navigator.storage.persist()` exists only in windows (the Firefox MV2 background page, extension
 * pages), not in a service worker, where `persisted()` still tells the status (Chromium grants it
 * to extensions with `unlimitedStorage`). So: ask where asking is possible, else report.
 */
export async function persistence(
  storage: StorageLike | undefined = (globalThis as { navigator?: { storage?: StorageLike } }).navigator
    ?.storage,
): Promise<{ persisted: boolean; supported: boolean }> {
  if (storage && typeof storage.persist !== 'function' && typeof storage.persisted === 'function') {
    return { persisted: await storage.persisted(), supported: true };
  }
  return requestPersistence(storage);
}

export function productionDeps(self: () => Self): DataDeps {
  return {
    self,
    db: dataDb,
    badge: {
      showNew: (tabId, count) => badgeForNew(tabId, count),
      setTotal: (total) => badgeTotalNew(total),
    },
    notify: notifyNewAppearances,
    persistence: () => persistence(),
  };
}

/** Install/startup work. Never throws. */
export async function startData(deps: DataDeps, now = Date.now()): Promise<void> {
  const db = deps.db();
  await quietly(async () => {
    const status = await deps.persistence?.();
    if (status) await setMeta(db, PERSISTENCE_META_KEY, { ...status, at: now });
  });
  await quietly(async () => {
    const last = (await getMeta<number>(db, META_KEYS.lastPurge)) ?? 0;
    if (now - last < DAY) return;
    await purgeDeleted(db, now - PURGE_AFTER_MS);
    await purgeUnfollowed(db, now - PURGE_AFTER_MS);
    await setMeta(db, META_KEYS.lastPurge, now);
  });
  await quietly(async () => deps.badge?.setTotal(await totalNewCount(db)));
}

/**
 * Call once, synchronously, in `defineBackground`: registers the install/startup listeners and
 * returns the data Router to compose with the UI router.
 */
export function setupDataBackground(self: () => Self): Router {
  const deps = productionDeps(self);
  const start = () => void startData(deps);
  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);
  return createDataRouter(deps);
}
