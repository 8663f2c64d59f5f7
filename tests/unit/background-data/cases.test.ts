import { describe, expect, it } from 'vitest';
import { slimMeeting } from '../../../lib/messages/data';
import { annotation, meeting, punkt } from '../db/helpers';
import { contentScript, dashboard, harness, OTHER_PAGE_URL, otherSite, PAGE_URL, popup } from './helpers';

const CASE = '24.00.00-G01-16-23';
const CASE_KEY = 'aarhus:24.00.00-G01-16-23';

/** Økonomiudvalget treats the case as punkt 3 and prints that Byrådet will decide it. */
const oekonomi = meeting('Økonomiudvalget', '2024-05-01', [
  punkt(1, 'Godkendelse af dagsorden', null),
  punkt(3, 'Skolestruktur 2025 - høring', CASE, {
    decision: 'Indstillingen anbefales.',
    upcoming: [{ body: 'Byrådet', date: '2024-05-15', text: 'Byrådet 15. maj 2024' }],
  }),
]);
/** Another committee, another meeting, the same case (punkt 7). */
const byraad = meeting('Byrådet', '2024-05-15', [
  punkt(6, 'Lokalplan 1234', '01.02.05-P16-3-24'),
  punkt(7, 'Skolestruktur 2025', CASE, { decision: 'Godkendt.' }),
]);

const remember = (m: typeof oekonomi, url = PAGE_URL) => ({
  type: 'meetings/remember',
  url,
  platform: 'generic',
  meeting: slimMeeting(m),
});

