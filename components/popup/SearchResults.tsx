import type { Annotation } from '../../lib/model/annotation';
import type { PunktIndexRow } from '../../lib/model/records';
import { truncate } from '../../lib/ui/text';
import type { SearchHits } from '../../lib/ui-client/api';
import { tr } from '../common/i18n';
import { formatDate } from '../i18n';

export interface SearchResultsProps {
  query: string;
  hits: SearchHits | 'loading' | 'error';
  onOpenCase: (caseKey: string) => void;
  onOpenUrl: (url: string) => void;
}

/** Search answers: matching punkter (case titles) and annotations (highlights, notes, tags). */
export function SearchResults({ query, hits, onOpenCase, onOpenUrl }: SearchResultsProps) {
  return (
    <div class="search-results" data-testid="search-results" aria-live="polite" data-query={query}>
      {hits === 'loading' ? (
        <p class="sgs-muted popup-pad">{tr('popup_searching')}</p>
      ) : hits === 'error' ? (
        <p class="popup-error popup-pad">{tr('popup_searchFailed')}</p>
      ) : hits.punkter.length === 0 && hits.annotations.length === 0 ? (
        <p class="sgs-muted popup-pad">{tr('popup_searchNone', [query])}</p>
      ) : (
        <>
          {hits.punkter.length > 0 && (
            <ul class="results" aria-label={tr('popup_searchCases')}>
              {hits.punkter.map((p) => (
                <PunktHit key={p.id} p={p} onOpen={() => onOpenCase(p.caseKey)} />
              ))}
            </ul>
          )}
          {hits.annotations.length > 0 && (
            <ul class="results" aria-label={tr('popup_searchNotes')}>
              {hits.annotations.map((a) => (
                <AnnotationHit
                  key={a.id}
                  a={a}
                  onOpen={() => (a.page.caseKey ? onOpenCase(a.page.caseKey) : onOpenUrl(a.page.url))}
                />
              ))}
            </ul>
          )}
          {hits.truncated && <p class="sgs-muted popup-pad">{tr('popup_searchTruncated')}</p>}
        </>
      )}
    </div>
  );
}

function PunktHit({ p, onOpen }: { p: PunktIndexRow; onOpen: () => void }) {
  return (
    <li class="result" data-result="punkt" data-case-key={p.caseKey}>
      <button type="button" class="result-open" onClick={onOpen}>
        <span class="result-title">{p.title}</span>
        <span class="result-meta">
          {[p.municipality, p.committee, p.date ? formatDate(p.date) : null, p.caseNumber]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </button>
    </li>
  );
}

function AnnotationHit({ a, onOpen }: { a: Annotation; onOpen: () => void }) {
  const main = a.quote ? `“${truncate(a.quote, 120)}”` : truncate(a.note, 120);
  return (
    <li class="result" data-result="annotation" data-annotation-id={a.id}>
      <button type="button" class="result-open" onClick={onOpen}>
        <span class="result-title">
          <span class={`sgs-swatch sgs-swatch-${a.color}`} aria-hidden="true" />
          {main || tr('popup_annotationUntitled')}
        </span>
        {a.quote && a.note && <span class="result-note">{truncate(a.note, 120)}</span>}
        {a.tags.length > 0 && <span class="result-meta">{a.tags.map((t) => `#${t}`).join(' ')}</span>}
      </button>
    </li>
  );
}
