// Persistent storage: ask the browser not to evict the database under storage pressure.

interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/**
 * Wraps `navigator.storage.persist()`. `supported` is false where the API is absent (then the
 * `unlimitedStorage` permission is what protects the data).
 */
export async function requestPersistence(
  storage: StorageManagerLike | undefined = (globalThis as { navigator?: { storage?: StorageManagerLike } })
    .navigator?.storage,
): Promise<{ persisted: boolean; supported: boolean }> {
  if (!storage || typeof storage.persist !== 'function') return { persisted: false, supported: false };
  if (typeof storage.persisted === 'function' && (await storage.persisted())) {
    return { persisted: true, supported: true };
  }
  return { persisted: await storage.persist(), supported: true };
}
