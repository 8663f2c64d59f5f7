// What the database stores: domain records plus derived index fields.
import { Annotation } from '../model/annotation';
import { Appearance, Follow, MeetingRecord, MetaEntry, Topic } from '../model/records';
import { z } from '../model/zod';
import { caseKeyOf, municipalityOf } from './keys';
import { indexWords } from './text';

export const AnnotationRow = z.object({
  ...Annotation.shape,
  page: z.object({ ...Annotation.shape.page.shape, caseKey: z.nullable(z.string()) }),
  /** Search tokens of quote, note, tags and case number (`annotationWords`). */
  words: z.array(z.string()),
});
export type AnnotationRow = z.infer<typeof AnnotationRow>;

type AnnotationLike = Pick<Annotation, 'quote' | 'note' | 'tags'> & {
  page: Pick<Annotation['page'], 'caseNumber'>;
};

export function annotationWords(a: AnnotationLike): string[] {
  return indexWords(a.quote, a.note, a.tags, a.page.caseNumber);
}

export function annotationCaseKey(page: Annotation['page']): string | null {
  // The same municipality fallback (host name) as remembered meetings use.
  return caseKeyOf(
    municipalityOf(page.municipality, page.url),
    page.caseNumber,
    page.meetingKey,
    page.punktNumber,
  );
}

/** Soft-deleted (kept for undo until purged): `deletedAt` is a time; null or absent is live. */
export function isSoftDeleted(r: { deletedAt?: number | null }): boolean {
  return typeof r.deletedAt === 'number' && r.deletedAt >= 0;
}

/** The row for a domain record: derived fields computed here, nowhere else. */
export function toAnnotationRow(a: Annotation): AnnotationRow {
  return { ...a, page: { ...a.page, caseKey: annotationCaseKey(a.page) }, words: annotationWords(a) };
}

/** The domain record of a row (derived fields dropped). */
export function fromAnnotationRow(row: AnnotationRow): Annotation {
  const { words: _words, ...a } = row;
  return a;
}

/** Zod schema of every table's rows at the current version (used by tests and backup import). */
export const ROW_SCHEMAS = {
  annotations: AnnotationRow,
  meta: MetaEntry,
  meetings: MeetingRecord,
  appearances: Appearance,
  follows: Follow,
  topics: Topic,
} as const;
export type TableName = keyof typeof ROW_SCHEMAS;
