import { tr } from '../common/i18n';

export interface FollowButtonProps {
  punkt: number;
  title: string;
  /** null: not known yet (the whole followed list is still loading). */
  followed: boolean | null;
  onToggle: () => void;
}

/**
 * "Følg sag" / "Følger ✓" next to a punkt of the current page: a toggle (aria-pressed) with a
 * constant name. While its state is not known it is disabled and busy, never a wrong "Følg sag".
 */
export function FollowButton({ punkt, title, followed, onToggle }: FollowButtonProps) {
  const known = followed !== null;
  return (
    <button
      type="button"
      class={followed ? 'sgs-button sgs-button-small follow-on' : 'sgs-button sgs-button-small'}
      data-follow-punkt={String(punkt)}
      aria-pressed={known ? followed : undefined}
      aria-busy={known ? undefined : true}
      disabled={!known}
      aria-label={tr('popup_followPunkt', [punkt, title])}
      onClick={onToggle}
    >
      {known ? tr(followed ? 'popup_following' : 'popup_follow') : '…'}
    </button>
  );
}
