// DomRef paths (child-element indexes from the extraction root) for blocks,
// computed lazily and only for the blocks that need one (punkt and section
// boundaries). A block knows its element's index (counted by the extractor);
// ancestors' indexes come from listing their parents' children once each, so
// the cost stays linear however many siblings a page has.
import type { NodePath } from '../model/minutes';
import type { Block } from './blocks';

export type PathFn = (b: Block | undefined) => NodePath | null;

function extend(path: number[], i: number): number[] {
  const out = path.slice();
  out.push(i);
  return out;
}

/** Path resolver relative to `root`; no root (text input, synthetic documents) always yields null. */
export function pathFinder(root: Element | null | undefined): PathFn {
  if (!root) return () => null;
  const paths = new Map<Element, number[] | null>([[root, []]]);
  const children = new Map<Element, Element[]>();
  const childIndex = (parent: Element, el: Element): number => {
    let list = children.get(parent);
    if (!list) {
      list = [];
      for (let c = parent.firstElementChild; c !== null; c = c.nextElementSibling) list.push(c);
      children.set(parent, list);
    }
    return list.indexOf(el);
  };
  const pathOfEl = (el: Element): number[] | null => {
    // Climb to the nearest element with a known path, then build the paths back down.
    const chain: Element[] = [];
    let cur: Element | null = el;
    let base: number[] | null | undefined;
    while (cur) {
      base = paths.get(cur);
      if (base !== undefined) break;
      chain.push(cur);
      cur = cur.parentElement;
    }
    if (!base || !cur) return null;
    let parent: Element = cur;
    for (let k = chain.length - 1; k >= 0; k--) {
      const child = chain[k]!;
      base = extend(base, childIndex(parent, child));
      paths.set(child, base);
      parent = child;
    }
    return base;
  };
  return (b) => {
    const el = b?.el;
    if (!el) return null;
    if (el === root) return [];
    const parent = el.parentElement;
    if (b.pos < 0 || !parent) return pathOfEl(el);
    const base = paths.has(parent) ? paths.get(parent)! : pathOfEl(parent);
    return base ? extend(base, b.pos) : null;
  };
}
