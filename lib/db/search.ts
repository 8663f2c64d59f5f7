// Search over highlighted text, notes, tags and case titles, answered from the multiEntry
// `words` indexes: one prefix range per query token, ids intersected, then only the hits loaded.
import type { Annotation } from '../model/annotation';
import type { PunktIndexRow } from '../model/records';
import type { SagssporDB } from './db';
import { guarded } from './errors';
import { fromAnnotationRow } from './rows';
import { buildSearchMemory, currentSearchMemory, memoryMatches, type SearchMemory } from './search-memory';
import { queryTokens } from './text';

export interface SearchResult {
  /** Live annotations matching every query word (as a prefix), most recently modified first. */
  annotations: Annotation[];
  /** Remembered punkter whose title or case number matches, newest meeting first. */
  punkter: PunktIndexRow[];
  /** True when more matched than were returned. */
  truncated: boolean;
}

function intersect(sets: Array<Set<string>>): Set<string> {
  if (!sets.length) return new Set();
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  for (const id of first!) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

// Measured in Chromium: one `get` costs about five key-cursor steps.
const GET_COST = 5;

/**
 * Loading all `hits` rows and sorting them, versus walking the modified index newest first until
 * `limit` hits are seen (about limit × total / hits steps) and loading only those.
 */
function loadAllIsCheaper(hits: number, limit: number, total: number): boolean {
  return hits * GET_COST <= (limit * total) / hits + limit * GET_COST;
}

/**
 * The number of annotations, for the cost model only (never for results): `count()` walks the whole
 * store in Chromium (15–30 ms on disk for 10,000 rows), so it is taken at most once a minute per
 * database. A stale figure only picks the slower of two ways to the same answer.
 */
const totals = new WeakMap<SagssporDB, { n: number; at: number }>();
const TOTAL_TTL_MS = 60_000;

async function annotationTotal(db: SagssporDB): Promise<number> {
  const now = Date.now();
  const cached = totals.get(db);
  if (cached && now - cached.at < TOTAL_TTL_MS) return cached.n;
  const n = await db.annotations.count();
  totals.set(db, { n, at: now });
  return n;
}

async function idsFor(table: SagssporDB['annotations'] | SagssporDB['punktIndex'], tokens: string[]) {
  const sets = await Promise.all(
    tokens.map(async (t) => new Set((await table.where('words').startsWith(t).primaryKeys()) as string[])),
  );
  return intersect(sets);
}

/**
 * Search: from the in-memory index when a current one is built (`search-memory.ts`), otherwise
 * from the IndexedDB indexes (and the in-memory index is built in the background). Same results.
 */
export async function search(
  db: SagssporDB,
  query: string,
  opts: { limit?: number } = {},
): Promise<SearchResult> {
  const memory = currentSearchMemory(db);
  if (memory) return searchMemory(db, memory, query, opts);
  void buildSearchMemory(db);
  return searchIndexedDb(db, query, opts);
}

function punktOrder(a: PunktIndexRow, b: PunktIndexRow): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.number - b.number;
}

/**
 * The in-memory path: ids matched and ordered in memory, then only the shown rows loaded. Annotations
 * with equal `modified` come in descending id order (as the walk of the modified index gives them).
 */
async function searchMemory(
  db: SagssporDB,
  memory: SearchMemory,
  query: string,
  opts: { limit?: number },
): Promise<SearchResult> {
  const limit = opts.limit ?? 50;
  const tokens = queryTokens(query);
  if (!tokens.length) return { annotations: [], punkter: [], truncated: false };
  const annIds = memoryMatches(memory.ann, tokens);
  const punktIds = memoryMatches(memory.punkt, tokens);
  const truncated = annIds.size > limit || punktIds.size > limit;
  const mod = memory.modified;
  const picked = [...annIds]
    .sort((a, b) => mod.get(b)! - mod.get(a)! || (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, limit);
  const newest = [...punktIds].sort().reverse().slice(0, limit);
  return guarded(() =>
    db.transaction('r', [db.annotations, db.punktIndex], async () => {
      const [rows, punktRows] = await Promise.all([
        db.annotations.bulkGet(picked),
        db.punktIndex.bulkGet(newest),
      ]);
      return {
        annotations: rows.filter((r) => r !== undefined).map(fromAnnotationRow),
        punkter: punktRows.filter((r) => r !== undefined).sort(punktOrder),
        truncated,
      };
    }),
  );
}

/** The IndexedDB path: one prefix range per token on the `words` indexes. */
export async function searchIndexedDb(
  db: SagssporDB,
  query: string,
  opts: { limit?: number } = {},
): Promise<SearchResult> {
  const limit = opts.limit ?? 50;
  const tokens = queryTokens(query);
  if (!tokens.length) return { annotations: [], punkter: [], truncated: false };
  return guarded(() =>
    db.transaction('r', [db.annotations, db.punktIndex], async () => {
      const [annIds, punktIds, deleted] = await Promise.all([
        idsFor(db.annotations, tokens),
        idsFor(db.punktIndex, tokens),
        db.annotations.where('deletedAt').aboveOrEqual(0).primaryKeys(),
      ]);
      for (const id of deleted) annIds.delete(id);

      // Punkt index keys start with the meeting date: the newest `limit` are chosen from keys alone,
      // and loaded while the annotations are chosen (requests in flight side by side).
      const newest = [...punktIds].sort().reverse().slice(0, limit);
      const punktRowsP = db.punktIndex.bulkGet(newest);

      let annotations: Annotation[];
      const truncated = annIds.size > limit || punktIds.size > limit;
      if (annIds.size <= limit || loadAllIsCheaper(annIds.size, limit, await annotationTotal(db))) {
        const rows = await db.annotations.bulkGet([...annIds]);
        annotations = rows
          .filter((r) => r !== undefined)
          .sort((a, b) => b.modified - a.modified)
          .slice(0, limit)
          .map(fromAnnotationRow);
      } else {
        // Many hits: walk the modified index's keys (no values) newest first, load only `limit`.
        const picked: string[] = [];
        await db.annotations
          .orderBy('modified')
          .reverse()
          .until(() => picked.length >= limit)
          .eachPrimaryKey((id) => {
            if (annIds.has(id)) picked.push(id);
          });
        const rows = await db.annotations.bulkGet(picked);
        annotations = rows.filter((r) => r !== undefined).map(fromAnnotationRow);
      }

      const punkter = (await punktRowsP).filter((r) => r !== undefined).sort(punktOrder);
      return { annotations, punkter, truncated };
    }),
  );
}

/**
 * Runs one small search so the first real one does not pay for cold code and cold index pages
 * (about 5–10 ms in Chromium), then — `buildDelayMs` later, after the popup's own first requests —
 * builds the in-memory index. Call it when the popup or dashboard connects; never throws.
 */
export async function warmSearch(db: SagssporDB, opts: { buildDelayMs?: number } = {}): Promise<void> {
  try {
    if (currentSearchMemory(db)) return;
    await searchIndexedDb(db, 'sagsspor', { limit: 1 });
    await new Promise((r) => setTimeout(r, opts.buildDelayMs ?? 300));
    await buildSearchMemory(db);
  } catch {
    // Warming is best effort: the real search reports errors.
  }
}
