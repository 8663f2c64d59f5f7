// Input and option types of the export formatters. Pure data: the background reads the records
// from the database (lib/db) and hands them over; the formatters never touch storage.
import type { Annotation } from '../model/annotation';
import type { Appearance, Follow, MeetingRecord } from '../model/records';

export type ExportScopeKind = 'meeting' | 'case' | 'tag' | 'all';

/** What an export covers: `label` is for headings and file names; `key` is the meeting key, case key or tag. */
export interface ExportScope {
  kind: ExportScopeKind;
  label: string;
  key?: string;
}

export interface ExportBundle {
  meetings: MeetingRecord[];
  /** Non-deleted annotations only (`selectBundle` drops soft-deleted ones). */
  annotations: Annotation[];
  follows?: Follow[];
  appearances?: Appearance[];
  /** Milliseconds since the epoch. */
  generatedAt: number;
  scope: ExportScope;
}

/** Everything the database holds that exports can draw from (`selectBundle` narrows it). */
export interface ExportSource {
  meetings: readonly MeetingRecord[];
  annotations: readonly Annotation[];
  follows?: readonly Follow[];
  appearances?: readonly Appearance[];
}

/** Which part to select: a meeting key, a case key, a tag, or everything. */
export type ScopeRequest =
  | { kind: 'meeting'; key: string }
  | { kind: 'case'; key: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'all' };

export type ExportLang = 'da' | 'en';

/** Called as work proceeds: `done` of `total` items (annotations, rows or events). */
export type ProgressFn = (done: number, total: number) => void;

export const EXPORT_FORMATS = ['markdown', 'csv', 'jsonld', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension and MIME type per format (for the downloads API / Blob). */
export const FORMAT_INFO: Record<ExportFormat, { ext: string; mime: string }> = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8' },
  jsonld: { ext: 'jsonld', mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  ics: { ext: 'ics', mime: 'text/calendar;charset=utf-8' },
};
