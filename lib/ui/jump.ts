// Jump to a punkt on the page: find its element, expand it the way the page
// itself does (click the platform's own toggle), scroll it into view. Plain
// DOM; no extension APIs. Never throws.

import { resolveDomRef } from '../minutes/dom-ref';
import type { DomRef } from '../model/minutes';
import { type DomRefResolver, rangeStartElement } from './domref';
import { collapseWhitespace } from './text';

export interface PunktLocator {
  number: number;
  title: string;
  printedTitle?: string;
  dom: DomRef | null;
}

const norm = (s: string | null | undefined) => collapseWhitespace(s ?? '').toLowerCase();

function titleKey(p: PunktLocator): string {
  return norm(p.title).slice(0, 40);
}

function numberPrefix(n: number): RegExp {
  return new RegExp(`^(?:punkt|pkt\\.?)?\\s*0*${n}(?!\\d)`, 'i');
}

/** Does this element plausibly belong to the punkt (guards against stale DomRefs)? */
function looksLikePunkt(el: Element, p: PunktLocator): boolean {
  const text = norm(el.textContent).slice(0, 2000);
  const key = titleKey(p);
  return key === '' ? numberPrefix(p.number).test(text) : text.includes(key);
}

const NARROW =
  'h1,h2,h3,h4,h5,h6,[role="heading"],summary,button,[role="button"],dt,strong,b,a,p,caption,th,td';
const BROAD = 'div,li,span,section,article,header';
const MAX_TEXT = 400;

function smallest(cands: Element[]): Element | null {
  let best: Element | null = null;
  let bestLen = Number.POSITIVE_INFINITY;
  for (const el of cands) {
    const len = norm(el.textContent).length;
    if (len < bestLen) {
      best = el;
      bestLen = len;
    }
  }
  return best;
}

/** Find the punkt's heading by its printed number and title (for pages without a usable DomRef). */
export function findPunktByText(doc: Document, p: PunktLocator): Element | null {
  const root = doc.body;
  if (!root) return null;
  const num = numberPrefix(p.number);
  const key = titleKey(p);
  for (const selector of [NARROW, BROAD]) {
    const both: Element[] = [];
    const titleOnly: Element[] = [];
    for (const el of root.querySelectorAll(selector)) {
      const raw = el.textContent ?? '';
      if (raw.length > MAX_TEXT * 3) continue;
      const text = norm(raw);
      if (text.length > MAX_TEXT) continue;
      const hasTitle = key !== '' && text.includes(key);
      if (num.test(text) && (hasTitle || key === '')) both.push(el);
      else if (hasTitle && /^h[1-6]$/i.test(el.tagName) && text.startsWith(key)) titleOnly.push(el);
    }
    const hit = smallest(both) ?? smallest(titleOnly);
    if (hit) return hit;
  }
  return null;
}

/** The punkt's element: its DomRef start when it still matches, else found by number and title. */
export function findPunktElement(
  doc: Document,
  p: PunktLocator,
  resolve: DomRefResolver = resolveDomRef,
): Element | null {
  try {
    if (p.dom) {
      let range: Range | null = null;
      try {
        range = resolve(doc, p.dom);
      } catch {
        range = null;
      }
      const el = range ? rangeStartElement(range) : null;
      if (el?.isConnected && looksLikePunkt(el, p)) return el;
    }
    return findPunktByText(doc, p);
  } catch {
    return null;
  }
}

const isDetails = (el: Element): el is HTMLDetailsElement => el.tagName === 'DETAILS';

/** The page's own collapsed toggle for the punkt at `el`, if any. */
export function findExpander(el: Element): HTMLElement | null {
  const state = (e: Element) => e.getAttribute('aria-expanded');
  if (state(el) === 'false') return el as HTMLElement;
  if (state(el) === 'true') return null;
  const inside = el.querySelectorAll('[aria-expanded]');
  if (inside.length === 1) return state(inside[0]!) === 'false' ? (inside[0] as HTMLElement) : null;
  if (inside.length > 1) return null; // spans several punkter: not ours to guess
  // Climb while the ancestor holds at most one toggle (i.e. it is still this punkt's box).
  let a = el.parentElement;
  for (let depth = 0; a && a !== el.ownerDocument.body && depth < 4; depth++, a = a.parentElement) {
    if (state(a) === 'false') return a as HTMLElement;
    if (state(a) === 'true') return null;
    const toggles = a.querySelectorAll('[aria-expanded]');
    if (toggles.length > 1) return null;
    if (toggles.length === 1) return state(toggles[0]!) === 'false' ? (toggles[0] as HTMLElement) : null;
  }
  return null;
}

/** Hidden parts of the punkt when there is no toggle: the element, its following siblings, its descendants. */
function hiddenParts(el: Element): Element[] {
  const out: Element[] = [];
  if (el.hasAttribute('hidden')) out.push(el);
  let sib = el.nextElementSibling;
  for (let i = 0; sib && i < 3; i++, sib = sib.nextElementSibling) {
    if (sib.hasAttribute('hidden')) out.push(sib);
    if (/^h[1-6]$/i.test(sib.tagName)) break;
  }
  for (const h of el.querySelectorAll('[hidden]')) {
    if (out.length > 20) break;
    if ((h.textContent ?? '').trim() !== '') out.push(h);
  }
  let a = el.parentElement;
  for (let depth = 0; a && a !== el.ownerDocument.body && depth < 3; depth++, a = a.parentElement) {
    if (a.hasAttribute('hidden')) out.push(a);
  }
  return out;
}

export type ExpandOutcome = 'clicked-toggle' | 'opened-details' | 'unhidden' | 'already-open';

/** Expand a collapsed punkt, preferring the page's own toggle. */
export function expandPunkt(el: Element): ExpandOutcome {
  let outcome: ExpandOutcome = 'already-open';
  // <details>: around the punkt, or the punkt itself.
  const detailsList: HTMLDetailsElement[] = [];
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) detailsList.push(d);
  const own = el.querySelector(':scope > details, :scope > summary');
  if (own && isDetails(own)) detailsList.push(own);
  for (const d of detailsList) {
    if (!d.open) {
      d.open = true;
      outcome = 'opened-details';
    }
  }
  const toggle = findExpander(el);
  if (toggle) {
    toggle.click();
    return 'clicked-toggle';
  }
  if (outcome !== 'already-open') return outcome;
  const hidden = hiddenParts(el);
  for (const h of hidden) h.removeAttribute('hidden');
  return hidden.length > 0 ? 'unhidden' : 'already-open';
}

/** The short, visible part of the punkt to outline: the element itself if it is a heading, else its first heading-like child. */
export function headingOf(el: Element): Element {
  if (norm(el.textContent).length <= MAX_TEXT) return el;
  return el.querySelector('h1,h2,h3,h4,h5,h6,[role="heading"],summary,button,[aria-expanded]') ?? el;
}

export interface JumpResult {
  ok: boolean;
  element: Element | null;
  outcome: ExpandOutcome | null;
}

/** Find, expand and scroll to a punkt. Never throws. */
export function jumpToPunkt(doc: Document, p: PunktLocator, resolve?: DomRefResolver): JumpResult {
  try {
    const el = findPunktElement(doc, p, resolve);
    if (!el) return { ok: false, element: null, outcome: null };
    const outcome = expandPunkt(el);
    const target = headingOf(el);
    target.scrollIntoView?.({ block: 'start' });
    return { ok: true, element: target, outcome };
  } catch {
    return { ok: false, element: null, outcome: null };
  }
}
