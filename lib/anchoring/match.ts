// Pure string matching for anchoring: exact and approximate quote search,
// scored on the quote, its prefix and suffix and the distance from the
// expected position (the approach of Hypothesis' match-quote, with a
// filter-then-verify page-wide search so a miss never costs a full Myers scan
// of a 1 MB page per annotation).
import approxSearch from 'approx-string-match';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Expected start offset (same coordinates as the returned matches), if known. */
  hint: number | null;
}

export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
  /** 0..1, 1 = exact quote with exact context at the expected position. */
  score: number;
}

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;

/** Largest number of candidates scored per search (repeats of very common quotes). */
const MAX_CANDIDATES = 200;

/** Similarity 0..1 of `pattern` to the best approximate occurrence inside `window`. */
function contextSimilarity(window: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  if (window === pattern) return 1;
  const matches = approxSearch(window, pattern, pattern.length);
  const errors = matches.length > 0 ? matches[0]!.errors : pattern.length;
  return Math.max(0, 1 - errors / pattern.length);
}

/**
 * Score a candidate [start, end) of `full` (global coordinates) for a quote.
 * `span` scales the position term (the size of the searched region).
 */
export function scoreCandidate(
  full: string,
  start: number,
  end: number,
  quoteLength: number,
  errors: number,
  ctx: QuoteContext,
  span: number,
): number {
  let total = W_QUOTE * Math.max(0, 1 - errors / Math.max(1, quoteLength));
  let weight = W_QUOTE;
  if (ctx.prefix.length > 0) {
    weight += W_PREFIX;
    total +=
      W_PREFIX * contextSimilarity(full.slice(Math.max(0, start - ctx.prefix.length), start), ctx.prefix);
  }
  if (ctx.suffix.length > 0) {
    weight += W_SUFFIX;
    total += W_SUFFIX * contextSimilarity(full.slice(end, end + ctx.suffix.length), ctx.suffix);
  }
  if (ctx.hint !== null) {
    weight += W_POSITION;
    total += W_POSITION * Math.max(0, 1 - Math.abs(start - ctx.hint) / Math.max(1, span));
  }
  return total / weight;
}

function best(
  full: string,
  cands: Array<{ start: number; end: number; errors: number }>,
  quoteLength: number,
  ctx: QuoteContext,
  span: number,
  alwaysScore = false,
): QuoteMatch | null {
  let top: QuoteMatch | null = null;
  const n = Math.min(cands.length, MAX_CANDIDATES);
  for (let i = 0; i < n; i++) {
    const c = cands[i]!;
    const score =
      n === 1 && c.errors === 0 && !alwaysScore
        ? 1
        : scoreCandidate(full, c.start, c.end, quoteLength, c.errors, ctx, span);
    if (!top || score > top.score) top = { start: c.start, end: c.end, errors: c.errors, score };
  }
  return top;
}

/**
 * Exact occurrences of `quote` in `window` (which is `full.slice(offset, offset + window.length)`),
 * the best one by context and position, in global coordinates. A unique
 * occurrence scores 1 unless `alwaysScore` asks for its context score.
 */
export function findExact(
  full: string,
  window: string,
  offset: number,
  quote: string,
  ctx: QuoteContext,
  alwaysScore = false,
): QuoteMatch | null {
  if (quote.length === 0) return null;
  const cands: Array<{ start: number; end: number; errors: number }> = [];
  let i = window.indexOf(quote);
  while (i !== -1 && cands.length < MAX_CANDIDATES) {
    cands.push({ start: offset + i, end: offset + i + quote.length, errors: 0 });
    i = window.indexOf(quote, i + 1);
  }
  if (cands.length === 0) return null;
  return best(full, cands, quote.length, ctx, window.length, alwaysScore);
}

/** Error budget for a fuzzy search inside a scope: a quarter of the quote, capped. */
export function scopeErrorBudget(quoteLength: number, cap = 64): number {
  return Math.min(cap, Math.ceil(quoteLength / 4));
}

/**
 * Approximate match of `quote` in `window` with at most `maxErrors` errors,
 * best by score, in global coordinates. Short quotes (< 32 chars) also need
 * supporting context (score ≥ 0.5) to avoid matching unrelated short text.
 */
export function findFuzzy(
  full: string,
  window: string,
  offset: number,
  quote: string,
  ctx: QuoteContext,
  maxErrors: number,
): QuoteMatch | null {
  if (quote.length === 0 || maxErrors < 1 || window.length === 0) return null;
  const raw = approxSearch(window, quote, maxErrors);
  if (raw.length === 0) return null;
  const cands = dedupe(raw).map((m) => ({ start: m.start + offset, end: m.end + offset, errors: m.errors }));
  return accept(best(full, cands, quote.length, ctx, window.length), quote.length);
}

