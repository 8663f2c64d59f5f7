// Scopes: the part of the page (a punkt's section, or the whole punkt) that
// position selectors are measured from, and how to find it again.
import type { DomRef, Meeting, Punkt } from '../model/minutes';
import type { AnchorScope } from '../model/selectors';
import type { OffsetRange, TextIndex } from './text-index';

/** A span between two nodes: from just before `startBefore` to just before `endBefore` (null = end of the index). */
export interface NodeSpan {
  startBefore: Node;
  endBefore: Node | null;
}

/**
 * What a scope resolver may return: a Range, an element (its contents), a
 * NodeSpan, offsets into the index, or null (not found).
 */
export type ScopeLocation = AbstractRange | Node | NodeSpan | OffsetRange | null;
export type ScopeResolver = (scope: AnchorScope) => ScopeLocation;

/** Stable cache key of a scope. */
export function scopeKey(scope: AnchorScope | null): string {
  if (!scope) return '';
  return `${scope.meetingKey ?? ''}\u0001${scope.punktNumber}\u0001${scope.caseNumber ?? ''}\u0001${
    scope.sectionKind ?? ''
  }\u0001${scope.sectionIndex ?? ''}`;
}

function isOffsetRange(x: object): x is OffsetRange {
  return typeof (x as OffsetRange).start === 'number' && typeof (x as OffsetRange).end === 'number';
}

function isAbstractRange(x: object): x is AbstractRange {
  return 'startContainer' in x && 'endOffset' in x;
}

/** Resolve a scope to offsets; a resolver that throws counts as "not found". */
export function resolveOffsets(
  index: TextIndex,
  scope: AnchorScope,
  resolve: ScopeResolver | undefined,
): OffsetRange | null {
  if (!resolve) return null;
  try {
    return locationOffsets(index, resolve(scope));
  } catch {
    return null;
  }
}

/** Offsets of a resolved scope location in `index`, or null. */
export function locationOffsets(index: TextIndex, loc: ScopeLocation): OffsetRange | null {
  if (!loc) return null;
  if (isOffsetRange(loc)) return { start: loc.start, end: Math.max(loc.start, loc.end) };
  if (isAbstractRange(loc)) return index.rangeOffsets(loc);
  if ('startBefore' in loc) {
    const start = index.offsetBefore(loc.startBefore);
    const end = loc.endBefore ? index.endBefore(loc.endBefore) : index.length;
    return { start, end: Math.max(start, end) };
  }
  return index.elementOffsets(loc as Node);
}

/** Find a punkt again: by case number when it is unique on the page, else by number. */
export function findPunkt(meeting: Meeting, scope: AnchorScope): Punkt | null {
  if (scope.caseNumber) {
    const same = meeting.punkter.filter((p) => p.caseNumber === scope.caseNumber);
    if (same.length === 1) return same[0]!;
    if (same.length > 1) return same.find((p) => p.number === scope.punktNumber) ?? same[0]!;
  }
  return meeting.punkter.find((p) => p.number === scope.punktNumber) ?? null;
}

/**
 * A resolver over a parsed meeting. `resolveRange` turns a DomRef into a Range
 * (lib/minutes' `resolveDomRef` bound to the document) or a NodeSpan
 * (`domRefLocation`, which creates no Range — cheaper for large batches). A section is found by
 * its index when the kind still matches, else by the first section of that
 * kind; when the section is gone the whole punkt is the scope (the position
 * is then only a hint; the quote decides).
 */
export function meetingScopeResolver(
  meeting: Meeting,
  resolveRange: (ref: DomRef) => ScopeLocation,
): ScopeResolver {
  return (scope) => {
    const punkt = findPunkt(meeting, scope);
    if (!punkt) return null;
    if (scope.sectionKind !== null) {
      const byIndex = scope.sectionIndex !== null ? punkt.sections[scope.sectionIndex] : undefined;
      const section =
        byIndex && byIndex.kind === scope.sectionKind
          ? byIndex
          : punkt.sections.find((s) => s.kind === scope.sectionKind);
      const r = section?.dom ? resolveRange(section.dom) : null;
      if (r) return r;
    }
    return punkt.dom ? resolveRange(punkt.dom) : null;
  };
}

