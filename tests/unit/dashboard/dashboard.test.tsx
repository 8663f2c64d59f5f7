// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../../components/dashboard/DashboardApp';
import { BACKUP_FORMAT } from '../../../lib/model/backup';
import { ClientError, type ImportSummary } from '../../../lib/ui-client/api';
import { follow } from '../popup/fake-api';
import { withTestRoot } from '../ui/i18n-stub';
import { annotation, appearance, dashApi, flush, mount } from './helpers';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

const click = (sel: string) => act(async () => root.querySelector<HTMLElement>(sel)!.click());
async function choose(el: HTMLSelectElement | HTMLInputElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await flush();
}

describe('dashboard: case timeline', () => {
  it('shows every appearance in date order with decisions, annotations and safe links', async () => {
    const caseKey = 'ballerup:17.00.00-A00-1-24';
    const note = annotation(
      { note: 'Husk høringen', tags: ['skole'] },
      { meetingKey: 'ballerup|bsu|2024-05-01', punktNumber: 3 },
    );
    const api = dashApi({
      caseTimeline: vi.fn(async () => ({
        follow: follow({ caseKey, title: 'Ny skolestruktur', newCount: 1 }),
        appearances: [
          appearance({
            id: 'up',
            source: 'upcoming',
            date: '2026-12-10',
            committee: 'Byrådet',
            text: 'Byrådet 10. december 2026',
          }),
          appearance({ id: 'undated', source: 'history', text: 'Sagen har tidligere været drøftet' }),
          appearance({
            id: 'v1',
            source: 'visited',
            date: '2024-05-01',
            committee: 'Børne- og Skoleudvalget',
            meetingKey: 'ballerup|bsu|2024-05-01',
            punktNumber: 3,
            decision: 'Anbefales',
            deepLink: 'https://dagsorden.ballerup.dk/m/1#p3',
          }),
          appearance({
            id: 'h1',
            source: 'history',
            date: '2023-01-10',
            committee: 'Økonomiudvalget',
            deepLink: 'javascript:alert(1)',
          }),
        ],
        annotations: [note],
      })),
    });
    await mount(root, api, `#/case/${encodeURIComponent(caseKey)}`);
    expect(api.caseTimeline).toHaveBeenCalledWith(caseKey);
    const items = [...root.querySelectorAll<HTMLElement>('[data-testid="timeline"] [data-appearance]')];
    expect(items.map((i) => i.dataset.appearance)).toEqual(['h1', 'v1', 'up', 'undated']);
    expect(root.querySelector('h1')?.textContent).toBe('Ny skolestruktur');
    expect(items[1]!.textContent).toContain('Anbefales');
    expect(items[1]!.querySelector('[data-annotation-id]')?.textContent).toContain('Husk høringen');
    expect(items[1]!.querySelector('a[href="https://dagsorden.ballerup.dk/m/1#p3"]')).not.toBeNull();
    expect(items[0]!.querySelector('a[href^="javascript"]')).toBeNull();
    expect(items[2]!.classList.contains('dash-upcoming')).toBe(true);
    expect(items[2]!.textContent).toContain('Kommende');
    expect(api.markSeen).toHaveBeenCalledWith(caseKey);
  });
});

