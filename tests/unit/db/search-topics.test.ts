import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addTopic,
  createOrUpdateAnnotation,
  listTopics,
  matchTopics,
  punkterForTopic,
  rememberMeeting,
  removeTopic,
  restoreTopic,
  search,
  softDelete,
  topicsWithCounts,
  warmSearch,
} from '../../../lib/db';
import { annotation, freshDb, meeting, punkt, T0, uuid } from './helpers';

async function seeded() {
  const db = await freshDb();
  await createOrUpdateAnnotation(
    db,
    annotation(1, { quote: 'Skolevejen får ny cykelsti', note: 'God idé', tags: ['Trafik'] }),
  );
  await createOrUpdateAnnotation(
    db,
    annotation(2, {
      quote: 'Anlægsbudgettet forhøjes',
      note: 'Spørg til økonomien',
      tags: ['Budget'],
      modified: T0 + 50,
    }),
  );
  await createOrUpdateAnnotation(
    db,
    annotation(3, {
      quote: 'Cykelparkering ved Åbyhøj skole',
      tags: ['Trafik', 'Skole'],
      page: {
        url: 'https://o.dk/r',
        municipality: 'Odense',
        meetingKey: null,
        punktNumber: null,
        caseNumber: '22/18533',
      },
    }),
  );
  await rememberMeeting(db, {
    meeting: meeting('Børne- og Ungeudvalget', '2024-03-04', [
      punkt(1, 'Skolestruktur i Åbyhøj', '17.01.00-A00-3-24'),
      punkt(2, 'Cykelsti langs Viborgvej', '05.01.08-P20-1-23'),
    ]),
    url: 'https://dagsordener.aarhus.dk/bu',
    now: T0,
  });
  await rememberMeeting(db, {
    meeting: meeting('Teknisk Udvalg', '2024-06-10', [
      punkt(4, 'Cykelsti langs Viborgvej, etape 2', '05.01.08-P20-1-23'),
    ]),
    url: 'https://dagsordener.aarhus.dk/tu',
    now: T0,
  });
  return db;
}

describe('search', () => {
  it('matches word prefixes, Danish letters and case numbers from the index', async () => {
    const db = await seeded();
    expect((await search(db, 'cykel')).annotations.map((a) => a.id)).toEqual([uuid(3), uuid(1)]);
    expect((await search(db, 'ÅBYHØJ')).annotations.map((a) => a.id)).toEqual([uuid(3)]);
    expect((await search(db, 'økonomi')).annotations.map((a) => a.id)).toEqual([uuid(2)]);
    expect((await search(db, 'trafik')).annotations).toHaveLength(2); // tags
    expect((await search(db, '22/18533')).annotations.map((a) => a.id)).toEqual([uuid(3)]);
    const p = await search(db, 'cykelsti viborg');
    expect(p.punkter.map((r) => [r.date, r.number])).toEqual([
      ['2024-06-10', 4],
      ['2024-03-04', 2],
    ]);
    expect((await search(db, '05.01.08-p20')).punkter).toHaveLength(2);
    const one = await search(db, 'cykelsti', { limit: 1 });
    expect(one.punkter.map((r) => r.date)).toEqual(['2024-06-10']);
    expect(one.truncated).toBe(true);
    expect((await search(db, 'åbyhøj')).punkter.map((r) => r.title)).toEqual(['Skolestruktur i Åbyhøj']);
  });

  it('intersects multi-word queries, hides deleted, handles empty queries', async () => {
    const db = await seeded();
    // Every word is a prefix: "skole" matches "Skolevejen" too.
    expect((await search(db, 'cykel skole')).annotations.map((a) => a.id)).toEqual([uuid(3), uuid(1)]);
    expect((await search(db, 'cykel åbyhøj')).annotations.map((a) => a.id)).toEqual([uuid(3)]);
    expect((await search(db, 'god cykelsti')).annotations.map((a) => a.id)).toEqual([uuid(1)]);
    expect((await search(db, 'cykel budget')).annotations).toEqual([]);
    await softDelete(db, uuid(3));
    expect((await search(db, 'cykel')).annotations.map((a) => a.id)).toEqual([uuid(1)]);
    expect(await search(db, '  ,. ')).toEqual({ annotations: [], punkter: [], truncated: false });
  });

  it('limits results newest first (ties by descending id) and says when it truncated', async () => {
    const db = await freshDb();
    for (let i = 0; i < 60; i++) {
      await createOrUpdateAnnotation(
        db,
        annotation(100 + i, { quote: `Vejarbejde nummer ${i}`, modified: T0 + (i < 58 ? i : 57) }),
      );
    }
    const small = await search(db, 'vejarb', { limit: 50 });
    expect(small.truncated).toBe(true);
    // 57, 58 and 59 share one modified time: descending id among them (uuid(159) > uuid(158) > …).
    expect(small.annotations.slice(0, 3).map((a) => a.id)).toEqual([uuid(159), uuid(158), uuid(157)]);
    expect(small.annotations.slice(3).map((a) => a.modified)).toEqual(
      Array.from({ length: 47 }, (_, i) => T0 + 56 - i),
    );
    const large = await search(db, 'vejarb', { limit: 5 });
    expect(large.truncated).toBe(true);
    expect(large.annotations.map((a) => a.id)).toEqual([159, 158, 157, 156, 155].map(uuid));
    const notAll = await search(db, 'vejarbejde 7', { limit: 5 });
    expect(notAll.annotations.map((a) => a.quote)).toEqual(['Vejarbejde nummer 7']);
    expect(notAll.truncated).toBe(false);
  });
});

