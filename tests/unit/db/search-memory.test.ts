import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { generateExportSource } from '../../../bench/export';
import {
  addTopic,
  createOrUpdateAnnotation,
  importBackup,
  punkterForTopic,
  purgeDeleted,
  rememberMeeting,
  type SagssporDB,
  type SearchResult,
  search,
  softDelete,
  topicsWithCounts,
  warmSearch,
} from '../../../lib/db';
import { punktRows } from '../../../lib/db/meetings';
import { fromAnnotationRow, toAnnotationRow } from '../../../lib/db/rows';
import {
  buildSearchMemory,
  currentSearchMemory,
  searchMemoryGeneration,
} from '../../../lib/db/search-memory';
import { queryTokens, wordsOf } from '../../../lib/db/text';
import { annotation, freshDb, meeting, punkt, T0, uuid } from './helpers';

/** Imports the bench generator's deterministic data set (`annotations` over `meetings`). */
async function importGenerated(db: SagssporDB, annotations: number, meetings: number) {
  const src = generateExportSource(annotations, meetings);
  await importBackup(db, {
    format: 'sagsspor-backup',
    version: 1,
    exportedAt: new Date(T0).toISOString(),
    ...src,
    topics: [],
  });
  return src;
}

/** The bench's data set, smaller: 1,500 annotations over 60 meetings (600 punkter). */
async function benchData(): Promise<SagssporDB> {
  const db = await freshDb();
  const src = await importGenerated(db, 1500, 60);
  // Some deleted annotations: never in results.
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

/**
 * The reference answer, from a full read and the UNPRUNED words of every field (the stored words
 * drop words that prefix another word of the row: this checks that nothing is lost by it).
 */
async function naiveSearch(db: SagssporDB, query: string, limit = 50): Promise<SearchResult> {
  const tokens = queryTokens(query);
  if (!tokens.length) return { annotations: [], punkter: [], truncated: false };
  const matches = (words: string[]) => tokens.every((t) => words.some((w) => w.startsWith(t)));
  const ann = (await db.annotations.toArray())
    .filter((r) => !(typeof r.deletedAt === 'number' && r.deletedAt >= 0))
    .filter((r) => matches(wordsOf(r.quote, r.note, r.tags, r.page.caseNumber)))
    .sort((a, b) => b.modified - a.modified || (a.id < b.id ? 1 : -1));
  const punkter = (await db.meetings.toArray())
    .flatMap(punktRows)
    .filter((r) => matches(wordsOf(r.title, r.caseNumber)))
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  const shown = punkter
    .slice(0, limit)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.number - b.number);
  return {
    annotations: ann.slice(0, limit).map(fromAnnotationRow),
    punkter: shown,
    truncated: ann.length > limit || punkter.length > limit,
  };
}

function shape(r: SearchResult) {
  return {
    annotations: r.annotations.map((a) => a.id),
    punkter: r.punkter.map((p) => p.id),
    truncated: r.truncated,
  };
}

