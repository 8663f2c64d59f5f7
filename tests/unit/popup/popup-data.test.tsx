// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupState } from '../../../components/popup/PopupApp';
import type { DataApi } from '../../../lib/ui-client/api';
import { recognised } from '../ui/fixtures';
import { withTestRoot } from '../ui/i18n-stub';
import { fakeApi, follow } from './fake-api';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

async function show(api: DataApi, state: PopupState = { kind: 'no-reader' }, searchDelay = 40) {
  const openDashboard = vi.fn();
  const openUrl = vi.fn();
  await act(async () => {
    render(
      <PopupApp
        load={async () => state}
        jump={vi.fn(async () => true)}
        data={{ api, openDashboard, openUrl, searchDelay }}
      />,
      root,
    );
  });
  await flush();
  return { openDashboard, openUrl };
}

const rows = () =>
  [...root.querySelectorAll<HTMLElement>('[data-testid="followed-list"] [data-case-key]')].map(
    (li) => li.dataset.caseKey,
  );

describe('popup: followed cases', () => {
  it('explains how to follow when nothing is followed', async () => {
    await show(fakeApi());
    expect(root.querySelector('[data-testid="followed-list"]')).toBeNull();
    expect(root.querySelector('[data-testid="followed-empty"]')?.textContent).toContain(
      'Du følger ingen sager endnu — klik Følg sag ved et punkt',
    );
    expect(root.querySelector('[data-testid="topics"]')).not.toBeNull();
  });

  it('lists followed cases by latest activity with their new appearances, and opens the timeline', async () => {
    const api = fakeApi({
      follows: [
        follow({ caseKey: 'ballerup:a', title: 'Gammel sag', lastActivity: 100 }),
        follow({
          caseKey: 'ballerup:b',
          title: 'Ny skole',
          lastActivity: 300,
          newCount: 2,
          latestDate: '2024-05-01',
          latestDecision: 'Godkendt',
          latestCommittee: 'Børne- og Skoleudvalget',
        }),
        follow({ caseKey: 'ballerup:c', title: 'Midt', lastActivity: 200 }),
      ],
    });
    const { openDashboard } = await show(api);
    expect(rows()).toEqual(['ballerup:b', 'ballerup:c', 'ballerup:a']);
    const first = root.querySelector<HTMLElement>('[data-case-key="ballerup:b"]')!;
    expect(first.querySelector('[data-testid="new-count"]')?.textContent).toBe('2');
    expect(first.textContent).toContain('Ny skole');
    expect(first.textContent).toContain('Godkendt');
    expect(first.textContent).toContain('1. maj 2024');
    expect(first.textContent).toContain('Børne- og Skoleudvalget');
    expect(root.querySelector('[data-case-key="ballerup:a"] [data-testid="new-count"]')).toBeNull();

    await act(async () => first.querySelector<HTMLButtonElement>('.followed-open')!.click());
    expect(openDashboard).toHaveBeenCalledWith('/case/ballerup%3Ab');
    expect(api.markSeen).toHaveBeenCalledWith('ballerup:b');
    expect(first.querySelector('[data-testid="new-count"]')).toBeNull();
  });

  it('shows the first 50 of a long list, then more on request', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      follow({ caseKey: `k:${i}`, title: `Sag ${i}`, lastActivity: i }),
    );
    await show(fakeApi({ follows: many }));
    expect(rows()).toHaveLength(50);
    expect(rows()[0]).toBe('k:119');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="show-more"]')!.click());
    expect(rows()).toHaveLength(100);
  });

  it('unfollows at once and undoes from the toast', async () => {
    const api = fakeApi({
      follows: [
        follow({ caseKey: 'ballerup:a', title: 'A', lastActivity: 2 }),
        follow({ caseKey: 'ballerup:b', title: 'B', lastActivity: 1 }),
      ],
    });
    await show(api);
    await act(async () =>
      root.querySelector<HTMLButtonElement>('[data-case-key="ballerup:a"] [data-testid="unfollow"]')!.click(),
    );
    await flush();
    expect(api.unfollow).toHaveBeenCalledWith('ballerup:a');
    expect(rows()).toEqual(['ballerup:b']);
    const toast = root.querySelector('[data-testid="toast"]')!;
    expect(toast.getAttribute('role')).toBe('status');
    expect(toast.textContent).toContain('Følger ikke længere: A');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="undo"]')!.click());
    await flush();
    expect(api.undoUnfollow).toHaveBeenCalledWith('ballerup:a');
    expect(rows()).toEqual(['ballerup:a', 'ballerup:b']);
    expect(root.querySelector('[data-testid="undo"]')).toBeNull();
  });
});

