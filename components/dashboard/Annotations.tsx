import { ANNOTATION_COLORS, type Annotation, type AnnotationColor } from '../../lib/model/annotation';
import type { MeetingRecord } from '../../lib/model/records';
import type { AnnotationQuery, DataApi } from '../../lib/ui-client/api';
import { useLoad } from '../common/hooks';
import { tr, trCount } from '../common/i18n';
import { ShowMore, useCapped } from '../common/ShowMore';
import { formatDate } from '../i18n';
import { AnnotationItem, colorName } from './AnnotationItem';
import { hrefWith } from './route';

export interface AnnotationsProps {
  api: DataApi;
  /** The filters, from the route (#/annotations?tag=…&case=…): the URL is their only home. */
  params: URLSearchParams;
  /** Puts changed filters into the route (DashboardApp replaces the current history entry). */
  onParams: (hash: string) => void;
}

/** At most this many are fetched per filter (newest first); the count says how many matched. */
const LIMIT = 1000;

export function meetingText(m: Pick<MeetingRecord, 'committee' | 'date' | 'municipality'>): string {
  return [m.municipality, m.committee, m.date ? formatDate(m.date) : null].filter(Boolean).join(' · ');
}

export function filterFrom(params: URLSearchParams): AnnotationQuery {
  const f: AnnotationQuery = {};
  const meeting = params.get('meeting');
  const caseKey = params.get('case');
  const tag = params.get('tag');
  const color = params.get('color');
  const municipality = params.get('municipality');
  if (meeting) f.meetingKey = meeting;
  if (caseKey) f.caseKey = caseKey;
  if (tag) f.tag = tag;
  if (color && (ANNOTATION_COLORS as readonly string[]).includes(color)) f.color = color as AnnotationColor;
  if (municipality) f.municipality = municipality;
  return f;
}

/** The route of a filter, parameters in a fixed order: #/annotations?meeting=…&case=…&tag=…&color=…&municipality=…. */
export function annotationsHref(f: AnnotationQuery): string {
  return hrefWith('annotations', {
    meeting: f.meetingKey,
    case: f.caseKey,
    tag: f.tag,
    color: f.color,
    municipality: f.municipality,
  });
}

/** Where a note's "Open the page" goes: its punkt's deep link when the meeting is known, else its page. */
export function punktDeepLink(
  a: Pick<Annotation, 'page'>,
  meetingsByKey: ReadonlyMap<string, Pick<MeetingRecord, 'punkter'>>,
): string | null {
  const { meetingKey, punktNumber } = a.page;
  if (!meetingKey || punktNumber === null) return null;
  return meetingsByKey.get(meetingKey)?.punkter.find((p) => p.number === punktNumber)?.deepLink ?? null;
}

/**
 * All annotations, filtered by meeting, case, tag, colour or municipality (asked of the background).
 * The filters live in the route only: a change rewrites the hash, so reload, Back from a note's
 * timeline and a shared link bring the same list back.
 */
export function Annotations({ api, params, onParams }: AnnotationsProps) {
  const filter = filterFrom(params);
  const [options] = useLoad(async () => {
    const [meetings, tags, follows] = await Promise.all([
      api.listMeetings().catch(() => [] as MeetingRecord[]),
      api.listTags().catch(() => []),
      api.listFollowed().catch(() => []),
    ]);
    return { meetings, tags, follows };
  }, [api]);
  const [result] = useLoad(() => api.listAnnotations(filter, LIMIT), [api, JSON.stringify(filter)]);
  const opts = options.status === 'ready' ? options.data : { meetings: [], tags: [], follows: [] };
  const municipalities = [...new Set(opts.meetings.map((m) => m.municipality))].sort((a, b) =>
    a.localeCompare(b, 'da'),
  );
  const meetingsByKey = new Map(opts.meetings.map((m) => [m.key, m]));
  const set = (key: keyof AnnotationQuery, value: string) => {
    const next = { ...filter } as Record<string, string | undefined>;
    if (value) next[key] = value;
    else delete next[key];
    onParams(annotationsHref(next as AnnotationQuery));
  };
  const list = result.status === 'ready' ? result.data.annotations : [];
  const [visible, more] = useCapped(list, 50);

  return (
    <section class="dash-annotations-view">
      <h1>{tr('dash_annotationsHeading')}</h1>
      <form class="dash-filters" data-testid="annotation-filters" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          label={tr('dash_filterMeeting')}
          name="meeting"
          value={filter.meetingKey ?? ''}
          onChange={(v) => set('meetingKey', v)}
          options={opts.meetings.map((m) => [m.key, meetingText(m)])}
          keep={filter.meetingKey}
        />
        <FilterSelect
          label={tr('dash_filterCase')}
          name="case"
          value={filter.caseKey ?? ''}
          onChange={(v) => set('caseKey', v)}
          options={opts.follows.map((f) => [f.caseKey, f.title])}
          keep={filter.caseKey}
        />
        <FilterSelect
          label={tr('dash_filterTag')}
          name="tag"
          value={filter.tag ?? ''}
          onChange={(v) => set('tag', v)}
          options={opts.tags.map((t) => [t.tag, `${t.tag} (${t.count})`])}
          keep={filter.tag}
        />
        <FilterSelect
          label={tr('dash_filterColor')}
          name="color"
          value={filter.color ?? ''}
          onChange={(v) => set('color', v)}
          options={ANNOTATION_COLORS.map((c) => [c, colorName(c)])}
        />
        <FilterSelect
          label={tr('dash_filterMunicipality')}
          name="municipality"
          value={filter.municipality ?? ''}
          onChange={(v) => set('municipality', v)}
          options={municipalities.map((m) => [m, m])}
          keep={filter.municipality}
        />
      </form>
      <div aria-live="polite" data-testid="annotation-count">
        {result.status === 'loading' ? (
          <p class="sgs-muted">{tr('popup_loading')}</p>
        ) : result.status === 'error' ? (
          <p class="dash-error">{tr('dash_loadFailed')}</p>
        ) : (
          <p class="sgs-muted">
            {result.data.total > result.data.annotations.length
              ? tr('dash_annotationsCountCapped', [result.data.total, result.data.annotations.length])
              : trCount('dash_annotationsCount', result.data.total)}
          </p>
        )}
      </div>
      {list.length > 0 && (
        <ul class="dash-annotations" data-testid="annotation-list">
          {visible.map((a) => {
            const m = a.page.meetingKey ? meetingsByKey.get(a.page.meetingKey) : undefined;
            const ctx = [
              m ? meetingText(m) : a.page.municipality,
              a.page.punktNumber !== null ? tr('dash_punktN', [a.page.punktNumber]) : null,
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <AnnotationItem key={a.id} a={a} context={ctx} punktLink={punktDeepLink(a, meetingsByKey)} />
            );
          })}
        </ul>
      )}
      <ShowMore onClick={more} remaining={list.length - visible.length} />
    </section>
  );
}

function FilterSelect({
  label,
  name,
  value,
  onChange,
  options,
  keep,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: Array<[string, string]>;
  /** A value from the route that is not (yet) among the options. */
  keep?: string;
}) {
  const all =
    keep && !options.some(([v]) => v === keep) ? [[keep, keep] as [string, string], ...options] : options;
  return (
    <label class="dash-filter">
      <span>{label}</span>
      <select
        class="sgs-input"
        name={name}
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{tr('dash_filterAll')}</option>
        {all.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
