import { t } from '../i18n';

export interface PunktExtrasProps {
  number: number;
  count: number;
  onNote: (number: number, el?: HTMLElement) => void;
}

/** Next to a punkt in the outline: its annotation count and a note/tags button for the whole punkt. */
export function PunktExtras({ number, count, onNote }: PunktExtrasProps) {
  const label = count === 1 ? t('annotationCountOne') : t('annotationCount', [count]);
  return (
    <span class="punkt-ann">
      {count > 0 && (
        <span class="punkt-count" data-testid={`count-${number}`} role="img" aria-label={label} title={label}>
          {count}
        </span>
      )}
      <button
        type="button"
        class="punkt-note"
        data-testid={`punkt-note-${number}`}
        aria-label={t('punktNote', [number])}
        title={t('punktNote', [number])}
        onClick={(e) => onNote(number, e.currentTarget as HTMLElement)}
      >
        <span aria-hidden="true">✎</span>
      </button>
    </span>
  );
}
