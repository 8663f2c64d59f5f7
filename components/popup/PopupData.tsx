import { useEffect, useRef, useState } from 'preact/hooks';
import type { DataApi, SearchHits } from '../../lib/ui-client/api';
import { tr } from '../common/i18n';
import { SearchBox } from '../common/SearchBox';
import { BackupNotice } from './BackupNotice';
import { FollowedList } from './FollowedList';
import { SearchResults } from './SearchResults';
import { Topics } from './Topics';
import type { PopupData } from './usePopupData';

export interface PopupLinks {
  /** Opens the dashboard at a hash route, e.g. `/case/<key>`, `/export`. */
  openDashboard: (route: string) => void;
  openUrl: (url: string) => void;
}

export interface PopupDataViewProps extends PopupLinks {
  api: DataApi;
  data: PopupData;
  /** Search debounce (ms). */
  searchDelay?: number;
}

/** Below the current page: search, followed cases, topics and links to the dashboard. */
export function PopupDataView({ api, data, openDashboard, openUrl, searchDelay = 200 }: PopupDataViewProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHits | 'loading' | 'error'>('loading');
  const seq = useRef(0);
  useEffect(() => {
    if (!query) return;
    const mine = ++seq.current;
    setHits('loading');
    api.search(query, 30).then(
      (h) => mine === seq.current && setHits(h),
      () => mine === seq.current && setHits('error'),
    );
  }, [api, query]);

  const openCase = (caseKey: string) => {
    data.markSeen(caseKey);
    openDashboard(`/case/${encodeURIComponent(caseKey)}`);
  };

  return (
    <div class="popup-data">
      <section class="popup-section" aria-labelledby="popup-search-h">
        <h2 id="popup-search-h" class="sgs-visually-hidden">
          {tr('popup_searchHeading')}
        </h2>
        <div class="popup-pad">
          <SearchBox
            label={tr('popup_searchLabel')}
            placeholder={tr('popup_searchPlaceholder')}
            onSearch={setQuery}
            delay={searchDelay}
            testId="search"
          />
        </div>
        {query && <SearchResults query={query} hits={hits} onOpenCase={openCase} onOpenUrl={openUrl} />}
      </section>
      {!query && (
        <>
          <section class="popup-section" aria-labelledby="popup-followed-h">
            <h2 id="popup-followed-h" class="popup-h">
              {tr('popup_followedHeading')}
              {data.complete && Array.isArray(data.follows) && data.follows.length > 0
                ? ` (${data.follows.length})`
                : ''}
            </h2>
            {data.follows === null ? (
              <p class="sgs-muted popup-pad">{tr('popup_loading')}</p>
            ) : data.follows === 'error' ? (
              <p class="popup-error popup-pad">{tr('popup_loadFailed')}</p>
            ) : (
              <>
                <FollowedList
                  follows={data.follows}
                  onOpen={(f) => openCase(f.caseKey)}
                  onUnfollow={(f) => data.unfollow(f.caseKey, f.title)}
                />
                <BackupNotice api={api} onBackup={() => openDashboard('/backup')} />
              </>
            )}
          </section>
          <section class="popup-section" aria-labelledby="popup-topics-h">
            <h2 id="popup-topics-h" class="popup-h">
              {tr('popup_topicsHeading')}
            </h2>
            <Topics
              topics={data.topics}
              onAdd={data.addTopic}
              onRemove={data.removeTopic}
              onOpen={(topic) => openDashboard(`/topic/${encodeURIComponent(topic.id)}`)}
            />
          </section>
        </>
      )}
      <nav class="popup-links" aria-label={tr('popup_linksLabel')}>
        <button
          type="button"
          class="sgs-button-link sgs-button"
          onClick={() => openDashboard('/annotations')}
        >
          {tr('popup_linkAnnotations')}
        </button>
        <button
          type="button"
          class="sgs-button-link sgs-button"
          data-testid="popup-export"
          onClick={() => openDashboard('/export')}
        >
          {tr('popup_linkExport')}
        </button>
        <button
          type="button"
          class="sgs-button-link sgs-button"
          data-testid="popup-backup"
          onClick={() => openDashboard('/backup')}
        >
          {tr('popup_linkBackup')}
        </button>
      </nav>
    </div>
  );
}