describe('in-memory search index', () => {
  it('answers exactly as a full scan does: same ids, same order, same truncation', async () => {
    const db = await benchData();
    expect(await buildSearchMemory(db)).not.toBeNull();
    expect(currentSearchMemory(db)).not.toBeNull();
    const where = vi.spyOn(db.annotations, 'where');
    const read = vi.spyOn(db.annotations, 'toArray');
    let compared = 0;
    for (const q of QUERIES) {
      for (const limit of [1, 5, 30, 50, 200, 5000]) {
        const expected = shape(await naiveSearch(db, q, limit));
        where.mockClear();
        read.mockClear();
        const fromMemory = shape(await search(db, q, { limit }));
        expect(where, 'a search reads no index').not.toHaveBeenCalled();
        expect(read, 'a search reads no whole table').not.toHaveBeenCalled();
        expect(fromMemory, `${q} (limit ${limit})`).toEqual(expected);
        compared += expected.annotations.length + expected.punkter.length;
      }
    }
    expect(compared).toBeGreaterThan(1000); // the queries do find things
    // Full rows, not just ids.
    expect(await search(db, 'skole cykelsti', { limit: 30 })).toEqual(
      await naiveSearch(db, 'skole cykelsti', 30),
    );
  });

  it('is kept current in place: no write makes a search read a whole table again', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    await buildSearchMemory(db);
    const annRead = vi.spyOn(db.annotations, 'toArray');
    const punktRead = vi.spyOn(db.meetings, 'toArray');
    const ids = async (q: string) => {
      annRead.mockClear();
      punktRead.mockClear();
      const r = (await search(db, q)).annotations.map((a) => a.id);
      expect(annRead).not.toHaveBeenCalled();
      expect(punktRead).not.toHaveBeenCalled();
      expect(currentSearchMemory(db)).not.toBeNull();
      expect(r).toEqual((await naiveSearch(db, q)).annotations.map((a) => a.id));
      return r;
    };
    expect(await ids('cykelsti')).toEqual([uuid(1)]);

    // Create.
    await createOrUpdateAnnotation(db, annotation(2, { quote: 'Endnu en cykelsti', modified: T0 + 50 }));
    expect(await ids('cykelsti')).toEqual([uuid(2), uuid(1)]);

    // Update: new words, old words gone; a new modified time reorders.
    await createOrUpdateAnnotation(db, annotation(2, { quote: 'Nu om svømmehal', modified: T0 + 60 }));
    expect(await ids('cykelsti')).toEqual([uuid(1)]);
    expect(await ids('svømme')).toEqual([uuid(2)]);
    await createOrUpdateAnnotation(db, annotation(3, { quote: 'Svømmehallens tag', modified: T0 + 55 }));
    expect(await ids('svømme')).toEqual([uuid(2), uuid(3)]);
    await createOrUpdateAnnotation(db, annotation(3, { quote: 'Svømmehallens tag', modified: T0 + 70 }));
    expect(await ids('svømme')).toEqual([uuid(3), uuid(2)]);

    // Soft delete, then purge.
    await softDelete(db, uuid(1), T0 + 70);
    expect(await ids('cykelsti')).toEqual([]);
    await purgeDeleted(db, T0 + 1_000_000);
    expect(await db.annotations.get(uuid(1))).toBeUndefined();
    expect(await ids('skolevej')).toEqual([]);

    // A bulk write (backup import) of many rows.
    await importGenerated(db, 300, 12);
    for (const q of ['budget', 'skole', 'godkendelse budget'])
      expect((await ids(q)).length).toBeGreaterThan(0);

    // The punkt index (remembered meetings).
    await rememberMeeting(db, {
      meeting: meeting('Teknisk Udvalg', '2024-06-10', [
        punkt(4, 'Ny legeplads i Viby', '05.01.08-P20-1-23'),
      ]),
      url: 'https://dagsordener.aarhus.dk/legeplads',
      now: T0,
    });
    punktRead.mockClear();
    expect((await search(db, 'legeplads')).punkter.map((p) => p.title)).toEqual(['Ny legeplads i Viby']);
    expect(punktRead).not.toHaveBeenCalled();

    // Other tables do not touch it.
    const gen = searchMemoryGeneration(db);
    await db.meta.put({ key: 'x', value: 1 });
    expect(searchMemoryGeneration(db)).toEqual(gen);
  });

  it('drops a part whose rows it cannot know (range delete, aborted transaction); the next search reads it again', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    await rememberMeeting(db, {
      meeting: meeting('Teknisk Udvalg', '2024-06-10', [
        punkt(4, 'Cykelsti ved skolen', '05.01.08-P20-1-23'),
      ]),
      url: 'https://dagsordener.aarhus.dk/cykel',
      now: T0,
    });
    await buildSearchMemory(db);
    const punktRead = vi.spyOn(db.meetings, 'toArray');

    // An aborted transaction: its put succeeded as a request, then the transaction rolled back.
    await expect(
      db.transaction('rw', db.annotations, async () => {
        await db.annotations.put(
          toAnnotationRow({ ...(await db.annotations.get(uuid(1)))!, quote: 'Om svømmehal' }),
        );
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // The abort event follows the rejection (later under load): then the part is dropped.
    await vi.waitFor(() => expect(currentSearchMemory(db)).toBeNull(), { timeout: 2000 });
    let r = await search(db, 'cykelsti');
    expect(r.annotations.map((a) => a.id)).toEqual([uuid(1)]);
    expect((await search(db, 'svømmehal')).annotations).toEqual([]);
    expect(punktRead, 'only the touched part is read again').not.toHaveBeenCalled();

    // clear() is a range delete.
    await db.annotations.clear();
    expect(currentSearchMemory(db)).toBeNull();
    r = await search(db, 'cykelsti');
    expect(r.annotations).toEqual([]);
    expect(r.punkter.map((p) => p.title)).toEqual(['Cykelsti ved skolen']);
  });

  it('is never stale when a build and writes overlap, in any order', async () => {
    for (const order of ['build first', 'write first', 'write during build', 'writes around build']) {
      const db = await freshDb();
      await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
      const write = (n: number) =>
        createOrUpdateAnnotation(db, annotation(n, { quote: `Cykelsti nummer ${n}`, modified: T0 + n }));
      if (order === 'build first') {
        const building = buildSearchMemory(db);
        await write(2);
        await building;
      } else if (order === 'write first') {
        const writing = write(2);
        await buildSearchMemory(db);
        await writing;
      } else if (order === 'write during build') {
        const building = buildSearchMemory(db);
        await new Promise((r) => setTimeout(r, 0));
        await Promise.all([write(2), building]);
      } else {
        const w2 = write(2);
        const building = buildSearchMemory(db);
        await Promise.all([w2, write(3), building]);
      }
      const expected = (await naiveSearch(db, 'cykelsti')).annotations.map((a) => a.id);
      expect(expected.length, order).toBeGreaterThan(1);
      expect(
        (await search(db, 'cykelsti')).annotations.map((a) => a.id),
        order,
      ).toEqual(expected);
      expect(currentSearchMemory(db), order).not.toBeNull();
    }
  });

  it('is read again after a write that failed part-way, or a database deleted from outside', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    await buildSearchMemory(db);
    // A bulk write whose second row cannot be stored (no key): the first row may still commit.
    const good = toAnnotationRow({
      ...fromAnnotationRow((await db.annotations.get(uuid(1)))!),
      id: uuid(2),
      quote: 'Svømmehallen lukker',
    });
    await db.annotations.bulkPut([good, { ...good, id: undefined as unknown as string }]).catch(() => {});
    const stored = await db.annotations.get(uuid(2));
    expect((await search(db, 'svømmehal')).annotations.map((a) => a.id)).toEqual(stored ? [uuid(2)] : []);

    await rememberMeeting(db, {
      meeting: meeting('Teknisk Udvalg', '2024-06-10', [punkt(4, 'Cykelsti ved skolen', null)]),
      url: 'https://dagsordener.aarhus.dk/cykel',
      now: T0,
    });
    await addTopic(db, 'committee', 'Teknisk Udvalg', T0);
    expect((await topicsWithCounts(db)).map((t) => t.count)).toEqual([1]);
    // Deleted from outside (devtools, "clear site data"): the connection closes and reopens empty.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(db.name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    expect((await search(db, 'cykelsti')).punkter).toEqual([]);
    expect(await topicsWithCounts(db)).toEqual([]);
    // The index forgot the meeting too (it counts committee topics without reading rows).
    await addTopic(db, 'committee', 'Teknisk Udvalg', T0);
    expect((await topicsWithCounts(db)).map((t) => t.count)).toEqual([0]);
  });

  it('answers phrase, committee and KLE topics as the rows do (case-number words and repeated numbers count once)', async () => {
    const db = await freshDb();
    await rememberMeeting(db, {
      meeting: meeting('Teknisk Udvalg', '2024-06-10', [
        punkt(4, 'Ny legeplads i Viby', '05.01.08-P20-1-23'),
        punkt(5, 'Cykelsti ved skolen', '24.00.00-G01-16-23'),
        punkt(5, 'Cykelsti ved skolen', '24.00.00-G01-16-23'),
      ]),
      url: 'https://dagsordener.aarhus.dk/tu',
      now: T0,
    });
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Legepladsen får nye gynger' }));
    // Topics need only the punkter: a cold background does not read every annotation for them.
    const annRead = vi.spyOn(db.annotations, 'toArray');
    const p20 = await addTopic(db, 'phrase', 'p20', T0);
    const legeplads = await addTopic(db, 'phrase', 'legeplads', T0 + 1);
    const tu = await addTopic(db, 'committee', 'teknisk udvalg', T0 + 2);
    const counts = Object.fromEntries((await topicsWithCounts(db)).map((t) => [t.topic.value, t.count]));
    // "p20" is only in a case number: a phrase topic matches titles.
    expect(counts).toEqual({ p20: 0, legeplads: 1, 'teknisk udvalg': 2 });
    expect(annRead).not.toHaveBeenCalled();
    expect(await punkterForTopic(db, p20)).toEqual([]);
    expect((await punkterForTopic(db, legeplads)).map((p) => p.number)).toEqual([4]);
    expect((await punkterForTopic(db, tu)).map((p) => p.number)).toEqual([5, 4]);
    expect((await punkterForTopic(db, tu, 1)).map((p) => p.number)).toEqual([5]);
  });

  it('matches a committee topic whatever election term the meeting or the topic names', async () => {
    const db = await freshDb();
    await rememberMeeting(db, {
      meeting: meeting('Beskæftigelses- og Integrationsudvalget 2022-2025', '2024-06-10', [
        punkt(1, 'Jobcentrets resultater', null),
      ]),
      url: 'https://gladsaxe.meetingsplus.dk/m/1',
      now: T0,
    });
    await addTopic(db, 'committee', 'Beskæftigelses- og Integrationsudvalget', T0);
    await addTopic(db, 'committee', 'beskæftigelses- og integrationsudvalget (2018-2021)', T0 + 1);
    const counts = (await topicsWithCounts(db)).map((t) => t.count);
    // The second topic is the same committee: it is the first one again (kind + value are unique).
    expect(counts).toEqual([1]);
    const [topic] = (await topicsWithCounts(db)).map((t) => t.topic);
    expect((await punkterForTopic(db, topic!)).map((p) => p.title)).toEqual(['Jobcentrets resultater']);
  });

  it('is built by warmSearch, or by the first search', async () => {
    const db = await freshDb();
    await createOrUpdateAnnotation(db, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    expect(currentSearchMemory(db)).toBeNull();
    expect((await search(db, 'cykel')).annotations.map((a) => a.id)).toEqual([uuid(1)]);
    expect(currentSearchMemory(db)).not.toBeNull();

    const other = await freshDb();
    await createOrUpdateAnnotation(other, annotation(1, { quote: 'Skolevejen får ny cykelsti' }));
    await warmSearch(other, { buildDelayMs: 0 });
    expect(currentSearchMemory(other)).not.toBeNull();
  });

  it('stays small: 10,000 annotations take a few MB at most', async () => {
    const db = await freshDb();
    const src = generateExportSource(10_000, 500);
    await db.annotations.bulkPut(src.annotations.map(toAnnotationRow));
    const memory = (await buildSearchMemory(db))!;
    const entries = memory.ann.entries();
    const vocab = memory.ann.vocab();
    const vocabChars = vocab.reduce((n, w) => n + w.length, 0);
    // Upper estimate: 8 bytes per posting pointer, 16 per array/string header, 2 per character,
    // and per annotation its id string (36 chars) and a Map entry (~40 bytes).
    const bytes = entries * 8 + vocab.length * (16 + 16 + 8) + vocabChars * 2 + 10_000 * (16 + 72 + 40);
    expect(entries).toBeGreaterThan(50_000);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});
