import type { Meeting } from '../../lib/model/minutes';
import { formatDate, t } from '../i18n';

export interface MeetingHeaderProps {
  meeting: Meeting;
}

/** The meeting's header: kind, committee, municipality, date, time, place, absent. Text only. */
export function MeetingHeader({ meeting }: MeetingHeaderProps) {
  const kind =
    meeting.kind === 'referat' ? t('kindReferat') : meeting.kind === 'dagsorden' ? t('kindDagsorden') : null;
  const rows: [string, string][] = [];
  if (meeting.municipality) rows.push([t('labelMunicipality'), meeting.municipality]);
  if (meeting.date) rows.push([t('labelDate'), formatDate(meeting.date)]);
  if (meeting.time) rows.push([t('labelTime'), meeting.time]);
  if (meeting.place) rows.push([t('labelPlace'), meeting.place]);
  if (meeting.absent.length > 0) rows.push([t('labelAbsent'), meeting.absent.join(', ')]);
  return (
    <header class="meeting-header" data-testid="meeting-header">
      {kind && <p class="meeting-kind">{kind}</p>}
      <h2 class="meeting-title">{meeting.committee ?? t('meetingFallbackTitle')}</h2>
      {rows.length > 0 && (
        <dl class="meeting-meta">
          {rows.map(([label, value]) => (
            <div class="meeting-meta-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </header>
  );
}
