// An in-memory inverted index over the same `words` as the IndexedDB indexes, for the search path.
// Built lazily from the database (`buildSearchMemory`, started by `warmSearch` or the first search)
// and never used stale: every committed write to annotations or punktIndex (Dexie's
// 'storagemutated' event, which fires before the writer's promise settles) bumps a generation
// counter, and an index is only used while its generation is current. Writes pay nothing for it (no
// per-row hooks, no extra reads); a stale index is dropped and rebuilt in the background while
// searches take the IndexedDB path.
import { Dexie } from 'dexie';
import type { SagssporDB } from './db';

/** Sorted vocabulary with the ids of the rows holding each word. */
interface Postings {
  vocab: string[];
  ids: string[][];
}

export interface SearchMemory {
  gen: number;
  ann: Postings;
  /** Live annotations only: id → modified. Deleted ones are left out of `ann` too. */
  modified: Map<string, number>;
  punkt: Postings;
}

interface State {
  gen: number;
  memory: SearchMemory | null;
  building: Promise<SearchMemory | null> | null;
}

const states = new WeakMap<SagssporDB, State>();
/** The databases with a state, weakly (a closed, dropped database takes its index with it). */
const watched = new Set<{ db: WeakRef<SagssporDB>; prefixes: string[] }>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    const keys = Object.keys(parts);
    for (const w of watched) {
      const db = w.db.deref();
      if (!db) {
        watched.delete(w);
        continue;
      }
      if (keys.some((k) => w.prefixes.some((p) => k.startsWith(p)))) {
        const s = states.get(db);
        if (s) {
          s.gen += 1;
          s.memory = null;
        }
      }
    }
  });
}

function stateOf(db: SagssporDB): State {
  let s = states.get(db);
  if (!s) {
    s = { gen: 0, memory: null, building: null };
    states.set(db, s);
    listen();
    watched.add({
      db: new WeakRef(db),
      prefixes: [`idb://${db.name}/annotations/`, `idb://${db.name}/punktIndex/`],
    });
  }
  return s;
}

function postingsOf(rows: Iterable<{ id: string; words: readonly string[] }>): Postings {
  const byWord = new Map<string, string[]>();
  for (const r of rows) {
    for (const w of r.words) {
      const list = byWord.get(w);
      if (list) list.push(r.id);
      else byWord.set(w, [r.id]);
    }
  }
  const vocab = [...byWord.keys()].sort();
  return { vocab, ids: vocab.map((w) => byWord.get(w)!) };
}

/** The ids of rows with a word starting with `prefix` (IndexedDB's string order is code-unit order). */
function idsWithPrefix(p: Postings, prefix: string, into: Set<string>): Set<string> {
  let lo = 0;
  let hi = p.vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.vocab[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < p.vocab.length && p.vocab[i]!.startsWith(prefix); i++) {
    for (const id of p.ids[i]!) into.add(id);
  }
  return into;
}

/** Rows matching every token (as a prefix of one of their words). */
export function memoryMatches(p: Postings, tokens: readonly string[]): Set<string> {
  if (!tokens.length) return new Set();
  const sets = tokens.map((t) => idsWithPrefix(p, t, new Set())).sort((a, b) => a.size - b.size);
  const [first, ...rest] = sets;
  const out = new Set<string>();
  for (const id of first!) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

/** The current index of `db`, or null when none is built or it is stale. */
export function currentSearchMemory(db: SagssporDB): SearchMemory | null {
  const s = states.get(db);
  return s?.memory && s.memory.gen === s.gen ? s.memory : null;
}

/**
 * Builds the index from one read transaction (unless a current one exists or one is being built)
 * and installs it if no write to the two tables was committed meanwhile. Never throws.
 */
export function buildSearchMemory(db: SagssporDB): Promise<SearchMemory | null> {
  const s = stateOf(db);
  const current = currentSearchMemory(db);
  if (current) return Promise.resolve(current);
  if (s.building) return s.building;
  const gen = s.gen;
  const p = (async () => {
    try {
      const [ann, punkt] = await db.transaction('r', [db.annotations, db.punktIndex], () =>
        Promise.all([db.annotations.toArray(), db.punktIndex.toArray()]),
      );
      const modified = new Map<string, number>();
      const live = ann.filter((r) => !(typeof r.deletedAt === 'number' && r.deletedAt >= 0));
      for (const r of live) modified.set(r.id, r.modified);
      const memory: SearchMemory = { gen, ann: postingsOf(live), modified, punkt: postingsOf(punkt) };
      if (s.gen !== gen) return null; // a write landed while reading: never install a stale index
      s.memory = memory;
      return memory;
    } catch {
      return null; // best effort: searches keep using the IndexedDB path
    } finally {
      s.building = null;
    }
  })();
  s.building = p;
  return p;
}

/** The generation counter (tests). */
export function searchMemoryGeneration(db: SagssporDB): number {
  return stateOf(db).gen;
}
