import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModelResponse } from '../../lib/messages/schemas';
import type { Punkt } from '../../lib/model/minutes';
import type { Follow } from '../../lib/model/records';
import type { DataApi } from '../../lib/ui-client/api';
import { followInputOf } from '../../lib/ui-client/follow';
import { Toast } from '../common/Toast';
import { punkterCount, t } from '../i18n';
import { MeetingHeader } from '../meeting/MeetingHeader';
import { NotRecognised } from '../meeting/NotRecognised';
import { Outline } from '../meeting/Outline';
import { FollowButton } from './FollowButton';
import { PopupDataView, type PopupLinks } from './PopupData';
import { type SiteControl, SiteToggle } from './SiteToggle';
import { type PopupData, usePopupData } from './usePopupData';

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
  /** "Always read minutes on <host>" for the tab's site outside *.dk; without it, not offered. */
  site?: SiteControl;
  /** Followed cases, topics, search and dashboard links (issue 4); without it, only the current page. */
  data?: PopupLinks & {
    api: DataApi;
    searchDelay?: number;
    /** The first followed rows, requested before the popup rendered (the whole list follows). */
    firstFollows?: () => Promise<Follow[]>;
  };
}

export function PopupApp({ load, jump, readAnyway, site, data }: PopupAppProps) {
  if (!data) return <PopupShell load={load} jump={jump} readAnyway={readAnyway} site={site} />;
  return <PopupWithData load={load} jump={jump} readAnyway={readAnyway} site={site} data={data} />;
}

function PopupWithData(props: PopupAppProps & { data: NonNullable<PopupAppProps['data']> }) {
  const { data } = props;
  const d = usePopupData(data.api, data.firstFollows);
  return (
    <PopupShell {...props} followData={d}>
      <PopupDataView
        api={data.api}
        data={d}
        openDashboard={data.openDashboard}
        openUrl={data.openUrl}
        searchDelay={data.searchDelay}
      />
      <Toast toast={d.toast} onClose={d.closeToast} />
    </PopupShell>
  );
}

function PopupShell({
  load,
  jump,
  readAnyway,
  site,
  followData,
  children,
}: PopupAppProps & { followData?: PopupData; children?: ComponentChildren }) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
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

  /** A site was switched on: its detector now runs in the tab; look again until a reader answers. */
  const watchForReader = () => {
    let tries = 0;
    const look = () => {
      load().then(
        (s) => {
          if (!mounted.current) return;
          const waiting = s.kind === 'no-reader' || (s.kind === 'model' && s.model.status === 'idle');
          if (!waiting) setState(s);
          else if (++tries < READER_TRIES) setTimeout(look, READER_RETRY_MS);
        },
        () => {},
      );
    };
    look();
  };

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
      <PopupBody state={state} onJump={onJump} followData={followData} />
      {canReadAnyway && (
        <p class="popup-actions">
          <button type="button" class="popup-button" data-testid="read-anyway" onClick={onReadAnyway}>
            {t('readAnyway')}
          </button>
        </p>
      )}
      {site && <SiteToggle site={site} onEnabled={watchForReader} />}
      {notice && (
        <p class="popup-notice" role="status">
          {notice}
        </p>
      )}
      {children}
    </main>
  );
}

/** After a site is switched on: how often and how long to look for the reader the detector asks for. */
const READER_TRIES = 12;
const READER_RETRY_MS = 250;

function stateName(s: PopupState): string {
  return s.kind === 'model' ? s.model.status : s.kind;
}

function PopupBody({
  state,
  onJump,
  followData,
}: {
  state: PopupState;
  onJump: (p: Punkt) => void;
  followData?: PopupData;
}) {
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
            <Outline
              punkter={meeting.punkter}
              onJump={onJump}
              idPrefix="sgs-popup"
              decisionMax={220}
              renderExtras={
                followData
                  ? (p) => {
                      const input = followInputOf(meeting, model.url, p);
                      if (!input) return null;
                      const on = followData.followed.has(input.caseKey);
                      return (
                        <FollowButton
                          punkt={p.number}
                          title={p.title}
                          // Only the first followed rows are in yet: a case not among them is unknown.
                          followed={on || followData.complete ? on : null}
                          onToggle={() =>
                            on ? followData.unfollow(input.caseKey, input.title) : followData.follow(input)
                          }
                        />
                      );
                    }
                  : undefined
              }
            />
          </>
        );
      }
      if (model.status === 'not-recognised') return <NotRecognised />;
      return <p class="popup-message">{t('popupNotMinutes')}</p>;
    }
  }
}
