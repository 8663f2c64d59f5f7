// Annotation repository. Every write runs in one Dexie transaction: a service worker killed
// mid-write leaves the old state or the new one, never half.
import { Annotation, AnnotationInput, type AnnotationStatus } from '../model/annotation';
import type { SagssporDB } from './db';
import { guarded, validate } from './errors';
import { canonicalUrl } from './keys';
import { type AnnotationRow, fromAnnotationRow, toAnnotationRow } from './rows';

export interface UpsertResult {
  /** False when the stored record is newer (`modified` wins later): the write was stale. */
  applied: boolean;
  /** The record as stored after the call. */
  annotation: Annotation;
}

function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.normalize('NFC').replace(/\s+/g, ' ').trim();
    const k = tag.toLowerCase();
    if (tag && !seen.has(k)) {
      seen.add(k);
      out.push(tag);
    }
  }
  return out;
}

/**
 * Creates or updates an annotation by id (idempotent). A write whose `modified` is older than the
 * stored one is ignored, so a stale retry never overwrites a newer write; `created` is kept.
 */
export async function createOrUpdateAnnotation(db: SagssporDB, input: unknown): Promise<UpsertResult> {
  const a = validate<AnnotationInput>('annotation', AnnotationInput, input);
  const record: Annotation = {
    ...a,
    page: { ...a.page, url: canonicalUrl(a.page.url) },
    tags: normaliseTags(a.tags),
    status: a.status ?? 'anchored',
    deletedAt: a.deletedAt ?? null,
  };
  return guarded(() =>
    db.transaction('rw', db.annotations, async () => {
      const existing = await db.annotations.get(record.id);
      if (existing && existing.modified > record.modified) {
        return { applied: false, annotation: fromAnnotationRow(existing) };
      }
      // A tag already in use keeps its spelling ("budget" joins "Budget"), so filters and counts agree.
      const tags = await Promise.all(
        record.tags.map(async (tag) => {
          if (existing?.tags.includes(tag)) return tag;
          const key = await db.annotations
            .where('tags')
            .equalsIgnoreCase(tag)
            .first((r) => r?.tags);
          return key?.find((t) => t.toLowerCase() === tag.toLowerCase()) ?? tag;
        }),
      );
      const merged = { ...record, tags: normaliseTags(tags) };
      const row = toAnnotationRow(existing ? { ...merged, created: existing.created } : merged);
      await db.annotations.put(row);
      return { applied: true, annotation: fromAnnotationRow(row) };
    }),
  );
}

export async function getAnnotation(db: SagssporDB, id: string): Promise<Annotation | undefined> {
  const row = await guarded(() => db.annotations.get(id));
  return row && fromAnnotationRow(row);
}

/**
 * The live (not deleted) annotations of a page: by canonical URL and/or meeting key (a meeting seen
 * at several URLs — one page per punkt — has one set). Sorted by creation time.
 */
export async function listForPage(
  db: SagssporDB,
  where: { url?: string | null; meetingKey?: string | null },
): Promise<Annotation[]> {
  return guarded(() =>
    db.transaction('r', db.annotations, async () => {
      const [byUrl, byMeeting] = await Promise.all([
        where.url ? db.annotations.where('page.url').equals(canonicalUrl(where.url)).toArray() : [],
        where.meetingKey ? db.annotations.where('page.meetingKey').equals(where.meetingKey).toArray() : [],
      ]);
      const map = new Map<string, AnnotationRow>();
      for (const row of byUrl) map.set(row.id, row);
      for (const row of byMeeting) map.set(row.id, row);
      return [...map.values()]
        .filter((r) => r.deletedAt === null)
        .sort((x, y) => x.created - y.created)
        .map(fromAnnotationRow);
    }),
  );
}

