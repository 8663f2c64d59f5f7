// Reveal page text hidden in a collapsed part of the page (a collapsed
// agenda item, a closed <details>, a nested section), the way the page itself
// does: click its own collapsed toggle, open the <details>, and only as a last
// resort drop a `hidden` attribute. Plain DOM; no extension APIs. Never throws.

const TOGGLE = '[aria-expanded]';

const displayNone = (el: Element): boolean => {
  try {
    return el.ownerDocument.defaultView?.getComputedStyle(el).display === 'none';
  } catch {
    return false;
  }
};

const isSummaryOf = (details: Element, child: Node): boolean =>
  child.nodeType === 1 &&
  (child as Element).tagName === 'SUMMARY' &&
  details.querySelector(':scope > summary') === child;

/**
 * The collapsed boxes `node` sits in, innermost first: closed `<details>` (unless `node` is in
 * its summary), elements with `hidden`, and elements not displayed. Empty when it is shown.
 */
export function hiddenAncestors(node: Node): Element[] {
  const out: Element[] = [];
  try {
    const body = node.ownerDocument?.body ?? null;
    let child: Node = node;
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    for (; el && el !== body; child = el, el = el.parentElement) {
      if (el.tagName === 'DETAILS' && child !== el) {
        if (!(el as HTMLDetailsElement).open && !isSummaryOf(el, child)) out.push(el);
        continue;
      }
      if (el.hasAttribute('hidden') || displayNone(el)) out.push(el);
    }
  } catch {
    // a detached or foreign node: nothing we can reveal
  }
  return out;
}

/**
 * The page's own collapsed toggle for `box`: the control naming it in `aria-controls`, else the
 * one toggle next to it (its header) in the nearest ancestor that holds exactly one outside it.
 */
export function toggleFor(box: Element): HTMLElement | null {
  const doc = box.ownerDocument;
  const collapsed = (t: Element) => (t.getAttribute('aria-expanded') === 'false' ? (t as HTMLElement) : null);
  if (box.id) {
    for (const t of doc.querySelectorAll(`${TOGGLE}[aria-controls]`)) {
      if ((t.getAttribute('aria-controls') ?? '').split(/\s+/).includes(box.id)) return collapsed(t);
    }
  }
  let inner: Element = box;
  for (let a = box.parentElement, depth = 0; a && a !== doc.body && depth < 3; depth++) {
    const outside = [...a.querySelectorAll(TOGGLE)].filter((t) => !inner.contains(t));
    if (outside.length === 1) return collapsed(outside[0]!);
    if (outside.length > 1) return null; // several items' toggles: not ours to guess
    inner = a;
    a = a.parentElement;
  }
  return null;
}

export type RevealStep = 'opened-details' | 'clicked-toggle' | 'unhidden';

/**
 * One step towards showing `node`: opens the OUTERMOST collapsed box around it (its toggle
 * clicked, its <details> opened, or its `hidden` dropped). Returns what it did, or null when
 * `node` is shown already or nothing can open it. Call again (after the page reacted) for
 * nested boxes.
 */
export function revealStep(node: Node): RevealStep | null {
  try {
    const box = hiddenAncestors(node).pop();
    if (!box) return null;
    if (box.tagName === 'DETAILS') {
      (box as HTMLDetailsElement).open = true;
      return 'opened-details';
    }
    const toggle = toggleFor(box);
    if (toggle) {
      toggle.click();
      return 'clicked-toggle';
    }
    if (box.hasAttribute('hidden')) {
      box.removeAttribute('hidden');
      return 'unhidden';
    }
    return null;
  } catch {
    return null;
  }
}
