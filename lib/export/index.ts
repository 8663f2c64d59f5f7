// lib/export: pure formatters (no extension APIs, no storage). See README.md.
export { CSV_COLUMNS, type CsvOptions, csvChunks, csvField, guardFormula, toCsv } from './csv';
export { dateStamp, exportFileName, slugify } from './filename';
export {
  escapeIcsText,
  eventUid,
  foldLine,
  type IcsOptions,
  icsChunks,
  toIcs,
  type UpcomingTreatment,
  upcomingTreatments,
} from './ics';
export {
  ANNO_CONTEXT,
  codePointLength,
  type JsonLdOptions,
  jsonLdChunks,
  PUNKT_FRAGMENT_SPEC,
  punktFragment,
  toCodePointPositions,
  toJsonLd,
  toW3cAnnotation,
} from './jsonld';
export { type MarkdownOptions, markdownChunks, toMarkdown } from './markdown';
export { type RenderedExport, type RenderOptions, renderExport, renderExportAsync } from './render';
export { caseTitle, meetingLabel, normaliseTag, type SelectOptions, selectBundle } from './select';
export { type Chunked, runAsync, runSync, textFragmentDirective } from './shared';
export * from './types';
