// One entry point for the background: a bundle and a format in, the file's text, name and MIME type
// out (wrap `text` in a Blob for the downloads API).
import { toCsv } from './csv';
import { dateStamp, exportFileName } from './filename';
import { toIcs, upcomingTreatments } from './ics';
import { toJsonLd } from './jsonld';
import { toMarkdown } from './markdown';
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
  const lang = opts.lang ?? 'da';
  const mime = FORMAT_INFO[format].mime;
  switch (format) {
    case 'markdown':
      return {
        text: toMarkdown(bundle, { lang, onProgress: opts.onProgress }),
        fileName: exportFileName(bundle.scope, format, bundle.generatedAt),
        mime,
      };
    case 'csv':
      return {
        text: toCsv(bundle, { lang, onProgress: opts.onProgress, delimiter: opts.delimiter }),
        fileName: exportFileName(bundle.scope, format, bundle.generatedAt),
        mime,
      };
    case 'jsonld':
      return {
        text: toJsonLd(bundle, { onProgress: opts.onProgress }),
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
        text: toIcs(upcoming, { now: bundle.generatedAt, lang, onProgress: opts.onProgress }),
        fileName: exportFileName({ kind: bundle.scope.kind, label }, format, bundle.generatedAt),
        mime,
      };
    }
  }
}
