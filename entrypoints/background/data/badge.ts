// The toolbar badge for new appearances of followed cases: per tab when a visit revealed them,
// and globally (no tabId) the total the popup lists, so every tab without its own text shows it.
import { browser } from 'wxt/browser';
import { actionApi } from '../badge';

export const NEW_BADGE_COLOUR = '#b3261e';

function message(key: string, sub: string, fallback: string): string {
  try {
    return (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, sub) || fallback;
  } catch {
    return fallback;
  }
}

/** Badge text for a count: "+3", capped at "+99". */
export function newBadgeText(count: number): string {
  return count <= 0 ? '' : `+${Math.min(count, 99)}`;
}

/** Marks a tab whose page revealed `count` new appearances of followed cases. */
export async function badgeForNew(tabId: number, count: number, action = actionApi()): Promise<void> {
  if (!action || count <= 0) return;
  await action.setBadgeText({ tabId, text: newBadgeText(count) });
  await action.setBadgeBackgroundColor({ tabId, color: NEW_BADGE_COLOUR });
  await action.setTitle?.({
    tabId,
    title: message(
      'badgeNewTitle',
      String(count),
      `Sagsspor: nye behandlinger af sager du følger (${count})`,
    ),
  });
}

/** The global badge: the number of unseen new appearances over all followed cases (empty at 0). */
export async function badgeTotalNew(total: number, action = actionApi()): Promise<void> {
  if (!action) return;
  await action.setBadgeText({ text: total > 0 ? String(Math.min(total, 999)) : '' });
  if (total > 0) await action.setBadgeBackgroundColor({ color: NEW_BADGE_COLOUR });
}
