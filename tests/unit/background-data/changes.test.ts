// Live sync, background side: which frames hear about which annotation writes.
import { describe, expect, it, vi } from 'vitest';
import {
  type AnnotationChanges,
  changeMessage,
  createChangeNotifier,
  type TabsLike,
} from '../../../entrypoints/background/data/changes';
import { createDataRouter } from '../../../entrypoints/background/data/routes';
import { annotation, uuid } from '../db/helpers';
import { contentScript, dashboard, harness, PAGE_URL, popup } from './helpers';

const AARHUS = 'https://dagsordener.aarhus.dk';
const BALLERUP = 'https://dagsorden.ballerup.dk';
const KEY = 'aarhus|økonomiudvalget|2024-05-01';

interface Sent {
  tabId: number;
  frameId: number | undefined;
  message: { type: string; ids: string[] | null; pages: { url: string; meetingKey: string | null }[] | null };
}

function fakeTabs(open: { id: number; url?: string }[] = [], failing = new Set<string>()) {
  const sent: Sent[] = [];
  const tabs: TabsLike = {
    query: vi.fn(async () => open),
    sendMessage: vi.fn(async (tabId: number, message: unknown, options?: { frameId?: number }) => {
      if (failing.has(`${tabId}:${options?.frameId ?? 0}`)) throw new Error('Receiving end does not exist');
      sent.push({ tabId, frameId: options?.frameId, message: message as Sent['message'] });
      return { ok: true };
    }),
  };
  return { tabs, sent };
}

const page = (url: string, meetingKey: string | null = null) => ({ url, meetingKey });

