// @vitest-environment jsdom
// Live sync in the reader: a change made elsewhere (another tab, the dashboard) is fetched and
// only what changed is repainted; this tab's unacknowledged writes are never undone by it.
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { Annotator } from '../../../entrypoints/reader.content/annotator';
import { concernsPage, reconcile, sameContent } from '../../../entrypoints/reader.content/sync';
import type { WriteResult } from '../../../lib/annotate-client/queue';
import type { Annotation } from '../../../lib/model/annotation';
import type { Meeting } from '../../../lib/model/minutes';
import { stubI18n } from '../ui/i18n-stub';
import {
  type FakeClient,
  fakeClient,
  flush,
  loadFixture,
  openShadowRoots,
  selectText,
  startAnnotator,
} from './helpers';

const QUOTE = 'Der afsættes årligt 20.000 kr. i 2023 og 2024.';
let restoreShadow: () => void;
let annotator: Annotator | null = null;
let client: FakeClient;
let meeting: Meeting;
let url: string;

beforeEach(() => {
  stubI18n('da');
  restoreShadow = openShadowRoots();
  ({ meeting, url } = loadFixture());
});
afterEach(() => {
  annotator?.stop();
  annotator = null;
  restoreShadow();
});

async function start(initial: Annotation[] = []) {
  client = fakeClient(initial);
  annotator = await startAnnotator({ client, meeting, url });
  return annotator;
}

