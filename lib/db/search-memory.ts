// The search index: an in-memory inverted index over the `words` of annotations and of the punkter
// of remembered meetings (the only search index since schema v4, which dropped the `*words`
// IndexedDB indexes and the stored punkt index: they cost more than half of every bulk write — see
// README). It also answers committee and KLE topics.
//
// Built once per database object from one read transaction (`buildSearchMemory`, started by
// `warmSearch` when a popup or dashboard connects, or by the first search), then kept current IN
// PLACE by a DBCore middleware (`searchMemoryMiddleware`) that sees every mutation made through this
// Dexie instance — the background's, the one writer — and applies it to the index as the request
// succeeds: a write costs a few map operations, never a re-read. Requests of a transaction that
// later aborts, and range deletes (whose rows are unknown), mark the table's part stale; a stale
// part is read again on the next search. A build overlapping a write is not installed (generation
// counters), so no search ever reads an index older than the data.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction, Middleware } from 'dexie';
import type { MeetingRecord } from '../model/records';
import type { SagssporDB } from './db';
import { committeeTopicKey } from './keys';
import { punktRows } from './meetings';
import { isSoftDeleted } from './rows';

type TableName = 'annotations' | 'meetings';
const TABLES: readonly TableName[] = ['annotations', 'meetings'];

/**
 * Word → rows, kept in place. Rows get integer slots and each word a plain array of slots (about
 * 4 bytes per entry, a third of a Set's): an update or delete only marks the old slot dead, and
 * dead entries are dropped in one pass once they outnumber the live ones. `vocab` is the sorted word
 * list, rebuilt lazily after a new word appears.
 */
export class Postings {
  private readonly slotOfId = new Map<string, number>();
  /** Per slot its row id, or null once dead. */
  private idOfSlot: Array<string | null> = [];
  /** Per slot its number of words (entries to count as dead when it dies). */
  private wordsOfSlot: number[] = [];
  private lists = new Map<string, number[]>();
  private liveEntries = 0;
  private deadEntries = 0;
  private sorted: string[] | null = null;

  get size(): number {
    return this.slotOfId.size;
  }

  has(id: string): boolean {
    return this.slotOfId.has(id);
  }

  set(id: string, words: readonly string[]): void {
    this.remove(id);
    const slot = this.idOfSlot.length;
    this.idOfSlot.push(id);
    this.wordsOfSlot.push(words.length);
    this.slotOfId.set(id, slot);
    this.liveEntries += words.length;
    for (const w of words) {
      const list = this.lists.get(w);
      if (list) list.push(slot);
      else {
        this.lists.set(w, [slot]);
        this.sorted = null;
      }
    }
  }

  remove(id: string): void {
    const slot = this.slotOfId.get(id);
    if (slot === undefined) return;
    this.slotOfId.delete(id);
    this.idOfSlot[slot] = null;
    this.liveEntries -= this.wordsOfSlot[slot]!;
    // A row without words still leaves a dead slot: count it, so compaction also frees slots.
    this.deadEntries += Math.max(1, this.wordsOfSlot[slot]!);
    if (this.deadEntries > 4096 && this.deadEntries > this.liveEntries) this.compact();
  }

  /** Drops dead slots and the words no live row holds; renumbers the slots. */
  private compact(): void {
    const newSlot = new Int32Array(this.idOfSlot.length).fill(-1);
    const ids: string[] = [];
    const counts: number[] = [];
    this.idOfSlot.forEach((id, slot) => {
      if (id === null) return;
      newSlot[slot] = ids.length;
      this.slotOfId.set(id, ids.length);
      ids.push(id);
      counts.push(this.wordsOfSlot[slot]!);
    });
    const lists = new Map<string, number[]>();
    for (const [w, list] of this.lists) {
      const kept: number[] = [];
      for (const slot of list) if (newSlot[slot]! >= 0) kept.push(newSlot[slot]!);
      if (kept.length) lists.set(w, kept);
    }
    if (lists.size !== this.lists.size) this.sorted = null;
    this.lists = lists;
    this.idOfSlot = ids;
    this.wordsOfSlot = counts;
    this.deadEntries = 0;
  }

