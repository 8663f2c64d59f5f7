// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createSaveFile } from '../../../components/dashboard/save';
import type { BackupV1 } from '../../../lib/model/backup';
import type { MeetingRecord } from '../../../lib/model/records';
import { follow } from '../popup/fake-api';
import { withTestRoot } from '../ui/i18n-stub';
import { annotation, appearance, dashApi, flush, mount } from './helpers';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

const meeting: MeetingRecord = {
  key: 'ballerup|børne- og skoleudvalget|2024-05-01',
  municipality: 'Ballerup',
  committee: 'Børne- og Skoleudvalget',
  date: '2024-05-01',
  time: null,
  place: null,
  kind: 'referat',
  platform: null,
  participants: [],
  absent: [],
  punkter: [],
  sourceUrls: ['https://dagsorden.ballerup.dk/m/1'],
  firstSeen: 1,
  lastSeen: 1,
};

function backup(): BackupV1 {
  const caseKey = 'ballerup:17.00.00-A00-1-24';
  return {
    format: 'sagsspor-backup',
    version: 1,
    exportedAt: '2026-11-26T10:00:00.000Z',
    annotations: [
      annotation({ note: 'Æbler, "citat"\nny linje', tags: ['klima'] }, { meetingKey: meeting.key }),
    ],
    meetings: [meeting],
    appearances: [
      appearance({ id: 'up', caseKey, source: 'upcoming', date: '2026-12-10', committee: 'Byrådet' }),
    ],
    follows: [follow({ caseKey, title: 'Ny skolestruktur' })],
    topics: [],
  };
}

describe('dashboard: export', () => {
  it('saves CSV of everything with a descriptive name', async () => {
    const api = dashApi({ exportBackup: vi.fn(async () => backup()) });
    const save = await mount(root, api, '#/export');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="export-csv"]')!.click());
    await flush();
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
    const [blob, name] = save.mock.calls[0]! as unknown as [Blob, string];
    expect(name).toBe('sagsspor-alle-noter-2026-11-26.csv');
    expect(blob.type).toContain('text/csv');
    const text = await blob.text();
    expect(text).toContain('Æbler');
    expect(root.querySelector('[data-testid="export-status"]')?.textContent).toContain(name);
  });

  it('exports one meeting from the route in Markdown and upcoming treatments as iCalendar', async () => {
    const api = dashApi({
      exportBackup: vi.fn(async () => backup()),
      listMeetings: vi.fn(async () => [meeting]),
    });
    const save = await mount(root, api, `#/export?meeting=${encodeURIComponent(meeting.key)}`);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="export-markdown"]')!.click());
    await flush();
    await flush();
    expect((save.mock.calls[0] as unknown as [Blob, string])[1]).toBe(
      'sagsspor-ballerup-boerne-og-skoleudvalget-2024-05-01.md',
    );
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="export-ics"]')!.click());
    await flush();
    await flush();
    const [ics, icsName] = save.mock.calls[1]! as unknown as [Blob, string];
    expect(icsName).toBe('sagsspor-kommende-behandlinger-2026-11-26.ics');
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  });

  it('an export goes to browser.downloads with its descriptive name and no dialog', async () => {
    const download = vi.fn(async (_o: { url: string; filename: string; saveAs?: boolean }) => 1);
    Object.assign(URL, {
      createObjectURL: vi.fn(() => 'blob:chrome-extension://x/2'),
      revokeObjectURL: vi.fn(),
    });
    const api = dashApi({ exportBackup: vi.fn(async () => backup()) });
    await mount(root, api, '#/export', createSaveFile({ download }) as never);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="export-jsonld"]')!.click());
    await flush();
    await flush();
    expect(download).toHaveBeenCalledWith({
      url: 'blob:chrome-extension://x/2',
      filename: 'sagsspor-alle-noter-2026-11-26.jsonld',
      saveAs: false,
    });
  });

  it('saves through the downloads API without a dialog', async () => {
    const download = vi.fn(async () => 1);
    const createObjectURL = vi.fn(() => 'blob:chrome-extension://x/1');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL: revoke });
    await createSaveFile({ download })(new Blob(['x']), 'sagsspor-alle-noter-2026-11-26.md');
    expect(download).toHaveBeenCalledWith({
      url: 'blob:chrome-extension://x/1',
      filename: 'sagsspor-alle-noter-2026-11-26.md',
      saveAs: false,
    });
  });

  it('falls back to a download link without the downloads API', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    await createSaveFile(null)(new Blob(['x']), 'a.csv');
    expect(clicked).toEqual(['a.csv']);
    spy.mockRestore();
  });
});
