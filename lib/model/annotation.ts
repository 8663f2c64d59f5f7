// Annotations (issue 3): defined once, here, as zod schemas. Types are inferred.
// The stored row adds derived index fields (see lib/db/rows.ts); this is the domain record.
import { AnchorScope, Target } from './selectors';
import { z } from './zod';

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const AnnotationColor = z.enum(ANNOTATION_COLORS);
export type AnnotationColor = z.infer<typeof AnnotationColor>;

export const MOTIVATIONS = ['highlighting', 'commenting', 'tagging'] as const;
export const Motivation = z.enum(MOTIVATIONS);
export type Motivation = z.infer<typeof Motivation>;

export const ANNOTATION_STATUSES = ['anchored', 'orphaned'] as const;
export const AnnotationStatus = z.enum(ANNOTATION_STATUSES);
export type AnnotationStatus = z.infer<typeof AnnotationStatus>;

/** Milliseconds since the epoch. */
export const EpochMs = z.int().check(z.nonnegative());

/** Where the annotation was made: the page and the punkt's identity. */
export const AnnotationPage = z.object({
  /** Canonical URL: no hash, no tracking parameters (see `canonicalUrl` in lib/db/keys). */
  url: z.string().check(z.minLength(1)),
  municipality: z.nullable(z.string()),
  /** Stable meeting key (`meetingKeyOf` in lib/db/keys), null when the page is not a recognised meeting. */
  meetingKey: z.nullable(z.string()),
  /** Null for an annotation on the meeting as a whole. */
  punktNumber: z.nullable(z.int()),
  /** As printed on the page. */
  caseNumber: z.nullable(z.string()),
  /** Derived by the database layer (`caseKeyOf`); callers may omit it. */
  caseKey: z.optional(z.nullable(z.string())),
});
export type AnnotationPage = z.infer<typeof AnnotationPage>;

/**
 * What is annotated. A text annotation carries the anchoring layer's `Target` (punkt-relative scope
 * plus TextQuoteSelector and TextPositionSelector, see ./selectors); a note or tag on a whole punkt
 * (from the outline) carries only the punkt's scope and no selectors.
 */
export const PunktTarget = z.object({
  scope: AnchorScope,
  selectors: z.tuple([]),
});
export type PunktTarget = z.infer<typeof PunktTarget>;

export const AnnotationTarget = z.union([Target, PunktTarget]);
export type AnnotationTarget = z.infer<typeof AnnotationTarget>;

export const Annotation = z.object({
  /** A UUID made by the client, so retries are idempotent. */
  id: z.uuid(),
  page: AnnotationPage,
  target: AnnotationTarget,
  motivation: Motivation,
  color: AnnotationColor,
  note: z.string(),
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(100))),
  /** The exact text annotated (empty for a whole-punkt note or tag). */
  quote: z.string(),
  created: EpochMs,
  /** Last user edit; a write older than the stored one is ignored. */
  modified: EpochMs,
  status: AnnotationStatus,
  /** Soft delete (for undo); purged later. */
  deletedAt: z.nullable(EpochMs),
});
export type Annotation = z.infer<typeof Annotation>;

/** What a client sends to create or update an annotation: status and deletedAt default. */
export const AnnotationInput = z.object({
  ...Annotation.shape,
  status: z.optional(AnnotationStatus),
  deletedAt: z.optional(z.nullable(EpochMs)),
});
export type AnnotationInput = z.infer<typeof AnnotationInput>;