describe('change notifier', () => {
  it('tells every reader (any site, also tabs it never saw) which cases were followed or unfollowed', async () => {
    const { tabs, sent } = fakeTabs([{ id: 11, url: `${BALLERUP}/meeting/1` }]);
    const n = createChangeNotifier(() => tabs, { delayMs: 1000 });
    n.seen(contentScript(`${AARHUS}/vis?id=123`)); // tab 5
    n.followsChanged(['aarhus:x']);
    n.followsChanged(['aarhus:x', 'aarhus:y']);
    await n.flush();
    expect(sent.map((s) => s.tabId).sort()).toEqual([11, 5]);
    expect(sent[0]!.message).toEqual({ type: 'reader/followsChanged', caseKeys: ['aarhus:x', 'aarhus:y'] });
    // Together with an annotation change: each frame gets what concerns it.
    n.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`, KEY) }]);
    n.followsChanged(['aarhus:z']);
    sent.length = 0;
    await n.flush();
    expect(sent.filter((s) => s.tabId === 5).map((s) => s.message.type)).toEqual([
      'reader/annotationsChanged',
      'reader/followsChanged',
    ]);
    expect(sent.filter((s) => s.tabId === 11).map((s) => s.message.type)).toEqual(['reader/followsChanged']);
  });

  it('tells the frames that loaded annotations of the same site, once per batch, ids and pages only', async () => {
    const { tabs, sent } = fakeTabs();
    const n = createChangeNotifier(() => tabs, { delayMs: 1000 });
    n.seen(contentScript(`${AARHUS}/vis?id=123`)); // tab 5, frame 0
    n.seen(contentScript(`${AARHUS}/vis?id=456`, { tab: { id: 6 }, frameId: 3 })); // a reader in an iframe
    n.seen(contentScript(`${BALLERUP}/meeting/1`, { tab: { id: 7 } }));
    n.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`, KEY) }]);
    n.changed([{ id: uuid(2), page: page(`${AARHUS}/vis?id=123`, KEY) }]);
    await n.flush();
    expect(sent.map((s) => [s.tabId, s.frameId]).sort()).toEqual([
      [5, 0],
      [6, 3],
    ]);
    expect(sent[0]!.message).toEqual({
      type: 'reader/annotationsChanged',
      ids: [uuid(1), uuid(2)],
      pages: [page(`${AARHUS}/vis?id=123`, KEY)],
    });
  });

  it('a frame hears only about its own site’s annotations', async () => {
    const { tabs, sent } = fakeTabs();
    const n = createChangeNotifier(() => tabs);
    n.seen(contentScript(`${AARHUS}/vis?id=123`));
    n.seen(contentScript(`${BALLERUP}/meeting/1`, { tab: { id: 7 } }));
    n.changed([
      { id: uuid(1), page: page(`${AARHUS}/vis?id=123`) },
      { id: uuid(2), page: page(`${BALLERUP}/meeting/1`) },
    ]);
    await n.flush();
    const byTab = Object.fromEntries(sent.map((s) => [s.tabId, s.message.ids]));
    expect(byTab).toEqual({ 5: [uuid(1)], 7: [uuid(2)] });
  });

  it('also reaches open tabs of the site it never saw (a restarted service worker), and no other site', async () => {
    const { tabs, sent } = fakeTabs([
      { id: 11, url: `${AARHUS}/vis?id=999#p3` },
      { id: 12, url: `${BALLERUP}/meeting/1` },
      { id: 13 }, // a tab whose URL the extension may not see
      { id: 14, url: 'about:blank' },
    ]);
    const n = createChangeNotifier(() => tabs);
    n.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`) }]);
    await n.flush();
    expect(sent.map((s) => [s.tabId, s.frameId])).toEqual([[11, 0]]);
  });

  it('sends to a frame once when it is both registered and found by the tab query', async () => {
    const { tabs, sent } = fakeTabs([{ id: 5, url: `${AARHUS}/vis?id=123` }]);
    const n = createChangeNotifier(() => tabs);
    n.seen(contentScript(`${AARHUS}/vis?id=123`));
    n.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`) }]);
    await n.flush();
    expect(sent).toHaveLength(1);
  });

  it('forgets a frame whose reader is gone', async () => {
    const { tabs, sent } = fakeTabs([], new Set(['5:0']));
    const n = createChangeNotifier(() => tabs);
    n.seen(contentScript(`${AARHUS}/vis?id=123`));
    n.seen(contentScript(`${AARHUS}/vis?id=123`, { tab: { id: 6 } }));
    expect(n.frames).toBe(2);
    n.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`) }]);
    await n.flush();
    expect(sent.map((s) => s.tabId)).toEqual([6]);
    expect(n.frames).toBe(1);
    n.forgetTab(6);
    expect(n.frames).toBe(0);
  });

  it('after a backup import every reader fetches again ("anything": null ids and pages)', async () => {
    const { tabs, sent } = fakeTabs([{ id: 12, url: `${BALLERUP}/meeting/1` }]);
    const n = createChangeNotifier(() => tabs);
    n.seen(contentScript(`${AARHUS}/vis?id=123`));
    n.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`) }]);
    n.changedAll();
    n.changed([{ id: uuid(2), page: page(`${AARHUS}/vis?id=123`) }]);
    await n.flush();
    expect(sent.map((s) => s.tabId).sort((x, y) => x - y)).toEqual([5, 12]);
    for (const s of sent)
      expect(s.message).toEqual({ type: 'reader/annotationsChanged', ids: null, pages: null });
  });

  it('too many ids or pages become "anything"', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => uuid(i + 1));
    expect(changeMessage({ ids, pages: [] })).toMatchObject({ ids: null, pages: null });
    expect(changeMessage({ ids: [uuid(1)], pages: [page(PAGE_URL)] })).toMatchObject({
      ids: [uuid(1)],
      pages: [page(PAGE_URL)],
    });
  });

  it('sends on its own after the batch window, and never throws without a tabs API', async () => {
    const { tabs, sent } = fakeTabs();
    const n = createChangeNotifier(() => tabs, { delayMs: 5 });
    n.seen(contentScript(`${AARHUS}/vis?id=123`));
    n.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`) }]);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const none = createChangeNotifier(() => null);
    none.changed([{ id: uuid(1), page: page(`${AARHUS}/vis?id=123`) }]);
    await expect(none.flush()).resolves.toBeUndefined();
  });
});

/** A notifier spy for the routes. */
function spyChanges() {
  const changes = {
    seen: vi.fn(),
    changed: vi.fn(),
    changedAll: vi.fn(),
    followsChanged: vi.fn(),
    flush: vi.fn(async () => {}),
  } satisfies AnnotationChanges;
  return changes;
}

describe('data routes announce committed annotation writes', () => {
  function setup() {
    const h = harness();
    const changes = spyChanges();
    const deps = { ...h.deps, changes };
    const router = createDataRouter(deps);
    const send = async (m: unknown, s = contentScript()) => {
      // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
      return (await router(m, s)) as any;
    };
    const ids = () => changes.changed.mock.calls.map((c) => (c[0] as { id: string }[]).map((a) => a.id));
    return { h, changes, send, ids };
  }

  it('upsert, delete and undo from a reader or the dashboard; loading registers the reader', async () => {
    const { changes, send, ids } = setup();
    const a = annotation(1, { tags: ['budget'] });
    await send({ type: 'annotations/listForPage', url: PAGE_URL, meetingKey: KEY });
    expect(changes.seen).toHaveBeenCalledOnce();
    await send({ type: 'annotations/listForPage', url: PAGE_URL, meetingKey: KEY }, dashboard);
    expect(changes.seen).toHaveBeenCalledOnce(); // extension pages are not readers
    expect((await send({ type: 'annotations/upsert', annotation: a })).ok).toBe(true);
    expect(changes.changed.mock.calls[0]![0][0].page).toMatchObject({ url: PAGE_URL, meetingKey: KEY });
    await send(
      { type: 'annotations/upsert', annotation: { ...a, note: 'x', modified: a.modified + 5 } },
      dashboard,
    );
    await send({ type: 'annotations/delete', id: a.id }, dashboard);
    await send({ type: 'annotations/delete', id: a.id }); // already deleted: nothing changed
    await send({ type: 'annotations/undoDelete', id: a.id });
    expect(ids()).toEqual([[a.id], [a.id], [a.id], [a.id]]);
  });

  it('not for stale retries, refused writes or status batches (per-tab anchoring results)', async () => {
    const { send, ids } = setup();
    const a = annotation(1);
    await send({ type: 'annotations/upsert', annotation: { ...a, modified: a.modified + 10 } });
    expect(ids()).toHaveLength(1);
    expect((await send({ type: 'annotations/upsert', annotation: a })).applied).toBe(false);
    const other = contentScript('https://dagsorden.ballerup.dk/meeting/1');
    expect((await send({ type: 'annotations/delete', id: a.id }, other)).error).toBe('forbidden');
    await send({ type: 'annotations/setStatus', ids: [a.id], status: 'orphaned' });
    expect(ids()).toHaveLength(1);
  });

  it('follow, unfollow and undo announce the case, from the page or the popup', async () => {
    const { changes, send } = setup();
    const caseKey = 'aarhus:24.00.00-G01-16-23';
    await send(
      {
        type: 'follows/follow',
        caseKey,
        municipality: 'Aarhus',
        caseNumber: '24.00.00-G01-16-23',
        title: 'Budget',
      },
      popup,
    );
    await send({ type: 'follows/unfollow', caseKey }, popup);
    await send({ type: 'follows/undoUnfollow', caseKey }, popup);
    expect(changes.followsChanged.mock.calls).toEqual([[[caseKey]], [[caseKey]], [[caseKey]]]);
  });

  it('tag rename, delete and their undo name every annotation they changed', async () => {
    const { send, ids } = setup();
    await send({ type: 'annotations/upsert', annotation: annotation(1, { tags: ['budget'] }) });
    await send({ type: 'annotations/upsert', annotation: annotation(2, { tags: ['budget', 'klima'] }) });
    await send({ type: 'annotations/upsert', annotation: annotation(3, { tags: ['klima'] }) });
    const before = ids().length;
    const r = await send({ type: 'annotations/renameTag', from: 'budget', to: 'Økonomi' }, dashboard);
    await send({ type: 'annotations/deleteTag', tag: 'klima' }, dashboard);
    await send({ type: 'annotations/undoBulkEdit', undoToken: r.undoToken }, dashboard);
    expect(
      ids()
        .slice(before)
        .map((l) => l.sort()),
    ).toEqual([
      [uuid(1), uuid(2)],
      [uuid(2), uuid(3)],
      [uuid(1), uuid(2)],
    ]);
  });

  it('a backup import (not a dry run) with annotations tells every reader', async () => {
    const { changes, send } = setup();
    await send({ type: 'annotations/upsert', annotation: annotation(1) });
    const exported = await send({ type: 'backup/export' }, dashboard);
    const fresh = setup();
    await fresh.send({ type: 'backup/import', data: exported.backup, dryRun: true }, dashboard);
    expect(fresh.changes.changedAll).not.toHaveBeenCalled();
    const applied = await fresh.send(
      { type: 'backup/import', data: exported.backup, dryRun: false },
      dashboard,
    );
    expect(applied.summary.annotations.new).toBe(1);
    expect(fresh.changes.changedAll).toHaveBeenCalledOnce();
    // Nothing new: nothing to tell.
    await fresh.send({ type: 'backup/import', data: exported.backup, dryRun: false }, dashboard);
    expect(fresh.changes.changedAll).toHaveBeenCalledOnce();
    expect(changes.changedAll).not.toHaveBeenCalled();
  });
});
