import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ModelResponse } from '../../lib/messages/schemas';
import type { Punkt } from '../../lib/model/minutes';
import { punkterCount, t } from '../i18n';
import { MeetingHeader } from '../meeting/MeetingHeader';
import { NotRecognised } from '../meeting/NotRecognised';
import { Outline } from '../meeting/Outline';

export interface PanelProps {
  view: ModelResponse;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onJump: (punkt: Punkt) => void;
  /** Shown under the bar, e.g. when a jump target was not found. */
  notice?: string | null;
  /** The punkt last jumped to. */
  current?: number | null;
  /** Move focus into the panel when it opens / back to the toggle when it closes (user toggles only). */
  moveFocus?: boolean;
  /** Per-punkt controls next to the jump buttons (later issues). */
  renderExtras?: (punkt: Punkt) => ComponentChildren;
  /** Below the outline: the page's annotations (issue 3). */
  annotations?: ComponentChildren;
  /** Annotation writes not yet saved: a subtle mark on the collapsed pill. */
  saving?: boolean;
}

const PANEL_ID = 'sagsspor-panel';

/** The in-page panel: a small pill at the right edge that expands to a side panel. */
export function Panel({
  view,
  open,
  onOpenChange,
  onJump,
  notice,
  current = null,
  moveFocus = true,
  renderExtras,
  annotations,
  saving = false,
}: PanelProps) {
  const pillRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (moveFocus) (open ? closeRef : pillRef).current?.focus();
  }, [open]);

  if (view.status === 'idle') return null;
  const meeting = view.status === 'recognised' ? view.result?.meeting : undefined;
  const summary = meeting ? punkterCount(meeting.punkter.length) : t('pillNotRecognised');

  if (!open) {
    return (
      <div class="root">
        <button
          ref={pillRef}
          type="button"
          class="pill"
          data-testid="panel-toggle"
          aria-expanded="false"
          onClick={() => onOpenChange(true)}
        >
          <span class="pill-brand">Sagsspor</span> · {summary}
          {saving && (
            <span class="pill-saving" data-testid="pill-saving">
              {' '}
              · {t('savingPending')}
            </span>
          )}
        </button>
      </div>
    );
  }

  return (
    <div class="root">
      <aside
        id={PANEL_ID}
        class="panel"
        // biome-ignore lint/a11y/noRedundantRoles: explicit role is a documented test hook
        role="complementary"
        aria-label={t('panelLabel')}
        data-testid="panel"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onOpenChange(false);
          }
        }}
      >
        <div class="panel-bar">
          <p class="panel-title">
            <span class="pill-brand">Sagsspor</span> · {summary}
          </p>
          <button
            ref={closeRef}
            type="button"
            class="close"
            data-testid="panel-toggle"
            aria-expanded="true"
            aria-controls={PANEL_ID}
            aria-label={t('closePanel')}
            title={t('closePanel')}
            onClick={() => onOpenChange(false)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {notice && (
          <p class="panel-status" role="status">
            {notice}
          </p>
        )}
        <div class="panel-body">
          {meeting ? (
            <>
              <MeetingHeader meeting={meeting} />
              <Outline
                punkter={meeting.punkter}
                current={current}
                onJump={onJump}
                renderExtras={renderExtras}
                idPrefix="sgs-panel"
              />
              {annotations}
            </>
          ) : (
            <NotRecognised />
          )}
        </div>
        <p class="panel-foot">{t('shortcutHint')}</p>
      </aside>
    </div>
  );
}