describe('meetings/remember', () => {
  it('stores metadata only (no section texts) and returns per-punkt case keys and flags', async () => {
    const h = harness();
    const withText = meeting('Økonomiudvalget', '2024-05-01', [
      punkt(3, 'Skolestruktur 2025 - høring', CASE, {
        sections: [
          { kind: 'sagsfremstilling', heading: 'Sagsfremstilling', text: 'HEMMELIG BRØDTEKST', dom: null },
        ],
      }),
    ]);
    // Even a full model sent by mistake is stripped at the boundary.
    const r = await h.send({ ...remember(oekonomi), meeting: withText }, contentScript());
    expect(r).toMatchObject({
      ok: true,
      stored: true,
      isNewMeeting: true,
      meetingKey: 'aarhus|økonomiudvalget|2024-05-01',
      punkter: [{ number: 3, caseKey: CASE_KEY, followed: false, topics: [], newCount: 0 }],
      newCount: 0,
      totalNew: 0,
    });
    const stored = await h.db.meetings.toArray();
    expect(JSON.stringify(stored)).not.toContain('HEMMELIG');
    expect(h.deps.badge.showNew).not.toHaveBeenCalled();
  });

  it('only remembers the content script’s own site', async () => {
    const h = harness();
    await expect(h.send(remember(oekonomi), otherSite)).resolves.toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await h.db.meetings.count()).toBe(0);
  });

  it('follow in one meeting → the same case in another committee’s meeting is new: count, badge, timeline', async () => {
    const h = harness();
    const first = await h.send(remember(oekonomi), contentScript());
    const followed = await h.send(
      { type: 'follows/follow', meetingKey: first.meetingKey, punktNumber: 3 },
      contentScript(),
    );
    expect(followed.follow).toMatchObject({
      caseKey: CASE_KEY,
      title: 'Skolestruktur 2025 - høring',
      newCount: 0,
      latestDate: '2024-05-01',
      latestDecision: 'Indstillingen anbefales.',
    });
    await h.send(upsert(annotation(1, { note: 'Hvad koster det?' })), contentScript());

    h.now.value += 14 * 24 * 3600 * 1000;
    const second = await h.send(
      remember(byraad, OTHER_PAGE_URL),
      contentScript(OTHER_PAGE_URL, { tab: { id: 8 } }),
    );
    expect(second.newCount).toBe(1);
    expect(second.totalNew).toBe(1);
    expect(second.newAppearances).toMatchObject([
      { caseKey: CASE_KEY, committee: 'Byrådet', date: '2024-05-15', punktNumber: 7, decision: 'Godkendt.' },
    ]);
    expect(second.punkter).toEqual([
      { number: 6, caseKey: 'aarhus:01.02.05-P16-3-24', followed: false, topics: [], newCount: 0 },
      { number: 7, caseKey: CASE_KEY, followed: true, topics: [], newCount: 1 },
    ]);
    expect(h.deps.badge.showNew).toHaveBeenCalledWith(8, 1);
    expect(h.deps.badge.setTotal).toHaveBeenLastCalledWith(1);
    expect(h.deps.notify).not.toHaveBeenCalled(); // not enabled

    // A revisit is not new again.
    const again = await h.send(remember(byraad, OTHER_PAGE_URL), contentScript(OTHER_PAGE_URL));
    expect(again.newCount).toBe(0);

    const list = await h.send({ type: 'follows/list' }, popup);
    expect(list.totalNew).toBe(1);
    expect(list.follows).toMatchObject([
      {
        caseKey: CASE_KEY,
        newCount: 1,
        latestDate: '2024-05-15',
        latestDecision: 'Godkendt.',
        latestCommittee: 'Byrådet',
      },
    ]);

    const tl = await h.send({ type: 'follows/timeline', caseKey: CASE_KEY }, dashboard);
    expect(tl.follow.caseKey).toBe(CASE_KEY);
    expect(
      tl.appearances.map((a: { date: string; committee: string; source: string }) => [
        a.date,
        a.committee,
        a.source,
      ]),
    ).toEqual([
      ['2024-05-01', 'Økonomiudvalget', 'visited'],
      ['2024-05-15', 'Byrådet', 'visited'],
    ]);
    expect(tl.annotations.map((a: { note: string }) => a.note)).toEqual(['Hvad koster det?']);

    const seen = await h.send({ type: 'follows/markSeen', caseKey: CASE_KEY }, popup);
    expect(seen).toEqual({ ok: true, totalNew: 0 });
    expect(h.deps.badge.setTotal).toHaveBeenLastCalledWith(0);
  });

  it('notifies about new appearances only when the user enabled it', async () => {
    const h = harness();
    const first = await h.send(remember(oekonomi), contentScript());
    await h.send({ type: 'follows/follow', meetingKey: first.meetingKey, punktNumber: 3 }, contentScript());
    await expect(
      h.send({ type: 'meta/set', key: 'notifyNewAppearances', value: true }, popup),
    ).resolves.toEqual({
      ok: true,
      key: 'notifyNewAppearances',
      value: true,
    });
    await h.send(remember(byraad, OTHER_PAGE_URL), contentScript(OTHER_PAGE_URL));
    expect(h.deps.notify).toHaveBeenCalledTimes(1);
    expect(h.deps.notify.mock.calls[0]![0]).toMatchObject([{ caseKey: CASE_KEY, committee: 'Byrådet' }]);
  });

  it('a failing badge or notification never fails the write', async () => {
    const h = harness();
    h.deps.badge.showNew.mockRejectedValue(new Error('no tab'));
    h.deps.badge.setTotal.mockRejectedValue(new Error('no action'));
    h.deps.notify.mockRejectedValue(new Error('no permission'));
    await h.send({ type: 'meta/set', key: 'notifyNewAppearances', value: true }, popup);
    const first = await h.send(remember(oekonomi), contentScript());
    await h.send({ type: 'follows/follow', meetingKey: first.meetingKey, punktNumber: 3 }, contentScript());
    await expect(
      h.send(remember(byraad, OTHER_PAGE_URL), contentScript(OTHER_PAGE_URL)),
    ).resolves.toMatchObject({
      ok: true,
      newCount: 1,
    });
  });

  it('flags punkter matching topics, and lists topics with counts and punkter', async () => {
    const h = harness();
    const skole = await h.send({ type: 'topics/add', kind: 'phrase', value: 'skole' }, popup);
    h.now.value += 1;
    const kle = await h.send({ type: 'topics/add', kind: 'kle', value: '01' }, popup);
    h.now.value += 1;
    const byr = await h.send({ type: 'topics/add', kind: 'committee', value: 'Byrådet' }, popup);
    const r = await h.send(remember(byraad, OTHER_PAGE_URL), contentScript(OTHER_PAGE_URL));
    expect(r.punkter.map((p: { topics: string[] }) => p.topics)).toEqual([
      [kle.topic.id, byr.topic.id],
      [skole.topic.id, byr.topic.id],
    ]);
    expect(r.topics.map((t: { value: string }) => t.value).sort()).toEqual(['01', 'byrådet', 'skole']);

    await h.send(remember(oekonomi), contentScript());
    const list = await h.send({ type: 'topics/list' }, popup);
    expect(
      list.topics.map((t: { topic: { value: string }; count: number }) => [t.topic.value, t.count]),
    ).toEqual([
      ['skole', 2],
      ['01', 1],
      ['byrådet', 2],
    ]);
    const punkter = await h.send({ type: 'topics/punkter', id: skole.topic.id }, popup);
    expect(punkter.punkter.map((p: { date: string; number: number }) => [p.date, p.number])).toEqual([
      ['2024-05-15', 7],
      ['2024-05-01', 3],
    ]);
    await h.send({ type: 'topics/remove', id: skole.topic.id }, popup);
    expect((await h.send({ type: 'topics/list' }, popup)).topics).toHaveLength(2);
    await expect(h.send({ type: 'topics/punkter', id: skole.topic.id }, popup)).resolves.toMatchObject({
      ok: false,
      error: 'not-found',
    });
    await h.send({ type: 'topics/restore', id: skole.topic.id }, popup);
    expect((await h.send({ type: 'topics/list' }, popup)).topics).toHaveLength(3);
    await expect(h.send({ type: 'topics/remove', id: 'nope' }, popup)).resolves.toMatchObject({
      error: 'not-found',
    });
  });
});

