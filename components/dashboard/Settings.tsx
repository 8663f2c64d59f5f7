import { useState } from 'preact/hooks';
import type { DataApi } from '../../lib/ui-client/api';
import { useLoad } from '../common/hooks';
import { tr } from '../common/i18n';

export interface SettingsProps {
  api: DataApi;
  /** Asks for the optional `notifications` permission (must run in the click). */
  requestNotifications: () => Promise<boolean>;
}

/** The optional system notification when a followed case appears in another meeting. */
export function Settings({ api, requestNotifications }: SettingsProps) {
  const [state, reload] = useLoad(() => api.getFlag('notifyNewAppearances'), [api]);
  const [note, setNote] = useState<string | null>(null);
  const on = state.status === 'ready' && state.data;
  const toggle = async (want: boolean) => {
    setNote(null);
    try {
      if (want && !(await requestNotifications())) {
        setNote(tr('dash_notifyDenied'));
        return;
      }
      await api.setFlag('notifyNewAppearances', want);
    } catch {
      setNote(tr('popup_actionFailed'));
    }
    reload();
  };
  return (
    <section class="dash-settings">
      <h2>{tr('dash_settingsHeading')}</h2>
      <label class="dash-radio">
        <input
          type="checkbox"
          data-testid="notify-toggle"
          checked={on}
          disabled={state.status !== 'ready'}
          onChange={(e) => toggle((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {tr('dash_notifyLabel')}
      </label>
      {note && (
        <p class="dash-error" role="alert">
          {note}
        </p>
      )}
    </section>
  );
}
