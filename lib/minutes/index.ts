// Public API of the minutes reader. Plain DOM + strings: no extension APIs,
// no storage. Runs the same in Node (jsdom), the content script and the CLI.
import type { ParseResult } from '../model/minutes';

export type { Detection } from './detect';
export { detectMinutes } from './detect';

/** Parse a (possibly client-rendered, possibly collapsed) document into the model. */
export function parseDocument(_doc: Document, url: string): ParseResult {
  void url;
  return { isMinutes: false, platform: null, reason: 'not implemented' };
}

/** Parse the plain text of a referat (markdown-like, as in ../shared/seeds). */
export function parseText(_text: string, url?: string): ParseResult {
  void url;
  return { isMinutes: false, platform: 'text', reason: 'not implemented' };
}