/**
 * Where a DomRef points, as nodes (no Range, no index): from just before
 * `startBefore` to just before `endBefore` (null = the end of the root). Same
 * meaning as lib/minutes' `resolveDomRef`; `elementAt` is its path lookup.
 */
export function domRefLocation(
  root: Element,
  ref: DomRef,
  elementAt: (root: Element, path: DomRef['startPath']) => Element | null,
): NodeSpan | null {
  const start = elementAt(root, ref.startPath);
  if (!start) return null;
  // Paths are in document order, so "end follows start" is a path comparison
  // (cheaper than compareDocumentPosition, which is slow in jsdom).
  const end = ref.endPath && pathFollows(ref.startPath, ref.endPath) ? elementAt(root, ref.endPath) : null;
  return { startBefore: start, endBefore: end };
}

/**
 * A DomRef → NodeSpan function for one batch: same paths as lib/minutes'
 * `elementAt` (child-element indexes from `root`), but each parent's element
 * children are listed once, so a step is O(1) instead of a sibling walk.
 * Create it per batch (the cache assumes the DOM does not change meanwhile):
 * `meetingScopeResolver(meeting, createDomRefLocator(document.body))`.
 */
export function createDomRefLocator(root: Element): (ref: DomRef) => NodeSpan | null {
  const kids = new Map<Element, Element[]>();
  const at = (base: Element, path: DomRef['startPath']): Element | null => {
    let el: Element | undefined = base;
    for (const i of path) {
      let list = kids.get(el);
      if (!list) {
        list = [];
        for (let c = el.firstElementChild; c; c = c.nextElementSibling) list.push(c);
        kids.set(el, list);
      }
      el = list[i];
      if (!el) return null;
    }
    return el;
  };
  return (ref) => domRefLocation(root, ref, at);
}

/** True when the element at path `b` follows the one at `a` in document order (descendants follow). */
export function pathFollows(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return b[i]! > a[i]!;
  return b.length > a.length;
}

/** The scope of every section of every punkt, plus each whole punkt (sectionKind null). */
export function meetingScopes(meeting: Meeting, meetingKey?: string): AnchorScope[] {
  const out: AnchorScope[] = [];
  for (const p of meeting.punkter) {
    const base = { punktNumber: p.number, caseNumber: p.caseNumber, ...(meetingKey ? { meetingKey } : {}) };
    out.push({ ...base, sectionKind: null, sectionIndex: null });
    p.sections.forEach((s, i) => {
      out.push({ ...base, sectionKind: s.kind, sectionIndex: i });
    });
  }
  return out;
}

/** A scope with its offsets in one index. */
export interface LocatedScope {
  scope: AnchorScope;
  range: OffsetRange;
}

/** Resolve scopes once per index (e.g. all of `meetingScopes(meeting)`); unresolvable ones are left out. */
export function locateScopes(
  index: TextIndex,
  scopes: readonly AnchorScope[],
  resolve: ScopeResolver,
): LocatedScope[] {
  const out: LocatedScope[] = [];
  for (const scope of scopes) {
    const range = resolveOffsets(index, scope, resolve);
    if (range && range.end > range.start) out.push({ scope, range });
  }
  return out;
}

/**
 * The innermost located scope containing offset `at` (e.g. a selection's
 * start): sections win over whole punkter by being shorter.
 */
export function scopeAt(at: number, located: readonly LocatedScope[]): LocatedScope | null {
  let found: LocatedScope | null = null;
  for (const l of located) {
    const r = l.range;
    if (at < r.start || at >= r.end) continue;
    if (!found || r.end - r.start < found.range.end - found.range.start) found = l;
  }
  return found;
}
