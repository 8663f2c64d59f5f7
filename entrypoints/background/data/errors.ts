// Every data route answers; none throws into the router. Typed errors become stable codes.
import {
  BackupFormatError,
  InvalidRecordError,
  mapStorageError,
  NotFoundError,
  StorageFullError,
} from '../../../lib/db';
import type { DataError } from '../../../lib/messages/data';

/** A content script asked about another site's data, or for an extension-page-only operation. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

export function toDataError(e: unknown): DataError {
  const err = mapStorageError(e);
  if (err instanceof StorageFullError) return { ok: false, error: 'storage-full', message: err.message };
  if (err instanceof InvalidRecordError) return { ok: false, error: 'invalid-message', message: err.message };
  if (err instanceof RangeError) return { ok: false, error: 'invalid-message', message: err.message };
  if (err instanceof NotFoundError) return { ok: false, error: 'not-found', message: err.message };
  if (err instanceof ForbiddenError) return { ok: false, error: 'forbidden', message: err.message };
  if (err instanceof BackupFormatError) {
    return { ok: false, error: 'backup-format', reason: err.reason, message: err.message };
  }
  return { ok: false, error: 'failed', message: err instanceof Error ? err.message : String(err) };
}

/** Runs a handler, mapping every failure to a `DataError` response. */
export async function answer<T>(op: () => Promise<T>): Promise<T | DataError> {
  try {
    return await op();
  } catch (e) {
    return toDataError(e);
  }
}

/** Side effects (badge, notification) must never fail the write that caused them. */
export async function quietly(op: () => Promise<unknown> | unknown): Promise<void> {
  try {
    await op();
  } catch {
    // best effort
  }
}
