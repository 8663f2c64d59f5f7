import { t } from '../i18n';
import { SWATCH } from './colors';
import type { ListedAnnotation } from './model';

export interface OrphanItem {
  id: string;
  /** Quote, whitespace collapsed (text only). */
  quote: string;
  punktNumber: number | null;
}

export interface AnnotationsSectionProps {
  items: ListedAnnotation[];
  orphans: OrphanItem[];
  /** Writes not yet acknowledged. */
  pending: number;
  error: 'storage-full' | 'invalid' | 'unavailable' | null;
  /** Shown once: uninstalling deletes the data; link to the backup page. */
  persistNotice?: { openBackup: () => void } | null;
  /** A message for the orphan actions (e.g. "select text first"). */
  orphanMessage?: string | null;
  /** `el` is the list button (focus returns there when the editor closes). */
  onActivate: (id: string, el?: HTMLElement) => void;
  onAttach: (id: string) => void;
  /** `el` is the delete button (focus goes near it after the undo toast). */
  onDeleteOrphan: (id: string, el?: HTMLElement) => void;
  onDismissNotice?: () => void;
}

/** The panel's annotation part: save state, the page's annotations (as buttons) and its orphans. */
export function AnnotationsSection({
  items,
  orphans,
  pending,
  error,
  persistNotice,
  orphanMessage,
  onActivate,
  onAttach,
  onDeleteOrphan,
  onDismissNotice,
}: AnnotationsSectionProps) {
  return (
    // tabIndex -1: focus can land on the section when the control it was on is gone.
    <section class="annotations" aria-labelledby="sgs-ann-h" data-testid="annotations" tabIndex={-1}>
      <div class="ann-head">
        <h2 class="ann-title" id="sgs-ann-h">
          {t('annotationsHeading')}
        </h2>
        {pending > 0 && (
          <span class="ann-pending" data-testid="pending" role="status">
            {t('savingPending')}
          </span>
        )}
      </div>
      {error === 'storage-full' && (
        <p class="ann-error" role="alert" data-testid="storage-full">
          {t('storageFull')}
        </p>
      )}
      {error === 'invalid' && (
        <p class="ann-error" role="alert" data-testid="save-failed">
          {t('saveFailed')}
        </p>
      )}
      {persistNotice && (
        <div class="ann-notice" role="note" data-testid="persist-notice">
          <p>
            {t('persistNotice')}{' '}
            <button
              type="button"
              class="btn-link"
              data-testid="persist-notice-backup"
              onClick={persistNotice.openBackup}
            >
              {t('persistNoticeLink')}
            </button>
          </p>
          <button type="button" class="btn" onClick={onDismissNotice}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {items.length === 0 && orphans.length === 0 ? (
        <p class="ann-empty">{t('noAnnotations')}</p>
      ) : (
        <ul class="ann-list" data-testid="annotation-list">
          {items.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                class="ann-item"
                data-annotation-id={a.id}
                aria-label={t('editAnnotation', [a.text])}
                onClick={(e) => onActivate(a.id, e.currentTarget as HTMLElement)}
              >
                <span
                  class="ann-swatch"
                  aria-hidden="true"
                  style={{ background: a.whole ? 'transparent' : SWATCH[a.color] }}
                />
                <span class="ann-body">
                  <span class="ann-text">
                    {a.whole && a.punktNumber !== null ? t('wholePunkt', [a.punktNumber]) : a.text}
                  </span>
                  {(a.whole ? a.text : a.note) && <span class="ann-note">{a.whole ? a.text : a.note}</span>}
                  <span class="ann-meta">
                    {a.punktNumber !== null && !a.whole && <span>{t('punktShort', [a.punktNumber])}</span>}
                    {a.tags.map((tag) => (
                      <span class="ann-tag" key={tag}>
                        #{tag}
                      </span>
                    ))}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <div class="orphans" data-testid="orphans">
          <h3 class="ann-subtitle">{t('orphansHeading', [orphans.length])}</h3>
          <p class="ann-help">{t('orphansHelp')}</p>
          {orphanMessage && (
            <p class="ann-error" role="status">
              {orphanMessage}
            </p>
          )}
          <ul class="ann-list">
            {orphans.map((o) => (
              <li class="orphan" key={o.id} data-orphan-id={o.id}>
                <blockquote class="orphan-quote">{o.quote}</blockquote>
                <div class="orphan-actions">
                  <button
                    type="button"
                    class="btn"
                    data-testid="orphan-attach"
                    aria-label={t('orphanAttachLabel', [o.quote])}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => onAttach(o.id)}
                  >
                    {t('orphanAttach')}
                  </button>
                  <button
                    type="button"
                    class="btn btn-danger"
                    data-testid="orphan-delete"
                    aria-label={t('orphanDeleteLabel', [o.quote])}
                    onClick={(e) => onDeleteOrphan(o.id, e.currentTarget as HTMLElement)}
                  >
                    {t('deleteAnnotation')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
