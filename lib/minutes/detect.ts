// Tiny, dependency-free detector that runs on every candidate page.
// Must stay a few kB and cost ≤ 1 ms on a non-minutes page.
import type { Platform } from '../model/minutes';

export interface Detection {
  /** The page looks like minutes now. */
  likely: boolean;
  /** The page may become minutes after client rendering (e.g. FirstAgenda portal shell). */
  pending: boolean;
  platform: Platform | null;
}

export function detectMinutes(_doc: Document, _url: string): Detection {
  return { likely: false, pending: false, platform: null };
}