describe('follows', () => {
  it('unfollow with undo; by-key follow is for extension pages; a content script follows only its site’s meetings', async () => {
    const h = harness();
    const first = await h.send(remember(oekonomi), contentScript());
    await expect(
      h.send({ type: 'follows/follow', meetingKey: first.meetingKey, punktNumber: 3 }, otherSite),
    ).resolves.toMatchObject({ ok: false, error: 'forbidden' });
    await expect(
      h.send({ type: 'follows/follow', meetingKey: first.meetingKey, punktNumber: 99 }, contentScript()),
    ).resolves.toMatchObject({ ok: false, error: 'not-found' });
    const direct = {
      type: 'follows/follow',
      caseKey: CASE_KEY,
      municipality: 'Aarhus',
      caseNumber: CASE,
      title: 'Skolestruktur',
    };
    await expect(h.send(direct, contentScript())).resolves.toMatchObject({ ok: false, error: 'forbidden' });
    await expect(h.send(direct, popup)).resolves.toMatchObject({ ok: true, follow: { caseKey: CASE_KEY } });

    await h.send({ type: 'follows/unfollow', caseKey: CASE_KEY }, popup);
    expect((await h.send({ type: 'follows/list' }, popup)).follows).toEqual([]);
    expect(
      (await h.send({ type: 'follows/status', caseKeys: [CASE_KEY] }, contentScript())).followed,
    ).toEqual([]);
    await h.send({ type: 'follows/undoUnfollow', caseKey: CASE_KEY }, popup);
    expect(
      (await h.send({ type: 'follows/status', caseKeys: [CASE_KEY, 'x'] }, contentScript())).followed,
    ).toEqual([CASE_KEY]);
    await expect(h.send({ type: 'follows/unfollow', caseKey: 'aarhus:nope' }, popup)).resolves.toMatchObject({
      ok: false,
      error: 'not-found',
    });
  });

  it('markSeen without a case clears every count', async () => {
    const h = harness();
    const first = await h.send(remember(oekonomi), contentScript());
    await h.send({ type: 'follows/follow', meetingKey: first.meetingKey, punktNumber: 3 }, contentScript());
    await h.send(remember(byraad, OTHER_PAGE_URL), contentScript(OTHER_PAGE_URL));
    expect((await h.send({ type: 'follows/list' }, popup)).totalNew).toBe(1);
    await expect(h.send({ type: 'follows/markSeen' }, popup)).resolves.toEqual({ ok: true, totalNew: 0 });
    expect((await h.send({ type: 'follows/list' }, popup)).follows[0].newCount).toBe(0);
  });

  it('search finds annotations and remembered punkter; meetings are listed for extension pages', async () => {
    const h = harness();
    await h.send(remember(oekonomi), contentScript());
    await h.send(upsert(annotation(1, { note: 'Skolelukninger i Lystrup' })), contentScript());
    const r = await h.send({ type: 'search/query', query: 'skole' }, popup);
    expect(r.annotations.map((a: { note: string }) => a.note)).toEqual(['Skolelukninger i Lystrup']);
    expect(r.punkter.map((p: { title: string }) => p.title)).toEqual(['Skolestruktur 2025 - høring']);
    expect(r.truncated).toBe(false);
    const meetings = await h.send({ type: 'meetings/list' }, dashboard);
    expect(meetings.meetings.map((m: { key: string }) => m.key)).toEqual([
      'aarhus|økonomiudvalget|2024-05-01',
    ]);
    const one = await h.send({ type: 'meetings/get', key: 'aarhus|økonomiudvalget|2024-05-01' }, dashboard);
    expect(one.meeting.punkter).toHaveLength(2);
    await expect(h.send({ type: 'meetings/get', key: 'x' }, dashboard)).resolves.toMatchObject({
      error: 'not-found',
    });
  });
});

function upsert(a: unknown) {
  return { type: 'annotations/upsert', annotation: a };
}