function accept(m: QuoteMatch | null, quoteLength: number): QuoteMatch | null {
  if (!m) return null;
  if (quoteLength < 32 && m.score < 0.5) return null;
  return m;
}

/** approx-string-match reports one match per end position; keep one per start (the longest). */
function dedupe<T extends { start: number; end: number; errors: number }>(ms: T[]): T[] {
  const out: T[] = [];
  for (const m of ms) {
    const last = out[out.length - 1];
    if (last && last.start === m.start) {
      if (m.end > last.end) out[out.length - 1] = m;
    } else out.push(m);
  }
  return out;
}

export interface PageFuzzyOptions {
  /** Upper bound of the page-wide error budget (default 16). */
  maxErrors?: number;
  /** Shortest exact piece used as a filter seed (default 8). */
  minPiece?: number;
}

/** Error budget for the page-wide search: k + 2 pieces of at least `minPiece` chars, capped. */
export function pageErrorBudget(quoteLength: number, opts: PageFuzzyOptions = {}): number {
  const minPiece = opts.minPiece ?? 8;
  const cap = opts.maxErrors ?? 16;
  return Math.max(0, Math.min(cap, Math.floor(quoteLength / minPiece) - 2, Math.ceil(quoteLength / 4)));
}

/** More piece hits than this and a plain full scan is cheaper. */
const MAX_PIECE_HITS = 20_000;

/**
 * Page-wide approximate search, filter then verify. Split the quote into
 * k + 2 disjoint pieces: a match with at most k errors leaves at least two of
 * them intact, each at its offset in the quote shifted by at most k. So only
 * places where two different pieces occur with implied starts within 2k of
 * each other can hold a match; just those windows are verified with Myers'
 * algorithm. Same result as a full scan with the same budget, at the cost of
 * a few indexOf passes (repeated boilerplate does not trigger full scans).
 */
export function findFuzzyPage(full: string, quote: string, ctx: QuoteContext, opts: PageFuzzyOptions = {}) {
  const L = quote.length;
  const k = pageErrorBudget(L, opts);
  if (k < 1) return null;
  const pieces = k + 2;
  const pieceLen = Math.floor(L / pieces);
  const implied: number[] = [];
  const pieceOf: number[] = [];
  let fullScan = false;
  for (let p = 0; p < pieces && !fullScan; p++) {
    const at = p * pieceLen;
    const piece = quote.slice(at, p === pieces - 1 ? L : at + pieceLen);
    for (let i = full.indexOf(piece); i !== -1; i = full.indexOf(piece, i + 1)) {
      implied.push(i - at);
      pieceOf.push(p);
      if (implied.length > MAX_PIECE_HITS) {
        fullScan = true;
        break;
      }
    }
  }
  if (fullScan) return findFuzzy(full, full, 0, quote, ctx, k);
  if (implied.length < 2) return null;
  const order = implied.map((_, i) => i).sort((x, y) => implied[x]! - implied[y]!);
  const keep = new Uint8Array(order.length);
  for (let a = 0; a < order.length; a++) {
    const ia = order[a]!;
    for (let b = a + 1; b < order.length; b++) {
      const ib = order[b]!;
      if (implied[ib]! - implied[ia]! > 2 * k) break;
      if (pieceOf[ib] !== pieceOf[ia]) {
        keep[a] = 1;
        keep[b] = 1;
      }
    }
  }
  const windows: Array<[number, number]> = [];
  for (let a = 0; a < order.length; a++) {
    if (!keep[a]) continue;
    const st = implied[order[a]!]!;
    windows.push([Math.max(0, st - k), Math.min(full.length, st + L + k)]);
  }
  if (windows.length === 0) return null;
  const cands: Array<{ start: number; end: number; errors: number }> = [];
  let minErr = k;
  const verify = (s: number, e: number) => {
    const ms = approxSearch(full.slice(s, e), quote, minErr);
    if (ms.length === 0) return;
    const err = ms[0]!.errors;
    if (err < minErr) {
      cands.length = 0;
      minErr = err;
    }
    for (const m of dedupe(ms)) cands.push({ start: m.start + s, end: m.end + s, errors: m.errors });
  };
  let [ws, we] = windows[0]!;
  for (let w = 1; w < windows.length; w++) {
    const [s2, e2] = windows[w]!;
    if (s2 <= we) we = Math.max(we, e2);
    else {
      verify(ws, we);
      ws = s2;
      we = e2;
    }
  }
  verify(ws, we);
  if (cands.length === 0) return null;
  return accept(best(full, cands, L, ctx, full.length), L);
}
