import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addTopic,
  createOrUpdateAnnotation,
  punkterForTopic,
  rememberMeeting,
  search,
  topicsWithCounts,
} from '../../../lib/db';
import { meetingKeyOfPunktId, punktIndexId, punktRows } from '../../../lib/db/meetings';
import { toAnnotationRow } from '../../../lib/db/rows';
import { buildSearchMemory, currentSearchMemory, Postings } from '../../../lib/db/search-memory';
import { wordsOf } from '../../../lib/db/text';
import { annotation, freshDb, meeting, punkt, T0, uuid } from './helpers';

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('review scratch', () => {
  it('Postings equals a naive model under random churn (with compaction)', () => {
    const r = rng(42);
    const p = new Postings();
    const model = new Map<string, string[]>();
    const alphabet = ['a', 'b', 'c', 'ab', 'abc', 'ba', 'bb', 'cab', 'cc', 'ø', 'æble', 'å'];
    for (let step = 0; step < 60000; step++) {
      const id = `id${Math.floor(r() * 300)}`;
      const op = r();
      if (op < 0.6) {
        const n = Math.floor(r() * 6);
        const words = Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]! + (r() < 0.3 ? String(Math.floor(r() * 50)) : ''));
        p.set(id, words);
        model.set(id, words);
      } else {
        p.remove(id);
        model.delete(id);
      }
      if (step % 997 === 0 || step === 59999) {
        expect(p.size).toBe(model.size);
        for (const prefix of ['a', 'ab', 'b', 'c', 'ca', 'ø', 'æ', 'å', 'a1', 'zz', '']) {
          const expected = new Set([...model].filter(([, ws]) => ws.some((w) => w.startsWith(prefix))).map(([k]) => k));
          expect(p.idsWithPrefix(prefix)).toEqual(expected);
        }
        expect(p.entries()).toBe([...model.values()].reduce((n, w) => n + w.length, 0));
      }
    }
    // internal growth
    const anyP = p as any;
    console.log('slots', anyP.idOfSlot.length, 'live', p.size, 'dead', anyP.deadEntries, 'live entries', p.entries(), 'lists', anyP.lists.size);
  });

  it('zero-word rows grow slots forever', () => {
    const p = new Postings();
    for (let i = 0; i < 100000; i++) p.set('x', []);
    console.log('zero-word slots', (p as any).idOfSlot.length);
  });

  it('Dexie write paths keep the index equal to a rebuild', async () => {
    const db = await freshDb();
    for (let n = 1; n <= 5; n++) await createOrUpdateAnnotation(db, annotation(n, { quote: `Cykelsti nummer ${n}`, modified: T0 + n }));
    await rememberMeeting(db, { meeting: meeting('Teknisk Udvalg', '2024-06-10', [punkt(4, 'Ny legeplads i Viby', '05.01.08-P20-1-23'), punkt(5, 'Vejbump', null)]), url: 'https://x.dk/a', now: T0 });
    await buildSearchMemory(db);
    const check = async (label: string) => {
      await new Promise((r) => setTimeout(r, 5));
      const cur = currentSearchMemory(db);
      const annRows = (await db.annotations.toArray()).filter((r) => r.deletedAt === null);
      if (cur) {
        for (const q of ['cykelsti', 'svømme', 'legeplads', 'vejbump', 'bro', 'nummer']) {
          const expected = new Set(annRows.filter((r) => r.words.some((w) => w.startsWith(q))).map((r) => r.id));
          expect(cur.ann.idsWithPrefix(q), `${label} ann ${q}`).toEqual(expected);
          const pr = (await db.meetings.toArray()).flatMap(punktRows);
          const exp2 = new Set(pr.filter((r) => r.words.some((w) => w.startsWith(q))).map((r) => r.id));
          expect(cur.punkt.idsWithPrefix(q), `${label} punkt ${q}`).toEqual(exp2);
        }
      }
      return cur !== null;
    };
    const row1 = (await db.annotations.get(uuid(1)))!;
    // Table.update with words change
    await db.annotations.update(uuid(1), { words: wordsOf('svømmehal'), quote: 'svømmehal' });
    console.log('update live', await check('update'));
    await db.annotations.where('id').equals(uuid(2)).modify((r) => { r.deletedAt = T0; });
    console.log('modify fn live', await check('modify fn'));
    await db.annotations.where('id').equals(uuid(3)).modify({ words: ['bro'] });
    console.log('modify obj live', await check('modify obj'));
    await db.annotations.bulkUpdate([{ key: uuid(4), changes: { words: ['bro', 'x1'] } }]);
    console.log('bulkUpdate live', await check('bulkUpdate'));
    await db.annotations.upsert(uuid(9), { ...toAnnotationRow(annotation(9, { quote: 'bro nummer ni' })) } as any);
    console.log('row9', JSON.stringify(await db.annotations.get(uuid(9))).slice(0,300));
    console.log('upsert live', await check('upsert'));
    await db.annotations.delete(uuid(5));
    console.log('delete live', await check('delete'));
    await db.annotations.where('modified').below(T0 + 2).delete();
    console.log('index range delete live', await check('idx range delete'));
    await db.meetings.update((await db.meetings.toArray())[0]!.key, { committee: 'Andet Udvalg' });
    console.log('meeting update live', await check('meeting update'));
    // bulkAdd with a duplicate, outside a transaction
    await db.annotations.bulkAdd([toAnnotationRow(annotation(10, { quote: 'bro ti' })), toAnnotationRow(annotation(9, { quote: 'dup' }))]).catch((e) => console.log('bulkAdd', e.name));
    console.log('bulkAdd partial live', await check('bulkAdd partial'));
    expect(await db.annotations.get(uuid(10))).toBeDefined();
    // Partial bulkPut with a sync throw, caught inside a transaction
    await db.transaction('rw', db.annotations, async () => {
      try {
        await db.annotations.bulkPut([toAnnotationRow(annotation(11, { quote: 'bro elleve' })), { nope: 1 } as any]);
      } catch (e) { console.log('bulkPut threw', (e as Error).name); }
    }).catch((e) => console.log('tx', (e as Error).name));
    const eleven = await db.annotations.get(uuid(11));
    console.log('eleven stored', !!eleven);
    console.log('after partial bulkPut live', currentSearchMemory(db) !== null);
    if (eleven && currentSearchMemory(db)) {
      console.log('eleven indexed', currentSearchMemory(db)!.ann.has(uuid(11)));
      console.log('search bro', (await search(db, 'elleve')).annotations.length);
    }
  });

  it('punkt ids with unusual keys', async () => {
    for (const key of ['url:https://x.dk/a b#c', 'a|b c|2024-01-01', 'url:foo#12']) {
      for (const date of [null, '2024-02-03']) {
        const id = punktIndexId(date, key, 7);
        expect(meetingKeyOfPunktId(id)).toBe(key);
      }
    }
  });

  it('one-word phrase topic matching a case number only: count vs list', async () => {
    const db = await freshDb();
    await rememberMeeting(db, { meeting: meeting('Teknisk Udvalg', '2024-06-10', [punkt(4, 'Ny legeplads i Viby', '05.01.08-P20-1-23'), punkt(5, 'Vejbump', null)]), url: 'https://x.dk/a', now: T0 });
    await addTopic(db, 'phrase', 'p20');
    await addTopic(db, 'phrase', 'legeplads');
    await addTopic(db, 'committee', 'teknisk  udvalg');
    const counts = await topicsWithCounts(db);
    for (const c of counts) console.log('topic', c.topic.kind, c.topic.value, 'count', c.count, 'list', (await punkterForTopic(db, c.topic)).length);
  });

  it('duplicate punkt numbers', async () => {
    const db = await freshDb();
    const rec = { key: 'k|x|2024-01-01', municipality: 'Aarhus', committee: 'X', date: '2024-01-01', time: null, place: null, kind: null, platform: null, participants: [], absent: [], punkter: [1, 1].map((n, i) => ({ number: n, title: `Titel ${i} skole`, caseNumber: null, caseKey: `k:${i}`, kle: null, closed: false, decision: null, deepLink: null, history: [], upcoming: [] })), sourceUrls: [], firstSeen: T0, lastSeen: T0 };
    await db.meetings.put(rec as any);
    await addTopic(db, 'committee', 'x');
    const counts = await topicsWithCounts(db);
    console.log('dup count', counts[0]!.count, 'list', (await punkterForTopic(db, counts[0]!.topic)).length, 'search', (await search(db, 'skole')).punkter.length);
  });
});
