import type { AnnotationColor } from '../../lib/model/annotation';
import { t } from '../i18n';
import { Editor, type EditorProps } from './Editor';
import { Toolbar } from './Toolbar';
import { UndoToast } from './UndoToast';

export type LayerEditor = EditorProps & { key: string };

export interface LayerProps {
  toolbar: { x: number; y: number; top: number } | null;
  lastColor: AnnotationColor;
  editor: LayerEditor | null;
  toast: { message: string; id: string } | null;
  /** Shown once: uninstalling deletes the data; link to the backup page. */
  persistNotice?: { openBackup: () => void } | null;
  onDismissNotice?: () => void;
  /** Writes cannot be saved (disk/quota full): shown over the page, the panel may be closed. */
  storageFull?: boolean;
  onHighlight: (color: AnnotationColor) => void;
  onNote: () => void;
  onTags: () => void;
  onCloseToolbar: () => void;
  onUndo: (id: string) => void;
  onDismissToast: () => void;
}

/** Everything the annotation UI shows over the page (inside `sagsspor-toolbar`'s closed shadow root). */
export function Layer(p: LayerProps) {
  const { key, ...editor } = p.editor ?? { key: '' };
  return (
    <div class="layer">
      {p.persistNotice && !p.toast && (
        <div class="toast notice" role="note" data-testid="persist-notice">
          <span class="toast-text">
            {t('persistNotice')}{' '}
            <button
              type="button"
              class="btn-link"
              data-testid="persist-notice-backup"
              onClick={p.persistNotice.openBackup}
            >
              {t('persistNoticeLink')}
            </button>
          </span>
          <button type="button" class="btn btn-primary" onClick={p.onDismissNotice}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {p.storageFull && (
        <div class="toast alert" role="alert" data-testid="storage-full">
          <span class="toast-text">{t('storageFull')}</span>
        </div>
      )}
      {p.toast && (
        <UndoToast
          message={p.toast.message}
          onUndo={() => p.onUndo(p.toast!.id)}
          onDismiss={p.onDismissToast}
        />
      )}
      {p.toolbar && !p.editor && (
        <Toolbar
          x={p.toolbar.x}
          y={p.toolbar.y}
          top={p.toolbar.top}
          lastColor={p.lastColor}
          onHighlight={p.onHighlight}
          onNote={p.onNote}
          onTags={p.onTags}
          onClose={p.onCloseToolbar}
        />
      )}
      {/* Last: toolbar and editor stay above the toast and the notice. */}
      {p.editor && <Editor key={key} {...(editor as EditorProps)} />}
    </div>
  );
}
