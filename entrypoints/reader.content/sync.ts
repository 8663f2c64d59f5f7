// Live sync of a page's annotations with the store, when another tab, the dashboard or a backup
// import changed them: which changes concern this page, and what a fresh list changes here.
// Pure functions; the annotator applies the result (only what changed is repainted).
import type { AnnotationsChangedMessage } from '../../lib/messages/schemas';
import type { Annotation } from '../../lib/model/annotation';

export interface SyncPage {
  /** Canonical URL (as stored on annotations). */
  url: string;
  meetingKey: string | null;
}

/** Does a change announcement concern this page (an annotation shown here, or one of its pages)? */
export function concernsPage(
  message: Pick<AnnotationsChangedMessage, 'ids' | 'pages'>,
  page: SyncPage | null,
  knows: (id: string) => boolean,
): boolean {
  if (!page) return false;
  if (message.ids === null || message.pages === null) return true;
  if (message.ids.some(knows)) return true;
  return message.pages.some(
    (p) => p.url === page.url || (p.meetingKey !== null && p.meetingKey === page.meetingKey),
  );
}

export interface Reconciled {
  /** Stored and not here: show them. */
  added: Annotation[];
  /** Here, and stored differently: take the stored version. */
  updated: { before: Annotation; after: Annotation }[];
  /** Here, and no longer stored as live for this page: remove them. */
  removed: Annotation[];
}

/**
 * Compares the live annotations shown here with a fresh list from the store (already limited to
 * what belongs on this page). The store wins, except for ids `local` says to keep: writes of this
 * tab that are not acknowledged yet, or were made or acknowledged while the list was on its way
 * (the list may predate them).
 */
export function reconcile(
  shown: ReadonlyMap<string, Annotation>,
  stored: readonly Annotation[],
  keepLocal: (id: string) => boolean,
): Reconciled {
  const out: Reconciled = { added: [], updated: [], removed: [] };
  const live = new Map<string, Annotation>();
  for (const a of stored) if (a.deletedAt === null) live.set(a.id, a);
  for (const [id, after] of live) {
    if (keepLocal(id)) continue;
    const before = shown.get(id);
    if (!before) out.added.push(after);
    else if (!sameContent(before, after)) out.updated.push({ before, after });
  }
  for (const [id, before] of shown) if (!live.has(id) && !keepLocal(id)) out.removed.push(before);
  return out;
}

/** What the user sees of an annotation (status is this tab's own anchoring result). */
export function sameContent(a: Annotation, b: Annotation): boolean {
  return (
    a.modified === b.modified &&
    a.color === b.color &&
    a.note === b.note &&
    a.motivation === b.motivation &&
    sameList(a.tags, b.tags) &&
    sameTarget(a, b) &&
    a.page.punktNumber === b.page.punktNumber
  );
}

/** Same place on the page (selectors and scope): no re-anchoring needed. */
export function sameTarget(a: Annotation, b: Annotation): boolean {
  return sameJson(a.target, b.target);
}

/** Deep equality of JSON-like values (key order ignored; an undefined key equals a missing one). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameJson(ra[k], rb[k])) return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
