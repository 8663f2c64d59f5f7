// Public API of the minutes reader. Plain DOM + strings: no extension APIs,
// no storage. Runs the same in Node (jsdom), the content script and the CLI.

import type { ParseResult, Platform } from '../model/minutes';
import type { Block } from './blocks';
import { extractBlocks } from './blocks';
import { detectMinutes, headTitle } from './detect';
import { agendaStateFromScripts, renderAgendaState } from './json-state';
import { type CoreResult, parseBlocks, type Reason } from './parse';
import { platformFromUrl } from './platforms';
import { mainContentRange } from './readability-fallback';
import { textToBlocks } from './text-blocks';

export { normaliseCaseNumber, parseCaseNumber } from './casenumber';
export { findDate, parseDate, parseTime } from './dates';
export type { Detection } from './detect';
export { detectMinutes } from './detect';
export { elementAt, pathOf, resolveDomRef } from './dom-ref';
export type { Reason } from './parse';
export { splitPrefixes } from './punkt';
export { sectionKind } from './vocabulary';

/** Reason codes for `isMinutes: false` (the UI translates them). */
export const REASONS: Record<Reason, string> = {
  'not-minutes': 'The page does not look like minutes.',
  'no-punkter': 'The page looks like minutes, but no agenda items (punkter) were found.',
  error: 'The page could not be read.',
};

function toResult(r: CoreResult, fallbackPlatform: Platform | null): ParseResult {
  if (r.meeting) return { isMinutes: true, platform: r.platform, meeting: r.meeting };
  return { isMinutes: false, platform: fallbackPlatform, reason: r.reason };
}

function docTitleOf(doc: Document): string {
  try {
    return headTitle(doc).replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}

/**
 * Parse a (possibly client-rendered, possibly collapsed) document into the
 * model. Read-only on the live DOM; never throws.
 */
export function parseDocument(doc: Document, url: string): ParseResult {
  let platform: Platform | null = null;
  try {
    platform = platformFromUrl(url);
    const root = doc.body ?? doc.documentElement;
    if (!root) return { isMinutes: false, platform, reason: 'not-minutes' };
    const docTitle = docTitleOf(doc);
    const { blocks, jsonScripts } = extractBlocks(root);
    let r = parseBlocks(blocks, { url, docTitle, platform, root });
    if (r.meeting) return toResult(r, platform);

    // Embedded agenda state of a client-rendered portal that has not rendered (yet).
    if (jsonScripts.length) {
      const state = agendaStateFromScripts(jsonScripts);
      if (state) {
        const { root: synth, ids } = renderAgendaState(state, doc);
        const sb = extractBlocks(synth).blocks;
        const chromeTail = blocks.filter((b) => b.chrome);
        const jr = parseBlocks([...sb, ...chromeTail], {
          url,
          docTitle,
          platform: platform ?? 'firstagenda',
          ids,
        });
        if (jr.meeting) return toResult(jr, platform);
      }
    }

    // Unknown layout with minutes vocabulary: let Readability find the main content.
    if (!r.meeting && r.vocabKinds >= 2) {
      const range = mainContentRange(doc, blocks);
      if (range) {
        const sub: Block[] = blocks.slice(range[0], range[1]);
        const rr = parseBlocks(
          [...blocks.slice(0, range[0]).map(asChrome), ...sub, ...blocks.slice(range[1]).map(asChrome)],
          {
            url,
            docTitle,
            platform,
            relaxed: true,
            root,
          },
        );
        if (rr.meeting) r = rr;
      }
    }
    return toResult(r, platform);
  } catch {
    return { isMinutes: false, platform, reason: 'error' };
  }
}

function asChrome(b: Block): Block {
  return { ...b, chrome: true };
}

/** Parse the plain text of a referat (markdown-like, as in ../shared/seeds). Never throws. */
export function parseText(text: string, url?: string): ParseResult {
  try {
    const blocks = textToBlocks(text);
    const r = parseBlocks(blocks, { url: url ?? '', docTitle: '', platform: 'text', relaxed: true });
    return toResult(r, 'text');
  } catch {
    return { isMinutes: false, platform: 'text', reason: 'error' };
  }
}

/** Cheap check used by callers that have a Document but only want the detector's view. */
export function looksLikeMinutes(doc: Document, url: string): boolean {
  return detectMinutes(doc, url).likely;
}
