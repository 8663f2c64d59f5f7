import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  createOrUpdateAnnotation,
  getMeta,
  mapStorageError,
  requestPersistence,
  StorageFullError,
  setMeta,
} from '../../../lib/db';
import { annotation, freshDb } from './helpers';

describe('StorageFullError', () => {
  it('maps a quota error raised inside a transaction, and the write does not happen', async () => {
    const db = await freshDb();
    const spy = vi
      .spyOn(db.annotations, 'put')
      .mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const err = await createOrUpdateAnnotation(db, annotation(1)).catch((e) => e);
    spy.mockRestore();
    expect(err).toBeInstanceOf(StorageFullError);
    expect(err.name).toBe('StorageFullError');
    expect(err.cause).toBeDefined();
    expect(await db.annotations.count()).toBe(0);
  });

  it('recognises Dexie-wrapped and nested quota errors; other errors pass unchanged', () => {
    expect(mapStorageError(new Dexie.QuotaExceededError('full'))).toBeInstanceOf(StorageFullError);
    expect(mapStorageError(new Dexie.AbortError('aborted', { name: 'QuotaExceededError' }))).toBeInstanceOf(
      StorageFullError,
    );
    expect(mapStorageError({ name: 'BulkError', failures: [{ name: 'QuotaExceededError' }] })).toBeInstanceOf(
      StorageFullError,
    );
    const other = new Dexie.ConstraintError('dup');
    expect(mapStorageError(other)).toBe(other);
  });
});

describe('requestPersistence', () => {
  it('asks once when not yet persisted, reports unsupported when the API is absent', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persist, persisted: async () => false })).toEqual({
      persisted: true,
      supported: true,
    });
    expect(persist).toHaveBeenCalledTimes(1);
    const persist2 = vi.fn(async () => true);
    expect(await requestPersistence({ persist: persist2, persisted: async () => true })).toEqual({
      persisted: true,
      supported: true,
    });
    expect(persist2).not.toHaveBeenCalled();
    expect(await requestPersistence({ persist: async () => false })).toEqual({
      persisted: false,
      supported: true,
    });
    expect(await requestPersistence({})).toEqual({ persisted: false, supported: false });
  });
});

describe('meta', () => {
  it('stores flags', async () => {
    const db = await freshDb();
    expect(await getMeta(db, 'persistNoticeShown')).toBeUndefined();
    await setMeta(db, 'persistNoticeShown', true);
    expect(await getMeta<boolean>(db, 'persistNoticeShown')).toBe(true);
  });
});
