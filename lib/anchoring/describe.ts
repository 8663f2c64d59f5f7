// Turn a selection into a Target: a quote with ~32 chars of context, and a
// position relative to the start of its scope (a punkt's section), so that
// navigation bars and cookie banners do not shift it. The position is kept in
// UTF-16 code units (DOM offsets, what anchoring uses) and, as `codePoints`, in
// Unicode code points (what the W3C model counts; lib/export/jsonld.ts).
import type { AnchorScope, Target } from '../model/selectors';
import { codePointCount, splitsSurrogatePair } from './code-points';
import { resolveOffsets, type ScopeResolver } from './scopes';
import type { OffsetRange, TextIndex } from './text-index';

/** Characters of prefix and suffix context kept with a quote. */
export const QUOTE_CONTEXT_CHARS = 32;

function isOffsets(x: AbstractRange | OffsetRange): x is OffsetRange {
  return typeof (x as OffsetRange).start === 'number';
}

/**
 * Describe `selection` (a Range or offsets into `index`). `scope` null means
 * the whole indexed root. Returns null for an empty selection or a scope the
 * resolver cannot find.
 */
export function describe(
  index: TextIndex,
  selection: AbstractRange | OffsetRange,
  scope: AnchorScope | null,
  resolveScope?: ScopeResolver,
): Target | null {
  let { start, end } = isOffsets(selection) ? selection : index.rangeOffsets(selection);
  if (end <= start || start < 0 || end > index.length) return null;
  let base = 0;
  if (scope) {
    const loc = resolveOffsets(index, scope, resolveScope);
    if (!loc) return null;
    base = loc.start;
  }
  if (start < base) return null;
  const text = index.text;
  // Never cut an astral character (emoji) in half: widen to whole surrogate pairs.
  if (start > base && splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  const cpStart = codePointCount(text, base, start);
  const cpEnd = cpStart + codePointCount(text, start, end);
  return {
    scope,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
        suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
      },
      {
        type: 'TextPositionSelector',
        start: start - base,
        end: end - base,
        codePoints: { start: cpStart, end: cpEnd },
      },
    ],
  };
}
