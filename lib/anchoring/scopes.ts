// Scopes: the part of the page (a punkt's section, or the whole punkt) that
// position selectors are measured from, and how to find it again.
import type { DomRef, Meeting, Punkt } from '../model/minutes';
import type { AnchorScope } from '../model/selectors';
import type { OffsetRange, TextIndex } from './text-index';

/** What a scope resolver may return: a Range, an element, offsets into the index, or null (not found). */
export type ScopeLocation = AbstractRange | Node | OffsetRange | null;
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

/** Offsets of a resolved scope location in `index`, or null. */
export function locationOffsets(index: TextIndex, loc: ScopeLocation): OffsetRange | null {
  if (!loc) return null;
  if (isOffsetRange(loc)) return { start: loc.start, end: Math.max(loc.start, loc.end) };
  if (isAbstractRange(loc)) return index.rangeOffsets(loc);
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
 * (lib/minutes' `resolveDomRef` bound to the document) or offsets
 * (`domRefOffsets`, which creates no Range). A section is found by
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
 * Offsets of a DomRef without creating a Range, with the same meaning as
 * lib/minutes' `resolveDomRef`: from just before the start element to just
 * before the end element (when it follows the start), else to the end of
 * `root` (document.body). `elementAt` is lib/minutes' path lookup.
 */
export function domRefOffsets(
  index: TextIndex,
  root: Element,
  ref: DomRef,
  elementAt: (root: Element, path: DomRef['startPath']) => Element | null,
): OffsetRange | null {
  const start = elementAt(root, ref.startPath);
  if (!start) return null;
  const s = index.offsetBefore(start);
  const end = ref.endPath ? elementAt(root, ref.endPath) : null;
  // 4 = Node.DOCUMENT_POSITION_FOLLOWING
  const e = end && start.compareDocumentPosition(end) & 4 ? index.endBefore(end) : index.length;
  return { start: s, end: Math.max(s, e) };
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
    const range = locationOffsets(index, resolve(scope));
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
