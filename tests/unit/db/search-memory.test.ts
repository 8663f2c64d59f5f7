import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { generateExportSource } from '../../../bench/export';
import {
  createOrUpdateAnnotation,
  importBackup,
  purgeDeleted,
  rememberMeeting,
  type SagssporDB,
  type SearchResult,
  search,
  searchIndexedDb,
  softDelete,
  warmSearch,
} from '../../../lib/db';
import { toAnnotationRow } from '../../../lib/db/rows';
import {
  buildSearchMemory,
  currentSearchMemory,
  searchMemoryGeneration,
} from '../../../lib/db/search-memory';
import { annotation, freshDb, meeting, punkt, T0, uuid } from './helpers';

/** The bench's deterministic data set, smaller: 1,500 annotations over 60 meetings (600 punkter). */
async function benchData(): Promise<SagssporDB> {
  const db = await freshDb();
  const src = generateExportSource(1500, 60);
  await importBackup(
    db,
    JSON.stringify({
      format: 'sagsspor-backup',
      version: 1,
      exportedAt: new Date(T0).toISOString(),
      annotations: src.annotations,
      meetings: src.meetings,
      appearances: src.appearances ?? [],
      follows: src.follows ?? [],
      topics: [],
    }),
  );
  // Some deleted annotations: never in results, on either path.
  for (const a of src.annotations.filter((_, i) => i % 37 === 0)) await softDelete(db, a.id);
  return db;
}

const QUERIES = [
  'budget',
  'skole cykelsti',
  'lokalpl',
  'økonomi investering',
  'g01-3',
  'kultur idræt hal',
  'tilskud',
  'b',
  'bu',
  'godkendt',
  'godkendt budget skole',
  '12.00.00-g01-3-24',
  '05',
  'vej bro park',
  'ÆLDRE pleje',
  'findes-ikke',
  'klima energi varme affald',
  '  ,. ',
];

function shape(r: SearchResult) {
  return {
    annotations: r.annotations.map((a) => a.id),
    punkter: r.punkter.map((p) => p.id),
    truncated: r.truncated,
  };
}

