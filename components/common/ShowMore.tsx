import { useState } from 'preact/hooks';
import { tr } from './i18n';

/** The first `step` items, then a "Show more" button that adds `step` more (long lists stay cheap). */
export function useCapped<T>(items: readonly T[], step = 50): [readonly T[], (() => void) | null] {
  const [shown, setShown] = useState(step);
  const visible = items.length > shown ? items.slice(0, shown) : items;
  return [visible, items.length > shown ? () => setShown((n) => n + step) : null];
}

export function ShowMore({ onClick, remaining }: { onClick: (() => void) | null; remaining: number }) {
  if (!onClick) return null;
  return (
    <button
      type="button"
      class="sgs-button sgs-button-small sgs-show-more"
      data-testid="show-more"
      onClick={onClick}
    >
      {tr('dash_showMore', [remaining])}
    </button>
  );
}
