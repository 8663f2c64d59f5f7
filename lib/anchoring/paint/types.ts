import type { TextIndex } from '../text-index';

/** One anchored annotation to paint: global offsets into the current index. */
export interface PaintAnchor {
  id: string;
  start: number;
  end: number;
  /** Colour name (a key of HIGHLIGHT_COLORS or any name the caller styled). */
  color: string;
}

/** Both painters (CSS Custom Highlight API and wrapper elements) implement this. */
export interface Painter {
  readonly kind: 'highlight-api' | 'wrapper';
  /** Paint (or repaint, by id) anchors. Offsets refer to the painter's current index. */
  paint(anchors: readonly PaintAnchor[]): void;
  clear(id: string): void;
  clearAll(): void;
  /** Ids of painted annotations under a viewport point, innermost first. */
  hitTest(x: number, y: number): string[];
  /** Ids of painted annotations containing a text offset, innermost first. */
  idsAtOffset(offset: number): string[];
  /** Ids of painted annotations containing a DOM point (e.g. a click's caret position). */
  idsAtPoint(node: Node, offset: number): string[];
  has(id: string): boolean;
  /** Use a rebuilt index (after late content). Painted annotations stay painted. */
  setIndex(index: TextIndex): void;
}
