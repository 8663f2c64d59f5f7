import { describe, expect, it, vi } from 'vitest';
import {
  badgeForNew,
  badgeTotalNew,
  newBadgeText,
  startData,
  toDataError,
} from '../../../entrypoints/background/data';
import { notificationText } from '../../../entrypoints/background/data/notify';
import { BackupFormatError, InvalidRecordError, StorageFullError } from '../../../lib/db';
import { slimMeeting } from '../../../lib/messages/data';
import type { Appearance } from '../../../lib/model/records';
import { annotation, meeting, punkt, uuid } from '../db/helpers';
import { contentScript, dashboard, harness, popup } from './helpers';

async function seed(h: ReturnType<typeof harness>) {
  const m = meeting('Økonomiudvalget', '2024-05-01', [punkt(3, 'Skolestruktur 2025', '24.00.00-G01-16-23')]);
  const r = await h.send(
    {
      type: 'meetings/remember',
      url: 'https://dagsordener.aarhus.dk/vis?id=123',
      platform: null,
      meeting: slimMeeting(m),
    },
    contentScript(),
  );
  await h.send({ type: 'follows/follow', meetingKey: r.meetingKey, punktNumber: 3 }, contentScript());
  await h.send({ type: 'topics/add', kind: 'phrase', value: 'skole' }, popup);
  for (const n of [1, 2, 3]) {
    await h.send(
      { type: 'annotations/upsert', annotation: annotation(n, { tags: ['budget'] }) },
      contentScript(),
    );
  }
}

async function counts(h: ReturnType<typeof harness>) {
  return Object.fromEntries(await Promise.all(h.db.tables.map(async (t) => [t.name, await t.count()])));
}

const stored = (n: number) => ({ ...annotation(n), status: 'anchored', deletedAt: null });

describe('backup routes', () => {
  it('exports, dry-runs an import without writing, applies it, and is idempotent', async () => {
    const src = harness();
    await seed(src);
    const exported = await src.send({ type: 'backup/export' }, dashboard);
    expect(exported.backup).toMatchObject({ format: 'sagsspor-backup', version: 1 });
    expect(exported.backup.annotations).toHaveLength(3);
    const text = (await src.send({ type: 'backup/export', asText: true }, dashboard)).text;
    expect(JSON.parse(text)).toEqual(exported.backup);

    const dst = harness();
    const dry = await dst.send({ type: 'backup/import', data: text, dryRun: true }, dashboard);
    expect(dry.summary).toMatchObject({
      dryRun: true,
      annotations: { new: 3, updated: 0, unchanged: 0, invalid: 0 },
      meetings: { new: 1 },
      follows: { new: 1 },
      topics: { new: 1 },
    });
    expect(Object.values(await counts(dst)).every((c) => c === 0)).toBe(true);

    const applied = await dst.send(
      { type: 'backup/import', data: exported.backup, dryRun: false },
      dashboard,
    );
    expect(applied.summary.annotations).toEqual({ new: 3, updated: 0, unchanged: 0, invalid: 0 });
    const after = await counts(dst);
    expect(after).toMatchObject({ annotations: 3, meetings: 1, follows: 1, topics: 1 });
    expect(Object.keys(after).sort()).toEqual([
      'annotations',
      'appearances',
      'follows',
      'meetings',
      'meta',
      'topics',
    ]);

    const again = await dst.send({ type: 'backup/import', data: text, dryRun: false }, dashboard);
    for (const table of ['annotations', 'meetings', 'appearances', 'follows', 'topics'] as const) {
      expect(again.summary[table].new + again.summary[table].updated, table).toBe(0);
    }
    expect(await counts(dst)).toEqual(after);
    const roundTrip = await dst.send({ type: 'backup/export' }, dashboard);
    expect({ ...roundTrip.backup, exportedAt: '' }).toEqual({ ...exported.backup, exportedAt: '' });
  });

  it('counts invalid records and answers clear codes for foreign or damaged files, changing nothing', async () => {
    const h = harness();
    const file = {
      format: 'sagsspor-backup',
      version: 1,
      exportedAt: '2026-11-26T09:00:00.000Z',
      annotations: [stored(1), { ...stored(2), color: 'black' }],
    };
    const dry = await h.send({ type: 'backup/import', data: file, dryRun: true }, dashboard);
    expect(dry.summary.annotations).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 1 });
    expect(dry.summary.problems[0]).toMatchObject({ table: 'annotations', index: 1 });

    const cases: Array<[unknown, string]> = [
      ['{ not json', 'not-json'],
      [{ hello: 'world' }, 'foreign'],
      [{ ...file, version: 99 }, 'newer-version'],
      [{ ...file, annotations: 'many' }, 'corrupt'],
    ];
    for (const [data, reason] of cases) {
      await expect(h.send({ type: 'backup/import', data, dryRun: false }, dashboard)).resolves.toMatchObject({
        ok: false,
        error: 'backup-format',
        reason,
      });
    }
    expect(await h.db.annotations.count()).toBe(0);
  });
});

