// DomRef paths (child-element indexes from the extraction root) for blocks,
// computed lazily from the DOM and only for the blocks that need one (punkt
// and section boundaries). Each parent's children are listed once, so the
// cost stays linear however many siblings a page has.
import type { NodePath } from '../model/minutes';
import type { Block } from './blocks';

export type PathFn = (b: Block | undefined) => NodePath | null;

/** Path resolver relative to `root`; no root (text input, synthetic documents) always yields null. */
export function pathFinder(root: Element | null | undefined): PathFn {
  if (!root) return () => null;
  // Paths of parents (few: the containers of punkter and sections) and their element children.
  const parentPaths = new Map<Element, number[] | null>([[root, []]]);
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
    if (el === root) return [];
    // Climb to the nearest ancestor with a known path, then build the paths back down.
    const chain: Element[] = [el];
    let cur = el.parentElement;
    let base: number[] | null | undefined;
    while (cur) {
      base = parentPaths.get(cur);
      if (base !== undefined) break;
      chain.push(cur);
      cur = cur.parentElement;
    }
    if (!base || !cur) return null;
    let parent: Element = cur;
    for (let k = chain.length - 1; k >= 0; k--) {
      const child = chain[k]!;
      base = [...base, childIndex(parent, child)];
      if (k > 0) parentPaths.set(child, base);
      parent = child;
    }
    return base;
  };
  return (b) => (b?.el ? pathOfEl(b.el) : null);
}