  /** The sorted vocabulary (IndexedDB's string order: code units); may hold words of dead rows. */
  vocab(): readonly string[] {
    if (!this.sorted) this.sorted = [...this.lists.keys()].sort();
    return this.sorted;
  }

  /** Number of live (word, row) entries (tests, size estimates). */
  entries(): number {
    return this.liveEntries;
  }

  /** Ids of live rows holding a word that starts with `prefix`. */
  idsWithPrefix(prefix: string, into: Set<string> = new Set()): Set<string> {
    const vocab = this.vocab();
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocab[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < vocab.length && vocab[i]!.startsWith(prefix); i++) {
      for (const slot of this.lists.get(vocab[i]!)!) {
        const id = this.idOfSlot[slot];
        if (id !== null && id !== undefined) into.add(id);
      }
    }
    return into;
  }
}

/** Rows matching every token (as a prefix of one of their words). */
export function memoryMatches(p: Postings, tokens: readonly string[]): Set<string> {
  if (!tokens.length) return new Set();
  const sets = tokens.map((t) => p.idsWithPrefix(t)).sort((a, b) => a.size - b.size);
  const [first, ...rest] = sets;
  const out = new Set<string>();
  for (const id of first!) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

/** What the index keeps of a remembered meeting: its punkt ids and what topics match on. */
export interface MeetingEntry {
  /** `committeeTopicKey(committee)`, for committee topics. */
  committee: string | null;
  /** Punkt ids (`punktIndexId`), in punkt order. */
  ids: string[];
  /** KLE main group per punkt (same order as `ids`). */
  kle: Array<string | null>;
}

/** The punkter of every remembered meeting (search results and topics). */
export interface PunktMemory {
  /** Words of each punkt, by `punktIndexId`. */
  punkt: Postings;
  meetings: Map<string, MeetingEntry>;
}

export interface SearchMemory extends PunktMemory {
  /** Live annotations only (soft-deleted ones are left out). */
  ann: Postings;
  /** Live annotations: id → modified, for newest-first order. */
  modified: Map<string, number>;
}

interface AnnPart {
  postings: Postings;
  modified: Map<string, number>;
}

interface PunktPart {
  postings: Postings;
  meetings: Map<string, MeetingEntry>;
}

interface State {
  /** Bumped by every mutation of the table (a build that overlaps one is not installed). */
  gens: Record<TableName, number>;
  ann: AnnPart | null;
  punkt: PunktPart | null;
  building: { ann: Promise<AnnPart | null> | null; punkt: Promise<PunktPart | null> | null };
}

const states = new WeakMap<SagssporDB, State>();

function stateOf(db: SagssporDB): State {
  let s = states.get(db);
  if (!s) {
    s = {
      gens: { annotations: 0, meetings: 0 },
      ann: null,
      punkt: null,
      building: { ann: null, punkt: null },
    };
    states.set(db, s);
  }
  return s;
}

interface AnnotationLike {
  id: string;
  words: readonly string[];
  modified: number;
  deletedAt?: number | null;
}

function putAnnotation(part: AnnPart, row: AnnotationLike): void {
  if (isSoftDeleted(row)) {
    part.postings.remove(row.id);
    part.modified.delete(row.id);
  } else {
    part.postings.set(row.id, row.words);
    part.modified.set(row.id, row.modified);
  }
}

function removeMeeting(part: PunktPart, key: string): void {
  const entry = part.meetings.get(key);
  if (!entry) return;
  for (const id of entry.ids) part.postings.remove(id);
  part.meetings.delete(key);
}

function putMeeting(part: PunktPart, rec: MeetingRecord): void {
  removeMeeting(part, rec.key);
  // One entry per punkt id (a record with a repeated number holds one punkt, as a stored row did).
  const rows = [...new Map(punktRows(rec).map((r) => [r.id, r])).values()];
  for (const r of rows) part.postings.set(r.id, r.words);
  part.meetings.set(rec.key, {
    committee: rec.committee ? committeeTopicKey(rec.committee) : null,
    ids: rows.map((r) => r.id),
    kle: rows.map((r) => r.kleGroup),
  });
}

/** Drops the table's part: it is read again on the next search. */
function markStale(s: State, table: TableName): void {
  s.gens[table] += 1;
  if (table === 'annotations') s.ann = null;
  else s.punkt = null;
}

/** Applies one successful mutation to the table's part (if built). */
function apply(s: State, table: TableName, req: DBCoreMutateRequest, res: DBCoreMutateResponse): void {
  s.gens[table] += 1;
  const part = table === 'annotations' ? s.ann : s.punkt;
  if (!part) return;
  const failed = (i: number) => res.failures[i] !== undefined;
  if (req.type === 'add' || req.type === 'put') {
    for (let i = 0; i < req.values.length; i++) {
      if (failed(i)) continue;
      const row = req.values[i] as (AnnotationLike & MeetingRecord) | undefined;
      const known =
        table === 'annotations'
          ? typeof row?.id === 'string' && Array.isArray(row.words)
          : typeof row?.key === 'string' && Array.isArray(row.punkter);
      if (!known) {
        markStale(s, table); // not a row this index knows how to read: read the table again
        return;
      }
      if (table === 'annotations') putAnnotation(part as AnnPart, row!);
      else putMeeting(part as PunktPart, row!);
    }
  } else if (req.type === 'delete') {
    for (let i = 0; i < req.keys.length; i++) {
      const key = req.keys[i];
      if (failed(i) || typeof key !== 'string') continue;
      if (table === 'annotations') {
        (part as AnnPart).postings.remove(key);
        (part as AnnPart).modified.delete(key);
      } else removeMeeting(part as PunktPart, key);
    }
  } else {
    // deleteRange (clear(), Collection.delete() over a key range): which rows is unknown.
    markStale(s, table);
  }
}

const watchedTransactions = new WeakSet<DBCoreTransaction>();

/** Marks the touched tables stale if the transaction aborts (its applied requests never happened). */
function watchAbort(s: State, trans: DBCoreTransaction, table: TableName): void {
  if (watchedTransactions.has(trans)) return;
  watchedTransactions.add(trans);
  const idb = trans as unknown as Partial<IDBTransaction>;
  idb.addEventListener?.('abort', () => {
    // Which of the two tables this transaction wrote is not tracked per table: drop both parts
    // that it could have touched (a rare path: aborts only come from errors).
    for (const t of TABLES) if (t === table || idb.objectStoreNames?.contains(t)) markStale(s, t);
  });
}

/**
 * The DBCore middleware that keeps a database's search index current. `SagssporDB` installs it
 * on itself; every mutation of `annotations` and `meetings` passes through it.
 */
export function searchMemoryMiddleware(db: SagssporDB): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SagssporSearchMemory',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!(TABLES as readonly string[]).includes(name)) return table;
        const tableName = name as TableName;
        return {
          ...table,
          mutate: async (req) => {
            const s = stateOf(db);
            // A build that starts now reads a snapshot without this request: not installable.
            s.gens[tableName] += 1;
            watchAbort(s, req.trans, tableName);
            let res: DBCoreMutateResponse;
            try {
              res = await table.mutate(req);
            } catch (e) {
              // Some requests of a bulk may have been issued (and may commit): read it again.
              markStale(s, tableName);
              throw e;
            }
            try {
              apply(s, tableName, req, res);
            } catch {
              markStale(s, tableName); // the write stands; the index is read again
            }
            return res;
          },
        };
      },
    }),
  };
}

