// Backup and restore of everything (issue 5). Import validates every record with zod, reports a
// dry-run summary, merges without duplicates and is idempotent. The punkt index is derived from
// meetings and rebuilt, not stored in the file.
import { Annotation } from '../model/annotation';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupEnvelope, type BackupV1 } from '../model/backup';
import { Appearance, Follow, MeetingRecord, Topic } from '../model/records';
import type { SagssporDB } from './db';
import { guarded } from './errors';
import { mergeMeeting } from './meetings';
import {
  type AnnotationRow,
  annotationCaseKey,
  fromAnnotationRow,
  isSoftDeleted,
  toAnnotationRow,
} from './rows';
import { CURRENT_VERSION } from './schema';

/** The file is not a Sagsspor backup, or from a newer version: nothing was changed. */
export class BackupFormatError extends Error {
  override readonly name = 'BackupFormatError';
  constructor(
    message: string,
    readonly reason: 'not-json' | 'foreign' | 'newer-version' | 'corrupt',
  ) {
    super(message);
  }
}

export async function exportBackup(db: SagssporDB, now = Date.now()): Promise<BackupV1> {
  return guarded(() =>
    db.transaction('r', [db.annotations, db.meetings, db.appearances, db.follows, db.topics], async () => ({
      format: BACKUP_FORMAT,
      version: 1 as const,
      exportedAt: new Date(now).toISOString(),
      schemaVersion: CURRENT_VERSION,
      annotations: (await db.annotations.toArray()).map(fromAnnotationRow),
      meetings: await db.meetings.toArray(),
      appearances: await db.appearances.toArray(),
      follows: await db.follows.toArray(),
      topics: await db.topics.toArray(),
    })),
  );
}

export interface TableSummary {
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
}
export type ImportSummary = Record<
  'annotations' | 'meetings' | 'appearances' | 'follows' | 'topics',
  TableSummary
> & {
  /** First problems found (table, index, message), for the dry-run screen. */
  problems: Array<{ table: string; index: number; message: string }>;
  dryRun: boolean;
};

/** Upgrades an older backup format's envelope to the current one (add steps as versions appear). */
const FORMAT_UPGRADES: Record<number, (file: BackupEnvelope) => BackupEnvelope> = {};

function parseEnvelope(input: unknown): BackupEnvelope {
  let data = input;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      throw new BackupFormatError('The file is not JSON.', 'not-json');
    }
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupFormatError('The file is not a Sagsspor backup.', 'foreign');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupFormatError(`The backup is from a newer Sagsspor (format ${version}).`, 'newer-version');
  }
  const env = BackupEnvelope.safeParse(data);
  if (!env.success) throw new BackupFormatError('The backup file is damaged.', 'corrupt');
  let file = env.data;
  for (let v = file.version; v < BACKUP_VERSION; v++) {
    const up = FORMAT_UPGRADES[v];
    if (!up) throw new BackupFormatError(`Backup format ${v} cannot be read.`, 'corrupt');
    file = up(file);
  }
  return file;
}

/**
 * Structural equality as JSON sees it (key order ignored, undefined-valued keys absent), without
 * serialising: the idempotency check runs over every stored row of a re-import.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

const same = sameJson;

/** The value at a zod issue's path in `row` (undefined when absent). */
function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = row;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function empty(): TableSummary {
  return { new: 0, updated: 0, unchanged: 0, invalid: 0 };
}

/**
 * Imports a backup (object or JSON text). With `dryRun` nothing is written; the summary says what
 * would happen. Throws `BackupFormatError` (and changes nothing) for a foreign or damaged file.
 */
