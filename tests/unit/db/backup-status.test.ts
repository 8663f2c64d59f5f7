import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_REMIND_AFTER_MS,
  backupStatus,
  createOrUpdateAnnotation,
  markBackupSaved,
  snoozeBackupReminder,
  softDelete,
} from '../../../lib/db';
import { annotation, freshDb, T0, uuid } from './helpers';

describe('backup reminder status', () => {
  it('is due with something to lose and no backup; a saved backup or "not now" wait 30 days', async () => {
    const db = await freshDb();
    expect(await backupStatus(db, T0)).toEqual({
      lastBackupAt: null,
      snoozedUntil: null,
      annotations: 0,
      follows: 0,
      due: false, // nothing to lose
    });
    await createOrUpdateAnnotation(db, annotation(1));
    expect((await backupStatus(db, T0)).due).toBe(true);

    await markBackupSaved(db, T0);
    expect(await backupStatus(db, T0 + 1000)).toMatchObject({ lastBackupAt: T0, annotations: 1, due: false });
    expect((await backupStatus(db, T0 + BACKUP_REMIND_AFTER_MS - 1)).due).toBe(false);
    expect((await backupStatus(db, T0 + BACKUP_REMIND_AFTER_MS)).due).toBe(true);

    const later = T0 + BACKUP_REMIND_AFTER_MS;
    await snoozeBackupReminder(db, later);
    expect((await backupStatus(db, later + 1)).due).toBe(false);
    expect((await backupStatus(db, later + BACKUP_REMIND_AFTER_MS)).due).toBe(true);
  });

  it('counts only live annotations', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1));
    await softDelete(db, uuid(1), T0);
    expect(await backupStatus(db, T0)).toMatchObject({ annotations: 0, due: false });
  });
});