describe('warmSearch', () => {
  it('runs a search without changing anything and never throws', async () => {
    const db = await seeded();
    const before = await db.annotations.toArray();
    await expect(warmSearch(db)).resolves.toBeUndefined();
    expect(await db.annotations.toArray()).toEqual(before);
    db.close();
    await expect(warmSearch(db)).resolves.toBeUndefined(); // a closed database is not an error here
  });
});

describe('topics', () => {
  it('adds (deduped), soft-removes and restores topics; finds punkter by phrase, committee and KLE', async () => {
    const db = await seeded();
    const phrase = await addTopic(db, 'phrase', 'Cykelsti langs', T0);
    expect((await addTopic(db, 'phrase', '  cykelsti   LANGS ', T0 + 1)).id).toBe(phrase.id);
    const committee = await addTopic(db, 'committee', 'Teknisk udvalg', T0 + 2);
    const kle = await addTopic(db, 'kle', '17', T0 + 3);
    expect((await listTopics(db)).map((t) => t.value)).toEqual(['cykelsti langs', 'teknisk udvalg', '17']);

    expect((await punkterForTopic(db, phrase)).map((r) => r.date)).toEqual(['2024-06-10', '2024-03-04']);
    expect((await punkterForTopic(db, committee)).map((r) => r.number)).toEqual([4]);
    expect((await punkterForTopic(db, kle)).map((r) => r.title)).toEqual(['Skolestruktur i Åbyhøj']);

    expect((await topicsWithCounts(db)).map((t) => [t.topic.value, t.count])).toEqual([
      ['cykelsti langs', 2],
      ['teknisk udvalg', 1],
      ['17', 1],
    ]);
    const skole = await addTopic(db, 'phrase', 'skole', T0 + 4);
    expect((await punkterForTopic(db, skole)).map((r) => r.title)).toEqual(['Skolestruktur i Åbyhøj']);

    // The same rule on a page being read, without the database.
    const flags = matchTopics(await listTopics(db), [
      { number: 1, title: 'Ny cykelsti langs Åboulevarden', committee: 'Teknisk Udvalg', kleGroup: '05' },
      { number: 2, title: 'Langs en cykelsti', committee: 'Byrådet', kleGroup: '17' },
      { number: 3, title: 'Folkeskolernes økonomi', committee: 'Byrådet', kleGroup: null },
    ]);
    expect(flags).toEqual(
      new Map([
        [1, [phrase.id, committee.id]],
        [2, [kle.id]],
      ]),
    );

    await removeTopic(db, kle.id, T0 + 9);
    expect(await listTopics(db)).toHaveLength(3);
    await restoreTopic(db, kle.id);
    expect(await listTopics(db)).toHaveLength(4);
  });
});
