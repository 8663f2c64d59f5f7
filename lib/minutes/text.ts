// Small string helpers shared by the parser (not by the tiny detector).

// Matches whitespace runs other than a single plain space (most text has only those).
const WS =
  /[\t\n\r\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff][\s\u200b]*| [\s\u200b]+/g;

/** A JavaScript whitespace character (what \\s and String#trim treat as space). */
export function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

// Characters and runs the full collapse would touch (a subset of WS: most text has only single spaces).
const NEEDS_COLLAPSE = /[\n\t\r\u00a0\u200b]| {2}/;

/** Collapse all whitespace (incl. NBSP and tabs) to single spaces and trim. */
export function collapse(s: string): string {
  // One native scan (faster in Chromium than six indexOf calls) decides whether the regex replace is needed.
  if (!NEEDS_COLLAPSE.test(s)) return s.trim();
  return s.replace(WS, ' ').trim();
}

/** Lowercase, collapse, strip trailing ':' / '.' — for vocabulary matching. */
export function norm(s: string): string {
  return collapse(s)
    .toLowerCase()
    .replace(/[\s:.\-–]+$/, '');
}

/** Danish letters to ASCII as used in host names (æ→ae, ø→oe, å→aa). */
export function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Split a block's raw text into collapsed non-empty lines. */
export function lines(raw: string): string[] {
  const out: string[] = [];
  for (const l of raw.split('\n')) {
    const c = collapse(l);
    if (c) out.push(c);
  }
  return out;
}

/** Remove duplicates, keeping the first occurrence (case-insensitive key). */
export function dedupe(items: string[], key: (s: string) => string = (s) => s.toLowerCase()): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const it of items) {
    const k = key(it);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(it);
  }
  return out;
}
