import { t } from '../i18n';

export interface FollowExtrasProps {
  number: number;
  followed: boolean;
  /** New appearances of this punkt's followed case found by this visit. */
  newCount: number;
  /** Labels of the followed topics this punkt matches. */
  topics: readonly string[];
  busy: boolean;
  onToggle: (number: number, follow: boolean) => void;
}

/** Next to a punkt in the outline: follow its case (toggle), "new" and topic flags. */
export function FollowExtras({ number, followed, newCount, topics, busy, onToggle }: FollowExtrasProps) {
  const label = followed ? t('unfollowPunkt', [number]) : t('followPunkt', [number]);
  return (
    <span class="punkt-follow">
      {newCount > 0 && (
        <span class="punkt-new" data-testid={`new-${number}`}>
          {t('newAppearance')}
        </span>
      )}
      {topics.map((label) => (
        <span
          class="punkt-topic"
          key={label}
          data-testid={`topic-${number}`}
          title={t('topicMatch', [label])}
        >
          {label}
        </span>
      ))}
      <button
        type="button"
        class="punkt-follow-toggle"
        data-follow-punkt={number}
        aria-pressed={followed}
        aria-label={label}
        title={label}
        disabled={busy}
        onClick={() => onToggle(number, !followed)}
      >
        {followed ? t('following') : t('follow')}
      </button>
    </span>
  );
}
