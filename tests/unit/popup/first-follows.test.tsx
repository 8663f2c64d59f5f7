// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { FOLLOWED_PAGE } from '../../../components/popup/FollowedList';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { Follow } from '../../../lib/model/records';
import { withTestRoot } from '../ui/i18n-stub';
import { fakeApi, follow } from './fake-api';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

const rows = () => root.querySelectorAll('[data-testid="followed-list"] [data-case-key]').length;
const heading = () => root.querySelector('#popup-followed-h')?.textContent ?? '';

const all: Follow[] = Array.from({ length: 120 }, (_, i) =>
  follow({ caseKey: `ballerup:${i}`, title: `Sag ${i}`, lastActivity: 1000 - i }),
);

describe('popup: the first followed rows before the whole list', () => {
  it('shows the first rows from `firstFollows`, then asks for the whole list once they are painted', async () => {
    const api = fakeApi({ follows: all });
    let releaseFull!: () => void;
    const full = new Promise<void>((r) => (releaseFull = r));
    const listFollowed = api.listFollowed.getMockImplementation()!;
    api.listFollowed.mockImplementation(async () => {
      await full;
      return listFollowed();
    });
    const firstFollows = vi.fn(async () => all.slice(0, FOLLOWED_PAGE));
    await act(async () => {
      render(
        <PopupApp
          load={async () => ({ kind: 'no-reader' })}
          jump={vi.fn(async () => true)}
          data={{ api, firstFollows, openDashboard: vi.fn(), openUrl: vi.fn() }}
        />,
        root,
      );
    });
    await vi.waitFor(() => expect(rows()).toBe(FOLLOWED_PAGE));
    expect(firstFollows).toHaveBeenCalledTimes(1);
    // Only the first rows: no count and no "show more" yet (they would be wrong).
    expect(heading()).not.toMatch(/\(\d+\)/);
    expect(root.querySelector('[data-testid="show-more"]')).toBeNull();
    await vi.waitFor(() => expect(api.listFollowed).toHaveBeenCalledTimes(1));

    await act(async () => releaseFull());
    await vi.waitFor(() => expect(heading()).toContain('(120)'));
    expect(rows()).toBe(FOLLOWED_PAGE);
    expect(root.querySelector('[data-testid="show-more"]')).not.toBeNull();
  });

  it('falls back to the whole list when the first request fails', async () => {
    const api = fakeApi({ follows: all.slice(0, 3) });
    await act(async () => {
      render(
        <PopupApp
          load={async () => ({ kind: 'no-reader' })}
          jump={vi.fn(async () => true)}
          data={{
            api,
            firstFollows: () => Promise.reject(new Error('no answer')),
            openDashboard: vi.fn(),
            openUrl: vi.fn(),
          }}
        />,
        root,
      );
    });
    await vi.waitFor(() => expect(rows()).toBe(3));
    expect(heading()).toContain('(3)');
  });
});
