// Small key/value settings and flags (e.g. 'persistNoticeShown').
import type { SagssporDB } from './db';
import { guarded } from './errors';

export const META_KEYS = {
  persistNoticeShown: 'persistNoticeShown',
  lastPurge: 'lastPurge',
  /** When the user last saved a backup (ms since the epoch). */
  lastBackupAt: 'lastBackupAt',
  /** "Not now" on the backup reminder: not shown again before this time. */
  backupReminderSnoozedUntil: 'backupReminderSnoozedUntil',
} as const;

export async function getMeta<T = unknown>(db: SagssporDB, key: string): Promise<T | undefined> {
  const row = await guarded(() => db.meta.get(key));
  return row?.value as T | undefined;
}

export async function setMeta(db: SagssporDB, key: string, value: unknown): Promise<void> {
  await guarded(() => db.meta.put({ key, value }));
}

/** A backup older than this (or none) is reminded of, when there is something to lose. */
export const BACKUP_REMIND_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export interface BackupStatus {
  lastBackupAt: number | null;
  snoozedUntil: number | null;
  /** Live annotations and followed cases: what a lost profile would lose. */
  annotations: number;
  follows: number;
  /** Remind now: something to lose, no backup for `BACKUP_REMIND_AFTER_MS`, not snoozed. */
  due: boolean;
}

const timeOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export async function backupStatus(db: SagssporDB, now = Date.now()): Promise<BackupStatus> {
  return guarded(() =>
    db.transaction('r', [db.meta, db.annotations, db.follows], async () => {
      const [last, snoozed, all, deleted, follows, unfollowed] = await Promise.all([
        db.meta.get(META_KEYS.lastBackupAt),
        db.meta.get(META_KEYS.backupReminderSnoozedUntil),
        db.annotations.count(),
        db.annotations.where('deletedAt').aboveOrEqual(0).count(),
        db.follows.count(),
        db.follows.where('unfollowedAt').aboveOrEqual(0).count(),
      ]);
      const lastBackupAt = timeOrNull(last?.value);
      const snoozedUntil = timeOrNull(snoozed?.value);
      const annotations = all - deleted;
      const followed = follows - unfollowed;
      const due =
        annotations + followed > 0 &&
        (lastBackupAt === null || now - lastBackupAt >= BACKUP_REMIND_AFTER_MS) &&
        (snoozedUntil === null || now >= snoozedUntil);
      return { lastBackupAt, snoozedUntil, annotations, follows: followed, due };
    }),
  );
}

/** Records a saved backup (the reminder waits `BACKUP_REMIND_AFTER_MS` from now). */
export async function markBackupSaved(db: SagssporDB, now = Date.now()): Promise<void> {
  await setMeta(db, META_KEYS.lastBackupAt, now);
}

/** "Not now": the reminder waits `BACKUP_REMIND_AFTER_MS`. */
export async function snoozeBackupReminder(db: SagssporDB, now = Date.now()): Promise<void> {
  await setMeta(db, META_KEYS.backupReminderSnoozedUntil, now + BACKUP_REMIND_AFTER_MS);
}
