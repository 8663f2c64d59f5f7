// W3C Web Annotation Data Model export (https://www.w3.org/TR/annotation-model/): one
// AnnotationCollection with a single embedded AnnotationPage holding every annotation.
//
// Selectors. Sagsspor measures TextPositionSelector offsets from the start of a punkt's section (in
// the anchoring text model, lib/anchoring), not from the document, and the W3C model says a
// position selector without refinement counts from the start of the document's text. So each
// highlight's target has two alternative selectors describing the same segment:
//   1. the TextQuoteSelector {exact, prefix, suffix} — document-wide, what other tools anchor on;
//   2. a FragmentSelector naming the punkt section (`conformsTo` PUNKT_FRAGMENT_SPEC, syntax below)
//      `refinedBy` the TextPositionSelector, relative to that section.
// A highlight whose scope is the whole page (scope null) has the plain TextPositionSelector instead.
// A note or tag on a whole punkt targets the punkt's FragmentSelector; a note on the meeting as a
// whole targets the page (SpecificResource without selector).
//
// Punkt fragment syntax (value of the FragmentSelector): `punkt=<number>` then, when known,
// `&case=<case number>` and `&section=<section kind>&sectionIndex=<n>`, values percent-encoded.
//
// Positions are Unicode code points, as the model requires; stored offsets are UTF-16 code units.
// An annotation described by this version carries the exact code-point span (`codePoints` on the
// stored TextPositionSelector, computed by lib/anchoring `describe` from the section text) and that
// is exported, after a consistency check against the quote and prefix. Older annotations (and older
// backups) lack it: then surrogate pairs (emoji, rare symbols) before the start are subtracted as
// counted in the stored 32-character prefix, which covers the whole section when the highlight
// starts within its first 32 characters; a pair further back cannot be seen and is not counted
// (the start is then too large by one per such pair). Either way the end is start + the code-point
// length of the exact quote, so `end - start` always matches the quote.
//
// State: a TimeState whose sourceDate is the meeting date (midnight UTC): the minutes as of the
// meeting. Colour: an embedded CssStylesheet with a class per colour and `styleClass` on the target.

import { codePointCount } from '../anchoring/code-points';
import type { Annotation, AnnotationColor } from '../model/annotation';
import type { AnchorScope, TextPositionSelector, TextQuoteSelector } from '../model/selectors';
import { nameUuid } from './hash';
import { CHUNK, type Chunked, isoSeconds, progressReporter, runSync, textTarget } from './shared';
import type { ExportBundle, ProgressFn } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const PUNKT_FRAGMENT_SPEC = 'https://sagsspor.dk/ns/punkt-fragment';

export interface JsonLdOptions {
  onProgress?: ProgressFn;
  /** Pretty-print with two-space indentation (default true). */
  pretty?: boolean;
  /** Language of note bodies (default 'da'). */
  noteLanguage?: string;
}

const COLOR_CSS: Record<AnnotationColor, string> = {
  yellow: 'rgba(255, 226, 71, 0.45)',
  green: 'rgba(124, 220, 120, 0.45)',
  blue: 'rgba(110, 180, 255, 0.45)',
  pink: 'rgba(255, 140, 190, 0.45)',
  purple: 'rgba(190, 150, 255, 0.45)',
};

/** Number of code points in a string (a surrogate pair counts once). */
export function codePointLength(s: string): number {
  return codePointCount(s);
}

/**
 * UTF-16 position selector → code points, using the prefix as the visible text before the start.
 * The fallback for annotations stored without `codePoints`: exact unless a surrogate pair lies
 * before the prefix window, and never smaller than the true start.
 */
export function toCodePointPositions(
  start: number,
  exact: string,
  prefix: string,
): { start: number; end: number } {
  const before = prefix.length > start ? prefix.slice(prefix.length - start) : prefix;
  const cpStart = Math.max(0, start - (before.length - codePointLength(before)));
  return { start: cpStart, end: cpStart + codePointLength(exact) };
}

/**
 * The exported code-point span of a stored highlight: the stored `codePoints` when they agree with
 * what the quote and prefix show, else the prefix approximation (`toCodePointPositions`).
 */
