import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  caseTimeline,
  createOrUpdateAnnotation,
  follow,
  followedAmong,
  getFollow,
  getMeeting,
  InvalidRecordError,
  listFollowed,
  markSeen,
  meetingForUrl,
  pageRefOf,
  punktRowsByIds,
  purgeUnfollowed,
  rememberMeeting,
  search,
  totalNewCount,
  undoUnfollow,
  unfollow,
} from '../../../lib/db';
import { annotation, freshDb, meeting, punkt, T0 } from './helpers';

const CASE = '24.00.00-G01-16-23';
const CASE_KEY = 'aarhus:24.00.00-G01-16-23';

const oekMay = () =>
  meeting('Økonomiudvalget', '2024-05-01', [
    punkt(1, 'Godkendelse af dagsorden', null),
    punkt(2, 'Budgetopfølgning 1. kvartal', CASE, {
      decision: 'Indstillingen blev godkendt.',
      history: [
        { body: 'Magistraten', date: '2024-04-22', punkt: 5, text: 'Magistraten 22-04-2024 punkt 5' },
      ],
      upcoming: [{ body: 'Byrådet', date: '2024-05-15', text: 'Byrådet 15. maj 2024' }],
    }),
    punkt(3, 'Lukket: Personalesag', null, { closed: true, decision: null }),
  ]);

const byraadMay = () =>
  meeting('Byrådet', '2024-05-15', [
    punkt(7, 'Budgetopfølgning 1. kvartal', CASE, {
      decision: 'Vedtaget.',
      deepLink: 'https://dagsordener.aarhus.dk/byraadet/2024-05-15#punkt7',
    }),
  ]);

