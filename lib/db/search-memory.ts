// An in-memory inverted index over the same `words` as the IndexedDB indexes, for the search path.
// Built lazily from the database (`buildSearchMemory`, started by `warmSearch` or the first search)
// and never used stale: every committed write to annotations or punktIndex (Dexie's
// 'storagemutated' event, which fires before the writer's promise settles) bumps that table's
// generation counter, and each table's part is only used while its generation is current. Writes
// pay nothing for it (no per-row hooks, no extra reads); a stale part is read again in the
// background while searches take the IndexedDB path.
import { Dexie } from 'dexie';
import type { SagssporDB } from './db';

/** Sorted vocabulary with the ids of the rows holding each word. */
interface Postings {
  vocab: string[];
  ids: string[][];
}

export interface SearchMemory {
  ann: Postings;
  /** Live annotations only: id → modified. Deleted ones are left out of `ann` too. */
  modified: Map<string, number>;
  punkt: Postings;
}

/** One table's part of the index and the generation it was read at. */
interface Part<T> {
  gen: number;
  value: T;
}

/**
 * Per table a generation and its part: a page visit (punktIndex) leaves the annotations' part
 * standing, and an annotation leaves the punkt part; only the stale part is read again.
 */
interface State {
  gens: { annotations: number; punktIndex: number };
  ann: Part<{ postings: Postings; modified: Map<string, number> }> | null;
  punkt: Part<Postings> | null;
  building: Promise<SearchMemory | null> | null;
}

const states = new WeakMap<SagssporDB, State>();
/** The databases with a state, weakly (a closed, dropped database takes its index with it). */
const watched = new Set<{ db: WeakRef<SagssporDB>; prefix: string }>();
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
      const s = states.get(db);
      if (!s) continue;
      for (const table of ['annotations', 'punktIndex'] as const) {
        if (keys.some((k) => k.startsWith(`${w.prefix}${table}/`))) s.gens[table] += 1;
      }
    }
  });
}

function stateOf(db: SagssporDB): State {
  let s = states.get(db);
  if (!s) {
    s = { gens: { annotations: 0, punktIndex: 0 }, ann: null, punkt: null, building: null };
    states.set(db, s);
    listen();
    watched.add({ db: new WeakRef(db), prefix: `idb://${db.name}/` });
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

const annCurrent = (s: State) => s.ann !== null && s.ann.gen === s.gens.annotations;
const punktCurrent = (s: State) => s.punkt !== null && s.punkt.gen === s.gens.punktIndex;

/** The current index of `db`, or null when none is built or part of it is stale. */
export function currentSearchMemory(db: SagssporDB): SearchMemory | null {
  const s = states.get(db);
  if (!s || !annCurrent(s) || !punktCurrent(s)) return null;
  return { ann: s.ann!.value.postings, modified: s.ann!.value.modified, punkt: s.punkt!.value };
}

/**
 * Builds the stale parts of the index from one read transaction (unless one is being built) and
 * installs each part only if no write to its table was committed meanwhile. Never throws.
 */
export function buildSearchMemory(db: SagssporDB): Promise<SearchMemory | null> {
  const s = stateOf(db);
  const current = currentSearchMemory(db);
  if (current) return Promise.resolve(current);
  if (s.building) return s.building;
  const needAnn = !annCurrent(s);
  const needPunkt = !punktCurrent(s);
  const { annotations: annGen, punktIndex: punktGen } = s.gens;
  const p = (async () => {
    try {
      const [ann, punkt] = await db.transaction('r', [db.annotations, db.punktIndex], () =>
        Promise.all([needAnn ? db.annotations.toArray() : null, needPunkt ? db.punktIndex.toArray() : null]),
      );
      // A write that landed while reading leaves its table's part out: never install a stale part.
      if (ann && s.gens.annotations === annGen) {
        const modified = new Map<string, number>();
        const live = ann.filter((r) => !(typeof r.deletedAt === 'number' && r.deletedAt >= 0));
        for (const r of live) modified.set(r.id, r.modified);
        s.ann = { gen: annGen, value: { postings: postingsOf(live), modified } };
      }
      if (punkt && s.gens.punktIndex === punktGen) s.punkt = { gen: punktGen, value: postingsOf(punkt) };
      return currentSearchMemory(db);
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
export function searchMemoryGeneration(db: SagssporDB): { annotations: number; punktIndex: number } {
  return { ...stateOf(db).gens };
}