/**
 * Forgets the index of `db` (both parts are read again on the next search). `SagssporDB` calls it
 * when the connection is closed from outside (database deleted or upgraded elsewhere).
 */
export function forgetSearchMemory(db: SagssporDB): void {
  const s = states.get(db);
  if (!s) return;
  markStale(s, 'annotations');
  markStale(s, 'meetings');
}

/** The current index of `db`, or null when a part is not built (or was dropped). */
export function currentSearchMemory(db: SagssporDB): SearchMemory | null {
  const s = states.get(db);
  if (!s?.ann || !s.punkt) return null;
  return {
    ann: s.ann.postings,
    modified: s.ann.modified,
    punkt: s.punkt.postings,
    meetings: s.punkt.meetings,
  };
}

/**
 * Builds the missing parts of the index from one read transaction (unless a build is running) and
 * installs each part only if no write to its table happened meanwhile. Returns the index it built —
 * consistent with its snapshot even when a concurrent write kept it from being installed — or null
 * if the database could not be read. Never throws.
 */
/** Builds one part from its own read transaction (unless it is built or being built). Never throws. */
function ensurePart<K extends 'ann' | 'punkt'>(db: SagssporDB, s: State, key: K): Promise<State[K]> {
  const built = s[key];
  if (built) return Promise.resolve(built);
  const running = s.building[key];
  if (running) return running as Promise<State[K]>;
  const table: TableName = key === 'ann' ? 'annotations' : 'meetings';
  const gen = s.gens[table];
  const p = (async (): Promise<AnnPart | PunktPart | null> => {
    try {
      let part: AnnPart | PunktPart;
      if (key === 'ann') {
        const rows = await db.annotations.toArray();
        const ann: AnnPart = { postings: new Postings(), modified: new Map() };
        for (const r of rows) if (!isSoftDeleted(r)) putAnnotation(ann, r);
        part = ann;
      } else {
        const rows = await db.meetings.toArray();
        const punkt: PunktPart = { postings: new Postings(), meetings: new Map() };
        for (const m of rows) putMeeting(punkt, m);
        part = punkt;
      }
      // A write since the read began: the part is not installed (it still answers its caller).
      if (s.gens[table] === gen) (s as Record<K, unknown>)[key] = part;
      return part;
    } catch {
      return null;
    } finally {
      s.building[key] = null;
    }
  })();
  (s.building as Record<K, Promise<AnnPart | PunktPart | null> | null>)[key] = p;
  return p as Promise<State[K]>;
}