describe('popup: backup reminder', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('once there is something to lose and no backup, says uninstalling deletes it and links to the backup', async () => {
    const api = fakeApi({ follows: [follow({ caseKey: 'ballerup:a', title: 'A' })] });
    const { openDashboard } = await show(api);
    const notice = root.querySelector('[data-testid="backup-notice"]')!;
    expect(notice.getAttribute('role')).toBe('note');
    expect(notice.textContent).toContain('slettes');
    await act(async () =>
      notice.querySelector<HTMLButtonElement>('[data-testid="backup-notice-backup"]')!.click(),
    );
    expect(openDashboard).toHaveBeenCalledWith('/backup');
    expect(root.querySelector('[data-testid="backup-notice"]')).toBeNull();
    // Opening the backup page is not a backup: it reminds again next time.
    expect(api.snoozeBackupReminder).not.toHaveBeenCalled();
  });

  it('reminds when the last backup is over 30 days old, with its age; "Not now" waits 30 days', async () => {
    const api = fakeApi({ annotations: 3, lastBackupAt: Date.now() - 45 * DAY });
    await show(api);
    const notice = root.querySelector('[data-testid="backup-notice"]')!;
    expect(notice.textContent).toContain('45 dage gammel');
    await act(async () =>
      notice.querySelector<HTMLButtonElement>('[data-testid="backup-notice-later"]')!.click(),
    );
    expect(api.snoozeBackupReminder).toHaveBeenCalled();
    expect(api.setFlag).toHaveBeenCalledWith('persistNoticeShown', true);
    expect(root.querySelector('[data-testid="backup-notice"]')).toBeNull();
    act(() => render(null, root));
    await show(api);
    expect(root.querySelector('[data-testid="backup-notice"]')).toBeNull();
  });

  it('is not shown with nothing to lose, or with a recent backup', async () => {
    await show(fakeApi());
    expect(root.querySelector('[data-testid="backup-notice"]')).toBeNull();
    act(() => render(null, root));
    await show(
      fakeApi({
        follows: [follow({ caseKey: 'ballerup:a', title: 'A' })],
        lastBackupAt: Date.now() - 2 * DAY,
      }),
    );
    expect(root.querySelector('[data-testid="backup-notice"]')).toBeNull();
  });
});

describe('popup: follow from the current page', () => {
  it("has a Følg sag button per punkt that follows the punkt's case", async () => {
    const api = fakeApi();
    await show(api, {
      kind: 'model',
      model: { status: 'recognised', url: 'https://dagsorden.ballerup.dk/m/1', result: recognised() },
    });
    const buttons = root.querySelectorAll<HTMLButtonElement>('button[data-follow-punkt]');
    expect([...buttons].map((b) => b.dataset.followPunkt)).toEqual(['1', '3', '11']);
    const b1 = root.querySelector<HTMLButtonElement>('button[data-follow-punkt="1"]')!;
    expect(b1.textContent).toBe('Følg sag');
    expect(b1.getAttribute('aria-pressed')).toBe('false');
    expect(b1.getAttribute('aria-label')).toBe('Følg sag: punkt 1, Meddelelser');
    await act(async () => b1.click());
    await flush();
    expect(api.follow).toHaveBeenCalledWith({
      caseKey: 'ballerup:00.01.10-P35-7-22',
      municipality: 'Ballerup',
      caseNumber: '00.01.10-P35-7-22',
      title: 'Meddelelser',
    });
    const after = root.querySelector<HTMLButtonElement>('button[data-follow-punkt="1"]')!;
    expect(after.getAttribute('aria-pressed')).toBe('true');
    expect(after.textContent).toBe('Følger ✓');
    expect(rows()).toEqual(['ballerup:00.01.10-P35-7-22']);
  });

  it('never shows a wrong "Følg sag" while only the first followed rows are in', async () => {
    const followedCase = follow({ caseKey: 'ballerup:00.01.10-P35-7-22', title: 'Meddelelser' });
    const others = Array.from({ length: 60 }, (_, i) =>
      follow({ caseKey: `ballerup:x${i}`, title: `Sag ${i}`, lastActivity: 1000 - i }),
    );
    const api = fakeApi({ follows: [...others, followedCase] });
    let releaseFull!: () => void;
    const full = new Promise<void>((r) => (releaseFull = r));
    const listFollowed = api.listFollowed.getMockImplementation()!;
    api.listFollowed.mockImplementation(async () => {
      await full;
      return listFollowed();
    });
    await act(async () => {
      render(
        <PopupApp
          load={async () => ({
            kind: 'model',
            model: { status: 'recognised', url: 'https://dagsorden.ballerup.dk/m/1', result: recognised() },
          })}
          jump={vi.fn(async () => true)}
          data={{
            api,
            firstFollows: async () => others.slice(0, 50),
            openDashboard: vi.fn(),
            openUrl: vi.fn(),
          }}
        />,
        root,
      );
    });
    await flush();
    const b1 = () => root.querySelector<HTMLButtonElement>('button[data-follow-punkt="1"]')!;
    expect(b1().disabled).toBe(true);
    expect(b1().getAttribute('aria-busy')).toBe('true');
    expect(b1().textContent).not.toBe('Følg sag');
    expect(b1().getAttribute('aria-label')).toBe('Følg sag: punkt 1, Meddelelser');
    await act(async () => releaseFull());
    await flush();
    expect(b1().disabled).toBe(false);
    expect(b1().textContent).toBe('Følger ✓');
    expect(b1().getAttribute('aria-pressed')).toBe('true');
  });
});

