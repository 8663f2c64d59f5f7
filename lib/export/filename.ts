// Descriptive, filesystem-safe file names: sagsspor-<label slug>[-<date>].<ext>
import { type ExportFormat, type ExportScope, FORMAT_INFO } from './types';

const TRANSLIT: Record<string, string> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  đ: 'd',
  œ: 'oe',
};

const MAX_SLUG = 120;

/** Lowercase ASCII words joined by '-': æ→ae, ø→oe, å→aa, other accents dropped, the rest removed. */
export function slugify(s: string, max = MAX_SLUG): string {
  const ascii = s
    .toLowerCase()
    .replace(/[æøåäöüßðþłđœ]/g, (c) => TRANSLIT[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    slug = slug.slice(0, max);
    const cut = slug.lastIndexOf('-');
    if (cut > max / 2) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, '');
  }
  return slug;
}

/** YYYY-MM-DD: an ISO date string as is, else the local calendar date of a Date or epoch ms. */
export function dateStamp(date: Date | number | string): string {
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) return date.slice(0, 10);
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * `sagsspor-ballerup-erhvervs-beskaeftigelses-og-uddannelsesudvalget-2023-06-06.md`: the scope's
 * label as a slug, then `date` (the export date) unless the label already ends with a date (a
 * meeting's label does), then the format's extension.
 */
export function exportFileName(
  scope: Pick<ExportScope, 'kind' | 'label'>,
  format: ExportFormat,
  date: Date | number | string,
): string {
  const slug = slugify(scope.label) || scope.kind;
  const stamp = dateStamp(date);
  const withDate = /\d{4}-\d{2}-\d{2}$/.test(slug) || !stamp ? slug : `${slug}-${stamp}`;
  return `sagsspor-${withDate}.${FORMAT_INFO[format].ext}`;
}
