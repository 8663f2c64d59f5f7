// One entry point for the background: a bundle and a format in, the file's text, name and MIME type
// out (wrap `text` in a Blob for the downloads API).
import { csvChunks } from './csv';
import { dateStamp, exportFileName } from './filename';
import { icsChunks, upcomingTreatments } from './ics';
import { jsonLdChunks } from './jsonld';
import { markdownChunks } from './markdown';
import { type Chunked, runAsync, runSync } from './shared';
import { type ExportBundle, type ExportFormat, type ExportLang, FORMAT_INFO, type ProgressFn } from './types';

export interface RenderOptions {
  lang?: ExportLang;
  onProgress?: ProgressFn;
  /** CSV delimiter (see CsvOptions). */
  delimiter?: ',' | ';' | '\t';
  /** For iCalendar: treatments on or after this ISO date; default the local date of `generatedAt`. */
  today?: string;
}

export interface RenderedExport {
  text: string;
  fileName: string;
  mime: string;
}

const ICS_LABEL = { da: 'Kommende behandlinger', en: 'Upcoming treatments' };

/**
 * Renders `bundle` in `format`. iCalendar draws on the bundle's follows, appearances and meetings
 * (the upcoming treatments of followed cases), so select it with scope 'all' or 'case'.
 */
export function renderExport(
  format: ExportFormat,
  bundle: ExportBundle,
  opts: RenderOptions = {},
): RenderedExport {
  return runSync(renderChunks(format, bundle, opts));
}

/**
 * `renderExport` in slices: awaits a macrotask whenever a slice ran longer than `sliceMs`, so a
 * page can paint the progress that `onProgress` reports (a synchronous run would paint only at
 * the end).
 */
export function renderExportAsync(
  format: ExportFormat,
  bundle: ExportBundle,
  opts: RenderOptions & { sliceMs?: number } = {},
): Promise<RenderedExport> {
  return runAsync(renderChunks(format, bundle, opts), opts.sliceMs);
}

function* renderChunks(
  format: ExportFormat,
  bundle: ExportBundle,
  opts: RenderOptions,
): Chunked<RenderedExport> {
  const lang = opts.lang ?? 'da';
  const mime = FORMAT_INFO[format].mime;
  switch (format) {
    case 'markdown':
      return {
        text: yield* markdownChunks(bundle, { lang, onProgress: opts.onProgress }),
        fileName: exportFileName(bundle.scope, format, bundle.generatedAt),
        mime,
      };
    case 'csv':
      return {
        text: yield* csvChunks(bundle, { lang, onProgress: opts.onProgress, delimiter: opts.delimiter }),
        fileName: exportFileName(bundle.scope, format, bundle.generatedAt),
        mime,
      };
    case 'jsonld':
      return {
        text: yield* jsonLdChunks(bundle, { onProgress: opts.onProgress }),
        fileName: exportFileName(bundle.scope, format, bundle.generatedAt),
        mime,
      };
    case 'ics': {
      const upcoming = upcomingTreatments(
        { follows: bundle.follows ?? [], appearances: bundle.appearances ?? [], meetings: bundle.meetings },
        opts.today ?? dateStamp(bundle.generatedAt),
      );
      const label =
        bundle.scope.kind === 'case' ? `${ICS_LABEL[lang]} ${bundle.scope.label}` : ICS_LABEL[lang];
      return {
        text: yield* icsChunks(upcoming, { now: bundle.generatedAt, lang, onProgress: opts.onProgress }),
        fileName: exportFileName({ kind: bundle.scope.kind, label }, format, bundle.generatedAt),
        mime,
      };
    }
  }
}
