import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  createOrUpdateAnnotation,
  deleteTag,
  getAnnotation,
  InvalidRecordError,
  listAnnotations,
  listForCase,
  listForPage,
  listOrphans,
  listTags,
  purgeDeleted,
  renameTag,
  restoreAnnotations,
  setStatus,
  softDelete,
  undoDelete,
} from '../../../lib/db';
import { annotation, freshDb, T0, uuid } from './helpers';

describe('createOrUpdateAnnotation', () => {
  it('stores a validated record with derived case key and words, canonical URL and clean tags', async () => {
    const db = await freshDb();
    const r = await createOrUpdateAnnotation(
      db,
      annotation(1, {
        page: {
          url: 'https://dagsordener.aarhus.dk/vis?id=123&utm_source=nyhedsbrev#punkt3',
          municipality: 'Aarhus',
          meetingKey: 'aarhus|økonomiudvalget|2024-05-01',
          punktNumber: 3,
          caseNumber: '24.00.00-G01-16-23',
        },
        note: 'Spørg forvaltningen om økonomien',
        tags: [' Budget ', 'budget', 'Trafik  sikkerhed'],
      }),
    );
    expect(r.applied).toBe(true);
    expect(r.annotation.page.url).toBe('https://dagsordener.aarhus.dk/vis?id=123');
    expect(r.annotation.page.caseKey).toBe('aarhus:24.00.00-G01-16-23');
    expect(r.annotation.tags).toEqual(['Budget', 'Trafik sikkerhed']);
    expect(r.annotation.status).toBe('anchored');
    expect(r.annotation.deletedAt).toBeNull();
    expect('words' in r.annotation).toBe(false);
    const row = await db.annotations.get(uuid(1));
    expect(row?.words).toEqual(
      expect.arrayContaining([
        'indstillingen',
        'godkendt',
        'spørg',
        'økonomien',
        'budget',
        '24.00.00-g01-16-23',
      ]),
    );
  });

  it('is idempotent, keeps created, and ignores stale writes (modified wins later)', async () => {
    const db = await freshDb();
    const a = annotation(2, { note: 'første' });
    await createOrUpdateAnnotation(db, a);
    await createOrUpdateAnnotation(db, a); // retry
    expect(await db.annotations.count()).toBe(1);

    const newer = { ...a, note: 'anden', created: a.created + 999, modified: a.modified + 10 };
    expect((await createOrUpdateAnnotation(db, newer)).applied).toBe(true);
    const stale = await createOrUpdateAnnotation(db, { ...a, note: 'forældet', modified: a.modified + 5 });
    expect(stale.applied).toBe(false);
    expect(stale.annotation.note).toBe('anden');
    const stored = await getAnnotation(db, a.id);
    expect(stored?.note).toBe('anden');
    expect(stored?.created).toBe(a.created);
  });

  it('accepts a whole-punkt note (scope, no selectors) and rejects a half target', async () => {
    const db = await freshDb();
    const whole = annotation(4, {
      motivation: 'commenting',
      quote: '',
      note: 'Hele punktet: følg op',
      target: {
        scope: { meetingKey: 'm', punktNumber: 3, caseNumber: null, sectionKind: null, sectionIndex: null },
        selectors: [],
      },
    });
    expect((await createOrUpdateAnnotation(db, whole)).applied).toBe(true);
    const half = annotation(5, {
      target: {
        scope: null,
        selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }],
      } as never,
    });
    await expect(createOrUpdateAnnotation(db, half)).rejects.toBeInstanceOf(InvalidRecordError);
  });

  it('rejects invalid records with a typed error and writes nothing', async () => {
    const db = await freshDb();
    const bad = { ...annotation(3), color: 'orange', id: 'not-a-uuid' };
    await expect(createOrUpdateAnnotation(db, bad)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(createOrUpdateAnnotation(db, bad)).rejects.toThrow(/color|id/);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('listing, delete and status', () => {
  it('lists a page by URL and meeting key (union), live only, in creation order', async () => {
    const db = await freshDb();
    const mk = 'aarhus|økonomiudvalget|2024-05-01';
    await createOrUpdateAnnotation(db, annotation(10, { created: T0 + 30 }));
    await createOrUpdateAnnotation(
      db,
      annotation(11, {
        created: T0 + 20,
        page: {
          url: 'https://dagsordener.aarhus.dk/punkt/4',
          municipality: 'Aarhus',
          meetingKey: mk,
          punktNumber: 4,
          caseNumber: null,
        },
      }),
    );
    await createOrUpdateAnnotation(
      db,
      annotation(12, {
        page: {
          url: 'https://other.dk/x',
          municipality: 'Odense',
          meetingKey: 'odense|bu|2024-01-01',
          punktNumber: 1,
          caseNumber: null,
        },
      }),
    );
    const byUrl = await listForPage(db, { url: 'https://dagsordener.aarhus.dk/vis?id=123#top' });
    expect(byUrl.map((a) => a.id)).toEqual([uuid(10)]);
    const both = await listForPage(db, { url: 'https://dagsordener.aarhus.dk/vis?id=123', meetingKey: mk });
    expect(both.map((a) => a.id)).toEqual([uuid(11), uuid(10)]);

    await softDelete(db, uuid(10), T0 + 100);
    expect((await listForPage(db, { meetingKey: mk })).map((a) => a.id)).toEqual([uuid(11)]);
    expect((await listForCase(db, 'aarhus:aarhus|økonomiudvalget|2024-05-01#4')).map((a) => a.id)).toEqual([
      uuid(11),
    ]);
  });

  it('soft delete has undo; a stale edit after delete is ignored; purge removes old deletions', async () => {
    const db = await freshDb();
    const a = annotation(20);
    await createOrUpdateAnnotation(db, a);
    const deleted = await softDelete(db, a.id, T0 + 1000);
    expect(deleted?.deletedAt).toBe(T0 + 1000);
    expect((await createOrUpdateAnnotation(db, { ...a, note: 'retry' })).applied).toBe(false);
    const restored = await undoDelete(db, a.id, T0 + 2000);
    expect(restored?.deletedAt).toBeNull();
    expect(await listForPage(db, { meetingKey: a.page.meetingKey })).toHaveLength(1);

    await softDelete(db, a.id, T0 + 3000);
    expect(await purgeDeleted(db, T0 + 2999)).toBe(0);
    expect(await purgeDeleted(db, T0 + 3001)).toBe(1);
    expect(await db.annotations.count()).toBe(0);
    expect(await softDelete(db, a.id)).toBeUndefined();
  });

  it('setStatus updates several in one go without touching modified; orphans are listed', async () => {
    const db = await freshDb();
    for (const n of [30, 31, 32]) await createOrUpdateAnnotation(db, annotation(n, { quote: `citat ${n}` }));
    expect(await setStatus(db, [uuid(30), uuid(32), uuid(99)], 'orphaned')).toBe(2);
    expect(await setStatus(db, [uuid(30)], 'orphaned')).toBe(0);
    const orphans = await listOrphans(db);
    expect(orphans.map((a) => a.id).sort()).toEqual([uuid(30), uuid(32)]);
    expect(orphans.every((a) => a.modified === a.created)).toBe(true);
    await softDelete(db, uuid(32));
    expect(
      (await listOrphans(db, { meetingKey: 'aarhus|økonomiudvalget|2024-05-01' })).map((a) => a.id),
    ).toEqual([uuid(30)]);
  });
});

describe('tags', () => {
  it('counts live tags from the index, with prefix filter', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(40, { tags: ['Budget', 'Skole'] }));
    await createOrUpdateAnnotation(db, annotation(41, { tags: ['Budget'] }));
    await createOrUpdateAnnotation(db, annotation(42, { tags: ['Budget', 'Børn'] }));
    await softDelete(db, uuid(42));
    expect(await listTags(db)).toEqual([
      { tag: 'Budget', count: 2 },
      { tag: 'Skole', count: 1 },
    ]);
    expect(await listTags(db, 'bu')).toEqual([{ tag: 'Budget', count: 2 }]);
  });

  it('keeps the spelling of a tag already in use', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(45, { tags: ['Budget'] }));
    const r = await createOrUpdateAnnotation(db, annotation(46, { tags: ['BUDGET', 'ny'] }));
    expect(r.annotation.tags).toEqual(['Budget', 'ny']);
    expect(await listTags(db)).toEqual([
      { tag: 'Budget', count: 2 },
      { tag: 'ny', count: 1 },
    ]);
  });

  it('renames, merges and deletes tags in one transaction, with undo', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(50, { tags: ['trafik', 'Trafiksikkerhed'] }));
    await createOrUpdateAnnotation(db, annotation(51, { tags: ['trafik'] }));
    const { before } = await renameTag(db, 'trafik', 'Trafiksikkerhed', T0 + 5000);
    expect(before).toHaveLength(2);
    expect((await getAnnotation(db, uuid(50)))?.tags).toEqual(['Trafiksikkerhed']);
    expect((await getAnnotation(db, uuid(51)))?.tags).toEqual(['Trafiksikkerhed']);
    expect((await db.annotations.toArray()).filter((r) => r.words.includes('trafik'))).toEqual([]);

    await restoreAnnotations(db, before);
    expect((await getAnnotation(db, uuid(50)))?.tags).toEqual(['trafik', 'Trafiksikkerhed']);

    await deleteTag(db, 'trafik');
    expect(await listTags(db)).toEqual([{ tag: 'Trafiksikkerhed', count: 1 }]);
  });

  it('renaming into a tag in use takes its spelling; re-casing a tag itself is kept as typed', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(60, { tags: ['Klima'] }));
    await createOrUpdateAnnotation(db, annotation(61, { tags: ['Økonomi', 'Klima'] }));
    await createOrUpdateAnnotation(db, annotation(62, { tags: ['Økonomi'] }));
    await renameTag(db, 'Økonomi', 'klima', T0 + 5000);
    expect(await listTags(db)).toEqual([{ tag: 'Klima', count: 3 }]);
    expect((await getAnnotation(db, uuid(62)))?.tags).toEqual(['Klima']);
    await renameTag(db, 'Klima', 'klima', T0 + 6000);
    expect(await listTags(db)).toEqual([{ tag: 'klima', count: 3 }]);
  });
});

