// Small key/value settings and flags (e.g. 'persistNoticeShown').
import type { SagssporDB } from './db';
import { guarded } from './errors';

export const META_KEYS = {
  persistNoticeShown: 'persistNoticeShown',
  lastPurge: 'lastPurge',
} as const;

export async function getMeta<T = unknown>(db: SagssporDB, key: string): Promise<T | undefined> {
  const row = await guarded(() => db.meta.get(key));
  return row?.value as T | undefined;
}

export async function setMeta(db: SagssporDB, key: string, value: unknown): Promise<void> {
  await guarded(() => db.meta.put({ key, value }));
}
