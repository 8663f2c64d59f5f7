// CSV export: one row per annotation. RFC 4180 (CRLF, quotes doubled, fields with the delimiter,
// quotes, CR or LF quoted), UTF-8 with a byte order mark so Excel reads Danish letters right.
//
// Formula injection (CSV injection, OWASP): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
// carriage return could run as a formula in a spreadsheet, so such cells get a leading `'`, which
// spreadsheets show as text. Page text is not ours to trust. The price: a quote that starts with
// "- " (a bullet) or a note "-5" shows the apostrophe in tools that do not hide it.
import {
  annotationLink,
  CHUNK,
  type Chunked,
  compareAnnotations,
  findPunkt,
  groupByMeeting,
  isoSeconds,
  progressReporter,
  runSync,
  textTarget,
} from './shared';
import type { ExportBundle, ExportLang, ProgressFn } from './types';

export interface CsvOptions {
  /** Header language; default 'da'. */
  lang?: ExportLang;
  /**
   * Field delimiter; default ',' (RFC 4180). Excel with Danish regional settings splits on ';' when
   * a file is opened by double-click, so a UI may offer ';' as "Excel (Danish)".
   */
  delimiter?: ',' | ';' | '\t';
  onProgress?: ProgressFn;
}

export const CSV_COLUMNS = [
  'municipality',
  'committee',
  'date',
  'punkt',
  'caseNumber',
  'decision',
  'quote',
  'note',
  'tags',
  'colour',
  'link',
  'created',
  'modified',
] as const;

const HEADERS: Record<ExportLang, string[]> = {
  da: [
    'Kommune',
    'Udvalg',
    'Dato',
    'Punkt',
    'Sagsnummer',
    'Beslutning',
    'Citat',
    'Note',
    'Tags',
    'Farve',
    'Link',
    'Oprettet',
    'Ændret',
  ],
  en: [
    'Municipality',
    'Committee',
    'Date',
    'Punkt',
    'Case number',
    'Decision',
    'Quote',
    'Note',
    'Tags',
    'Colour',
    'Link',
    'Created',
    'Modified',
  ],
};

const FORMULA_START = /^[=+\-@\t\r]/;

/** The injection guard alone: prefixes `'` to a cell starting with = + - @ tab or CR. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field: guarded, then quoted (quotes doubled) when it holds the delimiter, a quote, CR or LF. */
export function csvField(value: string, delimiter = ','): string {
  const v = guardFormula(value);
  if (v.includes('"') || v.includes('\n') || v.includes('\r') || v.includes(delimiter))
    return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** The bundle as CSV text, starting with U+FEFF (the BOM) and ending with CRLF. */
export function toCsv(bundle: ExportBundle, opts: CsvOptions = {}): string {
  return runSync(csvChunks(bundle, opts));
}

/** `toCsv` in slices (see `runAsync` in ./shared). */
export function* csvChunks(bundle: ExportBundle, opts: CsvOptions = {}): Chunked<string> {
  const d = opts.delimiter ?? ',';
  const total = bundle.annotations.length;
  const report = progressReporter(total, opts.onProgress);
  const rows: string[] = [HEADERS[opts.lang ?? 'da'].map((h) => csvField(h, d)).join(d)];
  let done = 0;
  for (const g of groupByMeeting(bundle.meetings, bundle.annotations, false)) {
    const m = g.meeting;
    const annotations = [...g.meetingNotes, ...[...g.byPunkt.values()].flat()].sort(compareAnnotations);
    for (const a of annotations) {
      const p = findPunkt(m, a.page.punktNumber);
      const t = textTarget(a);
      const cells = [
        m?.municipality ?? a.page.municipality ?? '',
        m?.committee ?? '',
        m?.date ?? '',
        a.page.punktNumber == null ? '' : String(a.page.punktNumber),
        p?.caseNumber ?? a.page.caseNumber ?? '',
        p?.decision ?? '',
        t ? t.selectors[0].exact : a.quote,
        a.note,
        a.tags.join('; '),
        a.color,
        annotationLink(a, p),
        isoSeconds(a.created),
        isoSeconds(a.modified),
      ];
      rows.push(cells.map((c) => csvField(c, d)).join(d));
      report(++done);
      if (done % CHUNK === 0) yield;
    }
  }
  report(total);
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
