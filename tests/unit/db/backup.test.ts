import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addTopic,
  BackupFormatError,
  createOrUpdateAnnotation,
  exportBackup,
  follow,
  getAnnotation,
  importBackup,
  rememberMeeting,
  search,
  softDelete,
} from '../../../lib/db';
import { annotation, freshDb, meeting, punkt, T0, uuid } from './helpers';

async function populated() {
  const db = await freshDb();
  await rememberMeeting(db, {
    meeting: meeting('Økonomiudvalget', '2024-05-01', [
      punkt(1, 'Budgetopfølgning', '24.00.00-G01-16-23', {
        history: [{ body: 'Magistraten', date: '2024-04-22', punkt: 5, text: 'Magistraten 22-04-2024' }],
      }),
      punkt(2, 'Cykelsti langs Viborgvej', null),
    ]),
    url: 'https://dagsordener.aarhus.dk/oek?id=1',
    now: T0,
  });
  await follow(
    db,
    {
      caseKey: 'aarhus:24.00.00-G01-16-23',
      municipality: 'Aarhus',
      caseNumber: '24.00.00-G01-16-23',
      title: 'Budgetopfølgning',
    },
    T0,
  );
  await createOrUpdateAnnotation(db, annotation(1, { note: 'Følg op', tags: ['Budget'] }));
  await createOrUpdateAnnotation(db, annotation(2, { color: 'pink' }));
  await softDelete(db, uuid(2), T0 + 99);
  await addTopic(db, 'phrase', 'cykelsti', T0);
  return db;
}

const withoutStamp = ({ exportedAt: _e, ...rest }: { exportedAt: string }) => rest;

describe('backup', () => {
  it('round-trips everything into a fresh database, identically; the punkt index is rebuilt', async () => {
    const src = await populated();
    const file = await exportBackup(src, T0);
    expect(file).toMatchObject({
      format: 'sagsspor-backup',
      version: 1,
      exportedAt: new Date(T0).toISOString(),
    });
    expect(file.annotations).toHaveLength(2);
    expect(JSON.stringify(file)).not.toContain('"words"');

    const dst = await freshDb();
    const dry = await importBackup(dst, JSON.stringify(file), { dryRun: true });
    expect(dry.annotations).toEqual({ new: 2, updated: 0, unchanged: 0, invalid: 0 });
    expect(dry.meetings.new).toBe(1);
    expect(await dst.annotations.count()).toBe(0);

    const real = await importBackup(dst, JSON.parse(JSON.stringify(file)));
    expect(real.dryRun).toBe(false);
    expect(real.appearances.new).toBe(file.appearances.length);
    expect(withoutStamp(await exportBackup(dst))).toEqual(withoutStamp(file));
    // Search and topics answer the same from the restored profile.
    expect((await search(dst, 'cykelsti')).punkter).toEqual((await search(src, 'cykelsti')).punkter);
    expect((await search(dst, 'cykelsti viborg')).punkter).toHaveLength(1);

    // Idempotent.
    const again = await importBackup(dst, file);
    for (const t of ['annotations', 'meetings', 'appearances', 'follows', 'topics'] as const) {
      expect(again[t], t).toEqual({ new: 0, updated: 0, unchanged: file[t].length, invalid: 0 });
    }
  });

  it('merges: newer local edits win, newer backup edits update, invalid records are counted and skipped', async () => {
    const db = await populated();
    const file = await exportBackup(db, T0);
    await createOrUpdateAnnotation(db, { ...annotation(1), note: 'lokal, nyere', modified: T0 + 10_000 });
    const a3 = { ...file.annotations[0]!, id: uuid(3), note: 'kun i backup' };
    const newer1 = { ...file.annotations[0]!, note: 'backup, ældre' };
    const r = await importBackup(db, {
      ...file,
      annotations: [newer1, a3, { ...a3, id: 'x', color: 'orange' }, { nonsense: true }],
    });
    expect(r.annotations).toEqual({ new: 1, updated: 0, unchanged: 1, invalid: 2 });
    expect(r.problems.map((p) => [p.table, p.index])).toEqual([
      ['annotations', 2],
      ['annotations', 3],
    ]);
    expect((await getAnnotation(db, uuid(1)))?.note).toBe('lokal, nyere');
    expect((await getAnnotation(db, uuid(3)))?.note).toBe('kun i backup');

    const later = { ...a3, note: 'opdateret', modified: T0 + 20_000 };
    expect((await importBackup(db, { ...file, annotations: [later] })).annotations.updated).toBe(1);
  });

  it('says which problems are missing fields and which are invalid ones', async () => {
    const db = await populated();
    const file = await exportBackup(db, T0);
    const [first] = file.annotations;
    const { color: _c, ...noColor } = first!;
    const r = await importBackup(
      await freshDb(),
      { ...file, annotations: [noColor, { ...first!, id: uuid(77), color: 'orange' }] },
      { dryRun: true },
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'color: Invalid input: expected a value, received undefined',
      'color: Invalid input',
    ]);
  });

  it('brings back a note deleted after the backup was made (and says so in the dry run)', async () => {
    const db = await populated();
    const file = await exportBackup(db, T0);
    const live = file.annotations.find((a) => a.deletedAt === null)!;
    await softDelete(db, live.id, T0 + 50_000);
    expect((await getAnnotation(db, live.id))?.deletedAt).toBe(T0 + 50_000);
    const dry = await importBackup(db, file, { dryRun: true });
    expect(dry.annotations.updated).toBe(1);
    expect((await getAnnotation(db, live.id))?.deletedAt).toBe(T0 + 50_000);
    const real = await importBackup(db, file);
    expect(real.annotations.updated).toBe(1);
    expect(await getAnnotation(db, live.id)).toEqual(live);
    // Importing again changes nothing.
    const again = await importBackup(db, file);
    expect(again.annotations.updated).toBe(0);
  });

  it('rejects foreign, damaged, non-JSON and newer files without changing anything', async () => {
    const db = await populated();
    const before = await exportBackup(db, T0);
    const cases: Array<[unknown, string]> = [
      ['{"not": "ours"', 'not-json'],
      [{ format: 'hypothesis', rows: [] }, 'foreign'],
      [[1, 2, 3], 'foreign'],
      [{ format: 'sagsspor-backup', version: 1, exportedAt: 'x', annotations: 'oops' }, 'corrupt'],
      [{ ...before, version: 99 }, 'newer-version'],
    ];
    for (const [input, reason] of cases) {
      const err = await importBackup(db, input).catch((e) => e);
      expect(err, reason).toBeInstanceOf(BackupFormatError);
      expect(err.reason).toBe(reason);
    }
    expect(withoutStamp(await exportBackup(db, T0))).toEqual(withoutStamp(before));
  });
});
