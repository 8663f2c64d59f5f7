// Annotation routes: the reader (content script) writes and reads the annotations of its page;
// extension pages (dashboard) list, filter and bulk-edit tags with undo. Every committed user edit
// is announced to the open readers of the page (../changes.ts); status batches are not (they are
// per-tab anchoring results, and announcing them would make two tabs answer each other).
import {
  createOrUpdateAnnotation,
  deleteTag,
  getAnnotation,
  getMeta,
  listAnnotations,
  listForPage,
  listOrphans,
  listTags,
  NotFoundError,
  renameTag,
  restoreAnnotations,
  type SagssporDB,
  setMeta,
  setStatus,
  softDelete,
  undoDelete,
} from '../../../../lib/db';
import { warmSearch } from '../../../../lib/db/search';
import {
  DeleteAnnotationMessage,
  DeleteTagMessage,
  ListAnnotationsMessage,
  ListForPageMessage,
  ListOrphansMessage,
  ListTagsMessage,
  RenameTagMessage,
  SetStatusMessage,
  UndoBulkEditMessage,
  UndoDeleteAnnotationMessage,
  UpsertAnnotationMessage,
} from '../../../../lib/messages/data';
import type { Annotation } from '../../../../lib/model/annotation';
import { changesOf, type WithChanges } from '../changes';
import { BOTH, type DataDeps, type DataRoute, defineData, PAGES } from '../define';

const UNDO_PREFIX = 'undo:';
const UNDO_KEEP_MS = 24 * 60 * 60 * 1000;

interface UndoEntry {
  at: number;
  before: Annotation[];
}

/** Keeps the rows a bulk tag edit changed, under a token, in the database (survives a restart). */
async function storeUndo(db: SagssporDB, before: Annotation[], now: number): Promise<string> {
  const old = await db.meta.where('key').startsWith(UNDO_PREFIX).toArray();
  const expired = old.filter((e) => ((e.value as UndoEntry | undefined)?.at ?? 0) < now - UNDO_KEEP_MS);
  if (expired.length) await db.meta.bulkDelete(expired.map((e) => e.key));
  const token = crypto.randomUUID();
  await setMeta(db, UNDO_PREFIX + token, { at: now, before } satisfies UndoEntry);
  return token;
}

export function annotationRoutes(deps: DataDeps & WithChanges): Record<string, DataRoute> {
  const def = defineData(deps);
  const changes = () => changesOf(deps);
  return {
    'annotations/upsert': def(UpsertAnnotationMessage, BOTH, async (m, { db, access }) => {
      access.check(m.annotation.page.url);
      // An id belongs to one site: a content script may not overwrite another site's annotation.
      const existing = access.page ? undefined : await getAnnotation(db, m.annotation.id);
      if (existing) access.check(existing.page.url);
      const r = await createOrUpdateAnnotation(db, m.annotation);
      if (r.applied) changes().changed([r.annotation]);
      return { ok: true, applied: r.applied, annotation: r.annotation };
    }),

    'annotations/listForPage': def(ListForPageMessage, BOTH, async (m, { db, access, sender }) => {
      access.check(m.url);
      if (!access.page) changes().seen(sender);
      const all = await listForPage(db, { url: m.url, meetingKey: m.meetingKey });
      return { ok: true, annotations: all.filter((a) => access.allows(a.page.url)) };
    }),

    'annotations/delete': def(DeleteAnnotationMessage, BOTH, async (m, { db, access, now }) => {
      const a = await getAnnotation(db, m.id);
      if (!a) throw new NotFoundError('annotation', m.id);
      access.check(a.page.url);
      const deleted = (await softDelete(db, m.id, now)) ?? a;
      if (a.deletedAt === null) changes().changed([deleted]);
      return { ok: true, annotation: deleted };
    }),

    'annotations/undoDelete': def(UndoDeleteAnnotationMessage, BOTH, async (m, { db, access, now }) => {
      const a = await getAnnotation(db, m.id);
      if (!a) throw new NotFoundError('annotation', m.id);
      access.check(a.page.url);
      const restored = (await undoDelete(db, m.id, now)) ?? a;
      if (a.deletedAt !== null) changes().changed([restored]);
      return { ok: true, annotation: restored };
    }),

    'annotations/setStatus': def(SetStatusMessage, BOTH, async (m, { db, access }) => {
      if (!access.page) {
        const rows = await db.annotations.bulkGet(m.ids);
        for (const r of rows) if (r) access.check(r.page.url);
      }
      return { ok: true, changed: await setStatus(db, m.ids, m.status) };
    }),

    'annotations/listOrphans': def(ListOrphansMessage, BOTH, async (m, { db, access }) => {
      if (!access.page) access.check(m.url);
      const rows = await listOrphans(db, { url: m.url ?? null, meetingKey: m.meetingKey ?? null });
      return { ok: true, annotations: rows.filter((a) => access.allows(a.page.url)) };
    }),

    'annotations/listTags': def(ListTagsMessage, BOTH, async (m, { db }) => {
      const tags = await listTags(db, m.prefix);
      return { ok: true, tags: tags.slice(0, m.limit ?? 200) };
    }),

    'annotations/renameTag': def(RenameTagMessage, PAGES, async (m, { db, now }) => {
      const { before } = await renameTag(db, m.from, m.to, now);
      changes().changed(before);
      return { ok: true, changed: before.length, undoToken: await storeUndo(db, before, now) };
    }),

    'annotations/deleteTag': def(DeleteTagMessage, PAGES, async (m, { db, now }) => {
      const { before } = await deleteTag(db, m.tag, now);
      changes().changed(before);
      return { ok: true, changed: before.length, undoToken: await storeUndo(db, before, now) };
    }),

    'annotations/undoBulkEdit': def(UndoBulkEditMessage, PAGES, async (m, { db }) => {
      const key = UNDO_PREFIX + m.undoToken;
      const entry = await getMeta<UndoEntry>(db, key);
      if (!entry) throw new NotFoundError('undo', m.undoToken);
      await restoreAnnotations(db, entry.before);
      await db.meta.delete(key);
      changes().changed(entry.before);
      return { ok: true, restored: entry.before.length };
    }),

    'annotations/list': def(ListAnnotationsMessage, PAGES, async (m, { db }) => {
      // The dashboard asks this first: build the search index for its search and topic views.
      void warmSearch(db);
      const all = await listAnnotations(db, m.filter);
      return { ok: true, annotations: all.slice(0, m.limit ?? all.length), total: all.length };
    }),
  };
}
