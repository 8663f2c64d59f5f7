// Annotation targets: W3C Web Annotation selectors plus the punkt identity
// they are measured from. Offsets count characters of the anchoring text
// model (lib/anchoring/text-index.ts): `<br>` is one space and block
// boundaries add one "\n" unless whitespace is already there.
import { SectionKind } from './minutes';
import { z } from './zod';

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1)),
  /** About 32 characters before and after (lib/anchoring QUOTE_CONTEXT_CHARS). */
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/**
 * The same span in Unicode code points (what the W3C model counts), measured like `start`/`end`
 * from the scope's first character: `[...scopeText.slice(0, start)].length`.
 */
export const CodePointRange = z
  .object({
    start: z.int().check(z.nonnegative()),
    end: z.int().check(z.nonnegative()),
  })
  .check(z.refine((r) => r.end >= r.start, { message: 'end must be >= start' }));
export type CodePointRange = z.infer<typeof CodePointRange>;

/**
 * `start`/`end` are UTF-16 code units of the anchoring text model (what anchoring uses).
 * `codePoints` (written by lib/anchoring `describe`) is the same span in code
 * points, for the W3C export; optional, so annotations and backups written before it stay valid
 * (the export then approximates from the quote's prefix, see lib/export/jsonld.ts).
 */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.int().check(z.nonnegative()),
    end: z.int().check(z.nonnegative()),
    codePoints: z.optional(CodePointRange),
  })
  .check(
    z.refine((s) => s.end >= s.start, { message: 'end must be >= start' }),
    // A code point is one or two code units.
    z.refine((s) => !s.codePoints || (s.codePoints.start <= s.start && s.codePoints.end <= s.end), {
      message: 'codePoints must not exceed the UTF-16 offsets',
    }),
  );
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/**
 * Which part of the page the position selector is measured from: a section of
 * a punkt (sectionKind + sectionIndex) or the whole punkt (sectionKind null).
 */
export const AnchorScope = z.object({
  /** Stable key of the meeting (e.g. canonical URL or committee + date), if known. */
  meetingKey: z.optional(z.string()),
  punktNumber: z.int(),
  /** Case number as printed; preferred over the number when punkter were renumbered. */
  caseNumber: z.nullable(z.string()),
  sectionKind: z.nullable(SectionKind),
  /** Index into the punkt's `sections` array (null with sectionKind null). */
  sectionIndex: z.nullable(z.int().check(z.nonnegative())),
});
export type AnchorScope = z.infer<typeof AnchorScope>;

/** Where an annotation points: scope (null = the whole page) plus [quote, position]. */
export const Target = z.object({
  scope: z.nullable(AnchorScope),
  selectors: z.tuple([TextQuoteSelector, TextPositionSelector]),
});
export type Target = z.infer<typeof Target>;

export const ANCHOR_METHODS = ['position', 'quote', 'fuzzy-scope', 'quote-page', 'fuzzy-page'] as const;
export const AnchorMethod = z.enum(ANCHOR_METHODS);
export type AnchorMethod = z.infer<typeof AnchorMethod>;

export const AnchorStatus = z.enum(['anchored', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;
