import { useEffect, useState } from 'preact/hooks';
import type { ModelResponse } from '../../lib/messages/schemas';
import type { Punkt } from '../../lib/model/minutes';
import { punkterCount, t } from '../i18n';
import { MeetingHeader } from '../meeting/MeetingHeader';
import { NotRecognised } from '../meeting/NotRecognised';
import { Outline } from '../meeting/Outline';

/** What the popup shows: loading, the tab's reader state, or no readable tab. */
export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'no-reader' }
  | { kind: 'model'; model: ModelResponse };

export interface PopupAppProps {
  load: () => Promise<PopupState>;
  jump: (punkt: number) => Promise<boolean>;
}

export function PopupApp({ load, jump }: PopupAppProps) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    load().then(
      (s) => alive && setState(s),
      () => alive && setState({ kind: 'no-reader' }),
    );
    return () => {
      alive = false;
    };
  }, [load]);

  const onJump = (p: Punkt) => {
    jump(p.number).then(
      (ok) => setNotice(ok ? null : t('jumpFailed')),
      () => setNotice(t('jumpFailed')),
    );
  };

  return (
    <main
      class="popup"
      data-testid="popup"
      data-state={stateName(state)}
      aria-busy={state.kind === 'loading'}
    >
      <PopupBody state={state} onJump={onJump} />
      {notice && (
        <p class="popup-notice" role="status">
          {notice}
        </p>
      )}
    </main>
  );
}

function stateName(s: PopupState): string {
  return s.kind === 'model' ? s.model.status : s.kind;
}

function PopupBody({ state, onJump }: { state: PopupState; onJump: (p: Punkt) => void }) {
  switch (state.kind) {
    case 'loading':
      return <p class="popup-message">{t('popupLoading')}</p>;
    case 'no-tab':
      return <p class="popup-message">{t('popupNoTab')}</p>;
    case 'no-reader':
      return <p class="popup-message">{t('popupNotMinutes')}</p>;
    case 'model': {
      const { model } = state;
      const meeting = model.status === 'recognised' ? model.result?.meeting : undefined;
      if (meeting) {
        return (
          <>
            <p class="popup-brand">
              <span class="pill-brand">Sagsspor</span> · {punkterCount(meeting.punkter.length)}
            </p>
            <MeetingHeader meeting={meeting} />
            <Outline punkter={meeting.punkter} onJump={onJump} idPrefix="sgs-popup" decisionMax={220} />
          </>
        );
      }
      if (model.status === 'not-recognised') return <NotRecognised />;
      return <p class="popup-message">{t('popupNotMinutes')}</p>;
    }
  }
}
