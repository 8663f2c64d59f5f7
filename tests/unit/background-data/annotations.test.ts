import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDataRouter } from '../../../entrypoints/background/data';
import { SagssporDB } from '../../../lib/db';
import { annotation, T0, uuid } from '../db/helpers';
import { contentScript, dashboard, harness, OTHER_PAGE_URL, otherSite, PAGE_URL, popup } from './helpers';

const upsert = (a: unknown) => ({ type: 'annotations/upsert', annotation: a });
const where = { url: PAGE_URL, meetingKey: 'aarhus|økonomiudvalget|2024-05-01' };

describe('annotations/upsert', () => {
  it('is idempotent by client id: a retry of the same write stores one annotation', async () => {
    const h = harness();
    const a = annotation(1, { note: 'Spørg til økonomien', tags: ['budget'] });
    const first = await h.send(upsert(a), contentScript());
    const retry = await h.send(upsert(a), contentScript());
    expect(first).toMatchObject({ ok: true, applied: true, annotation: { id: a.id, status: 'anchored' } });
    expect(retry).toEqual(first);
    expect(await h.db.annotations.count()).toBe(1);
    const listed = await h.send({ type: 'annotations/listForPage', ...where }, contentScript());
    expect(listed.annotations.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it('ignores a stale retry: an older write never overwrites a newer one', async () => {
    const h = harness();
    const v1 = annotation(1, { note: 'første', modified: T0 + 10 });
    const v2 = { ...v1, note: 'anden', modified: T0 + 20 };
    await h.send(upsert(v1), contentScript());
    await h.send(upsert(v2), contentScript());
    const stale = await h.send(upsert(v1), contentScript());
    expect(stale).toMatchObject({ ok: true, applied: false, annotation: { note: 'anden' } });
    expect((await h.db.annotations.get(v1.id))?.note).toBe('anden');
  });

  it('loses nothing when the service worker dies before acking: the resent write lands once', async () => {
    const h = harness();
    const a = annotation(2, { note: 'skrevet lige før nedlukning' });
    await h.send(upsert(a), contentScript()); // written, but the ack never reached the tab
    h.db.close(); // the service worker is gone
    // A new service worker: new database instance and router over the same IndexedDB.
    const db2 = new SagssporDB(h.name, { indexedDB, IDBKeyRange });
    const router2 = createDataRouter({ ...h.deps, db: () => db2 });
    const res = await router2(upsert(a), contentScript());
    expect(res).toMatchObject({
      ok: true,
      applied: true,
      annotation: { note: 'skrevet lige før nedlukning' },
    });
    expect(await db2.annotations.count()).toBe(1);
  });

  it('accepts only annotations of the content script’s own site', async () => {
    const h = harness();
    const a = annotation(3);
    await expect(h.send(upsert(a), otherSite)).resolves.toMatchObject({ ok: false, error: 'forbidden' });
    expect(await h.db.annotations.count()).toBe(0);
    // Another site cannot take over an existing id either.
    await h.send(upsert(a), contentScript());
    const hijack = {
      ...a,
      page: { ...a.page, url: 'https://dagsorden.ballerup.dk/meeting/1' },
      note: 'overskrevet',
      modified: a.modified + 1000,
    };
    await expect(h.send(upsert(hijack), otherSite)).resolves.toMatchObject({ ok: false, error: 'forbidden' });
    expect((await h.db.annotations.get(a.id))?.note).toBe('');
    // Extension pages (dashboard) may edit any annotation.
    await expect(
      h.send(upsert({ ...a, note: 'fra dashboard', modified: a.modified + 1 }), dashboard),
    ).resolves.toMatchObject({ ok: true, applied: true });
  });
});

describe('annotation reads and edits', () => {
  it('lists a page’s annotations, never another site’s, to a content script', async () => {
    const h = harness();
    await h.send(upsert(annotation(1)), contentScript());
    await h.send(
      upsert(annotation(2, { page: { ...annotation(2).page, url: OTHER_PAGE_URL } })),
      contentScript(OTHER_PAGE_URL),
    );
    // Same meeting at a different site (a mirror) must not leak to the content script.
    await h.send(
      upsert(annotation(3, { page: { ...annotation(3).page, url: 'https://mirror.example.dk/x' } })),
      popup,
    );
    const r = await h.send({ type: 'annotations/listForPage', ...where }, contentScript());
    expect(r.annotations.map((x: { id: string }) => x.id)).toEqual([uuid(1), uuid(2)]);
    const all = await h.send({ type: 'annotations/listForPage', ...where }, popup);
    expect(all.annotations).toHaveLength(3);
    await expect(
      h.send(
        { type: 'annotations/listForPage', url: 'https://mirror.example.dk/x', meetingKey: null },
        contentScript(),
      ),
    ).resolves.toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('soft-deletes with undo; unknown ids are not-found; other sites are forbidden', async () => {
    const h = harness();
    const a = annotation(1);
    await h.send(upsert(a), contentScript());
    await expect(h.send({ type: 'annotations/delete', id: a.id }, otherSite)).resolves.toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    const del = await h.send({ type: 'annotations/delete', id: a.id }, contentScript());
    expect(del.annotation.deletedAt).toBe(h.now.value);
    let listed = await h.send({ type: 'annotations/listForPage', ...where }, contentScript());
    expect(listed.annotations).toEqual([]);
    await h.send({ type: 'annotations/undoDelete', id: a.id }, contentScript());
    listed = await h.send({ type: 'annotations/listForPage', ...where }, contentScript());
    expect(listed.annotations).toHaveLength(1);
    await expect(
      h.send({ type: 'annotations/delete', id: uuid(99) }, contentScript()),
    ).resolves.toMatchObject({
      ok: false,
      error: 'not-found',
    });
  });

  it('sets anchoring status in a batch and lists orphans of the page', async () => {
    const h = harness();
    for (const n of [1, 2, 3]) await h.send(upsert(annotation(n)), contentScript());
    const r = await h.send(
      { type: 'annotations/setStatus', ids: [uuid(1), uuid(3)], status: 'orphaned' },
      contentScript(),
    );
    expect(r).toEqual({ ok: true, changed: 2 });
    await expect(
      h.send({ type: 'annotations/setStatus', ids: [uuid(2)], status: 'orphaned' }, otherSite),
    ).resolves.toMatchObject({ ok: false, error: 'forbidden' });
    const orphans = await h.send({ type: 'annotations/listOrphans', ...where }, contentScript());
    expect(orphans.annotations.map((x: { id: string }) => x.id).sort()).toEqual([uuid(1), uuid(3)]);
    // A content script must say which page; extension pages may list all orphans.
    await expect(h.send({ type: 'annotations/listOrphans' }, contentScript())).resolves.toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect((await h.send({ type: 'annotations/listOrphans' }, popup)).annotations).toHaveLength(2);
  });

  it('autocompletes tags, renames/merges and deletes them with undo that survives a restart', async () => {
    const h = harness();
    await h.send(upsert(annotation(1, { tags: ['budget', 'skole'] })), contentScript());
    await h.send(upsert(annotation(2, { tags: ['Budget 2025'] })), contentScript());
    await h.send(upsert(annotation(3, { tags: ['budget'] })), contentScript());
    const tags = await h.send({ type: 'annotations/listTags', prefix: 'bu' }, contentScript());
    expect(tags.tags).toEqual([
      { tag: 'budget', count: 2 },
      { tag: 'Budget 2025', count: 1 },
    ]);

    const renamed = await h.send(
      { type: 'annotations/renameTag', from: 'Budget 2025', to: 'budget' },
      dashboard,
    );
    expect(renamed).toMatchObject({ ok: true, changed: 1 });
    expect((await h.send({ type: 'annotations/listTags', prefix: '' }, popup)).tags).toEqual([
      { tag: 'budget', count: 3 },
      { tag: 'skole', count: 1 },
    ]);

    // Undo after a service-worker restart: the token is kept in the database.
    const router2 = createDataRouter({ ...h.deps });
    await expect(
      router2({ type: 'annotations/undoBulkEdit', undoToken: renamed.undoToken }, dashboard),
    ).resolves.toEqual({
      ok: true,
      restored: 1,
    });
    expect((await h.db.annotations.get(uuid(2)))?.tags).toEqual(['Budget 2025']);
    await expect(
      h.send({ type: 'annotations/undoBulkEdit', undoToken: renamed.undoToken }, dashboard),
    ).resolves.toMatchObject({
      ok: false,
      error: 'not-found',
    });

    const deleted = await h.send({ type: 'annotations/deleteTag', tag: 'budget' }, dashboard);
    expect(deleted.changed).toBe(2);
    expect((await h.db.annotations.get(uuid(1)))?.tags).toEqual(['skole']);
    await h.send({ type: 'annotations/undoBulkEdit', undoToken: deleted.undoToken }, dashboard);
    expect((await h.db.annotations.get(uuid(1)))?.tags).toEqual(['budget', 'skole']);
  });

  it('lists with dashboard filters, newest first, with a total', async () => {
    const h = harness();
    await h.send(upsert(annotation(1, { color: 'green', tags: ['skole'] })), contentScript());
    await h.send(upsert(annotation(2, { color: 'yellow', tags: ['skole'] })), contentScript());
    await h.send(
      upsert(
        annotation(3, {
          color: 'green',
          page: { ...annotation(3).page, meetingKey: 'aarhus|byrådet|2024-05-15', punktNumber: 7 },
        }),
      ),
      contentScript(),
    );
    const byColour = await h.send({ type: 'annotations/list', filter: { color: 'green' } }, dashboard);
    expect(byColour.annotations.map((a: { id: string }) => a.id)).toEqual([uuid(3), uuid(1)]);
    const byTagAndColour = await h.send(
      { type: 'annotations/list', filter: { tag: 'skole', color: 'green' } },
      dashboard,
    );
    expect(byTagAndColour.annotations.map((a: { id: string }) => a.id)).toEqual([uuid(1)]);
    const byMeeting = await h.send(
      { type: 'annotations/list', filter: { meetingKey: 'aarhus|byrådet|2024-05-15' } },
      dashboard,
    );
    expect(byMeeting.total).toBe(1);
    const byCase = await h.send(
      {
        type: 'annotations/list',
        filter: { caseKey: 'aarhus:24.00.00-G01-16-23', municipality: 'Aarhus' },
        limit: 2,
      },
      dashboard,
    );
    expect(byCase).toMatchObject({ total: 3 });
    expect(byCase.annotations).toHaveLength(2);
  });
});
