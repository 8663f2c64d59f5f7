// DomRef paths (child-element indexes from the extraction root) for blocks,
// computed lazily from the DOM and only for the blocks that need one (punkt
// and section boundaries). Each parent's children are indexed once, so the
// cost stays linear however many siblings a page has.
import type { NodePath } from '../model/minutes';
import type { Block } from './blocks';

export type PathFn = (b: Block | undefined) => NodePath | null;

/** Path resolver relative to `root`; no root (text input, synthetic documents) always yields null. */
export function pathFinder(root: Element | null | undefined): PathFn {
  if (!root) return () => null;
  const paths = new Map<Element, number[]>([[root, []]]);
  const index = new Map<Element, number>();
  const indexOf = (parent: Element, el: Element): number => {
    const known = index.get(el);
    if (known !== undefined) return known;
    let i = 0;
    for (let c = parent.firstElementChild; c !== null; c = c.nextElementSibling) index.set(c, i++);
    return index.get(el) ?? -1;
  };
  const pathOfEl = (el: Element): number[] | null => {
    const known = paths.get(el);
    if (known) return known;
    // Climb to the nearest element with a known path, then build the paths back down.
    const chain: Element[] = [];
    let cur: Element | null = el;
    let base: number[] | undefined;
    while (cur) {
      base = paths.get(cur);
      if (base) break;
      chain.push(cur);
      cur = cur.parentElement;
    }
    if (!base) return null;
    for (let k = chain.length - 1; k >= 0; k--) {
      const child = chain[k]!;
      const parent = k === chain.length - 1 ? cur! : chain[k + 1]!;
      base = [...base, indexOf(parent, child)];
      paths.set(child, base);
    }
    return base;
  };
  return (b) => (b?.el ? pathOfEl(b.el) : null);
}