export function exportedPositions(
  quote: Pick<TextQuoteSelector, 'exact' | 'prefix'>,
  pos: Pick<TextPositionSelector, 'start' | 'codePoints'>,
): { start: number; end: number } {
  const approx = toCodePointPositions(pos.start, quote.exact, quote.prefix);
  const cp = pos.codePoints;
  if (!cp) return approx;
  // The prefix shows a lower bound on the surrogate pairs before the start (all of them when it
  // reaches back to the section's start); every code point is one or two code units; the span must
  // be the quote's length.
  const prefixSeesAll = quote.prefix.length >= pos.start;
  const trusted =
    Number.isInteger(cp.start) &&
    Number.isInteger(cp.end) &&
    (prefixSeesAll ? cp.start === approx.start : cp.start <= approx.start) &&
    cp.start * 2 >= pos.start &&
    cp.end - cp.start === approx.end - approx.start;
  return trusted ? { start: cp.start, end: cp.end } : approx;
}

export function punktFragment(scope: AnchorScope): string {
  const parts = [`punkt=${scope.punktNumber}`];
  if (scope.caseNumber) parts.push(`case=${encodeURIComponent(scope.caseNumber)}`);
  if (scope.sectionKind) {
    parts.push(`section=${encodeURIComponent(scope.sectionKind)}`);
    if (scope.sectionIndex != null) parts.push(`sectionIndex=${scope.sectionIndex}`);
  }
  return parts.join('&');
}

function fragmentSelector(scope: AnchorScope, refinedBy?: object): Record<string, unknown> {
  const s: Record<string, unknown> = {
    type: 'FragmentSelector',
    conformsTo: PUNKT_FRAGMENT_SPEC,
    value: punktFragment(scope),
  };
  if (refinedBy) s.refinedBy = refinedBy;
  return s;
}

/** One annotation as a W3C Annotation object (no @context: it is inherited from the collection). */
export function toW3cAnnotation(
  a: Annotation,
  meetingDate: string | null,
  noteLanguage = 'da',
): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (a.note.trim())
    body.push({
      type: 'TextualBody',
      value: a.note,
      format: 'text/plain',
      language: noteLanguage,
      purpose: 'commenting',
    });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });

  const target: Record<string, unknown> = { type: 'SpecificResource', source: a.page.url };
  const t = textTarget(a);
  if (t) {
    const [quote, pos] = t.selectors;
    const cp = exportedPositions(quote, pos);
    const position = { type: 'TextPositionSelector', start: cp.start, end: cp.end };
    const quoteSel = {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    };
    target.selector = t.scope ? [quoteSel, fragmentSelector(t.scope, position)] : [quoteSel, position];
  } else if (a.target.scope) {
    target.selector = fragmentSelector(a.target.scope);
  }
  if (meetingDate) target.state = { type: 'TimeState', sourceDate: `${meetingDate}T00:00:00Z` };
  target.styleClass = `sagsspor-${a.color}`;

  const out: Record<string, unknown> = {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.motivation,
    created: isoSeconds(a.created),
    modified: isoSeconds(a.modified),
    stylesheet: {
      type: 'CssStylesheet',
      value: `.sagsspor-${a.color} { background-color: ${COLOR_CSS[a.color]}; }`,
    },
  };
  if (body.length === 1) out.body = body[0];
  else if (body.length) out.body = body;
  out.target = target;
  return out;
}

/** The bundle as an AnnotationCollection (JSON-LD text). */
export function toJsonLd(bundle: ExportBundle, opts: JsonLdOptions = {}): string {
  return runSync(jsonLdChunks(bundle, opts));
}

/** `toJsonLd` in slices (see `runAsync` in ./shared); the final stringify is one step. */
export function* jsonLdChunks(bundle: ExportBundle, opts: JsonLdOptions = {}): Chunked<string> {
  const total = bundle.annotations.length;
  const report = progressReporter(total, opts.onProgress);
  const dates = new Map(bundle.meetings.map((m) => [m.key, m.date]));
  const seed = `${bundle.scope.kind}|${bundle.scope.key ?? bundle.scope.label}|${bundle.generatedAt}`;
  const items: Record<string, unknown>[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const a = bundle.annotations[i]!;
    items[i] = toW3cAnnotation(
      a,
      a.page.meetingKey ? (dates.get(a.page.meetingKey) ?? null) : null,
      opts.noteLanguage,
    );
    report(i + 1);
    if ((i + 1) % CHUNK === 0) yield;
  }
  report(total);
  const doc = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${nameUuid(`collection|${seed}`)}`,
    type: 'AnnotationCollection',
    label: bundle.scope.label,
    generated: isoSeconds(bundle.generatedAt),
    total,
    first: { id: `urn:uuid:${nameUuid(`page|${seed}`)}`, type: 'AnnotationPage', startIndex: 0, items },
  };
  // One native stringify of the whole document: no per-item re-indenting.
  return `${JSON.stringify(doc, null, (opts.pretty ?? true) ? 2 : undefined)}\n`;
}