/** Live annotations of a case (timeline, case export). */
export async function listForCase(db: SagssporDB, caseKey: string): Promise<Annotation[]> {
  const rows = await guarded(() => db.annotations.where('page.caseKey').equals(caseKey).toArray());
  return rows
    .filter((r) => r.deletedAt === null)
    .sort((x, y) => x.created - y.created)
    .map(fromAnnotationRow);
}

/** Soft-deletes (undo with `undoDelete`). Bumps `modified` so stale retries of older edits are ignored. */
export async function softDelete(
  db: SagssporDB,
  id: string,
  now = Date.now(),
): Promise<Annotation | undefined> {
  return guarded(() =>
    db.transaction('rw', db.annotations, async () => {
      const row = await db.annotations.get(id);
      if (!row) return undefined;
      if (row.deletedAt !== null) return fromAnnotationRow(row);
      const next = { ...row, deletedAt: now, modified: Math.max(now, row.modified) };
      await db.annotations.put(next);
      return fromAnnotationRow(next);
    }),
  );
}

/** Restores a soft-deleted annotation. */
export async function undoDelete(
  db: SagssporDB,
  id: string,
  now = Date.now(),
): Promise<Annotation | undefined> {
  return guarded(() =>
    db.transaction('rw', db.annotations, async () => {
      const row = await db.annotations.get(id);
      if (!row) return undefined;
      if (row.deletedAt === null) return fromAnnotationRow(row);
      const next = { ...row, deletedAt: null, modified: Math.max(now, row.modified) };
      await db.annotations.put(next);
      return fromAnnotationRow(next);
    }),
  );
}

/** Permanently removes annotations soft-deleted before `before` (ms). Returns how many. */
export async function purgeDeleted(db: SagssporDB, before: number): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.annotations, () => db.annotations.where('deletedAt').below(before).delete()),
  );
}

/**
 * Sets the anchoring status of several annotations in one transaction (after a re-anchoring batch).
 * Not a user edit: `modified` is unchanged. Returns how many rows changed.
 */
export async function setStatus(
  db: SagssporDB,
  ids: readonly string[],
  status: AnnotationStatus,
): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.annotations, async () => {
      const rows = await db.annotations.bulkGet([...ids]);
      const changed = rows.filter((r): r is AnnotationRow => !!r && r.status !== status);
      await db.annotations.bulkPut(changed.map((r) => ({ ...r, status })));
      return changed.length;
    }),
  );
}

/** Live orphans, newest first; optionally of one page (url and/or meeting). */
export async function listOrphans(
  db: SagssporDB,
  where: { url?: string | null; meetingKey?: string | null } = {},
): Promise<Annotation[]> {
  if (where.url || where.meetingKey) {
    return (await listForPage(db, where)).filter((a) => a.status === 'orphaned').reverse();
  }
  const rows = await guarded(() => db.annotations.where('status').equals('orphaned').toArray());
  return rows
    .filter((r) => r.deletedAt === null)
    .sort((x, y) => y.modified - x.modified)
    .map(fromAnnotationRow);
}

export interface TagCount {
  tag: string;
  count: number;
}

/**
 * Every tag with its number of live annotations, most used first (autocomplete). Counted from the
 * tags index's keys, minus the (few) soft-deleted rows — no table scan.
 */
export async function listTags(db: SagssporDB, prefix = ''): Promise<TagCount[]> {
  return guarded(() =>
    db.transaction('r', db.annotations, async () => {
      // Distinct tags walk the index once per tag (nextunique); each count is one index request.
      const keys = prefix
        ? await db.annotations.where('tags').startsWithIgnoreCase(prefix).uniqueKeys()
        : await db.annotations.orderBy('tags').uniqueKeys();
      const tags = keys.map(String);
      const totals = await Promise.all(tags.map((t) => db.annotations.where('tags').equals(t).count()));
      const counts = new Map(tags.map((t, i) => [t, totals[i]!]));
      const deleted = await db.annotations.where('deletedAt').aboveOrEqual(0).toArray();
      for (const row of deleted) {
        for (const tag of row.tags) {
          const c = counts.get(tag);
          if (c === undefined) continue;
          if (c <= 1) counts.delete(tag);
          else counts.set(tag, c - 1);
        }
      }
      return [...counts]
        .map(([tag, count]) => ({ tag, count }))
        .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'da'));
    }),
  );
}

