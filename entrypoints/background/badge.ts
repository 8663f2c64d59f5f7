// The toolbar badge: number of punkter on a recognised page, nothing otherwise.
import { browser } from 'wxt/browser';
import type { TabSummary } from '../../lib/messages/schemas';

export const BADGE_COLOUR = '#0b57d0';

export type ActionApi = {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
  setBadgeTextColor?(details: { tabId?: number; color: string }): Promise<void> | void;
  setTitle?(details: { tabId?: number; title: string }): Promise<void> | void;
};

/** MV3 `action`, MV2 (Firefox build) `browserAction`. */
export function actionApi(): ActionApi | null {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction ?? null;
}

export async function showBadge(tabId: number, summary: TabSummary): Promise<void> {
  const action = actionApi();
  if (!action) return;
  await action.setBadgeText({ tabId, text: String(summary.punktCount) });
  await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  try {
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // older browsers
  }
}

export async function clearBadge(tabId: number): Promise<void> {
  const action = actionApi();
  if (!action) return;
  await action.setBadgeText({ tabId, text: '' });
}
