// From the parser's DomRef ranges to the element a jump starts at.
import type { DomRef } from '../model/minutes';

/** Resolves a DomRef against a live document (lib/minutes' `resolveDomRef`). */
export type DomRefResolver = (doc: Document, ref: DomRef) => Range | null;

/** The first element a range starts at (or inside). */
export function rangeStartElement(range: Range): Element | null {
  const container = range.startContainer;
  const node = container.childNodes[range.startOffset] ?? container;
  if (node.nodeType === Node.ELEMENT_NODE) return node as Element;
  return node.parentElement;
}
