// @vitest-environment jsdom
// QA pass fixes: dry-run problems in words, singular counts, filters in the URL, notes open their punkt.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { problemText } from '../../../components/dashboard/BackupView';
import { DashboardApp } from '../../../components/dashboard/DashboardApp';
import type { MeetingRecord } from '../../../lib/model/records';
import type { ImportSummary } from '../../../lib/ui-client/api';
import { stubI18n, withTestRoot } from '../ui/i18n-stub';
import { annotation, appearance, dashApi, flush, mount } from './helpers';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

async function choose(el: HTMLSelectElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

const empty = { new: 0, updated: 0, unchanged: 0, invalid: 0 };
function summaryWith(problems: ImportSummary['problems'], invalid: number): ImportSummary {
  return {
    annotations: { ...empty, new: 2, invalid },
    meetings: { ...empty },
    appearances: { ...empty },
    follows: { ...empty },
    topics: { ...empty },
    problems,
  } as ImportSummary;
}

async function dryRun(summary: ImportSummary) {
  const importBackup = vi.fn(async () => summary);
  await mount(root, dashApi({ importBackup }), '#/backup');
  const input = root.querySelector<HTMLInputElement>('input[data-testid="backup-file"]')!;
  Object.defineProperty(input, 'files', {
    value: [new File(['{}'], 'backup.json', { type: 'application/json' })],
    configurable: true,
  });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
  await flush();
  return root.querySelector('[data-testid="dry-run-summary"] details')!;
}

describe('dashboard: dry-run problems', () => {
  it('says how many rows are invalid and names each in words, in Danish', async () => {
    const details = await dryRun(
      summaryWith(
        [
          { table: 'annotations', index: 1, message: 'color: Invalid input' },
          { table: 'annotations', index: 4, message: '(root): Invalid input' },
        ],
        2,
      ),
    );
    expect(details.querySelector('summary')?.textContent).toBe('Fundne problemer (2)');
    const lines = [...details.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toEqual(['Noter, post 2: feltet ‘color’ er ikke gyldigt', 'Noter, post 5: kan ikke læses']);
    // The raw check stays at hand for whoever debugs a file.
    expect(details.querySelector('li')?.getAttribute('title')).toBe('color: Invalid input');
  });

  it('counts every invalid row, not only the ones listed', async () => {
    const problems = Array.from({ length: 25 }, (_, i) => ({
      table: 'meetings',
      index: i,
      message: 'punkter.0.number: Invalid input',
    }));
    const details = await dryRun(summaryWith(problems, 60));
    expect(details.querySelector('summary')?.textContent).toBe('Fundne problemer (60)');
    const lines = [...details.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('Møder, post 1: feltet ‘punkter.0.number’ er ikke gyldigt');
    expect(lines[20]).toBe('… og 40 til');
  });

  it('reads in English too, with the field path kept and missing fields named', () => {
    stubI18n('en');
    expect(problemText({ table: 'annotations', index: 0, message: 'color: Invalid input' })).toBe(
      'Notes, entry 1: the field ‘color’ is not valid',
    );
    expect(
      problemText({
        table: 'follows',
        index: 2,
        message: 'title: Invalid input: expected string, received undefined',
      }),
    ).toBe('Followed cases, entry 3: the field ‘title’ is missing');
    expect(problemText({ table: 'topics', index: 0, message: 'invalid' })).toBe(
      'Topics, entry 1: cannot be read',
    );
  });
});

describe('dashboard: counts of one', () => {
  it('says "1 note" / "2 noter"', async () => {
    const listAnnotations = vi.fn(async () => ({ annotations: [annotation()], total: 1 }));
    await mount(root, dashApi({ listAnnotations, listMeetings: vi.fn(async () => []) }), '#/annotations');
    expect(root.querySelector('[data-testid="annotation-count"]')?.textContent).toBe('1 note');
    act(() => render(null, root));
    stubI18n('en');
    listAnnotations.mockImplementation(async () => ({ annotations: [annotation(), annotation()], total: 2 }));
    await mount(root, dashApi({ listAnnotations, listMeetings: vi.fn(async () => []) }), '#/annotations');
    expect(root.querySelector('[data-testid="annotation-count"]')?.textContent).toBe('2 notes');
  });
});

describe('dashboard: annotation filters live in the URL', () => {
  async function show(hash: string) {
    const listAnnotations = vi.fn(async () => ({ annotations: [], total: 0 }));
    const api = dashApi({
      listAnnotations,
      listMeetings: vi.fn(async () => []),
      listTags: vi.fn(async () => [{ tag: 'klima', count: 3 }]),
      listFollowed: vi.fn(async () => []),
    });
    const replaceHash = vi.fn();
    let current = hash;
    await act(async () => {
      render(<DashboardApp api={api} save={vi.fn()} hash={() => current} replaceHash={replaceHash} />, root);
    });
    await flush();
    await flush();
    const navigate = async (h: string) => {
      current = h;
      await act(async () => {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      });
      await flush();
    };
    return { listAnnotations, replaceHash, navigate };
  }
  const select = (name: string) => root.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

  it('writes every filter change into the hash, replacing the history entry', async () => {
    const { listAnnotations, replaceHash } = await show('#/annotations');
    await choose(select('tag'), 'klima');
    expect(replaceHash).toHaveBeenLastCalledWith('#/annotations?tag=klima');
    expect(listAnnotations).toHaveBeenLastCalledWith({ tag: 'klima' }, 1000);
    await choose(select('color'), 'green');
    expect(replaceHash).toHaveBeenLastCalledWith('#/annotations?tag=klima&color=green');
    expect(select('tag').value).toBe('klima');
    expect(select('color').value).toBe('green');
    await choose(select('tag'), '');
    expect(replaceHash).toHaveBeenLastCalledWith('#/annotations?color=green');
    expect(listAnnotations).toHaveBeenLastCalledWith({ color: 'green' }, 1000);
  });

  it('restores the filters from the URL on load and on Back (hashchange)', async () => {
    const { listAnnotations, navigate } = await show('#/annotations?tag=klima&color=green&case=ballerup%3Ax');
    expect(listAnnotations).toHaveBeenLastCalledWith(
      { tag: 'klima', color: 'green', caseKey: 'ballerup:x' },
      1000,
    );
    expect(select('tag').value).toBe('klima');
    expect(select('color').value).toBe('green');
    expect(select('case').value).toBe('ballerup:x');
    await navigate('#/annotations?color=blue');
    expect(listAnnotations).toHaveBeenLastCalledWith({ color: 'blue' }, 1000);
    expect(select('tag').value).toBe('');
    expect(select('color').value).toBe('blue');
  });

  it('uses history.replaceState by default', async () => {
    const before = history.length;
    const api = dashApi({
      listAnnotations: vi.fn(async () => ({ annotations: [], total: 0 })),
      listMeetings: vi.fn(async () => []),
      listTags: vi.fn(async () => []),
      listFollowed: vi.fn(async () => []),
    });
    await act(async () => {
      render(<DashboardApp api={api} save={vi.fn()} hash={() => '#/annotations'} />, root);
    });
    await flush();
    await choose(select('color'), 'pink');
    expect(location.hash).toBe('#/annotations?color=pink');
    expect(history.length).toBe(before);
  });
});

function meeting(punkter: Array<{ number: number; deepLink: string | null }>): MeetingRecord {
  return {
    key: 'ballerup|bsu|2024-05-01',
    municipality: 'Ballerup',
    committee: 'Børne- og Skoleudvalget',
    date: '2024-05-01',
    time: null,
    place: null,
    kind: 'referat',
    platform: null,
    participants: [],
    absent: [],
    punkter: punkter.map((p) => ({
      ...p,
      title: `Punkt ${p.number}`,
      caseNumber: null,
      caseKey: `k${p.number}`,
      kle: null,
      closed: false,
      decision: null,
      history: [],
      upcoming: [],
    })),
    sourceUrls: ['https://dagsorden.ballerup.dk/m/1'],
    firstSeen: 1,
    lastSeen: 1,
  };
}

describe('dashboard: "Open the page" goes to the punkt', () => {
  const openLink = (id: string) =>
    root
      .querySelector<HTMLAnchorElement>(`[data-annotation-id="${id}"] a[target="_blank"]`)!
      .getAttribute('href');

  it("uses the punkt's deep link from the meeting, else the page, with a text fragment for a highlight", async () => {
    const atPunkt = annotation({}, { punktNumber: 3 });
    const noLink = annotation({}, { punktNumber: 4 });
    const noMeeting = annotation({}, { meetingKey: null, punktNumber: null, url: 'https://x.dk/side' });
    // The same meeting read on another site: its note opens the page it was made on.
    const elsewhere = annotation({}, { punktNumber: 3, url: 'https://ballerup.aabendagsorden.dk/m/1' });
    const highlight = annotation(
      {
        quote: 'nye skoler',
        target: {
          scope: { punkt: 3 } as never,
          selectors: [
            { type: 'TextQuoteSelector', exact: 'nye skoler', prefix: 'to ', suffix: ' i' },
            { type: 'TextPositionSelector', start: 0, end: 10 },
          ] as never,
        },
      },
      { punktNumber: 3 },
    );
    const api = dashApi({
      listAnnotations: vi.fn(async () => ({
        annotations: [atPunkt, noLink, noMeeting, highlight, elsewhere],
        total: 5,
      })),
      listMeetings: vi.fn(async () => [
        meeting([
          { number: 3, deepLink: 'https://dagsorden.ballerup.dk/m/1#punkt-3' },
          { number: 4, deepLink: null },
        ]),
      ]),
      listTags: vi.fn(async () => []),
      listFollowed: vi.fn(async () => []),
    });
    await mount(root, api, '#/annotations');
    expect(openLink(atPunkt.id)).toBe('https://dagsorden.ballerup.dk/m/1#punkt-3');
    expect(openLink(noLink.id)).toBe('https://dagsorden.ballerup.dk/m/1');
    expect(openLink(noMeeting.id)).toBe('https://x.dk/side');
    expect(openLink(elsewhere.id)).toBe('https://ballerup.aabendagsorden.dk/m/1');
    expect(openLink(highlight.id)).toMatch(
      /^https:\/\/dagsorden\.ballerup\.dk\/m\/1#punkt-3:~:text=.*nye%20skoler/,
    );
  });

  it('in a timeline, a note under its punkt opens that punkt', async () => {
    const note = annotation({}, { url: 'https://dagsorden.ballerup.dk/m/1', punktNumber: 3 });
    const api = dashApi({
      caseTimeline: vi.fn(async () => ({
        follow: null,
        appearances: [
          appearance({
            id: 'v1',
            source: 'visited',
            date: '2024-05-01',
            meetingKey: 'ballerup|bsu|2024-05-01',
            punktNumber: 3,
            deepLink: 'https://dagsorden.ballerup.dk/m/1?punktid=77',
          }),
        ],
        annotations: [note],
      })),
    });
    await mount(root, api, '#/case/ballerup%3A17.00.00-A00-1-24');
    expect(openLink(note.id)).toBe('https://dagsorden.ballerup.dk/m/1?punktid=77');
  });
});
