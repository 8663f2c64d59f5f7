// Painter on the CSS Custom Highlight API: one Highlight per colour
// (`sagsspor-<colour>`), no DOM changes at all. Ranges are created on demand
// from offsets; hit-testing maps the caret position under a point to an
// offset and looks it up in a sorted interval list.
import type { TextIndex } from '../text-index';
import { highlightName } from './css';
import { IntervalList } from './intervals';
import type { Painter } from './types';

interface HighlightLike {
  add(r: AbstractRange): unknown;
  delete(r: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
}
interface HighlightRegistryLike {
  set(name: string, h: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
}
type HighlightCtor = new (...ranges: AbstractRange[]) => HighlightLike;

function registry(win: typeof globalThis): { reg: HighlightRegistryLike; Ctor: HighlightCtor } | null {
  const css = (win as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const Ctor = (win as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { reg: css.highlights, Ctor };
}

/** True where `CSS.highlights` and `Highlight` exist. */
export function supportsHighlightApi(win: typeof globalThis = globalThis): boolean {
  return registry(win) !== null;
}

/** Caret (node, offset) under a viewport point, in both Firefox's and Chromium's dialects. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean | null {
  if (typeof range.getClientRects !== 'function') return null;
  const rects = range.getClientRects();
  if (rects.length === 0) return null;
  for (const r of Array.from(rects))
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

export function createHighlightPainter(
  initialIndex: TextIndex,
  win: typeof globalThis = globalThis,
): Painter | null {
  const api = registry(win);
  if (!api) return null;
  const { reg, Ctor } = api;
  let index = initialIndex;
  const doc = index.root.ownerDocument ?? (index.root as Document);
  const painted = new Map<string, { range: Range; name: string }>();
  const intervals = new IntervalList();

  const highlight = (name: string): HighlightLike => {
    let h = reg.get(name);
    if (!h) {
      h = new Ctor();
      reg.set(name, h);
    }
    return h;
  };

  const clear = (id: string) => {
    const p = painted.get(id);
    if (!p) return;
    reg.get(p.name)?.delete(p.range);
    painted.delete(id);
    intervals.delete(id);
  };

  const idsAtOffset = (offset: number) => intervals.idsAt(offset);

  return {
    kind: 'highlight-api',
    paint(anchors) {
      for (const a of anchors) {
        clear(a.id);
        const range = index.toRange(a.start, a.end);
        if (!range || range.collapsed) continue;
        const name = highlightName(a.color);
        highlight(name).add(range);
        painted.set(a.id, { range, name });
        intervals.set(a.id, a.start, a.end);
      }
    },
    clear,
    clearAll() {
      const names = new Set<string>();
      for (const p of painted.values()) names.add(p.name);
      for (const name of names) {
        reg.get(name)?.clear();
        reg.delete(name);
      }
      painted.clear();
      intervals.clear();
    },
    hitTest(x, y) {
      const caret = caretAt(doc, x, y);
      if (!caret) return [];
      const at = index.offsetOf(caret.node, caret.offset, 'forward');
      // The caret is the nearest insertion point: the character clicked is at
      // `at` or just before it. Keep candidates whose boxes contain the point.
      const cands = [...new Set([...idsAtOffset(at), ...idsAtOffset(at - 1)])];
      const hits = cands.filter((id) => rectsContain(painted.get(id)!.range, x, y) !== false);
      return hits;
    },
    idsAtOffset,
    idsAtPoint(node, offset) {
      return idsAtOffset(index.offsetOf(node, offset, 'forward'));
    },
    has: (id) => painted.has(id),
    setIndex(next) {
      index = next;
      intervals.clear();
      for (const [id, p] of painted) {
        const o = index.rangeOffsets(p.range);
        if (o.end > o.start) intervals.set(id, o.start, o.end);
      }
    },
  };
}
