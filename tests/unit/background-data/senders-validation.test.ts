import { describe, expect, it } from 'vitest';
import { createDataRoutes } from '../../../entrypoints/background/data';
import { CONTENT, PAGES } from '../../../entrypoints/background/data/define';
import { DATA_API, type DataType } from '../../../lib/messages/data';
import { annotation } from '../db/helpers';
import {
  contentScript,
  dashboard,
  foreignContentScript,
  foreignExtension,
  harness,
  popup,
  webPage,
} from './helpers';

const TYPES = Object.keys(DATA_API) as DataType[];

/** For each type: a malformed payload that must answer 'invalid-message' (null: no fields to malform). */
const MALFORMED: Record<DataType, Record<string, unknown> | null> = {
  'annotations/upsert': { annotation: { ...annotation(1), id: 'not-a-uuid' } },
  'annotations/listForPage': { url: '', meetingKey: null },
  'annotations/delete': { id: 42 },
  'annotations/undoDelete': {},
  'annotations/setStatus': { ids: ['x'], status: 'anchored' },
  'annotations/listOrphans': { url: 7 },
  'annotations/listTags': { prefix: 'x'.repeat(101) },
  'annotations/renameTag': { from: 'budget', to: '' },
  'annotations/deleteTag': { tag: ['budget'] },
  'annotations/undoBulkEdit': { undoToken: '' },
  'annotations/list': { filter: { color: 'black' } },
  'meetings/remember': {
    url: 'https://dagsordener.aarhus.dk/vis?id=123',
    platform: null,
    meeting: { punkter: 3 },
  },
  'meetings/get': {},
  'meetings/list': { limit: 0 },
  'follows/follow': { meetingKey: 'k', punktNumber: 1.5 },
  'follows/unfollow': { caseKey: null },
  'follows/undoUnfollow': {},
  'follows/status': { caseKeys: 'a' },
  'follows/list': { limit: -3 },
  'follows/markSeen': { caseKey: 3 },
  'follows/timeline': {},
  'topics/add': { kind: 'colour', value: 'blå' },
  'topics/remove': { id: '' },
  'topics/restore': {},
  'topics/list': null,
  'topics/punkter': { id: 'x', limit: 'all' },
  'search/query': { query: 5 },
  'backup/export': { asText: 'yes' },
  'backup/import': { data: 12, dryRun: true },
  'backup/status': null,
  'backup/markSaved': null,
  'backup/snooze': null,
  'backup/importPart': { transfer: 'not-a-uuid', index: 0, count: 1, text: 'x' },
  'backup/exportPart': { transfer: '00000000-0000-4000-8000-000000000001', index: -1 },
  'meta/get': { key: 'lastPurge' },
  'meta/set': { key: 'persistNoticeShown', value: 'yes' },
  'meta/persistence': null,
};

describe('data routes: senders', () => {
  const h = harness();
  const routes = createDataRoutes(h.deps);

  it('registers exactly the types of the API map', () => {
    expect(Object.keys(routes).sort()).toEqual([...TYPES].sort());
  });

  it('never answers web pages or other extensions', () => {
    for (const type of TYPES) {
      for (const sender of [webPage, foreignExtension, foreignContentScript, {}]) {
        expect(h.router({ type, ...MALFORMED[type] }, sender), `${type}`).toBeNull();
      }
    }
  });

  it('keeps extension-page routes from content scripts and content routes from extension pages', () => {
    for (const type of TYPES) {
      const from = routes[type]!.from;
      const msg = { type, ...MALFORMED[type] };
      if (from === PAGES) expect(h.router(msg, contentScript()), type).toBeNull();
      else expect(h.router(msg, contentScript()), type).not.toBeNull();
      if (from === CONTENT) {
        expect(h.router(msg, popup), type).toBeNull();
        expect(h.router(msg, dashboard), type).toBeNull();
      } else expect(h.router(msg, popup), type).not.toBeNull();
    }
    // Content scripts may not import backups, rename tags or read everything.
    for (const type of [
      'backup/import',
      'backup/importPart',
      'backup/export',
      'backup/exportPart',
      'annotations/renameTag',
      'annotations/deleteTag',
      'annotations/list',
      'search/query',
      'follows/list',
      'follows/timeline',
    ] as const) {
      expect(routes[type]!.from).toEqual(PAGES);
    }
  });

  it('ignores unknown types and non-objects', () => {
    expect(h.router({ type: 'annotations/drop' }, popup)).toBeNull();
    expect(h.router('annotations/upsert', popup)).toBeNull();
    expect(h.router(null, popup)).toBeNull();
  });
});

describe('data routes: validation', () => {
  for (const type of TYPES) {
    const bad = MALFORMED[type];
    if (!bad) continue;
    it(`${type} rejects a malformed payload and writes nothing`, async () => {
      const h = harness();
      const routes = createDataRoutes(h.deps);
      const sender = routes[type]!.from === CONTENT ? contentScript() : popup;
      await expect(h.send({ type, ...bad }, sender)).resolves.toEqual({
        ok: false,
        error: 'invalid-message',
      });
      const counts = await Promise.all(h.db.tables.map((t) => t.count()));
      expect(counts.every((c) => c === 0)).toBe(true);
      h.db.close();
    });
  }

  it('routes without fields accept the bare message', async () => {
    const h = harness();
    await expect(h.send({ type: 'topics/list' }, popup)).resolves.toEqual({ ok: true, topics: [] });
    await expect(h.send({ type: 'meta/persistence' }, contentScript())).resolves.toEqual({
      ok: true,
      persisted: true,
      supported: true,
    });
  });
});