/**
 * Builds the missing parts of the index (each from one read transaction, side by side) and installs
 * each only if no write to its table happened meanwhile. Returns the index it built — consistent
 * with its snapshots even when a concurrent write kept a part from being installed — or null if the
 * database could not be read. Never throws.
 */
export async function buildSearchMemory(db: SagssporDB): Promise<SearchMemory | null> {
  const s = stateOf(db);
  const [ann, punkt] = await Promise.all([ensurePart(db, s, 'ann'), ensurePart(db, s, 'punkt')]);
  if (!ann || !punkt) return null;
  return { ann: ann.postings, modified: ann.modified, punkt: punkt.postings, meetings: punkt.meetings };
}

/** The index to answer from: the current one, else a fresh build (retried once if raced). */
export async function searchMemoryFor(db: SagssporDB): Promise<SearchMemory | null> {
  return currentSearchMemory(db) ?? (await buildSearchMemory(db)) ?? (await buildSearchMemory(db));
}

/** The punkter part alone (topics): no need to read every annotation for it. */
export async function punktMemoryFor(db: SagssporDB): Promise<PunktMemory | null> {
  const s = stateOf(db);
  const part = (await ensurePart(db, s, 'punkt')) ?? (await ensurePart(db, s, 'punkt'));
  return part ? { punkt: part.postings, meetings: part.meetings } : null;
}

/** Punkt ids of meetings of a committee (by `committeeTopicKey`: election terms ignored). */
export function punktIdsOfCommittee(memory: PunktMemory, committee: string): string[] {
  const name = committeeTopicKey(committee);
  const out: string[] = [];
  for (const m of memory.meetings.values()) if (m.committee === name) out.push(...m.ids);
  return out;
}

/** Punkt ids in a KLE main group. */
export function punktIdsOfKle(memory: PunktMemory, group: string): string[] {
  const out: string[] = [];
  for (const m of memory.meetings.values()) {
    m.kle.forEach((k, i) => {
      if (k === group) out.push(m.ids[i]!);
    });
  }
  return out;
}

/** The generation counters (tests). */
export function searchMemoryGeneration(db: SagssporDB): Record<TableName, number> {
  return { ...stateOf(db).gens };
}
