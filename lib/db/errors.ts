// Typed errors the UI can explain. Storage errors are mapped, never swallowed.

/** The disk (or the browser's quota for the extension) is full. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super('Storage is full: free disk space or delete old data, then try again.', options);
  }
}

/** A record failed validation against its zod schema. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
  constructor(
    readonly kind: string,
    readonly issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  ) {
    super(
      `Invalid ${kind}: ${issues
        .slice(0, 5)
        .map((i) => `${i.path.map(String).join('.') || '(root)'} ${i.message}`)
        .join('; ')}`,
    );
  }
}

/** No record with this key. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly kind: string,
    readonly key: string,
  ) {
    super(`No ${kind} ${key}`);
  }
}

function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const err = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1)) return true;
  if (Array.isArray(err.failures)) return err.failures.some((f) => isQuotaError(f, depth + 1));
  return false;
}

/** Maps low-level storage errors to typed ones; everything else is rethrown unchanged. */
export function mapStorageError(e: unknown): unknown {
  if (e instanceof StorageFullError) return e;
  if (isQuotaError(e)) return new StorageFullError({ cause: e });
  return e;
}

/** Runs a storage operation, mapping its errors (`StorageFullError`). */
export async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw mapStorageError(e);
  }
}

export function validate<T>(
  kind: string,
  schema: {
    safeParse(
      x: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: InvalidRecordError['issues'] } };
  },
  value: unknown,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidRecordError(kind, r.error.issues);
  return r.data;
}
