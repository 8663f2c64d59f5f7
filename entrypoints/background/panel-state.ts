// Whether the in-page panel is open, remembered for the browser session
// (storage.session survives service-worker restarts; memory as fallback).
import { browser } from 'wxt/browser';

const KEY = 'panelOpen';
let memory = false;

type SessionArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

function session(): SessionArea | null {
  return (browser.storage as unknown as { session?: SessionArea } | undefined)?.session ?? null;
}

export const panelState = {
  async get(): Promise<boolean> {
    try {
      const area = session();
      if (area) return (await area.get(KEY))[KEY] === true;
    } catch {
      // fall back to memory
    }
    return memory;
  },
  async set(open: boolean): Promise<void> {
    memory = open;
    try {
      await session()?.set({ [KEY]: open });
    } catch {
      // memory only
    }
  },
};
