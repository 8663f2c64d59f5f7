import { textFragmentDirective, textTarget, withTextFragment } from '../../lib/export/shared';
import type { Annotation } from '../../lib/model/annotation';
import { tr } from '../common/i18n';
import { safeHref } from '../common/links';
import { caseHref } from './route';

export interface AnnotationItemProps {
  a: Annotation;
  /** "Økonomiudvalget — 2024-05-01, punkt 3"; omitted inside a timeline entry. */
  context?: string;
  /** Show a link to the case timeline. */
  showCase?: boolean;
  /** The punkt's deep link (meeting record or visited appearance), when known. */
  punktLink?: string | null;
}

/**
 * "Open the page": the punkt's deep link when known, else the page the note was made on; for a
 * highlight with a text fragment (as the exports link) so the browser scrolls to the quote.
 * Only http(s).
 */
export function noteHref(a: Annotation, punktLink?: string | null): string | null {
  const page = safeHref(a.page.url);
  const deep = safeHref(punktLink);
  // The meeting record keeps one deep link per punkt, from whichever copy of the meeting was read
  // last: a note made on another site (or another page) opens its own page instead.
  const base = deep && (!page || samePage(deep, page)) ? deep : page;
  if (!base) return null;
  const t = textTarget(a);
  if (!t) return base;
  const q = t.selectors[0];
  return withTextFragment(base, textFragmentDirective(q.exact, q.prefix, q.suffix));
}

/** One annotation: colour, quote, note, tags and links back. Page text as text only. */
export function AnnotationItem({ a, context, showCase = true, punktLink }: AnnotationItemProps) {
  const href = noteHref(a, punktLink);
  return (
    <li class="dash-annotation" data-annotation-id={a.id} data-color={a.color}>
      <span class={`sgs-swatch sgs-swatch-${a.color}`} role="img" aria-label={colorName(a.color)} />
      {a.quote && <blockquote class="dash-quote">{a.quote}</blockquote>}
      {a.note && <p class="dash-note">{a.note}</p>}
      {a.tags.length > 0 && (
        <ul class="dash-tags" aria-label={tr('dash_tagsLabel')}>
          {a.tags.map((t) => (
            <li key={t}>
              <a class="dash-tag" href={`#/annotations?tag=${encodeURIComponent(t)}`}>
                #{t}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="dash-annotation-meta sgs-muted">
        {context && <span>{context} </span>}
        {href && (
          <a class="sgs-link" href={href} target="_blank" rel="noopener noreferrer">
            {tr('dash_openPage')}
          </a>
        )}
        {showCase && a.page.caseKey && (
          <>
            {' · '}
            <a class="sgs-link" href={caseHref(a.page.caseKey)}>
              {tr('dash_openTimeline')}
            </a>
          </>
        )}
      </p>
    </li>
  );
}

function samePage(a: string, b: string): boolean {
  const x = new URL(a);
  const y = new URL(b);
  return x.origin === y.origin && x.pathname === y.pathname;
}

export function colorName(c: Annotation['color']): string {
  switch (c) {
    case 'yellow':
      return tr('dash_colorYellow');
    case 'green':
      return tr('dash_colorGreen');
    case 'blue':
      return tr('dash_colorBlue');
    case 'pink':
      return tr('dash_colorPink');
    case 'purple':
      return tr('dash_colorPurple');
  }
}