describe('errors', () => {
  it('maps a full disk to storage-full, and the client can resend the same write later', async () => {
    const h = harness();
    await h.db.open();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(h.db.annotations, 'put').mockRejectedValueOnce(quota);
    const a = annotation(1);
    await expect(
      h.send({ type: 'annotations/upsert', annotation: a }, contentScript()),
    ).resolves.toMatchObject({
      ok: false,
      error: 'storage-full',
    });
    expect(await h.db.annotations.count()).toBe(0);
    put.mockRestore();
    await expect(
      h.send({ type: 'annotations/upsert', annotation: a }, contentScript()),
    ).resolves.toMatchObject({
      ok: true,
      applied: true,
    });
  });

  it('answers failed (never rejects) when the database cannot be used', async () => {
    const h = harness();
    const router = (await import('../../../entrypoints/background/data')).createDataRouter({
      ...h.deps,
      db: () => {
        throw new Error('IndexedDB unavailable');
      },
    });
    await expect(router({ type: 'follows/list' }, popup)).resolves.toEqual({
      ok: false,
      error: 'failed',
      message: 'IndexedDB unavailable',
    });
  });

  it('toDataError covers every typed error', () => {
    expect(toDataError(new StorageFullError())).toMatchObject({ ok: false, error: 'storage-full' });
    expect(toDataError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatchObject({
      error: 'storage-full',
    });
    expect(toDataError(new InvalidRecordError('annotation', []))).toMatchObject({ error: 'invalid-message' });
    expect(toDataError(new BackupFormatError('x', 'foreign'))).toMatchObject({
      error: 'backup-format',
      reason: 'foreign',
    });
    expect(toDataError('boom')).toEqual({ ok: false, error: 'failed', message: 'boom' });
  });
});

describe('meta, persistence, startup', () => {
  it('reads and writes only the known flags', async () => {
    const h = harness();
    expect(await h.send({ type: 'meta/get', key: 'persistNoticeShown' }, contentScript())).toEqual({
      ok: true,
      key: 'persistNoticeShown',
      value: false,
    });
    await h.send({ type: 'meta/set', key: 'persistNoticeShown', value: true }, contentScript());
    expect((await h.send({ type: 'meta/get', key: 'persistNoticeShown' }, popup)).value).toBe(true);
    await expect(h.send({ type: 'meta/set', key: 'lastPurge', value: true }, popup)).resolves.toEqual({
      ok: false,
      error: 'invalid-message',
    });
  });

  it('startup asks for persistent storage, purges old soft deletes and sets the badge total', async () => {
    const h = harness();
    await h.send({ type: 'annotations/upsert', annotation: annotation(1) }, contentScript());
    await h.send({ type: 'annotations/upsert', annotation: annotation(2) }, contentScript());
    await h.send({ type: 'annotations/delete', id: uuid(1) }, contentScript());
    await startData(h.deps, h.now.value + 31 * 24 * 3600 * 1000);
    expect(h.deps.persistence).toHaveBeenCalled();
    expect((await h.db.meta.get('persistence'))?.value).toMatchObject({ persisted: true, supported: true });
    expect(await h.db.annotations.count()).toBe(1);
    expect(h.deps.badge.setTotal).toHaveBeenCalledWith(0);
    // Never throws, even when everything fails.
    await expect(
      startData({ ...h.deps, db: () => h.db, persistence: async () => Promise.reject(new Error('x')) }),
    ).resolves.toBeUndefined();
  });
});

describe('badge and notification helpers', () => {
  it('marks a tab with new appearances and shows the total globally', async () => {
    const action = {
      setBadgeText: vi.fn(),
      setBadgeBackgroundColor: vi.fn(),
      setTitle: vi.fn(),
    };
    await badgeForNew(8, 2, action);
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 8, text: '+2' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 8, color: expect.any(String) });
    expect(action.setTitle.mock.calls[0]![0]).toMatchObject({ tabId: 8 });
    await badgeTotalNew(0, action);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    await badgeTotalNew(3, action);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '3' });
    expect(newBadgeText(250)).toBe('+99');
  });

  it('writes a short notification text', () => {
    const a = (n: number): Appearance => ({
      id: `c@m#${n}`,
      caseKey: 'c',
      meetingKey: 'm',
      punktNumber: n,
      municipality: 'Aarhus',
      date: '2024-05-15',
      committee: 'Byrådet',
      title: `Sag ${n}`,
      decision: null,
      deepLink: null,
      text: null,
      source: 'visited',
      seenIn: 'm',
      firstSeen: 0,
    });
    expect(notificationText([a(1)]).message).toBe('Sag 1 — Byrådet, 2024-05-15');
    const many = notificationText([1, 2, 3, 4, 5].map(a));
    expect(many.message.split('\n')).toHaveLength(4);
    expect(many.title).toContain('5');
  });
});

describe('persistence', () => {
  it('asks where persist() exists, and reports persisted() in a service worker', async () => {
    const { persistence } = await import('../../../entrypoints/background/data');
    const persist = vi.fn(async () => true);
    expect(await persistence({ persist, persisted: async () => false })).toEqual({
      persisted: true,
      supported: true,
    });
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await persistence({ persisted: async () => true })).toEqual({ persisted: true, supported: true });
    expect(await persistence({})).toEqual({ persisted: false, supported: false });
  });
});

describe('backup reminder routes', () => {
  it('report and record the last backup for extension pages only', async () => {
    const h = harness();
    await h.send({ type: 'annotations/upsert', annotation: annotation(1) }, contentScript());
    expect((await h.send({ type: 'backup/status' }, popup)).status).toMatchObject({
      lastBackupAt: null,
      annotations: 1,
      due: true,
    });
    expect(h.router({ type: 'backup/markSaved' }, contentScript())).toBeNull();
    const saved = await h.send({ type: 'backup/markSaved' }, dashboard);
    expect(saved.status).toMatchObject({ lastBackupAt: h.now.value, due: false });
    const snoozed = await h.send({ type: 'backup/snooze' }, popup);
    expect(snoozed.status.snoozedUntil).toBeGreaterThan(h.now.value);
  });
});
