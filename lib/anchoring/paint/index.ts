import type { TextIndex } from '../text-index';
import { createHighlightPainter } from './highlight-api';
import type { Painter } from './types';
import { createWrapperPainter } from './wrapper';

export { HIGHLIGHT_COLORS, type HighlightColor, highlightCss, highlightName, WRAPPER_TAG } from './css';
export { caretAt, createHighlightPainter, supportsHighlightApi } from './highlight-api';
export { IntervalList } from './intervals';
export { isOwnNode } from './own-nodes';
export type { PaintAnchor, Painter } from './types';
export { createWrapperPainter } from './wrapper';

export interface PainterOptions {
  /** 'auto' (default) uses the CSS Custom Highlight API where it exists, else wrappers. */
  prefer?: 'auto' | 'highlight-api' | 'wrapper';
  /** The window whose `CSS.highlights` to use (the content script's global by default). */
  win?: typeof globalThis;
}

export function createPainter(index: TextIndex, options: PainterOptions = {}): Painter {
  const prefer = options.prefer ?? 'auto';
  if (prefer !== 'wrapper') {
    const p = createHighlightPainter(index, options.win ?? globalThis);
    if (p) return p;
  }
  return createWrapperPainter(index);
}
