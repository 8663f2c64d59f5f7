// An optional system notification of new appearances. `notifications` is an optional permission:
// nothing is shown unless the user granted it (and enabled the setting, checked by the route).
import { browser } from 'wxt/browser';
import type { Appearance } from '../../../lib/model/records';

type NotificationsApi = {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string },
  ): Promise<string>;
};

function message(key: string, subs: string[], fallback: string): string {
  try {
    return (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, subs) || fallback;
  } catch {
    return fallback;
  }
}

/** One line per appearance: "Title — Committee, 2024-05-01" (at most three, then "+ n more"). */
export function notificationText(appearances: readonly Appearance[]): { title: string; message: string } {
  const n = appearances.length;
  const lines = appearances
    .slice(0, 3)
    .map((a) => [a.title, [a.committee, a.date].filter(Boolean).join(', ')].filter(Boolean).join(' — '));
  if (n > 3) lines.push(message('notifyMore', [String(n - 3)], `+ ${n - 3} til`));
  return {
    title: message(
      n === 1 ? 'notifyNewTitleOne' : 'notifyNewTitle',
      [String(n)],
      n === 1 ? 'Ny behandling af en sag du følger' : `${n} nye behandlinger af sager du følger`,
    ),
    message: lines.join('\n'),
  };
}

export async function notifyNewAppearances(appearances: readonly Appearance[]): Promise<void> {
  if (!appearances.length) return;
  const granted = await browser.permissions.contains({ permissions: ['notifications'] });
  const api = (browser as unknown as { notifications?: NotificationsApi }).notifications;
  if (!granted || !api?.create) return;
  const { title, message: body } = notificationText(appearances);
  await api.create(`sagsspor-new-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: body,
  });
}
