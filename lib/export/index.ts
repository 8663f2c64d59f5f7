// lib/export: pure formatters (no extension APIs, no storage). See README.md.
export { CSV_COLUMNS, type CsvOptions, csvField, guardFormula, toCsv } from './csv';
export { dateStamp, exportFileName, slugify } from './filename';
export {
  escapeIcsText,
  eventUid,
  foldLine,
  type IcsOptions,
  toIcs,
  type UpcomingTreatment,
  upcomingTreatments,
} from './ics';
export {
  ANNO_CONTEXT,
  codePointLength,
  type JsonLdOptions,
  PUNKT_FRAGMENT_SPEC,
  punktFragment,
  toCodePointPositions,
  toJsonLd,
  toW3cAnnotation,
} from './jsonld';
export { type MarkdownOptions, toMarkdown } from './markdown';
export { type RenderedExport, type RenderOptions, renderExport } from './render';
export { caseTitle, meetingLabel, normaliseTag, type SelectOptions, selectBundle } from './select';
export { textFragmentDirective } from './shared';
export * from './types';
