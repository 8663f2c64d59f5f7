// The Sagsspor database. The background owns it and is its only writer.
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { Appearance, Follow, MeetingRecord, MetaEntry, Topic } from '../model/records';
import type { AnnotationRow } from './rows';
import { declareVersions } from './schema';
import { forgetSearchMemory, searchMemoryMiddleware } from './search-memory';

export const DB_NAME = 'sagsspor';

export class SagssporDB extends Dexie {
  annotations!: EntityTable<AnnotationRow, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  meetings!: EntityTable<MeetingRecord, 'key'>;
  appearances!: EntityTable<Appearance, 'id'>;
  follows!: EntityTable<Follow, 'caseKey'>;
  topics!: EntityTable<Topic, 'id'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    declareVersions(this);
    // Keeps the in-memory search index current on every write made through this instance.
    this.use(searchMemoryMiddleware(this));
    // Closed from outside (deleted, upgraded elsewhere): what the index holds may be gone.
    this.on('close', () => forgetSearchMemory(this));
  }
}

/** Opens (and upgrades) the database. Pass `{ indexedDB, IDBKeyRange }` in options to use another IndexedDB. */
export async function openDb(name: string = DB_NAME, options?: DexieOptions): Promise<SagssporDB> {
  const db = new SagssporDB(name, options);
  await db.open();
  return db;
}