describe('popup: search', () => {
  it('asks the background once typing pauses, and shows the answers', async () => {
    const api = fakeApi({
      hits: {
        punkter: [
          {
            id: '2024-05-01 x#3',
            meetingKey: 'x',
            number: 3,
            municipality: 'Ballerup',
            committee: 'Økonomiudvalget',
            date: '2024-05-01',
            title: 'Skolestruktur <b>ny</b>',
            caseNumber: '17.00.00-A00-1-24',
            caseKey: 'ballerup:17.00.00-A00-1-24',
            kleGroup: '17',
            decision: null,
            deepLink: null,
            words: [],
          },
        ],
        annotations: [],
        truncated: false,
      },
    });
    const { openDashboard } = await show(api);
    const input = root.querySelector<HTMLInputElement>('input[data-testid="search"]')!;
    expect(input.getAttribute('aria-label')).toBeTruthy();
    for (const v of ['s', 'sk', 'sko']) {
      await act(async () => {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    expect(api.search).not.toHaveBeenCalled();
    await act(async () => new Promise((r) => setTimeout(r, 80)));
    await flush();
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.search).toHaveBeenCalledWith('sko', 30);
    const results = root.querySelector('[data-testid="search-results"]')!;
    expect(results.textContent).toContain('Skolestruktur <b>ny</b>');
    expect(results.querySelector('b')).toBeNull();
    await act(async () => results.querySelector<HTMLButtonElement>('button')!.click());
    expect(openDashboard).toHaveBeenCalledWith('/case/ballerup%3A17.00.00-A00-1-24');
  });
});

describe('popup: topics', () => {
  it('shows topics with their counts and adds a KLE main group', async () => {
    const api = fakeApi({
      topics: [
        { topic: { id: 't1', kind: 'phrase', value: 'klima', createdAt: 1, deletedAt: null }, count: 7 },
      ],
    });
    const { openDashboard } = await show(api);
    const topics = root.querySelector('[data-testid="topics"]')!;
    expect(topics.querySelector('[data-topic-id="t1"]')?.textContent).toContain('klima');
    expect(topics.querySelector('[data-topic-id="t1"] .topic-count')?.textContent).toBe('7');
    await act(async () =>
      topics.querySelector<HTMLButtonElement>('[data-topic-id="t1"] .topic-label')!.click(),
    );
    expect(openDashboard).toHaveBeenCalledWith('/topic/t1');
    const select = topics.querySelector<HTMLSelectElement>('select')!;
    await act(async () => {
      select.value = 'kle';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // KL's main groups are offered by name (lib/kle); the code is stored.
    const groups = topics.querySelector<HTMLSelectElement>('select.topic-value')!;
    expect(groups.textContent).toContain('15 Arbejdsmarked og beskæftigelsesindsats');
    await act(async () => {
      groups.value = '15';
      groups.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {
      topics.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    await flush();
    expect(api.addTopic).toHaveBeenCalledWith('kle', '15');
    expect(root.querySelector('[data-testid="topics"]')?.textContent).toContain(
      'KLE 15 Arbejdsmarked og beskæftigelsesindsats',
    );
  });
});