export async function importBackup(
  db: SagssporDB,
  input: unknown,
  opts: { dryRun?: boolean } = {},
): Promise<ImportSummary> {
  const file = parseEnvelope(input);
  const dryRun = opts.dryRun ?? false;
  const summary: ImportSummary = {
    annotations: empty(),
    meetings: empty(),
    appearances: empty(),
    follows: empty(),
    topics: empty(),
    problems: [],
    dryRun,
  };

  function valid<T>(
    table: keyof Omit<ImportSummary, 'problems' | 'dryRun'>,
    schema: {
      safeParse(x: unknown): {
        success: boolean;
        data?: T;
        error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
      };
    },
    rows: unknown[] | undefined,
    key: (t: T) => string,
  ): T[] {
    const byKey = new Map<string, T>();
    (rows ?? []).forEach((row, index) => {
      const r = schema.safeParse(row);
      if (!r.success) {
        summary[table].invalid++;
        if (summary.problems.length < 50) {
          const issue = r.error?.issues[0];
          // zod/mini says "Invalid input" for a missing field too: say which it is.
          const missing = issue ? valueAt(row, issue.path) === undefined && issue.path.length > 0 : false;
          const what = missing ? 'Invalid input: expected a value, received undefined' : issue?.message;
          summary.problems.push({
            table,
            index,
            message: issue ? `${issue.path.map(String).join('.') || '(root)'}: ${what}` : 'invalid',
          });
        }
        return;
      }
      byKey.set(key(r.data as T), r.data as T); // duplicates in the file: the last one counts
    });
    return [...byKey.values()];
  }

  const annotations = valid('annotations', Annotation, file.annotations, (a: Annotation) => a.id);
  const meetings = valid('meetings', MeetingRecord, file.meetings, (m: MeetingRecord) => m.key);
  const appearances = valid('appearances', Appearance, file.appearances, (a: Appearance) => a.id);
  const follows = valid('follows', Follow, file.follows, (f: Follow) => f.caseKey);
  const topics = valid('topics', Topic, file.topics, (t: Topic) => `${t.kind}\u0000${t.value}`);

  /**
   * Stored rows for these keys: one key-only read finds which exist; then only those are loaded, by
   * key when few, else with one range read (one request instead of one per row: a re-import).
   */
  async function existing<T, K extends string>(
    table: {
      toCollection(): { primaryKeys(): Promise<unknown[]> };
      bulkGet(keys: K[]): Promise<(T | undefined)[]>;
      where(index: ':id'): { between(lo: K, hi: K, incLo: true, incHi: true): { toArray(): Promise<T[]> } };
    },
    keys: K[],
    keyOf: (row: T) => K,
  ): Promise<(T | undefined)[]> {
    const storedKeys = await table.toCollection().primaryKeys();
    const stored = new Set(storedKeys);
    const present = keys.filter((k) => stored.has(k));
    if (!present.length) return keys.map(() => undefined);
    let rows: T[];
    if (present.length * 3 >= storedKeys.length) {
      const sorted = [...present].sort();
      rows = await table
        .where(':id')
        .between(sorted[0]!, sorted[sorted.length - 1]!, true, true)
        .toArray();
    } else rows = (await table.bulkGet(present)).filter((r): r is T => r !== undefined);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k));
  }

  await guarded(() =>
    db.transaction('rw', [db.annotations, db.meetings, db.appearances, db.follows, db.topics], async () => {
      // Every read first, side by side; then the (synchronous) classification; then the writes.
      const [oldA, oldM, oldAp, oldF, oldT] = await Promise.all([
        existing(
          db.annotations,
          annotations.map((a) => a.id),
          (r) => r.id,
        ),
        existing(
          db.meetings,
          meetings.map((m) => m.key),
          (r) => r.key,
        ),
        existing(
          db.appearances,
          appearances.map((a) => a.id),
          (r) => r.id,
        ),
        existing(
          db.follows,
          follows.map((f) => f.caseKey),
          (r) => r.caseKey,
        ),
        topics.length
          ? db.topics
              .where('[kind+value]')
              .anyOf(topics.map((t) => [t.kind, t.value]))
              .toArray()
          : Promise.resolve([] as Topic[]),
      ]);

      // Annotations: by id; the later `modified` wins — except that a note deleted here and live in
      // the backup comes back (restoring a backup is how a deleted note is recovered once its undo
      // is gone; a later edit is kept, a later deletion is not). Counted as updated.
      // `words` is derived from fields compared here (and its tokenizer may change): not compared,
      // and only computed for rows that are written (a dry run or an unchanged row needs none).
      const putA: AnnotationRow[] = [];
      for (const [i, a] of annotations.entries()) {
        const old = oldA[i];
        if (!old) summary.annotations.new++;
        else if (isSoftDeleted(old) && !isSoftDeleted(a)) summary.annotations.updated++;
        else if (
          old.modified > a.modified ||
          same(fromAnnotationRow(old), { ...a, page: { ...a.page, caseKey: annotationCaseKey(a.page) } })
        ) {
          summary.annotations.unchanged++;
          continue;
        } else summary.annotations.updated++;
        if (!dryRun) putA.push(toAnnotationRow(a));
      }

      // Meetings: merged (union of punkter and source URLs).
      const putM: MeetingRecord[] = [];
      for (const [i, m] of meetings.entries()) {
        const old = oldM[i];
        const merged = old
          ? {
              ...mergeMeeting(old, m),
              firstSeen: Math.min(old.firstSeen, m.firstSeen),
              lastSeen: Math.max(old.lastSeen, m.lastSeen),
            }
          : m;
        if (old && same(old, merged)) {
          summary.meetings.unchanged++;
          continue;
        }
        summary.meetings[old ? 'updated' : 'new']++;
        putM.push(merged);
      }

      // Appearances: by id; a visited one beats a printed one.
      const rank = { upcoming: 0, history: 1, visited: 2 } as const;
      const putAp: Appearance[] = [];
      for (const [i, a] of appearances.entries()) {
        const old = oldAp[i];
        if (old && (same(old, a) || rank[old.source] > rank[a.source])) {
          summary.appearances.unchanged++;
          continue;
        }
        summary.appearances[old ? 'updated' : 'new']++;
        putAp.push(old ? { ...a, firstSeen: Math.min(old.firstSeen, a.firstSeen) } : a);
      }

      // Follows: by case; the one with later activity wins.
      const putF: Follow[] = [];
      for (const [i, f] of follows.entries()) {
        const old = oldF[i];
        if (old && (same(old, f) || old.lastActivity > f.lastActivity)) {
          summary.follows.unchanged++;
          continue;
        }
        summary.follows[old ? 'updated' : 'new']++;
        putF.push(f);
      }

      // Topics: by kind and value (ids differ between profiles).
      const putT: Topic[] = [];
      const topicByValue = new Map(oldT.map((t) => [`${t.kind}\u0000${t.value}`, t]));
      for (const t of topics) {
        const old = topicByValue.get(`${t.kind}\u0000${t.value}`);
        if (old && (same(old, t) || old.deletedAt === t.deletedAt)) {
          summary.topics.unchanged++;
          continue;
        }
        summary.topics[old ? 'updated' : 'new']++;
        putT.push(old ? { ...old, deletedAt: t.deletedAt } : t);
      }

      if (dryRun) return;
      await db.annotations.bulkPut(putA);
      await db.meetings.bulkPut(putM);
      await db.appearances.bulkPut(putAp);
      await db.follows.bulkPut(putF);
      await db.topics.bulkPut(putT);
    }),
  );
  return summary;
}
