// The minutes model: defined once, here, as zod schemas. Types are inferred.
import { z } from './zod';

export const SECTION_KINDS = [
  'resume',
  'sagsfremstilling',
  'indstilling',
  'beslutning',
  'bilag',
  'oekonomi',
  'lovgrundlag',
  'historik',
  'kommende',
  'andet',
] as const;
export const SectionKind = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKind>;

/** A path from `document.body` (or the parsed root) to an element: child-element indexes. */
export const NodePath = z.array(z.int().check(z.nonnegative()));
export type NodePath = z.infer<typeof NodePath>;

/**
 * Where a punkt or section lives in the DOM: from just before the element at
 * `startPath` (its heading — or its first block when it has no heading) to
 * just before the element at `endPath` (the next section / punkt, exclusive);
 * `endPath` null means to the end of `document.body`. Null for text input.
 * Resolve with `resolveDomRef(document, ref)` from lib/minutes.
 */
export const DomRef = z.object({
  startPath: NodePath,
  endPath: z.nullable(NodePath),
});
export type DomRef = z.infer<typeof DomRef>;

export const Section = z.object({
  kind: SectionKind,
  /** The heading as printed (e.g. "Beslutning i Beskæftigelse- og Borgerserviceudvalget den 15-09-2022"). */
  heading: z.string(),
  /** The section's text, whitespace collapsed within lines, paragraphs separated by "\n". */
  text: z.string(),
  dom: z.nullable(DomRef),
});
export type Section = z.infer<typeof Section>;

export const CaseNumberFormat = z.enum(['kle', 'kle-prefixed', 'year-serial', 'other']);
export const CaseNumber = z.object({
  /** As printed, e.g. "24.00.00-G01-16-23", "23-5-85.10.00-P07", "22/18533". */
  raw: z.string(),
  /** Normalised for matching across meetings (uppercase, no spaces). */
  normalised: z.string(),
  format: CaseNumberFormat,
  /** KLE number, e.g. "24.00.00", where the format carries it. */
  kle: z.nullable(z.string()),
  /** Handling facet, e.g. "G01", "P07". */
  facet: z.nullable(z.string()),
  serial: z.nullable(z.string()),
  /** Four-digit year where the format carries it. */
  year: z.nullable(z.int()),
});
export type CaseNumber = z.infer<typeof CaseNumber>;

export const HistoryRef = z.object({
  /** The committee or body, e.g. "Økonomiudvalget". */
  body: z.nullable(z.string()),
  date: z.nullable(z.iso.date()),
  punkt: z.nullable(z.int()),
  text: z.string(),
});
export type HistoryRef = z.infer<typeof HistoryRef>;

export const Upcoming = z.object({
  body: z.nullable(z.string()),
  date: z.nullable(z.iso.date()),
  text: z.string(),
});
export type Upcoming = z.infer<typeof Upcoming>;

export const Punkt = z.object({
  number: z.int(),
  /** Title without prefixes such as "Lukket:" or "Orienteringssag:". */
  title: z.string(),
  /** The heading as printed, prefixes included. */
  printedTitle: z.string(),
  /** Prefixes that were moved out of the title, e.g. ["Lukket"] or ["Orienteringssag"]. */
  prefixes: z.array(z.string()),
  caseNumber: z.nullable(z.string()),
  case: z.nullable(CaseNumber),
  closed: z.boolean(),
  decision: z.nullable(z.string()),
  sections: z.array(Section),
  attachments: z.array(z.string()),
  history: z.array(HistoryRef),
  upcoming: z.array(Upcoming),
  /** The platform's deep link to this punkt, where it has one. */
  deepLink: z.nullable(z.string()),
  /** DOM reference to the whole punkt (heading through body). */
  dom: z.nullable(DomRef),
});
export type Punkt = z.infer<typeof Punkt>;

export const MeetingKind = z.enum(['referat', 'dagsorden']);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const Meeting = z.object({
  municipality: z.nullable(z.string()),
  committee: z.nullable(z.string()),
  date: z.nullable(z.iso.date()),
  /** "HH:MM" */
  time: z.nullable(z.string()),
  place: z.nullable(z.string()),
  participants: z.array(z.string()),
  absent: z.array(z.string()),
  kind: z.nullable(MeetingKind),
  sourceUrl: z.nullable(z.string()),
  punkter: z.array(Punkt),
});
export type Meeting = z.infer<typeof Meeting>;

export const PLATFORMS = [
  'firstagenda',
  'aabendagsorden',
  'meetingsplus',
  'edoc',
  'sbsys',
  'punktpage',
  'generic',
  'text',
] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

export const ParseResult = z.object({
  isMinutes: z.boolean(),
  platform: z.nullable(Platform),
  meeting: z.optional(Meeting),
  /** Why a page was not recognised, for the user ("no punkter found", …). */
  reason: z.optional(z.string()),
});
export type ParseResult = z.infer<typeof ParseResult>;