describe('concurrent writers', () => {
  it("keeps both tabs' writes to the same meeting, and the newest edit of a shared one", async () => {
    const db = await freshDb();
    const tabA = Array.from({ length: 25 }, (_, i) => annotation(200 + i, { note: `A${i}` }));
    const tabB = Array.from({ length: 25 }, (_, i) => annotation(300 + i, { note: `B${i}` }));
    const shared = annotation(400);
    await Promise.all([
      ...tabA.map((a) => createOrUpdateAnnotation(db, a)),
      ...tabB.map((a) => createOrUpdateAnnotation(db, a)),
      createOrUpdateAnnotation(db, { ...shared, note: 'B ny', modified: shared.modified + 20 }),
      createOrUpdateAnnotation(db, { ...shared, note: 'A gammel', modified: shared.modified + 10 }),
    ]);
    expect(await listForPage(db, { meetingKey: shared.page.meetingKey })).toHaveLength(51);
    expect((await getAnnotation(db, shared.id))?.note).toBe('B ny');
  });
});

describe('listAnnotations filters', () => {
  it('filters by meeting, case, tag, colour and municipality', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(60, { color: 'green', tags: ['x'] }));
    await createOrUpdateAnnotation(db, annotation(61, { color: 'blue', modified: T0 + 999 }));
    await createOrUpdateAnnotation(
      db,
      annotation(62, {
        color: 'green',
        page: {
          url: 'https://odense.dk/r',
          municipality: 'Odense',
          meetingKey: 'odense|bu|2024-01-01',
          punktNumber: 2,
          caseNumber: '22/18533',
        },
      }),
    );
    expect((await listAnnotations(db)).map((a) => a.id)).toEqual([uuid(61), uuid(62), uuid(60)]);
    expect((await listAnnotations(db, { color: 'green' })).map((a) => a.id)).toEqual([uuid(62), uuid(60)]);
    expect((await listAnnotations(db, { municipality: 'odense' })).map((a) => a.id)).toEqual([uuid(62)]);
    expect((await listAnnotations(db, { caseKey: 'odense:22/18533' })).map((a) => a.id)).toEqual([uuid(62)]);
    expect((await listAnnotations(db, { tag: 'x', color: 'green' })).map((a) => a.id)).toEqual([uuid(60)]);
    expect(
      (await listAnnotations(db, { meetingKey: 'aarhus|økonomiudvalget|2024-05-01', color: 'blue' })).map(
        (a) => a.id,
      ),
    ).toEqual([uuid(61)]);
  });
});