describe('dashboard: annotations', () => {
  it('asks the background with the chosen filters', async () => {
    const listAnnotations = vi.fn(async () => ({
      annotations: [annotation({ note: 'A <b>note</b>', tags: ['klima'], color: 'green' })],
      total: 1,
    }));
    const api = dashApi({
      listAnnotations,
      listMeetings: vi.fn(async () => []),
      listTags: vi.fn(async () => [
        { tag: 'klima', count: 3 },
        { tag: 'skole', count: 1 },
      ]),
    });
    await mount(root, api, '#/annotations?tag=klima');
    expect(listAnnotations).toHaveBeenLastCalledWith({ tag: 'klima' }, 1000);
    expect(root.querySelector('[data-testid="annotation-list"]')?.textContent).toContain('A <b>note</b>');
    expect(root.querySelector('[data-testid="annotation-list"] b')).toBeNull();
    // One note is "1 note", not "1 noter" (QA: singular counts).
    expect(root.querySelector('[data-testid="annotation-count"]')?.textContent).toBe('1 note');

    await choose(root.querySelector<HTMLSelectElement>('select[name="color"]')!, 'green');
    expect(listAnnotations).toHaveBeenLastCalledWith({ tag: 'klima', color: 'green' }, 1000);
    await choose(root.querySelector<HTMLSelectElement>('select[name="tag"]')!, '');
    expect(listAnnotations).toHaveBeenLastCalledWith({ color: 'green' }, 1000);
    for (const name of ['meeting', 'case', 'tag', 'color', 'municipality']) {
      const select = root.querySelector(`select[name="${name}"]`)!;
      expect(select.closest('label')?.textContent, name).toBeTruthy();
    }
  });
});

describe('dashboard: tags', () => {
  it('renames a tag and undoes it from the toast', async () => {
    let tags = [
      { tag: 'klima', count: 3 },
      { tag: 'skole', count: 1 },
    ];
    const api = dashApi({
      listTags: vi.fn(async () => tags),
      renameTag: vi.fn(async () => {
        tags = [
          { tag: 'miljø', count: 3 },
          { tag: 'skole', count: 1 },
        ];
        return { changed: 3, undoToken: 'tok-1' };
      }),
      undoTagEdit: vi.fn(async () => {
        tags = [
          { tag: 'klima', count: 3 },
          { tag: 'skole', count: 1 },
        ];
      }),
    });
    await mount(root, api, '#/tags');
    const row = root.querySelector<HTMLElement>('tr[data-tag="klima"]')!;
    await choose(row.querySelector<HTMLInputElement>('[data-testid="tag-rename-input"]')!, 'miljø');
    await act(async () => row.querySelector<HTMLButtonElement>('[data-testid="tag-rename"]')!.click());
    await flush();
    expect(api.renameTag).toHaveBeenCalledWith('klima', 'miljø');
    expect(root.querySelector('tr[data-tag="miljø"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="toast"]')?.textContent).toContain('klima hedder nu miljø');
    await click('[data-testid="undo"]');
    await flush();
    expect(api.undoTagEdit).toHaveBeenCalledWith('tok-1');
    expect(root.querySelector('tr[data-tag="klima"]')).not.toBeNull();
    expect(root.querySelector('tr[data-tag="miljø"]')).toBeNull();
  });

  it('deletes a tag with undo', async () => {
    const api = dashApi({
      listTags: vi.fn(async () => [{ tag: 'klima', count: 3 }]),
      deleteTag: vi.fn(async () => ({ changed: 3, undoToken: 'tok-2' })),
      undoTagEdit: vi.fn(async () => {}),
    });
    await mount(root, api, '#/tags');
    await click('tr[data-tag="klima"] [data-testid="tag-delete"]');
    await flush();
    expect(api.deleteTag).toHaveBeenCalledWith('klima');
    await click('[data-testid="undo"]');
    expect(api.undoTagEdit).toHaveBeenCalledWith('tok-2');
  });
});

const summary = (dryRun: boolean): ImportSummary => ({
  annotations: { new: 5, updated: 1, unchanged: 2, invalid: 1 },
  meetings: { new: 1, updated: 0, unchanged: 0, invalid: 0 },
  appearances: { new: 0, updated: 0, unchanged: 0, invalid: 0 },
  follows: { new: 0, updated: 0, unchanged: 3, invalid: 0 },
  topics: { new: 0, updated: 0, unchanged: 0, invalid: 0 },
  problems: [{ table: 'annotations', index: 4, message: 'Invalid input' }],
  dryRun,
});

