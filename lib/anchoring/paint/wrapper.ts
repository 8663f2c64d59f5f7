// Fallback painter: wraps text node slices in <sagsspor-hl> elements. It
// splits only the text nodes it paints (whitespace-only slices are skipped),
// remembers the pieces of every original text node, and on removal merges the
// pieces back into the ORIGINAL node object, so the page's DOM (and node
// identity) is restored exactly. The text index is updated in place, since
// the text itself never changes.
import type { TextIndex } from '../text-index';
import { WRAPPER_TAG } from './css';
import { IntervalList } from './intervals';
import { ownNodes } from './own-nodes';
import type { PaintAnchor, Painter } from './types';

const NON_SPACE = /\S/;

export function createWrapperPainter(initialIndex: TextIndex): Painter {
  let index = initialIndex;
  const doc = index.root.ownerDocument ?? (index.root as Document);
  const wrappers = new Map<string, Element[]>();
  /** piece -> original text node (originals map to themselves while split). */
  const owner = new Map<Text, Text>();
  /** original -> its pieces in document order (the original first). */
  const pieces = new Map<Text, Text[]>();
  const intervals = new IntervalList();

  const unwrap = (w: Element, affected: Set<Text>) => {
    const walker = doc.createTreeWalker(w, 4 /* SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const o = owner.get(t as Text);
      if (o) affected.add(o);
    }
    const parent = w.parentNode;
    if (!parent) return;
    while (w.firstChild) parent.insertBefore(w.firstChild, w);
    parent.removeChild(w);
  };

  /** Merge adjacent sibling pieces back together; whole originals are restored. */
  const merge = (affected: Set<Text>) => {
    const reps: Array<{ old: Text[]; now: Text[] }> = [];
    for (const orig of affected) {
      const list = pieces.get(orig);
      if (!list) continue;
      const next: Text[] = [];
      let group: Text[] = [];
      const flush = () => {
        if (group.length > 1) {
          const head = group[0]!;
          head.appendData(
            group
              .slice(1)
              .map((t) => t.data)
              .join(''),
          );
          for (const t of group.slice(1)) {
            t.parentNode?.removeChild(t);
            owner.delete(t);
          }
          reps.push({ old: group, now: [head] });
        }
        if (group.length > 0) next.push(group[0]!);
        group = [];
      };
      for (const t of list) {
        const prev = group[group.length - 1];
        if (prev && prev.nextSibling !== t) flush();
        group.push(t);
      }
      flush();
      if (next.length <= 1) {
        pieces.delete(orig);
        owner.delete(orig);
      } else pieces.set(orig, next);
    }
    index.replaceTextNodes(reps);
  };

  const clearIds = (ids: Iterable<string>) => {
    const affected = new Set<Text>();
    for (const id of ids) {
      const ws = wrappers.get(id);
      if (!ws) continue;
      wrappers.delete(id);
      intervals.delete(id);
      for (const w of ws) unwrap(w, affected);
    }
    merge(affected);
  };

  const paint = (anchors: readonly PaintAnchor[]) => {
    clearIds(anchors.map((a) => a.id).filter((id) => wrappers.has(id)));
    const perNode = new Map<
      Text,
      { cuts: Set<number>; items: Array<PaintAnchor & { s: number; e: number }> }
    >();
    for (const a of anchors) {
      let any = false;
      for (const seg of index.segments(a.start, a.end)) {
        if (!NON_SPACE.test(seg.node.data.slice(seg.start, seg.end))) continue;
        let info = perNode.get(seg.node);
        if (!info) {
          info = { cuts: new Set(), items: [] };
          perNode.set(seg.node, info);
        }
        info.cuts.add(seg.start);
        info.cuts.add(seg.end);
        info.items.push({ ...a, s: seg.start, e: seg.end });
        any = true;
      }
      if (any) {
        wrappers.set(a.id, []);
        intervals.set(a.id, a.start, a.end);
      }
    }
    const reps: Array<{ old: Text[]; now: Text[] }> = [];
    for (const [node, info] of perNode) {
      const len = node.data.length;
      const cuts = [...info.cuts].filter((c) => c > 0 && c < len).sort((x, y) => x - y);
      const rights: Text[] = [];
      for (let k = cuts.length - 1; k >= 0; k--) rights.unshift(node.splitText(cuts[k]!));
      const parts = [node, ...rights];
      if (rights.length > 0) {
        const orig = owner.get(node) ?? node;
        owner.set(orig, orig);
        const list = pieces.get(orig) ?? [orig];
        list.splice(list.indexOf(node) + 1, 0, ...rights);
        pieces.set(orig, list);
        for (const r of rights) {
          owner.set(r, orig);
          ownNodes.add(r);
        }
        reps.push({ old: [node], now: parts });
      }
      const bounds = [0, ...cuts, len];
      for (let k = 0; k < parts.length; k++) {
        const b0 = bounds[k]!;
        const b1 = bounds[k + 1]!;
        let inner: Node = parts[k]!;
        // Every node we move is marked ours: moving it (now or when
        // unwrapping) is not new page text for the late-content observer.
        ownNodes.add(inner);
        for (const it of info.items) {
          if (it.s > b0 || it.e < b1) continue;
          const parent = inner.parentNode;
          if (!parent) break;
          const w = doc.createElement(WRAPPER_TAG);
          w.setAttribute('data-sagsspor-id', it.id);
          w.setAttribute('data-color', it.color);
          ownNodes.add(w);
          parent.insertBefore(w, inner);
          w.appendChild(inner);
          inner = w;
          wrappers.get(it.id)?.push(w);
        }
      }
    }
    index.replaceTextNodes(reps);
  };

  const idsFromElement = (el: Element | null): string[] => {
    const ids: string[] = [];
    let w = el?.closest(WRAPPER_TAG) ?? null;
    while (w) {
      const id = w.getAttribute('data-sagsspor-id');
      if (id && !ids.includes(id)) ids.push(id);
      w = w.parentElement?.closest(WRAPPER_TAG) ?? null;
    }
    return ids;
  };

  return {
    kind: 'wrapper',
    paint,
    clear: (id) => clearIds([id]),
    clearAll: () => clearIds([...wrappers.keys()]),
    hitTest(x, y) {
      const d = doc as Document & { elementFromPoint?: (x: number, y: number) => Element | null };
      if (typeof d.elementFromPoint !== 'function') return [];
      return idsFromElement(d.elementFromPoint(x, y));
    },
    idsAtOffset: (offset) => intervals.idsAt(offset),
    idsAtPoint(node) {
      return idsFromElement(node.nodeType === 1 ? (node as Element) : node.parentElement);
    },
    has: (id) => wrappers.has(id),
    setIndex(next) {
      index = next;
    },
  };
}