describe('in-memory search index', () => {
  it('answers exactly as the IndexedDB indexes do: same ids, same order, same truncation', async () => {
    const db = await benchData();
    expect(await buildSearchMemory(db)).not.toBeNull();
    expect(currentSearchMemory(db)).not.toBeNull();
    const where = vi.spyOn(db.annotations, 'where');
    let compared = 0;
    for (const q of QUERIES) {
      for (const limit of [1, 5, 30, 50, 200, 5000]) {
        const fromIdb = shape(await searchIndexedDb(db, q, { limit }));
        where.mockClear();
        const fromMemory = shape(await search(db, q, { limit }));
        expect(where, 'the in-memory path reads no words index').not.toHaveBeenCalled();
        expect(fromMemory, `${q} (limit ${limit})`).toEqual(fromIdb);
        compared += fromIdb.annotations.length + fromIdb.punkter.length;
      }
    }
    expect(compared).toBeGreaterThan(1000); // the queries do find things
    // Full rows, not just ids.
    expect(await search(db, 'skole cykelsti', { limit: 30 })).toEqual(
      await searchIndexedDb(db, 'skole cykelsti', { limit: 30 }),
    );
  });

  it('is never used stale: every write to annotations or the punkt index invalidates it', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    await buildSearchMemory(db);
    const ids = async (q: string) => (await search(db, q)).annotations.map((a) => a.id);
    const expectBoth = async (q: string, expected: string[]) => {
      expect(await ids(q)).toEqual(expected);
      expect((await searchIndexedDb(db, q)).annotations.map((a) => a.id)).toEqual(expected);
      await buildSearchMemory(db);
      expect(currentSearchMemory(db)).not.toBeNull();
      expect(await ids(q)).toEqual(expected);
    };
    await expectBoth('cykelsti', [uuid(1)]);

    // Create.
    await createOrUpdateAnnotation(db, annotation(2, { quote: 'Endnu en cykelsti', modified: T0 + 50 }));
    expect(currentSearchMemory(db)).toBeNull();
    await expectBoth('cykelsti', [uuid(2), uuid(1)]);

    // Update: new words, old words gone.
    await createOrUpdateAnnotation(db, annotation(2, { quote: 'Nu om svømmehal', modified: T0 + 60 }));
    expect(currentSearchMemory(db)).toBeNull();
    await expectBoth('cykelsti', [uuid(1)]);
    await expectBoth('svømme', [uuid(2)]);

    // Soft delete, then purge.
    await softDelete(db, uuid(1), T0 + 70);
    expect(currentSearchMemory(db)).toBeNull();
    await expectBoth('cykelsti', []);
    await purgeDeleted(db, T0 + 1_000_000);
    expect(currentSearchMemory(db)).toBeNull();
    await expectBoth('skolevej', []);

    // The punkt index (remembered meetings).
    await rememberMeeting(db, {
      meeting: meeting('Teknisk Udvalg', '2024-06-10', [
        punkt(4, 'Ny legeplads i Viby', '05.01.08-P20-1-23'),
      ]),
      url: 'https://dagsordener.aarhus.dk/legeplads',
      now: T0,
    });
    expect(currentSearchMemory(db)).toBeNull();
    expect((await search(db, 'legeplads')).punkter.map((p) => p.title)).toEqual(['Ny legeplads i Viby']);
    await buildSearchMemory(db);
    expect((await search(db, 'legeplads')).punkter.map((p) => p.title)).toEqual(['Ny legeplads i Viby']);

    // Other tables do not invalidate it.
    const gen = searchMemoryGeneration(db);
    await db.meta.put({ key: 'x', value: 1 });
    expect(searchMemoryGeneration(db)).toEqual(gen);
    expect(currentSearchMemory(db)).not.toBeNull();
  });

  it('reads again only the table that was written to', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    await buildSearchMemory(db);
    const annRead = vi.spyOn(db.annotations, 'toArray');
    const punktRead = vi.spyOn(db.punktIndex, 'toArray');
    await rememberMeeting(db, {
      meeting: meeting('Teknisk Udvalg', '2024-06-10', [
        punkt(4, 'Cykelsti ved skolen', '05.01.08-P20-1-23'),
      ]),
      url: 'https://dagsordener.aarhus.dk/cykel',
      now: T0,
    });
    expect(currentSearchMemory(db)).toBeNull();
    await buildSearchMemory(db);
    expect(annRead).not.toHaveBeenCalled();
    expect(punktRead).toHaveBeenCalledTimes(1);
    const r = await search(db, 'cykelsti');
    expect(r.annotations.map((a) => a.id)).toEqual([uuid(1)]);
    expect(r.punkter.map((p) => p.title)).toEqual(['Cykelsti ved skolen']);

    await createOrUpdateAnnotation(db, annotation(2, { quote: 'Endnu en cykelsti', modified: T0 + 50 }));
    await buildSearchMemory(db);
    expect(annRead).toHaveBeenCalledTimes(1);
    expect(punktRead).toHaveBeenCalledTimes(1);
    expect(await search(db, 'cykelsti')).toEqual(await searchIndexedDb(db, 'cykelsti'));
    expect((await search(db, 'cykelsti')).annotations.map((a) => a.id)).toEqual([uuid(2), uuid(1)]);
  });

  it('drops an index whose build overlapped a write', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    const building = buildSearchMemory(db);
    await createOrUpdateAnnotation(db, annotation(2, { quote: 'Endnu en cykelsti', modified: T0 + 50 }));
    await building;
    // Whatever the build read, the write came after it started: the index is not current.
    expect(currentSearchMemory(db)).toBeNull();
    expect((await search(db, 'cykelsti')).annotations.map((a) => a.id)).toEqual([uuid(2), uuid(1)]);
  });

  it('is built by warmSearch, and a search without one takes the IndexedDB path', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    const where = vi.spyOn(db.annotations, 'where');
    expect((await search(db, 'cykel')).annotations.map((a) => a.id)).toEqual([uuid(1)]);
    expect(where).toHaveBeenCalled();
    await warmSearch(db, { buildDelayMs: 0 });
    expect(currentSearchMemory(db)).not.toBeNull();
  });

  it('stays small: 10,000 annotations take a few MB at most', async () => {
    const db = await freshDb();
    const src = generateExportSource(10_000, 500);
    await db.annotations.bulkPut(src.annotations.map(toAnnotationRow));
    const memory = (await buildSearchMemory(db))!;
    const entries = memory.ann.ids.reduce((n, l) => n + l.length, 0);
    const vocabChars = memory.ann.vocab.reduce((n, w) => n + w.length, 0);
    // Upper estimate: 8 bytes per posting pointer, 16 per array/string header, 2 per character,
    // and per annotation its id string (36 chars) and a Map entry (~40 bytes).
    const bytes =
      entries * 8 + memory.ann.vocab.length * (16 + 16 + 8) + vocabChars * 2 + 10_000 * (16 + 72 + 40);
    expect(entries).toBeGreaterThan(50_000);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});