async function pickFile(text: string, name = 'backup.json') {
  const input = root.querySelector<HTMLInputElement>('input[data-testid="backup-file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
  await flush();
}

describe('dashboard: backup', () => {
  it('explains that uninstalling deletes the data', async () => {
    await mount(root, dashApi(), '#/backup');
    expect(root.textContent).toContain('Afinstallerer du Sagsspor, slettes de');
  });

  it('shows the dry-run summary before anything is written, and imports on confirm', async () => {
    const importBackup = vi.fn(async (_t: string, dryRun: boolean) => summary(dryRun));
    const api = dashApi({ importBackup });
    await mount(root, api, '#/backup');
    const text = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 'x', annotations: [] });
    await pickFile(text);
    expect(importBackup).toHaveBeenCalledTimes(1);
    expect(importBackup).toHaveBeenCalledWith(text, true);
    const s = root.querySelector('[data-testid="dry-run-summary"]')!;
    expect(s.querySelector('tr[data-table="annotations"] [data-count="new"]')?.textContent).toBe('5');
    expect(s.querySelector('tr[data-table="annotations"] [data-count="invalid"]')?.textContent).toBe('1');
    expect(s.querySelector('tr[data-table="follows"] [data-count="unchanged"]')?.textContent).toBe('3');
    await click('[data-testid="import-confirm"]');
    await flush();
    expect(importBackup).toHaveBeenCalledTimes(2);
    expect(importBackup).toHaveBeenLastCalledWith(text, false);
    expect(root.querySelector('[data-testid="import-done"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="dry-run-summary"]')).toBeNull();
  });

  it('cancelling the dry run writes nothing', async () => {
    const importBackup = vi.fn(async (_t: string, dryRun: boolean) => summary(dryRun));
    await mount(root, dashApi({ importBackup }), '#/backup');
    await pickFile('{"format":"sagsspor-backup"}');
    await click('[data-testid="import-cancel"]');
    expect(importBackup).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="dry-run-summary"]')).toBeNull();
  });

  it.each([
    ['not-json', 'ikke en JSON-fil'],
    ['foreign', 'ikke en Sagsspor-backup'],
    ['corrupt', 'beskadiget'],
    ['newer-version', 'nyere version'],
  ])('a %s file gets a clear message and nothing changes', async (code, text) => {
    const importBackup = vi.fn(async () => {
      throw new ClientError(code);
    });
    await mount(root, dashApi({ importBackup }), '#/backup');
    await pickFile('garbage{');
    const err = root.querySelector('[data-testid="import-error"]')!;
    expect(err.textContent).toContain(text);
    expect(err.textContent).toContain('Intet er ændret');
    expect(importBackup).toHaveBeenCalledTimes(1);
    expect(importBackup).toHaveBeenCalledWith('garbage{', true);
    expect(root.querySelector('[data-testid="import-confirm"]')).toBeNull();
  });

  it('downloads a JSON backup with a dated name', async () => {
    const api = dashApi({ exportBackupText: vi.fn(async () => '{"format":"sagsspor-backup"}') });
    const save = await mount(root, api, '#/backup');
    await click('[data-testid="backup-download"]');
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
    const [blob, name] = save.mock.calls[0]! as unknown as [Blob, string];
    expect(name).toMatch(/^sagsspor-backup-2026-11-2\d\.json$/);
    expect(await blob.text()).toBe('{"format":"sagsspor-backup"}');
  });

  it('says when the last backup was saved, and records a new one only once the file is saved', async () => {
    const api = dashApi({ exportBackupText: vi.fn(async () => '{"format":"sagsspor-backup"}') });
    const failing = vi.fn(async () => {
      throw new Error('disk full');
    });
    await mount(root, api, '#/backup', failing);
    expect(root.querySelector('[data-testid="backup-last"]')?.textContent).toBe(
      'Du har ikke taget en backup endnu.',
    );
    await click('[data-testid="backup-download"]');
    await flush();
    expect(api.markBackupSaved).not.toHaveBeenCalled();

    act(() => render(null, root));
    await mount(root, api, '#/backup');
    await click('[data-testid="backup-download"]');
    await flush();
    expect(api.markBackupSaved).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="backup-last"]')?.textContent).toMatch(/^Seneste backup: .*2026/);
  });
});

