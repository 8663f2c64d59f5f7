import type { AnnotationColor } from '../../lib/model/annotation';
import { t } from '../i18n';
import { ANNOTATION_COLORS, colorName, SWATCH } from './colors';

export interface ToolbarProps {
  /** Viewport position of the selection's end (the toolbar goes below it, or above near the bottom). */
  x: number;
  y: number;
  /** Top of the selection, for placing above. */
  top?: number;
  /** The colour `h` uses (the last one picked); marked as the default. */
  lastColor: AnnotationColor;
  onHighlight: (color: AnnotationColor) => void;
  onNote: () => void;
  onTags: () => void;
  onClose?: () => void;
}

/**
 * Moves focus into the toolbar rendered under `root`: to the default colour (the one `h` uses).
 * Returns false when no toolbar is shown.
 */
export function focusToolbar(root: ParentNode): boolean {
  const bar = root.querySelector('[role="toolbar"]');
  const button =
    bar?.querySelector<HTMLElement>('.swatch-default') ?? bar?.querySelector<HTMLElement>('button');
  if (!button) return false;
  button.focus();
  return true;
}

/**
 * The selection toolbar: five colour buttons, note, tags. Mouse presses never
 * take focus or clear the page's selection (pointer-down is cancelled); the
 * action uses the selection captured when the toolbar appeared.
 */
export function Toolbar({ x, y, top, lastColor, onHighlight, onNote, onTags, onClose }: ToolbarProps) {
  const keep = (e: Event) => e.preventDefault();
  const vh = typeof window !== 'undefined' ? window.innerHeight : 800;
  const vw = typeof window !== 'undefined' ? window.innerWidth : 1200;
  const below = y + 52 < vh;
  const style = {
    left: `${Math.max(8, Math.min(x - 110, vw - 260))}px`,
    top: `${Math.max(8, Math.min(vh - 48, below ? y + 8 : (top ?? y) - 48))}px`,
  };
  return (
    <div
      class="toolbar"
      role="toolbar"
      aria-label={t('annotateToolbar')}
      data-testid="toolbar"
      style={style}
      onMouseDown={keep}
      onPointerDown={keep}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose?.();
          return;
        }
        const step = { ArrowRight: 1, ArrowLeft: -1, Home: 0, End: 0 }[e.key];
        if (step === undefined) return;
        const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
        const i = buttons.indexOf(e.target as HTMLButtonElement);
        if (i < 0) return;
        e.preventDefault();
        const n = buttons.length;
        const to = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : (i + step + n) % n;
        buttons[to]?.focus();
      }}
    >
      {ANNOTATION_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class={c === lastColor ? 'swatch swatch-default' : 'swatch'}
          data-testid={`hl-${c}`}
          data-color={c}
          aria-keyshortcuts={c === lastColor ? 'h' : undefined}
          aria-label={t('highlightIn', [colorName(c)])}
          title={t('highlightIn', [colorName(c)])}
          style={{ background: SWATCH[c] }}
          onClick={() => onHighlight(c)}
        />
      ))}
      <span class="sep" aria-hidden="true" />
      <button
        type="button"
        class="tool"
        data-testid="note"
        aria-keyshortcuts="n"
        aria-label={t('addNote')}
        title={t('addNote')}
        onClick={onNote}
      >
        <span aria-hidden="true">✎</span>
      </button>
      <button
        type="button"
        class="tool"
        data-testid="tags"
        aria-keyshortcuts="t"
        aria-label={t('addTags')}
        title={t('addTags')}
        onClick={onTags}
      >
        <span aria-hidden="true">#</span>
      </button>
    </div>
  );
}
