// The reader content script announces itself on the isolated world's global
// object, which every content script of this extension in the same frame
// shares (Chromium isolated world, Firefox content-script sandbox); page
// scripts cannot see it. Zod-free: the tiny detector imports this.

export interface ReaderHandle {
  /** Re-read the page (e.g. after in-page navigation, or injected again with new options). */
  refresh(options?: ReaderStartOptions): void;
}

const KEY = '__sagssporReader';

export function getReaderHandle(): ReaderHandle | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as ReaderHandle | undefined;
}

export function setReaderHandle(handle: ReaderHandle | undefined): void {
  (globalThis as Record<string, unknown>)[KEY] = handle;
}

/**
 * Startup options the background hands the reader when it injects it (set on
 * the same isolated-world global just before the reader file runs), so the
 * first render is already right — no message round trip, no flicker.
 */
export interface ReaderStartOptions {
  /** The user left the panel open earlier in this browser session (unset: the reader asks). */
  panelOpen?: boolean;
  /**
   * The user asked for this page to be read (popup: "Read this page anyway"),
   * so it gets a "not recognised" explanation instead of silence.
   */
  forced?: boolean;
}

export const START_OPTIONS_KEY = '__sagssporReaderStart';

/** Reads and clears the start options; undefined when the reader was injected without them. */
export function takeReaderStartOptions(): ReaderStartOptions | undefined {
  const g = globalThis as Record<string, unknown>;
  const value = g[START_OPTIONS_KEY] as ReaderStartOptions | undefined;
  delete g[START_OPTIONS_KEY];
  if (!value || typeof value !== 'object') return undefined;
  const out: ReaderStartOptions = {};
  if (typeof value.panelOpen === 'boolean') out.panelOpen = value.panelOpen;
  if (value.forced === true) out.forced = true;
  return out;
}