describe('dashboard: settings', () => {
  it('asks for the notifications permission before turning notifications on', async () => {
    const api = dashApi({ listFollowed: vi.fn(async () => []) });
    const requestNotifications = vi.fn(async () => true);
    await act(async () => {
      render(
        <DashboardApp
          api={api}
          save={vi.fn()}
          hash={() => '#/'}
          requestNotifications={requestNotifications}
        />,
        root,
      );
    });
    await flush();
    const box = root.querySelector<HTMLInputElement>('input[data-testid="notify-toggle"]')!;
    expect(box.checked).toBe(false);
    expect(box.closest('label')?.textContent).toContain('systemnotifikation');
    await act(async () => box.click());
    await flush();
    await flush();
    expect(requestNotifications).toHaveBeenCalledTimes(1);
    expect(api.setFlag).toHaveBeenCalledWith('notifyNewAppearances', true);
    expect(root.querySelector<HTMLInputElement>('input[data-testid="notify-toggle"]')!.checked).toBe(true);
  });

  it('leaves notifications off when the browser refuses', async () => {
    const api = dashApi({ listFollowed: vi.fn(async () => []) });
    await act(async () => {
      render(
        <DashboardApp api={api} save={vi.fn()} hash={() => '#/'} requestNotifications={async () => false} />,
        root,
      );
    });
    await flush();
    await act(async () =>
      root.querySelector<HTMLInputElement>('input[data-testid="notify-toggle"]')!.click(),
    );
    await flush();
    expect(api.setFlag).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('notifikationer');
  });
});

describe('dashboard: topic', () => {
  it('lists the punkter a topic matched, linking to their case timelines', async () => {
    const api = dashApi({
      topicPunkter: vi.fn(async () => ({
        topic: { id: 't1', kind: 'kle' as const, value: '17', createdAt: 1, deletedAt: null },
        punkter: [
          {
            id: '2024-05-01 m#3',
            meetingKey: 'm',
            number: 3,
            municipality: 'Ballerup',
            committee: 'Børne- og Skoleudvalget',
            date: '2024-05-01',
            title: 'Skolestruktur',
            caseNumber: '17.00.00-A00-1-24',
            caseKey: 'ballerup:17.00.00-A00-1-24',
            kleGroup: '17',
            decision: null,
            deepLink: null,
            words: [],
          },
        ],
      })),
    });
    await mount(root, api, '#/topic/t1');
    expect(api.topicPunkter).toHaveBeenCalledWith('t1');
    expect(root.querySelector('h1')?.textContent).toBe('KLE 17 Folkeskoleundervisning');
    const link = root.querySelector<HTMLAnchorElement>('[data-testid="topic-punkter"] a')!;
    expect(link.textContent).toBe('Skolestruktur');
    expect(link.getAttribute('href')).toBe('#/case/ballerup%3A17.00.00-A00-1-24');
  });
});

describe('dashboard: routing', () => {
  it('follows the hash and moves focus to the new view', async () => {
    let hash = '#/tags';
    const api = dashApi({ listTags: vi.fn(async () => []), listFollowed: vi.fn(async () => []) });
    await act(async () => {
      render(<DashboardApp api={api} save={vi.fn()} hash={() => hash} />, root);
    });
    await flush();
    expect(root.querySelector('[data-testid="dashboard"]')?.getAttribute('data-route')).toBe('tags');
    expect(root.querySelector('a[aria-current="page"]')?.getAttribute('href')).toBe('#/tags');
    expect(document.activeElement?.tagName).not.toBe('MAIN');
    hash = '#/backup';
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await flush();
    expect(root.querySelector('[data-testid="dashboard"]')?.getAttribute('data-route')).toBe('backup');
    expect(document.activeElement).toBe(root.querySelector('main'));
    expect(root.querySelector('[data-testid="backup-download"]')).not.toBeNull();
  });
});
