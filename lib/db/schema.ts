// Every schema version, as data: Dexie store definitions plus the upgrade that transforms rows
// written by the version before. Tests iterate over this list and upgrade a database created at
// each earlier version. Never edit a released version: append a new one.
import type { Dexie, Transaction } from 'dexie';
import type { AnnotationRow } from './rows';
import { annotationCaseKey, annotationWords } from './rows';

export interface SchemaVersion {
  version: number;
  /** Dexie `stores()` spec: tables added or changed in this version (null deletes a table). */
  stores: Record<string, string | null>;
  /** Transforms rows of the previous version; runs inside the versionchange transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
  note: string;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    note: 'issue 3: annotations (soft delete, words index) and meta',
    stores: {
      annotations:
        'id, page.url, page.meetingKey, page.municipality, *tags, color, modified, status, deletedAt, *words',
      meta: 'key',
    },
  },
  {
    version: 2,
    note: 'issue 4: remembered meetings, appearances, follows, topics, punkt index; annotations get page.caseKey',
    stores: {
      annotations:
        'id, page.url, page.meetingKey, page.caseKey, page.municipality, *tags, color, modified, status, deletedAt, *words',
      meetings: 'key, municipality, committee, date, lastSeen, *sourceUrls',
      appearances: 'id, caseKey, meetingKey, seenIn, date, [caseKey+date], [caseKey+meetingKey]',
      follows: 'caseKey, municipality, lastActivity, unfollowedAt',
      topics: 'id, kind, &[kind+value]',
      punktIndex: 'id, meetingKey, caseKey, municipality, committee, date, kleGroup, *words',
    },
    upgrade: async (tx) => {
      // v1 rows have no page.caseKey, and their words lack the case number's tokens.
      await tx
        .table<AnnotationRow>('annotations')
        .toCollection()
        .modify((row) => {
          row.page.caseKey = annotationCaseKey(row.page);
          row.words = annotationWords(row);
        });
    },
  },
  {
    version: 3,
    note: 'issue 5: drop indexes no query reads (every index entry is a write on import and visit)',
    stores: {
      // annotations unchanged: every index is read (page.*, tags, color, modified, status, deletedAt, words).
      meetings: 'key, date, *sourceUrls',
      appearances: 'id, caseKey',
      follows: 'caseKey, lastActivity, unfollowedAt',
      punktIndex: 'id, meetingKey, committee, kleGroup, *words',
    },
  },
  {
    version: 4,
    note: 'issue 5: search and topics from the in-memory index only; the *words indexes and the derived punkt index were more than half of every bulk write',
    stores: {
      // `words` stays in the rows (the in-memory index is built from it without tokenising).
      // modified (read only by the old search path), color and page.municipality (dashboard filters
      // that read as much as its unfiltered list: filtered in memory) go too.
      annotations: 'id, page.url, page.meetingKey, page.caseKey, *tags, status, deletedAt',
      // Derived from meetings: the in-memory index reads the meetings instead.
      punktIndex: null,
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declares versions 1..`upTo` on a Dexie instance (all of them by default). */
export function declareVersions(db: Dexie, upTo = CURRENT_VERSION, withUpgrades = true): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (withUpgrades && v.upgrade) declared.upgrade(v.upgrade);
  }
}
