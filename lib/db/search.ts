// Search over highlighted text, notes, tags and case titles, answered from the in-memory index of
// their `words` (search-memory.ts): one prefix range per query token, ids intersected, then only
// the shown rows loaded.
import type { Annotation } from '../model/annotation';
import type { PunktIndexRow } from '../model/records';
import type { SagssporDB } from './db';
import { guarded } from './errors';
import { punktRowsByIds } from './meetings';
import { type AnnotationRow, fromAnnotationRow, isSoftDeleted } from './rows';
import {
  buildSearchMemory,
  currentSearchMemory,
  memoryMatches,
  type SearchMemory,
  searchMemoryFor,
} from './search-memory';
import { queryTokens } from './text';

export interface SearchResult {
  /** Live annotations matching every query word (as a prefix), most recently modified first. */
  annotations: Annotation[];
  /** Remembered punkter whose title or case number matches, newest meeting first. */
  punkter: PunktIndexRow[];
  /** True when more matched than were returned. */
  truncated: boolean;
}

/**
 * Search, from the in-memory index (`search-memory.ts`): ids matched and ordered in memory, then
 * only the shown rows loaded. The first search of a background's lifetime builds the index (one
 * read of both tables) unless `warmSearch` already did.
 */
export async function search(
  db: SagssporDB,
  query: string,
  opts: { limit?: number } = {},
): Promise<SearchResult> {
  const tokens = queryTokens(query);
  if (!tokens.length) return { annotations: [], punkter: [], truncated: false };
  const memory = await searchMemoryFor(db);
  if (!memory) throw new Error('The search index could not be read.');
  return searchMemory(db, memory, tokens, opts);
}

const matchesAll = (words: readonly string[], tokens: readonly string[]) =>
  tokens.every((t) => words.some((w) => w.startsWith(t)));

function punktOrder(a: PunktIndexRow, b: PunktIndexRow): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.number - b.number;
}

/**
 * Ids matched and ordered in memory (newest `modified` first, ties by descending id; punkter by
 * descending key, which starts with the meeting date), then only the shown rows loaded.
 */
async function searchMemory(
  db: SagssporDB,
  memory: SearchMemory,
  tokens: readonly string[],
  opts: { limit?: number },
): Promise<SearchResult> {
  const limit = opts.limit ?? 50;
  const annIds = memoryMatches(memory.ann, tokens);
  const punktIds = memoryMatches(memory.punkt, tokens);
  const truncated = annIds.size > limit || punktIds.size > limit;
  const mod = memory.modified;
  const picked = [...annIds]
    .sort((a, b) => mod.get(b)! - mod.get(a)! || (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, limit);
  const newest = [...punktIds].sort().reverse().slice(0, limit);
  return guarded(() =>
    db.transaction('r', [db.annotations, db.meetings], async () => {
      const [rows, punktRows] = await Promise.all([
        db.annotations.bulkGet(picked),
        punktRowsByIds(db, newest),
      ]);
      return {
        // Rows are checked again: one soft-deleted since the match, or changed by a transaction
        // that aborted before the index heard of it, is left out.
        annotations: rows
          .filter(
            (r): r is AnnotationRow => r !== undefined && !isSoftDeleted(r) && matchesAll(r.words, tokens),
          )
          .map(fromAnnotationRow),
        punkter: punktRows.filter((r) => matchesAll(r.words, tokens)).sort(punktOrder),
        truncated,
      };
    }),
  );
}

/**
 * Builds the in-memory index `buildDelayMs` after the call (after the popup's own first requests),
 * then runs one small search so the first real one does not pay for cold code. Call it when the
 * popup or dashboard connects; never throws.
 */
export async function warmSearch(db: SagssporDB, opts: { buildDelayMs?: number } = {}): Promise<void> {
  try {
    if (currentSearchMemory(db)) return;
    await new Promise((r) => setTimeout(r, opts.buildDelayMs ?? 300));
    await buildSearchMemory(db);
    await search(db, 'sagsspor', { limit: 1 });
  } catch {
    // Warming is best effort: the real search reports errors.
  }
}
