import type { DataApi } from '../../lib/ui-client/api';
import { useLoad } from '../common/hooks';
import { tr } from '../common/i18n';
import { safeHref } from '../common/links';
import { ShowMore, useCapped } from '../common/ShowMore';
import { formatDate } from '../i18n';
import { topicLabel } from '../popup/Topics';
import { caseHref } from './route';

/** The punkter a topic matched on every remembered page, newest meeting first. */
export function TopicView({ api, id }: { api: DataApi; id: string }) {
  const [state] = useLoad(() => api.topicPunkter(id), [api, id]);
  const list = state.status === 'ready' ? state.data.punkter : [];
  const [visible, more] = useCapped(list, 50);
  if (state.status === 'loading') return <p class="sgs-muted">{tr('popup_loading')}</p>;
  if (state.status === 'error') return <p class="dash-error">{tr('dash_loadFailed')}</p>;
  return (
    <section>
      <h1>{topicLabel(state.data.topic)}</h1>
      {list.length === 0 ? (
        <p class="sgs-muted">{tr('dash_topicEmpty')}</p>
      ) : (
        <ul class="dash-cases" data-testid="topic-punkter">
          {visible.map((p) => {
            const href = safeHref(p.deepLink);
            return (
              <li key={p.id} data-case-key={p.caseKey}>
                <a href={caseHref(p.caseKey)}>{p.title}</a>{' '}
                <span class="sgs-muted">
                  {[p.municipality, p.committee, p.date ? formatDate(p.date) : null, p.caseNumber]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {href && (
                  <>
                    {' · '}
                    <a class="sgs-link" href={href} target="_blank" rel="noopener noreferrer">
                      {tr('dash_openPunkt')}
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ShowMore onClick={more} remaining={list.length - visible.length} />
    </section>
  );
}
