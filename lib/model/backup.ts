// The JSON backup file (issue 5): versioned. Version 1 is documented in the README (format below).
// Records are validated one by one on import; a file that is not a Sagsspor backup is rejected whole.
import { Annotation } from './annotation';
import { Appearance, Follow, MeetingRecord, Topic } from './records';
import { z } from './zod';

export const BACKUP_FORMAT = 'sagsspor-backup';
export const BACKUP_VERSION = 1;

/** The envelope, checked before any record: format, version and the record arrays. */
export const BackupEnvelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.int().check(z.positive()),
  exportedAt: z.string(),
  /** The database schema version that wrote the file (informative). */
  schemaVersion: z.optional(z.int()),
  annotations: z.array(z.unknown()),
  meetings: z.optional(z.array(z.unknown())),
  appearances: z.optional(z.array(z.unknown())),
  follows: z.optional(z.array(z.unknown())),
  topics: z.optional(z.array(z.unknown())),
});
export type BackupEnvelope = z.infer<typeof BackupEnvelope>;

/** Version 1, fully typed (what `exportBackup` writes). */
export const BackupV1 = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  schemaVersion: z.optional(z.int()),
  annotations: z.array(Annotation),
  meetings: z.array(MeetingRecord),
  appearances: z.array(Appearance),
  follows: z.array(Follow),
  topics: z.array(Topic),
});
export type BackupV1 = z.infer<typeof BackupV1>;
