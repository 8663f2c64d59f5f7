import { useEffect } from 'preact/hooks';
import { tr } from './i18n';

export interface ToastMessage {
  id: number;
  text: string;
  /** Shows an "Undo" button; the toast closes after it runs. */
  undo?: () => void;
}

export interface ToastProps {
  toast: ToastMessage | null;
  onClose: () => void;
  /** How long the toast stays (ms). */
  timeout?: number;
}

/** A status line with an optional Undo button; announced politely to screen readers. */
export function Toast({ toast, onClose, timeout = 8000 }: ToastProps) {
  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(onClose, timeout);
    return () => clearTimeout(id);
  }, [toast, onClose, timeout]);
  return (
    <div class="sgs-toast-region" role="status" aria-live="polite" data-testid="toast">
      {toast && (
        <div class="sgs-toast" key={toast.id}>
          <span class="sgs-toast-text">{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              class="sgs-button sgs-button-link"
              data-testid="undo"
              onClick={() => {
                toast.undo?.();
                onClose();
              }}
            >
              {tr('dash_undo')}
            </button>
          )}
          <button
            type="button"
            class="sgs-button sgs-button-icon"
            aria-label={tr('dash_dismiss')}
            onClick={onClose}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

let nextId = 1;
/** A fresh toast message (new id, so the timer restarts). */
export function toastOf(text: string, undo?: () => void): ToastMessage {
  return { id: nextId++, text, undo };
}
