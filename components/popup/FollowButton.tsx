import { tr } from '../common/i18n';

export interface FollowButtonProps {
  punkt: number;
  title: string;
  followed: boolean;
  onToggle: () => void;
}

/** "Følg sag" / "Følger ✓" next to a punkt of the current page: a toggle (aria-pressed) with a constant name. */
export function FollowButton({ punkt, title, followed, onToggle }: FollowButtonProps) {
  return (
    <button
      type="button"
      class={followed ? 'sgs-button sgs-button-small follow-on' : 'sgs-button sgs-button-small'}
      data-follow-punkt={String(punkt)}
      aria-pressed={followed}
      aria-label={tr('popup_followPunkt', [punkt, title])}
      onClick={onToggle}
    >
      {tr(followed ? 'popup_following' : 'popup_follow')}
    </button>
  );
}
