// Resolve the parser's DomRef paths back to live DOM. lib/minutes will
// export its own `resolveDomRef(doc, ref)`; until then (and as a fallback)
// this adapter walks the child-element index path from `document.body`.
import type { DomRef, NodePath } from '../model/minutes';

export type DomRefResolver = (doc: Document, ref: DomRef) => Range | null;

export function elementAtPath(root: Element, path: NodePath): Element | null {
  let el: Element | null = root;
  for (const index of path) {
    el = el?.children[index] ?? null;
    if (!el) return null;
  }
  return el;
}

/** Range from the start element up to (not including) the end element, or to the end of the start's parent. */
export function resolveDomRefFallback(doc: Document, ref: DomRef): Range | null {
  const body = doc.body;
  if (!body) return null;
  const start = elementAtPath(body, ref.startPath);
  if (!start) return null;
  const range = doc.createRange();
  range.setStartBefore(start);
  const end = ref.endPath ? elementAtPath(body, ref.endPath) : null;
  if (end && start.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING) range.setEndBefore(end);
  else range.setEndAfter(start);
  return range;
}

/** The first element a range starts at (or inside). */
export function rangeStartElement(range: Range): Element | null {
  const container = range.startContainer;
  const node = container.childNodes[range.startOffset] ?? container;
  if (node.nodeType === Node.ELEMENT_NODE) return node as Element;
  return node.parentElement;
}
