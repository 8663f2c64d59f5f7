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
  /** Inject the reader into the tab on request ('failed' when the browser does not allow it). */
  readAnyway?: () => Promise<PopupState | 'failed'>;
}

export function PopupApp({ load, jump, readAnyway }: PopupAppProps) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
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

  const canReadAnyway =
    readAnyway !== undefined &&
    !tried &&
    (state.kind === 'no-reader' || (state.kind === 'model' && state.model.status === 'idle'));
  const onReadAnyway = () => {
    if (!readAnyway) return;
    const before = state;
    setTried(true);
    setNotice(null);
    setState({ kind: 'loading' });
    readAnyway().then(
      (s) => {
        if (s === 'failed') {
          setState(before);
          setNotice(t('readAnywayFailed'));
        } else setState(s);
      },
      () => {
        setState(before);
        setNotice(t('readAnywayFailed'));
      },
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
      {canReadAnyway && (
        <p class="popup-actions">
          <button type="button" class="popup-button" data-testid="read-anyway" onClick={onReadAnyway}>
            {t('readAnyway')}
          </button>
        </p>
      )}
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
