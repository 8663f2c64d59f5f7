// Pure helpers over the page's annotations, for the panel.
import type { Annotation } from '../../lib/model/annotation';
import { collapseWhitespace, truncate } from '../../lib/ui/text';

/** Live (not deleted) annotations per punkt number; whole-meeting ones (punktNumber null) are left out. */
export function countPerPunkt(
  annotations: Iterable<Pick<Annotation, 'page' | 'deletedAt'>>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of annotations) {
    if (a.deletedAt !== null) continue;
    const n = a.page.punktNumber;
    if (n === null) continue;
    out.set(n, (out.get(n) ?? 0) + 1);
  }
  return out;
}

/** What the panel lists of one annotation. */
export interface ListedAnnotation {
  id: string;
  punktNumber: number | null;
  /** Whole punkt (no text selectors). */
  whole: boolean;
  color: Annotation['color'];
  /** Quote (text annotations) or note, collapsed and shortened. */
  text: string;
  note: string;
  tags: string[];
}

export function listed(a: Annotation, max = 90): ListedAnnotation {
  const whole = a.target.selectors.length === 0;
  return {
    id: a.id,
    punktNumber: a.page.punktNumber,
    whole,
    color: a.color,
    text: truncate(whole ? a.note || a.tags.join(', ') : a.quote, max),
    note: truncate(a.note, max),
    tags: a.tags,
  };
}

/** An orphan's quote for display: whitespace collapsed, shortened. */
export function orphanQuote(a: Pick<Annotation, 'quote' | 'note'>, max = 160): string {
  const q = collapseWhitespace(a.quote);
  return truncate(q || a.note, max);
}