/**
 * Renames a tag on every annotation that has it (merging into `to` where both exist), in one
 * transaction. Returns the ids changed, for undo (`renameTag(db, to, from, ids)` is not an exact
 * inverse after a merge, so undo with `restoreAnnotations`).
 */
export async function renameTag(
  db: SagssporDB,
  from: string,
  to: string,
  now = Date.now(),
): Promise<{ before: Annotation[] }> {
  const typed = to.normalize('NFC').replace(/\s+/g, ' ').trim();
  return guarded(() =>
    db.transaction('rw', db.annotations, async () => {
      // Renaming into a tag in use merges into it with its spelling ("klima" joins "Klima"), as
      // the page's tag input does; re-casing the tag itself ("Klima" → "klima") is kept as typed.
      const inUse = typed
        ? await db.annotations
            .where('tags')
            .equalsIgnoreCase(typed)
            .uniqueKeys()
            .then((keys) => (keys as string[]).find((k) => k !== from))
        : undefined;
      const target = inUse ?? typed;
      const rows = await db.annotations.where('tags').equals(from).toArray();
      const next = rows.map((r) => {
        const tags = normaliseTags(
          target ? r.tags.map((t) => (t === from ? target : t)) : r.tags.filter((t) => t !== from),
        );
        return toAnnotationRow({ ...fromAnnotationRow(r), tags, modified: Math.max(now, r.modified) });
      });
      await db.annotations.bulkPut(next);
      return { before: rows.map(fromAnnotationRow) };
    }),
  );
}

/** Removes a tag from every annotation (`renameTag` to nothing). Undo with `restoreAnnotations`. */
export function deleteTag(db: SagssporDB, tag: string, now = Date.now()): Promise<{ before: Annotation[] }> {
  return renameTag(db, tag, '', now);
}

/** Puts earlier versions of annotations back as they were (undo of a bulk edit). */
export async function restoreAnnotations(db: SagssporDB, before: readonly Annotation[]): Promise<void> {
  const rows = before.map((a) => toAnnotationRow(validate('annotation', Annotation, a)));
  await guarded(() => db.transaction('rw', db.annotations, () => db.annotations.bulkPut(rows)));
}

export interface AnnotationFilter {
  meetingKey?: string;
  caseKey?: string;
  tag?: string;
  color?: Annotation['color'];
  municipality?: string;
  includeDeleted?: boolean;
}

/**
 * Annotations filtered by meeting, case, tag, colour or municipality (dashboard), newest first.
 * Case, meeting and tag use their index; colour and municipality only filter in memory (alone they
 * read the whole table, as the unfiltered list does: not worth an index entry on every write).
 */
export async function listAnnotations(db: SagssporDB, f: AnnotationFilter = {}): Promise<Annotation[]> {
  return guarded(async () => {
    const t = db.annotations;
    const coll = f.caseKey
      ? t.where('page.caseKey').equals(f.caseKey)
      : f.meetingKey
        ? t.where('page.meetingKey').equals(f.meetingKey)
        : f.tag
          ? t.where('tags').equals(f.tag)
          : t.toCollection();
    const rows = await coll.toArray();
    const muni = f.municipality?.toLowerCase();
    return rows
      .filter(
        (r) =>
          (f.includeDeleted || r.deletedAt === null) &&
          (!f.meetingKey || r.page.meetingKey === f.meetingKey) &&
          (!f.tag || r.tags.includes(f.tag)) &&
          (!f.color || r.color === f.color) &&
          (!muni || r.page.municipality?.toLowerCase() === muni),
      )
      .sort((x, y) => y.modified - x.modified)
      .map(fromAnnotationRow);
  });
}
