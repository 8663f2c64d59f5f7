// Re-anchor a batch of targets against ONE text index. Order per target:
// position checked against the quote → exact quote in scope → fuzzy in scope
// → (for a section scope) exact, then fuzzy, in the whole punkt → exact
// quote on the page → fuzzy on the page → orphan. Scope offsets and slices
// are resolved once per scope per batch; punkt scopes only when needed.
import type { AnchorMethod, AnchorScope, Target } from '../model/selectors';
import { findExact, findFuzzy, findFuzzyPage, type PageFuzzyOptions, scopeErrorBudget } from './match';
import { resolveOffsets, type ScopeResolver, scopeKey } from './scopes';
import type { TextIndex } from './text-index';

export interface Anchored {
  status: 'anchored';
  /** Global offsets into the index text. */
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1 match quality (1 for position and unique exact matches). */
  score: number;
}
export interface Orphaned {
  status: 'orphaned';
  start: -1;
  end: -1;
  method: null;
  score: 0;
}
export type AnchorResult = Anchored | Orphaned;

export interface AnchorOptions {
  /** Cap of the in-scope fuzzy error budget (budget = min(cap, ceil(len / 4))); default 64. */
  scopeMaxErrors?: number;
  /** Page-wide fuzzy search options (budget ≤ 16 errors, pieces ≥ 8 chars by default). */
  page?: PageFuzzyOptions;
  /** Skip the page-wide stages (e.g. when only the scope is trusted). */
  scopeOnly?: boolean;
  /**
   * Minimum score (0..1) of a page-wide match when the target's scope WAS
   * found but the quote is not in it: the text then moved or was deleted, and
   * an identical sentence elsewhere ("Godkendt.") must be backed by its
   * prefix/suffix context. Default 0.8 (exact quote + one side of context).
   */
  movedMinScore?: number;
}

const ORPHAN: Orphaned = Object.freeze({ status: 'orphaned', start: -1, end: -1, method: null, score: 0 });

interface ScopeSlice {
  start: number;
  end: number;
  text: string;
}

/** Anchor every target; results are in the same order as `targets`. */
export function anchorAll(
  targets: readonly Target[],
  index: TextIndex,
  resolveScope?: ScopeResolver,
  options: AnchorOptions = {},
): AnchorResult[] {
  const full = index.text;
  const cache = new Map<string, ScopeSlice | null>();
  const pageSlice: ScopeSlice = { start: 0, end: full.length, text: full };
  const sliceOf = (scope: AnchorScope): ScopeSlice | null => {
    const key = scopeKey(scope);
    let s = cache.get(key);
    if (s === undefined) {
      const r = resolveOffsets(index, scope, resolveScope);
      s = r ? { start: r.start, end: r.end, text: full.slice(r.start, r.end) } : null;
      cache.set(key, s);
    }
    return s;
  };
  /** The whole punkt around a section scope, resolved only when a target needs it. */
  const punktOf = (scope: AnchorScope, section: ScopeSlice | null): ScopeSlice | null => {
    if (scope.sectionKind === null) return null;
    const p = sliceOf({ ...scope, sectionKind: null, sectionIndex: null });
    if (!p || (section && p.start === section.start && p.end === section.end)) return null;
    return p;
  };
  return targets.map((t) => {
    if (!t.scope) return anchorOne(t, full, pageSlice, null, pageSlice, options);
    const section = sliceOf(t.scope);
    const scope = t.scope;
    return anchorOne(t, full, section, () => punktOf(scope, section), pageSlice, options);
  });
}

function anchored(start: number, end: number, method: AnchorMethod, score: number): Anchored {
  return { status: 'anchored', start, end, method, score };
}

function anchorOne(
  t: Target,
  full: string,
  scope: ScopeSlice | null,
  outer: (() => ScopeSlice | null) | null,
  page: ScopeSlice,
  options: AnchorOptions,
): AnchorResult {
  const [quote, pos] = t.selectors;
  const exact = quote?.exact;
  if (!exact || !pos) return ORPHAN;
  const isPage = scope === page;
  let hint: number | null = null;
  if (scope) {
    hint = scope.start + pos.start;
    // 1. Position, checked against the quote.
    if (pos.end - pos.start === exact.length && full.startsWith(exact, hint)) {
      return anchored(hint, hint + exact.length, 'position', 1);
    }
    const ctx = { prefix: quote.prefix, suffix: quote.suffix, hint };
    // 2. Exact quote inside the scope.
    const ex = findExact(full, scope.text, scope.start, exact, ctx);
    if (ex) return anchored(ex.start, ex.end, isPage ? 'quote-page' : 'quote', ex.score);
    // 3. Fuzzy inside the scope.
    const budget = scopeErrorBudget(exact.length, options.scopeMaxErrors);
    const fz = isPage
      ? findFuzzyPage(full, exact, ctx, options.page)
      : findFuzzy(full, scope.text, scope.start, exact, ctx, budget);
    if (fz) return anchored(fz.start, fz.end, isPage ? 'fuzzy-page' : 'fuzzy-scope', fz.score);
    if (isPage) return ORPHAN;
  }
  // 3b. The enclosing punkt (section restructured or renamed): exact, then fuzzy.
  const punkt = outer?.() ?? null;
  if (punkt) {
    const ctx = { prefix: quote.prefix, suffix: quote.suffix, hint: scope ? hint : punkt.start + pos.start };
    const ex = findExact(full, punkt.text, punkt.start, exact, ctx);
    if (ex) return anchored(ex.start, ex.end, 'quote', ex.score);
    const budget = scopeErrorBudget(exact.length, options.scopeMaxErrors);
    const fz = findFuzzy(full, punkt.text, punkt.start, exact, ctx, budget);
    if (fz) return anchored(fz.start, fz.end, 'fuzzy-scope', fz.score);
  }
  if (options.scopeOnly) return ORPHAN;
  // 4. Exact quote anywhere on the page. When the scope exists but lost the
  // quote, a match elsewhere needs context support.
  const ctx = { prefix: quote.prefix, suffix: quote.suffix, hint };
  const minScore = scope || punkt ? (options.movedMinScore ?? 0.8) : 0;
  const ex = findExact(full, full, 0, exact, ctx, scope !== null);
  if (ex && ex.score >= minScore) return anchored(ex.start, ex.end, 'quote-page', ex.score);
  // 5. Fuzzy on the page (filter-then-verify).
  const fz = findFuzzyPage(full, exact, ctx, options.page);
  if (fz && fz.score >= minScore) return anchored(fz.start, fz.end, 'fuzzy-page', fz.score);
  return ORPHAN;
}
