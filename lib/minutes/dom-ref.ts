// DomRef paths (child-element indexes from document.body) ↔ live nodes.
import type { DomRef, NodePath } from '../model/minutes';

/** The element at `path` under `root` (document.body by default), or null. */
export function elementAt(root: Element, path: NodePath): Element | null {
  let el: Element | null = root;
  for (const idx of path) {
    if (!el) return null;
    let child: Element | null = el.firstElementChild;
    for (let i = 0; child && i < idx; i++) child = child.nextElementSibling;
    el = child;
  }
  return el;
}

/** Child-element index path from `root` to `el` (null when `el` is not inside `root`). */
export function pathOf(root: Element, el: Element): NodePath | null {
  const out: number[] = [];
  let cur: Element | null = el;
  while (cur && cur !== root) {
    let i = 0;
    for (let s = cur.previousElementSibling; s; s = s.previousElementSibling) i++;
    out.push(i);
    cur = cur.parentElement;
  }
  return cur === root ? out.reverse() : null;
}

/**
 * A Range covering a punkt or section: from before the start element to
 * before the end element (or to the end of the body when `endPath` is null).
 * Returns null when the document no longer matches the reference.
 */
export function resolveDomRef(doc: Document, ref: DomRef): Range | null {
  try {
    const root = doc.body;
    if (!root) return null;
    const start = elementAt(root, ref.startPath);
    if (!start) return null;
    const range = doc.createRange();
    range.setStartBefore(start);
    const end = ref.endPath ? elementAt(root, ref.endPath) : null;
    if (end && start.compareDocumentPosition(end) & 4) {
      range.setEndBefore(end);
    } else {
      range.setEnd(root, root.childNodes.length);
    }
    return range;
  } catch {
    return null;
  }
}
