// The reader content script announces itself on the isolated world's global
// object, which every content script of this extension in the same frame
// shares (Chromium isolated world, Firefox content-script sandbox); page
// scripts cannot see it. Zod-free: the tiny detector imports this.

export interface ReaderHandle {
  /** Re-read the page now (e.g. after in-page navigation). */
  refresh(): void;
}

const KEY = '__sagssporReader';

export function getReaderHandle(): ReaderHandle | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as ReaderHandle | undefined;
}

export function setReaderHandle(handle: ReaderHandle | undefined): void {
  (globalThis as Record<string, unknown>)[KEY] = handle;
}
