// Search tokens for the multiEntry `words` indexes. Lowercase, Danish letters (æ ø å) kept,
// other diacritics folded (é → e), case-number-like chunks ("24.00.00-g01-16-23", "22/18533")
// kept whole as well as split, so a printed case number can be searched as typed.

const MAX_TOKEN = 64;
const MAX_TOKENS = 2000;
// Latin letters with diacritics, minus å (e5), æ (e6) and ø (f8), which are kept as they are.
const FOLDABLE = /[\u00c0-\u00e4\u00e7-\u00f7\u00f9-\u024f\u1e00-\u1eff]/g;
const RUN = /[\p{L}\p{N}]+/gu;
const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(FOLDABLE, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''));
}

function keep(token: string): boolean {
  // Single letters are noise; single digits are punkt numbers and worth keeping.
  return token.length >= 2 || /\d/.test(token);
}

/** Unique search tokens of `text`, in first-seen order. */
export function tokenize(text: string, into: Set<string> = new Set()): Set<string> {
  if (!text) return into;
  for (const rawChunk of foldText(text).split(/\s+/)) {
    if (into.size >= MAX_TOKENS) break;
    // Edge punctuation holds no runs: the runs of the raw chunk are those of the trimmed one.
    const runs = rawChunk.match(RUN);
    if (!runs) continue;
    if (runs.length > 1) {
      const chunk = rawChunk.replace(EDGE_PUNCT, '');
      if (/\d/.test(chunk)) into.add(chunk.slice(0, MAX_TOKEN));
    }
    for (const run of runs) if (keep(run)) into.add(run.slice(0, MAX_TOKEN));
  }
  return into;
}

/** Tokens of several fields together. */
export function wordsOf(...parts: ReadonlyArray<string | null | undefined | readonly string[]>): string[] {
  const set = new Set<string>();
  for (const part of parts) {
    if (part == null) continue;
    if (typeof part === 'string') tokenize(part, set);
    else for (const p of part) tokenize(p, set);
  }
  return [...set];
}

/**
 * Index words of several fields: `wordsOf` minus words that are a prefix of another word of the
 * same row. Every query matches words by prefix, so a row matches exactly the same queries with or
 * without them, and each dropped word is one index entry less to write (`24` of `24.00.00-g01-…`,
 * `budget` of `budgettet`).
 */
export function indexWords(...parts: ReadonlyArray<string | null | undefined | readonly string[]>): string[] {
  const words = wordsOf(...parts);
  if (words.length < 2) return words;
  // Sorted, every word that starts with `w` follows `w` directly.
  const sorted = [...words].sort();
  const redundant = new Set<string>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i + 1]!.startsWith(sorted[i]!)) redundant.add(sorted[i]!);
  }
  return redundant.size ? words.filter((w) => !redundant.has(w)) : words;
}

/**
 * Query tokens: like `tokenize`, minus tokens that add nothing under prefix matching: a token that
 * is a prefix of another query token, and the parts of a case-number-like chunk ("22/18533" needs
 * no "18533"): a stored word that starts with the whole chunk is a chunk whose parts are stored too.
 */
export function queryTokens(query: string): string[] {
  const all = tokenize(query);
  const parts = new Set<string>();
  for (const t of all) {
    if (/[^\p{L}\p{N}]/u.test(t)) for (const run of t.match(RUN) ?? []) if (run !== t) parts.add(run);
  }
  const tokens = [...all].filter((t) => !parts.has(t));
  return tokens.filter((t) => !tokens.some((o) => o !== t && o.startsWith(t)));
}
