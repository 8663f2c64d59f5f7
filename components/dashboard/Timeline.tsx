import type { Annotation } from '../../lib/model/annotation';
import type { Appearance } from '../../lib/model/records';
import type { DataApi } from '../../lib/ui-client/api';
import { useLoad } from '../common/hooks';
import { tr } from '../common/i18n';
import { safeHref } from '../common/links';
import { formatDate } from '../i18n';
import { AnnotationItem } from './AnnotationItem';
import { hrefWith } from './route';

const SOURCE_RANK: Record<Appearance['source'], number> = { upcoming: 0, history: 1, visited: 2 };

/** Date order, undated last; on one date a visited punkt before the printed lines about it. */
export function orderAppearances(list: readonly Appearance[]): Appearance[] {
  return [...list].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      SOURCE_RANK[b.source] - SOURCE_RANK[a.source] ||
      (a.punktNumber ?? 0) - (b.punktNumber ?? 0),
  );
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export interface TimelineProps {
  api: DataApi;
  caseKey: string;
  today?: string;
  onToast: (text: string, undo?: () => void) => void;
}

/** A case's timeline: every appearance, past and upcoming, with decisions, annotations and links. */
export function Timeline({ api, caseKey, today = todayIso(), onToast }: TimelineProps) {
  const [state, reload] = useLoad(async () => {
    const t = await api.caseTimeline(caseKey);
    if (t.follow && t.follow.newCount > 0) api.markSeen(caseKey).catch(() => {});
    return t;
  }, [api, caseKey]);
  if (state.status === 'loading') return <p class="sgs-muted">{tr('popup_loading')}</p>;
  if (state.status === 'error') return <p class="dash-error">{tr('dash_loadFailed')}</p>;
  const { follow, appearances, annotations } = state.data;
  const ordered = orderAppearances(appearances);
  const title =
    follow?.title ?? ordered.find((a) => a.source === 'visited')?.title ?? ordered[0]?.title ?? caseKey;
  const byPunkt = new Map<string, Annotation[]>();
  /** Punkt deep links by `meetingKey#punktNumber`, for notes outside the timeline's entries. */
  const deepLinks = new Map<string, string>();
  for (const a of appearances)
    if (a.meetingKey && a.deepLink) deepLinks.set(`${a.meetingKey}#${a.punktNumber}`, a.deepLink);
  const placed = new Set<string>();
  for (const a of annotations) {
    const k = `${a.page.meetingKey}#${a.page.punktNumber}`;
    byPunkt.set(k, [...(byPunkt.get(k) ?? []), a]);
  }
  const toggle = () => {
    if (follow) {
      api.unfollow(caseKey).then(() => {
        onToast(tr('popup_unfollowedToast', [title]), () => api.undoUnfollow(caseKey).then(reload));
        reload();
      });
    } else {
      const first = ordered[0];
      api
        .follow({
          caseKey,
          municipality: first?.municipality ?? '',
          caseNumber: annotations.find((n) => n.page.caseNumber)?.page.caseNumber ?? null,
          title,
        })
        .then(reload);
    }
  };
  return (
    <article class="dash-case">
      <header class="dash-case-header">
        <h1>{title}</h1>
        <p class="sgs-muted">
          {[follow?.municipality ?? ordered[0]?.municipality, follow?.caseNumber].filter(Boolean).join(' · ')}
        </p>
        <p class="dash-actions">
          <button type="button" class="sgs-button" data-testid="timeline-follow" onClick={toggle}>
            {follow ? tr('popup_following') : tr('popup_follow')}
          </button>{' '}
          <a class="sgs-link" href={hrefWith('export', { case: caseKey })}>
            {tr('dash_exportCase')}
          </a>{' '}
          <a class="sgs-link" href={hrefWith('annotations', { case: caseKey })}>
            {tr('dash_caseAnnotations')}
          </a>
        </p>
      </header>
      {ordered.length === 0 ? (
        <p class="sgs-muted">{tr('dash_timelineEmpty')}</p>
      ) : (
        <ol class="dash-timeline" data-testid="timeline" aria-label={tr('dash_timelineLabel')}>
          {ordered.map((a) => {
            const k = `${a.meetingKey}#${a.punktNumber}`;
            const notes = a.source === 'visited' && !placed.has(k) ? (byPunkt.get(k) ?? []) : [];
            if (notes.length) placed.add(k);
            const upcoming = a.source === 'upcoming' || (!!a.date && a.date > today);
            const href = safeHref(a.deepLink);
            return (
              <li
                key={a.id}
                class={`dash-appearance dash-appearance-${a.source}${upcoming ? ' dash-upcoming' : ''}`}
                data-appearance={a.id}
                data-source={a.source}
                data-date={a.date ?? ''}
              >
                <p class="dash-appearance-head">
                  <time dateTime={a.date ?? undefined}>
                    {a.date ? formatDate(a.date) : tr('dash_undated')}
                  </time>
                  <span class="dash-source">{sourceLabel(a.source, upcoming)}</span>
                </p>
                <h2 class="dash-appearance-title">
                  {[a.committee, a.punktNumber !== null ? tr('dash_punktN', [a.punktNumber]) : null]
                    .filter(Boolean)
                    .join(' · ') || a.title}
                </h2>
                {a.source === 'visited' ? (
                  <p class="dash-appearance-text">{a.title}</p>
                ) : (
                  a.text && <p class="dash-appearance-text">{a.text}</p>
                )}
                {a.decision && (
                  <p class="dash-decision">
                    <span class="sgs-muted">{tr('dash_decision')}: </span>
                    {a.decision}
                  </p>
                )}
                {href && (
                  <p>
                    <a class="sgs-link" href={href} target="_blank" rel="noopener noreferrer">
                      {tr('dash_openPunkt')}
                    </a>
                  </p>
                )}
                {notes.length > 0 && (
                  <ul class="dash-annotations">
                    {notes.map((n) => (
                      <AnnotationItem key={n.id} a={n} showCase={false} punktLink={a.deepLink} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <OtherNotes
        annotations={annotations.filter((a) => !placed.has(`${a.page.meetingKey}#${a.page.punktNumber}`))}
        links={deepLinks}
      />
    </article>
  );
}

function OtherNotes({
  annotations,
  links,
}: {
  annotations: Annotation[];
  links: ReadonlyMap<string, string>;
}) {
  if (!annotations.length) return null;
  return (
    <section>
      <h2>{tr('dash_otherNotes')}</h2>
      <ul class="dash-annotations">
        {annotations.map((n) => (
          <AnnotationItem
            key={n.id}
            a={n}
            showCase={false}
            punktLink={links.get(`${n.page.meetingKey}#${n.page.punktNumber}`)}
          />
        ))}
      </ul>
    </section>
  );
}

function sourceLabel(source: Appearance['source'], upcoming: boolean): string {
  if (upcoming) return tr('dash_sourceUpcoming');
  return source === 'visited' ? tr('dash_sourceVisited') : tr('dash_sourceHistory');
}