function keydown(key: string) {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

/** A highlight of QUOTE as another tab would have stored it (made here, then forgotten). */
async function madeElsewhere(): Promise<Annotation> {
  const a = await start();
  selectText(QUOTE);
  keydown('h');
  await flush();
  const w = client.writes.find((x) => x.kind === 'upsert');
  if (w?.kind !== 'upsert') throw new Error('no upsert');
  a.stop();
  annotator = null;
  expect(document.querySelector('sagsspor-hl')).toBeNull();
  return w.annotation;
}

/** The fake client's listForPage spy. */
const lists = () => vi.mocked(client.listForPage) as Mock<FakeClient['listForPage']>;
const painted = () =>
  [...document.querySelectorAll('sagsspor-hl')].map((w) => [w.getAttribute('data-color'), w.textContent]);
const announce = (a: Annotator, ids: string[] | null = null, pages: Annotation['page'][] | null = null) =>
  a.remoteChanged({ ids, pages: pages?.map((p) => ({ url: p.url, meetingKey: p.meetingKey })) ?? null });

describe('live sync in the reader', () => {
  it('a highlight made in another tab appears: painted and counted', async () => {
    const remote = await madeElsewhere();
    const a = await start();
    expect(a.anchoredCount).toBe(0);
    client.stored.set(remote.id, remote);
    expect(announce(a, [remote.id], [remote.page])).toBe(true);
    await a.whenSynced();
    expect(painted()).toEqual([['yellow', QUOTE]]);
    expect(a.anchoredCount).toBe(1);
    // Nothing written back: the status the other tab stored is the same here.
    await flush();
    expect(client.writes).toEqual([]);
  });

  it('an edit elsewhere repaints in the new colour; a delete elsewhere unpaints; no writes back', async () => {
    const remote = await madeElsewhere();
    const a = await start([remote]);
    expect(painted()).toEqual([['yellow', QUOTE]]);
    const listed = lists().mock.calls.length;
    client.stored.set(remote.id, {
      ...remote,
      color: 'pink',
      note: 'fra dashboard',
      modified: remote.modified + 1,
    });
    announce(a, [remote.id], [remote.page]);
    await a.whenSynced();
    expect(lists().mock.calls.length).toBe(listed + 1);
    expect(painted()).toEqual([['pink', QUOTE]]);
    expect(a.anchoredCount).toBe(1);
    client.stored.delete(remote.id);
    announce(a, [remote.id], [remote.page]);
    await a.whenSynced();
    expect(painted()).toEqual([]);
    expect(a.anchoredCount).toBe(0);
    await new Promise((r) => setTimeout(r, 1700)); // past the status batch
    expect(client.writes).toEqual([]);
  });

  it('ignores announcements about other pages; "anything changed" (null) always fetches', async () => {
    const a = await start();
    const calls = () => lists().mock.calls.length;
    const before = calls();
    expect(
      a.remoteChanged({
        ids: ['00000000-0000-4000-8000-00000000ffff'],
        pages: [{ url: 'https://dagsorden.ballerup.dk/meeting/other', meetingKey: 'ballerup|x|2020-01-01' }],
      }),
    ).toBe(false);
    await a.whenSynced();
    expect(calls()).toBe(before);
    expect(a.remoteChanged({ ids: null, pages: null })).toBe(true);
    await a.whenSynced();
    expect(calls()).toBe(before + 1);
  });

  it('announcements arriving together share one fetch', async () => {
    const a = await start();
    const before = lists().mock.calls.length;
    for (let i = 0; i < 5; i++) announce(a);
    await a.whenSynced();
    expect(lists().mock.calls.length).toBe(before + 1);
  });

  it('keeps this tab’s writes that are not acknowledged yet', async () => {
    const a = await start();
    let release: (r: WriteResult) => void = () => {};
    client.answer = () => new Promise<WriteResult>((r) => (release = r));
    selectText(QUOTE);
    keydown('h');
    await flush();
    expect(a.pendingWrites).toBe(1);
    // The store does not have it yet: the fetch must not remove it.
    announce(a);
    await a.whenSynced();
    expect(painted()).toEqual([['yellow', QUOTE]]);
    expect(a.anchoredCount).toBe(1);
    client.answer = () => ({ ok: true });
    release({ ok: true });
    await flush();
    await flush();
    expect(a.pendingWrites).toBe(0);
    announce(a);
    await a.whenSynced();
    expect(painted()).toEqual([['yellow', QUOTE]]);
  });

  it('a list fetched before this tab’s write was acknowledged does not undo the write', async () => {
    const a = await start();
    // The fetch reads the store now, but its answer arrives late.
    let deliver: () => void = () => {};
    lists().mockImplementationOnce(async () => {
      const snapshot = [...client.stored.values()];
      await new Promise<void>((r) => (deliver = r));
      return snapshot;
    });
    announce(a);
    await flush();
    selectText(QUOTE);
    keydown('h');
    await flush();
    await flush();
    expect(a.pendingWrites).toBe(0); // acknowledged while the old list is on its way
    deliver();
    await a.whenSynced();
    expect(painted()).toEqual([['yellow', QUOTE]]);
    expect(a.anchoredCount).toBe(1);
  });

  it('a delete here stays deleted while the store still lists it; an undo elsewhere brings it back', async () => {
    const remote = await madeElsewhere();
    const a = await start([remote]);
    let release: (r: WriteResult) => void = () => {};
    client.answer = () => new Promise<WriteResult>((r) => (release = r));
    a.remove(remote.id);
    await flush();
    announce(a, [remote.id]);
    await a.whenSynced();
    expect(painted()).toEqual([]); // the store still has it live: the pending delete wins
    client.answer = () => ({ ok: true });
    release({ ok: true });
    await flush();
    // Undone in the dashboard: live again, newer.
    client.stored.set(remote.id, { ...remote, modified: remote.modified + 5 });
    announce(a, [remote.id]);
    await a.whenSynced();
    expect(painted()).toEqual([['yellow', QUOTE]]);
    expect(a.anchoredCount).toBe(1);
  });
});

describe('sync decisions (pure)', () => {
  const page = { url: 'https://x.dk/m/1', meetingKey: 'k' };
  const base = {
    id: '00000000-0000-4000-8000-000000000001',
    page: { url: page.url, municipality: null, meetingKey: 'k', punktNumber: 1, caseNumber: null },
    target: {
      scope: { punktNumber: 1, caseNumber: null, sectionKind: null, sectionIndex: null },
      selectors: [],
    },
    motivation: 'tagging',
    color: 'yellow',
    note: '',
    tags: ['a'],
    quote: '',
    created: 1,
    modified: 1,
    status: 'anchored',
    deletedAt: null,
  } as unknown as Annotation;
  const other = { ...base, id: '00000000-0000-4000-8000-000000000002' };

  it('concernsPage: a known id, the same url or meeting, or "anything"', () => {
    const none = () => false;
    expect(concernsPage({ ids: [], pages: [page] }, page, none)).toBe(true);
    expect(concernsPage({ ids: [], pages: [{ url: 'https://x.dk/m/2', meetingKey: 'k' }] }, page, none)).toBe(
      true,
    );
    expect(
      concernsPage({ ids: [], pages: [{ url: 'https://x.dk/m/2', meetingKey: null }] }, page, none),
    ).toBe(false);
    expect(concernsPage({ ids: [base.id], pages: [] }, page, (id) => id === base.id)).toBe(true);
    expect(concernsPage({ ids: null, pages: null }, page, none)).toBe(true);
    expect(concernsPage({ ids: null, pages: null }, null, none)).toBe(false);
  });

  it('reconcile: added, updated, removed; kept ids untouched; deleted rows are not live', () => {
    const shown = new Map([
      [base.id, base],
      [other.id, other],
    ]);
    const third = { ...base, id: '00000000-0000-4000-8000-000000000003' };
    const newer = { ...base, tags: ['b'], modified: 2 };
    const r = reconcile(shown, [newer, third], () => false);
    expect(r.added.map((a) => a.id)).toEqual([third.id]);
    expect(r.updated.map((u) => u.after)).toEqual([newer]);
    expect(r.removed.map((a) => a.id)).toEqual([other.id]);
    const kept = reconcile(shown, [newer, { ...third, deletedAt: 5 }], (id) => id !== third.id);
    expect(kept).toEqual({ added: [], updated: [], removed: [] });
    // Status is this tab's own: not a difference. Key order is not one either.
    expect(sameContent(base, { ...base, status: 'orphaned' })).toBe(true);
    const reordered = { ...base, target: { selectors: [], scope: { ...base.target.scope } } } as Annotation;
    expect(sameContent(base, reordered)).toBe(true);
  });
});
