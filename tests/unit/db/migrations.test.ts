import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  caseTimeline,
  listFollowed,
  listForCase,
  listForPage,
  listMeetings,
  listOrphans,
  listTags,
  meetingForUrl,
  ROW_SCHEMAS,
  SagssporDB,
  SCHEMA_VERSIONS,
  search,
  type TableName,
  topicsWithCounts,
} from '../../../lib/db';
import { declareVersions } from '../../../lib/db/schema';
import { VERSION_FIXTURES } from './version-fixtures';

let n = 0;
const dbName = (v: number) => `sagsspor-migrate-v${v}-${++n}-${crypto.randomUUID()}`;

function without(row: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const copy = { ...row };
  for (const f of fields) delete copy[f];
  return copy;
}

/** Creates a database at schema version `v` (with only that version's stores) and fills it. */
async function createAt(name: string, v: number, tables: Record<string, Record<string, unknown>[]>) {
  const old = new Dexie(name);
  declareVersions(old, v, false);
  await old.open();
  expect(old.verno).toBe(v);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema versions', () => {
  it('are consecutive from 1 and the current class opens at the latest', async () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    const db = new SagssporDB(dbName(0));
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(ROW_SCHEMAS).sort());
    db.close();
  });

  const earlier = SCHEMA_VERSIONS.filter((v) => v.version < CURRENT_VERSION);
  it.each(earlier.map((v) => v.version))('has fixture rows for earlier version %i', (v) => {
    expect(VERSION_FIXTURES[v], `add rows stored by v${v} to version-fixtures.ts`).toBeDefined();
  });

  for (const { version: v } of earlier) {
    it(`upgrades a v${v} database to v${CURRENT_VERSION} without loss`, async () => {
      const fixture = VERSION_FIXTURES[v]!;
      const name = dbName(v);
      await createAt(name, v, fixture.tables);

      const db = new SagssporDB(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_VERSION);
      // Tables a later version deletes held derived data only (see each version's note): gone.
      const deleted = SCHEMA_VERSIONS.filter((x) => x.version > v).flatMap((x) =>
        Object.entries(x.stores)
          .filter(([, spec]) => spec === null)
          .map(([t]) => t),
      );
      for (const table of deleted) expect(db.tables.map((t) => t.name)).not.toContain(table);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        if (deleted.includes(table)) continue;
        const t = db.table(table);
        expect(await t.count(), table).toBe(rows.length);
        const pk = t.schema.primKey.keyPath as string;
        for (const row of rows) {
          const now = await t.get(row[pk] as string);
          expect(now, `${table} ${row[pk]}`).toBeDefined();
          // Every stored field survives (new fields may be added); derived fields may be rewritten.
          expect(now).toMatchObject(without(row, fixture.rewritten[table] ?? []));
        }
      }
      // Every row of every table is valid at the current version.
      for (const table of db.tables) {
        const schema = ROW_SCHEMAS[table.name as TableName];
        for (const row of await table.toArray()) {
          const r = schema.safeParse(row);
          expect(r.success, `${table.name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
        }
      }
      db.close();
    });
  }

  it('v1 → v2 backfills page.caseKey and words, so the new indexes answer', async () => {
    const name = dbName(1);
    await createAt(name, 1, VERSION_FIXTURES[1]!.tables);
    const db = new SagssporDB(name);
    await db.open();
    const a1 = await db.annotations.get('00000000-0000-4000-8000-000000000001');
    expect(a1?.page.caseKey).toBe('aarhus:23-5-85.10.00-P07');
    expect(a1?.words).toContain('23-5-85.10.00-p07');
    expect((await db.annotations.get('00000000-0000-4000-8000-000000000003'))?.page.caseKey).toBe(
      'vejle:vejle|byrådet|2023-03-22#11',
    );
    expect((await db.annotations.get('00000000-0000-4000-8000-000000000004'))?.page.caseKey).toBeNull();

    expect((await listForCase(db, 'aarhus:22/18533')).map((a) => a.quote)).toEqual([
      'Anlægsbudgettet forhøjes med 12,5 mio. kr.',
    ]);
    expect((await search(db, '22/18533 anlæg')).annotations).toHaveLength(1);
    expect((await search(db, 'udvalget godkender')).annotations).toHaveLength(0); // soft-deleted stays hidden
    expect(await listForPage(db, { url: 'https://dagsordener.aarhus.dk/vis?id=7f3a' })).toHaveLength(3);
    expect(await listTags(db)).toEqual([
      { tag: 'Borgerservice', count: 1 },
      { tag: 'Budget', count: 1 },
      { tag: 'Lukket punkt', count: 1 },
      { tag: 'Økonomi', count: 1 },
    ]);
    expect(await db.meta.get('persistNoticeShown')).toEqual({ key: 'persistNoticeShown', value: true });
    // New tables exist and are empty.
    expect(await db.meetings.count()).toBe(0);
    expect(await db.follows.count()).toBe(0);
    db.close();
  });

  it('v2 → v3 → v4 drops the indexes no query reads; every query still answers from the rest', async () => {
    const name = dbName(2);
    await createAt(name, 2, VERSION_FIXTURES[2]!.tables);
    const db = new SagssporDB(name);
    await db.open();
    const indexes = (t: string) =>
      db
        .table(t)
        .schema.indexes.map((i) => i.name)
        .sort();
    expect(indexes('appearances')).toEqual(['caseKey']);
    expect(indexes('annotations')).toEqual([
      'deletedAt',
      'page.caseKey',
      'page.meetingKey',
      'page.url',
      'status',
      'tags',
    ]);
    expect(indexes('meetings')).toEqual(['date', 'sourceUrls']);
    expect(indexes('follows')).toEqual(['lastActivity', 'unfollowedAt']);

    const budget = 'aarhus:24.00.00-G01-16-23';
    expect((await caseTimeline(db, budget)).map((a) => a.date)).toEqual([
      '2024-04-22',
      '2024-05-01',
      '2024-05-15',
    ]);
    expect((await listFollowed(db)).map((f) => f.caseKey)).toEqual([budget]);
    expect((await listMeetings(db)).map((m) => m.date)).toEqual(['2024-05-15', '2024-05-01']);
    expect((await meetingForUrl(db, 'https://dagsordener.aarhus.dk/oek?id=1'))?.committee).toBe(
      'Økonomiudvalget',
    );
    const s = await search(db, 'budget');
    expect(s.punkter.map((p) => p.date)).toEqual(['2024-05-15', '2024-05-01']);
    expect(s.annotations).toHaveLength(1);
    const topics = await topicsWithCounts(db);
    expect(Object.fromEntries(topics.map((t) => [t.topic.value, t.count]))).toEqual({
      cykelsti: 1,
      '24': 2,
      byrådet: 1,
    });
    expect((await listOrphans(db)).map((a) => a.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
    db.close();
  });

  it('reopening at the current version keeps everything', async () => {
    const name = dbName(CURRENT_VERSION);
    const db = new SagssporDB(name);
    await db.meta.put({ key: 'k', value: { a: 1 } });
    db.close();
    const again = new SagssporDB(name);
    expect(await again.meta.get('k')).toEqual({ key: 'k', value: { a: 1 } });
    again.close();
  });
});