describe('rememberMeeting', () => {
  it('stores header and punkt summaries (no full text), the punkt index and appearances', async () => {
    const db = await freshDb();
    const r = await rememberMeeting(db, {
      meeting: oekMay(),
      url: 'https://dagsordener.aarhus.dk/oek?id=1#p2',
      now: T0,
    });
    expect(r.meetingKey).toBe('aarhus|økonomiudvalget|2024-05-01');
    expect(r.isNewMeeting).toBe(true);
    expect(r.newAppearances).toEqual([]); // nothing followed yet
    const m = await getMeeting(db, r.meetingKey);
    expect(m?.sourceUrls).toEqual(['https://dagsordener.aarhus.dk/oek?id=1']);
    expect(m?.punkter.map((p) => [p.number, p.caseKey])).toEqual([
      [1, 'aarhus:aarhus|økonomiudvalget|2024-05-01#1'],
      [2, CASE_KEY],
      [3, 'aarhus:aarhus|økonomiudvalget|2024-05-01#3'],
    ]);
    expect(JSON.stringify(m)).not.toContain('sections');
    const rows = await punktRowsByIds(
      db,
      [1, 2, 3, 4].map((n) => `2024-05-01 ${r.meetingKey}#${n}`),
    );
    expect(rows.map((p) => [p.number, p.kleGroup, p.meetingKey])).toEqual([
      [1, null, r.meetingKey],
      [2, '24', r.meetingKey],
      [3, null, r.meetingKey],
    ]);
    expect((await meetingForUrl(db, 'https://dagsordener.aarhus.dk/oek?id=1'))?.key).toBe(r.meetingKey);

    const tl = await caseTimeline(db, CASE_KEY);
    expect(tl.map((a) => [a.date, a.source, a.committee])).toEqual([
      ['2024-04-22', 'history', 'Magistraten'],
      ['2024-05-01', 'visited', 'Økonomiudvalget'],
      ['2024-05-15', 'upcoming', 'Byrådet'],
    ]);
  });

  it('reports new appearances of followed cases once, updates the follow, and is idempotent', async () => {
    const db = await freshDb();
    await rememberMeeting(db, { meeting: oekMay(), url: 'https://dagsordener.aarhus.dk/oek?id=1', now: T0 });
    const f = await follow(
      db,
      {
        caseKey: CASE_KEY,
        municipality: 'Aarhus Kommune',
        caseNumber: CASE,
        title: 'Budgetopfølgning 1. kvartal',
      },
      T0 + 10,
    );
    expect(f.latestDate).toBe('2024-05-01');
    expect(f.latestDecision).toBe('Indstillingen blev godkendt.');
    expect(f.newCount).toBe(0);

    // The same page again: nothing new.
    const again = await rememberMeeting(db, {
      meeting: oekMay(),
      url: 'https://dagsordener.aarhus.dk/oek?id=1',
      now: T0 + 20,
    });
    expect(again.isNewMeeting).toBe(false);
    expect(again.newAppearances).toEqual([]);

    // Another committee's meeting with the same case: the planned treatment happened.
    const r = await rememberMeeting(db, {
      meeting: byraadMay(),
      url: 'https://dagsordener.aarhus.dk/br?id=9',
      now: T0 + 30,
    });
    expect(r.newAppearances.map((a) => [a.committee, a.date, a.source, a.decision])).toEqual([
      ['Byrådet', '2024-05-15', 'visited', 'Vedtaget.'],
    ]);
    expect(r.touchedFollows).toEqual([CASE_KEY]);
    const after = await getFollow(db, CASE_KEY);
    expect(after).toMatchObject({
      newCount: 1,
      lastActivity: T0 + 30,
      latestDate: '2024-05-15',
      latestDecision: 'Vedtaget.',
      latestCommittee: 'Byrådet',
    });
    expect(await totalNewCount(db)).toBe(1);

    // The upcoming placeholder (no punkt number) was replaced by the visited punkt.
    const tl = await caseTimeline(db, CASE_KEY);
    expect(tl.filter((a) => a.date === '2024-05-15')).toEqual([
      expect.objectContaining({
        source: 'visited',
        punktNumber: 7,
        deepLink: expect.stringContaining('#punkt7'),
      }),
    ]);
    expect(tl).toHaveLength(3);

    const twice = await rememberMeeting(db, {
      meeting: byraadMay(),
      url: 'https://dagsordener.aarhus.dk/br?id=9',
      now: T0 + 40,
    });
    expect(twice.newAppearances).toEqual([]);
    expect((await getFollow(db, CASE_KEY))?.newCount).toBe(1);

    await markSeen(db, CASE_KEY);
    expect(await totalNewCount(db)).toBe(0);
  });

  it('pageRefOf keys an annotation exactly as the remembered meeting and the annotation store do', async () => {
    const db = await freshDb();
    const m = { ...oekMay(), municipality: null };
    const url = 'https://dagsordener.aarhus.dk/oek?id=1&utm_campaign=x#p2';
    const r = await rememberMeeting(db, { meeting: m, url, now: T0 });
    const page = pageRefOf(m, url, 2);
    expect(page).toEqual({
      url: 'https://dagsordener.aarhus.dk/oek?id=1',
      municipality: 'Aarhus',
      meetingKey: r.meetingKey,
      punktNumber: 2,
      caseNumber: CASE,
      caseKey: CASE_KEY,
    });
    const rec = await getMeeting(db, r.meetingKey);
    expect(rec?.punkter.find((p) => p.number === 2)?.caseKey).toBe(page.caseKey);
    const stored = await createOrUpdateAnnotation(
      db,
      annotation(77, { page: { ...page, caseKey: undefined } }),
    );
    expect(stored.annotation.page.caseKey).toBe(CASE_KEY);
    expect(pageRefOf(m, url, 1).caseKey).toBe(`aarhus:${r.meetingKey}#1`);
    expect(pageRefOf(m, url, null).caseKey).toBeNull();
  });

  it('the timeline prefers a visited punkt to a printed line about the same treatment', async () => {
    const db = await freshDb();
    await rememberMeeting(db, { meeting: oekMay(), url: 'https://k.dk/oek', now: T0 });
    // The Magistraten meeting printed as "Magistraten" is visited under a slightly different name.
    await rememberMeeting(db, {
      meeting: meeting('Magistratens møde', '2024-04-22', [punkt(5, 'Budgetopfølgning 1. kvartal', CASE)]),
      url: 'https://k.dk/mag',
      now: T0 + 1,
    });
    const tl = await caseTimeline(db, CASE_KEY);
    expect(tl.map((a) => [a.date, a.source, a.committee])).toEqual([
      ['2024-04-22', 'visited', 'Magistratens møde'],
      ['2024-05-01', 'visited', 'Økonomiudvalget'],
      ['2024-05-15', 'upcoming', 'Byrådet'],
    ]);
  });

  it('stores nothing for a page without punkter', async () => {
    const db = await freshDb();
    const r = await rememberMeeting(db, {
      meeting: meeting('Byrådet', '2024-01-01', []),
      url: 'https://k.dk/x',
    });
    expect(r.stored).toBe(false);
    expect(await db.meetings.count()).toBe(0);
  });

  it('merges pages of one meeting (one punkt per page) without losing punkter', async () => {
    const db = await freshDb();
    const m = oekMay();
    await rememberMeeting(db, {
      meeting: { ...m, punkter: [m.punkter[0]!] },
      url: 'https://k.dk/m/1',
      now: T0,
    });
    await rememberMeeting(db, {
      meeting: { ...m, punkter: [m.punkter[1]!], participants: [], place: null },
      url: 'https://k.dk/m/2',
      now: T0 + 5,
    });
    const rec = await getMeeting(db, 'aarhus|økonomiudvalget|2024-05-01');
    expect(rec?.punkter.map((p) => p.number)).toEqual([1, 2]);
    expect(rec?.sourceUrls).toEqual(['https://k.dk/m/1', 'https://k.dk/m/2']);
    expect(rec?.place).toBe('Rådhuset, lokale 390');
    expect(rec?.participants).toHaveLength(2);
    expect(rec).toMatchObject({ firstSeen: T0, lastSeen: T0 + 5 });
  });

  it('validates the parsed meeting and is atomic when a write fails midway', async () => {
    const db = await freshDb();
    await expect(
      rememberMeeting(db, { meeting: { ...oekMay(), date: '1. maj' } as never, url: 'x' }),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    // The platform is stored in the record: an unknown one is refused too (the row would not validate).
    await expect(
      rememberMeeting(db, {
        meeting: oekMay(),
        url: 'https://k.dk/oek',
        platform: 'aaben-dagsorden' as never,
      }),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.meetings.count()).toBe(0);
    await follow(db, { caseKey: CASE_KEY, municipality: 'Aarhus Kommune', caseNumber: CASE, title: 'B' }, T0);
    const spy = vi.spyOn(db.follows, 'bulkPut').mockImplementationOnce(() => {
      throw new Error('worker killed');
    });
    await expect(
      rememberMeeting(db, { meeting: byraadMay(), url: 'https://k.dk/br', now: T0 }),
    ).rejects.toThrow('worker killed');
    spy.mockRestore();
    expect(await db.meetings.count()).toBe(0);
    expect(await db.appearances.count()).toBe(0);
    expect((await search(db, 'budget')).punkter).toEqual([]);
    // And it works afterwards.
    expect(
      (await rememberMeeting(db, { meeting: byraadMay(), url: 'https://k.dk/br', now: T0 })).newAppearances,
    ).toHaveLength(1);
    expect((await search(db, 'budget')).punkter.map((p) => p.title)).toEqual(['Budgetopfølgning 1. kvartal']);
  });
});

describe('follows', () => {
  it('lists followed cases by latest activity; unfollow has undo; purge removes old unfollows', async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) {
      await follow(
        db,
        { caseKey: `aarhus:${i}`, municipality: 'Aarhus', caseNumber: `22/1000${i}`, title: `Sag ${i}` },
        T0 + i * 10,
      );
    }
    expect((await listFollowed(db)).map((f) => f.caseKey)).toEqual([
      'aarhus:4',
      'aarhus:3',
      'aarhus:2',
      'aarhus:1',
      'aarhus:0',
    ]);
    await unfollow(db, 'aarhus:3', T0 + 100);
    expect((await listFollowed(db, 2)).map((f) => f.caseKey)).toEqual(['aarhus:4', 'aarhus:2']);
    expect(await followedAmong(db, ['aarhus:3', 'aarhus:2', 'nope'])).toEqual(new Set(['aarhus:2']));
    await undoUnfollow(db, 'aarhus:3');
    expect((await listFollowed(db)).map((f) => f.caseKey)).toContain('aarhus:3');

    await unfollow(db, 'aarhus:0', T0 + 200);
    expect(await purgeUnfollowed(db, T0 + 150)).toBe(0);
    expect(await purgeUnfollowed(db, T0 + 250)).toBe(1);
    expect(await db.follows.count()).toBe(4);
    // Following again after an unfollow restores the same record.
    await unfollow(db, 'aarhus:1', T0 + 300);
    const back = await follow(
      db,
      { caseKey: 'aarhus:1', municipality: 'Aarhus', caseNumber: '22/10001', title: 'Sag 1' },
      T0 + 400,
    );
    expect(back).toMatchObject({ followedAt: T0 + 10, unfollowedAt: null });
  });
});
