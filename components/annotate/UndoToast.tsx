import { t } from '../i18n';

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** "Deleted. [Undo]" — the caller removes it after ~8 s (not while it has focus); Esc dismisses it. */
export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div
      class="toast"
      role="status"
      data-testid="toast"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onDismiss();
      }}
    >
      <span class="toast-text">{message}</span>
      <button type="button" class="btn btn-primary" data-testid="undo" onClick={onUndo}>
        {t('undo')}
      </button>
      <button
        type="button"
        class="toast-x"
        aria-label={t('dismiss')}
        title={t('dismiss')}
        onClick={onDismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
