import type { Follow } from '../../lib/model/records';
import { truncate } from '../../lib/ui/text';
import { tr, trCount } from '../common/i18n';
import { ShowMore, useCapped } from '../common/ShowMore';
import { formatDate } from '../i18n';

export interface FollowedListProps {
  follows: readonly Follow[];
  onOpen: (f: Follow) => void;
  onUnfollow: (f: Follow) => void;
}

/** Rows shown at first (and asked for first: `follows/list` with this limit). */
export const FOLLOWED_PAGE = 50;

/** Followed cases, latest activity first; the first 50, then "show more". */
export function FollowedList({ follows, onOpen, onUnfollow }: FollowedListProps) {
  const sorted = [...follows].sort((a, b) => b.lastActivity - a.lastActivity);
  const [visible, more] = useCapped(sorted, FOLLOWED_PAGE);
  if (!sorted.length) {
    return (
      <p class="popup-empty" data-testid="followed-empty">
        {tr('popup_followedEmpty')}
      </p>
    );
  }
  return (
    <>
      <ul class="followed" data-testid="followed-list" aria-label={tr('popup_followedHeading')}>
        {visible.map((f) => (
          <li class="followed-item" key={f.caseKey} data-case-key={f.caseKey}>
            <button
              type="button"
              class="followed-open"
              aria-label={
                f.newCount > 0
                  ? trCount('popup_openCaseNew', f.newCount, [f.title])
                  : tr('popup_openCase', [f.title])
              }
              onClick={() => onOpen(f)}
            >
              <span class="followed-title">{f.title}</span>
              <span class="followed-meta">
                {f.municipality}
                {f.latestCommittee ? ` · ${f.latestCommittee}` : ''}
                {f.latestDate ? ` · ${formatDate(f.latestDate)}` : ''}
              </span>
              {f.latestDecision && <span class="followed-decision">{truncate(f.latestDecision, 140)}</span>}
            </button>
            {f.newCount > 0 && (
              <span class="sgs-count" data-testid="new-count" aria-hidden="true">
                {f.newCount}
              </span>
            )}
            <button
              type="button"
              class="sgs-button sgs-button-icon followed-unfollow"
              data-testid="unfollow"
              aria-label={tr('popup_unfollowCase', [f.title])}
              title={tr('popup_unfollow')}
              onClick={() => onUnfollow(f)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <ShowMore onClick={more} remaining={sorted.length - visible.length} />
    </>
  );
}
