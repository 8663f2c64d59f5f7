// Public API of the anchoring engine (issue 3). Pure DOM + strings: no
// extension APIs, no storage. See README.md in this folder.
export {
  type Anchored,
  type AnchorOptions,
  type AnchorResult,
  anchorAll,
  type Orphaned,
} from './anchor';
export { codePointCount, splitsSurrogatePair } from './code-points';
export { describe, QUOTE_CONTEXT_CHARS } from './describe';
export { createLateAnchorer, type LateAnchorer, type LateAnchorerOptions } from './late';
export {
  findExact,
  findFuzzy,
  findFuzzyPage,
  pageErrorBudget,
  type QuoteContext,
  type QuoteMatch,
  scopeErrorBudget,
} from './match';
export * from './paint';
export {
  createDomRefLocator,
  domRefLocation,
  findPunkt,
  type LocatedScope,
  locateScopes,
  locationOffsets,
  meetingScopeResolver,
  meetingScopes,
  type NodeSpan,
  pathFollows,
  resolveOffsets,
  type ScopeLocation,
  type ScopeResolver,
  scopeAt,
  scopeKey,
} from './scopes';
export {
  buildTextIndex,
  type OffsetRange,
  TextIndex,
  type TextIndexOptions,
  type TextSegment,
} from './text-index';

import type { TextIndex } from './text-index';

/** A Range for [start, end) of `index`, created on demand (painting, selection). */
export function toRange(index: TextIndex, start: number, end: number): Range | null {
  return index.toRange(start, end);
}

import type { Target } from '../model/selectors';

/** True for a text target (quote + position); false for a whole-punkt target with no selectors. */
export function isTextTarget<T extends { selectors: readonly unknown[] }>(t: T): t is T & Target {
  return t.selectors.length === 2;
}
