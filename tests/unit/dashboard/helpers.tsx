import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { DashboardApp } from '../../../components/dashboard/DashboardApp';
import type { Annotation } from '../../../lib/model/annotation';
import type { Appearance } from '../../../lib/model/records';
import type { DataApi } from '../../../lib/ui-client/api';
import { fakeApi } from '../popup/fake-api';

export const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

export function appearance(over: Partial<Appearance> & Pick<Appearance, 'id' | 'source'>): Appearance {
  return {
    caseKey: 'ballerup:17.00.00-A00-1-24',
    meetingKey: null,
    punktNumber: null,
    municipality: 'Ballerup',
    date: null,
    committee: null,
    title: 'Skolestruktur',
    decision: null,
    deepLink: null,
    text: null,
    seenIn: 'm',
    firstSeen: 1,
    ...over,
  };
}

let n = 0;
export function annotation(
  over: Partial<Annotation> = {},
  page: Partial<Annotation['page']> = {},
): Annotation {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    page: {
      url: 'https://dagsorden.ballerup.dk/m/1',
      municipality: 'Ballerup',
      meetingKey: 'ballerup|bsu|2024-05-01',
      punktNumber: 3,
      caseNumber: '17.00.00-A00-1-24',
      caseKey: 'ballerup:17.00.00-A00-1-24',
      ...page,
    },
    target: { scope: { punkt: 3 } as never, selectors: [] },
    motivation: 'highlighting',
    color: 'yellow',
    note: '',
    tags: [],
    quote: 'et citat',
    created: 1,
    modified: 1,
    status: 'anchored',
    deletedAt: null,
    ...over,
  };
}

/** A DataApi double: the popup's fake with dashboard methods overridable. */
export function dashApi(over: Partial<Record<keyof DataApi, ReturnType<typeof vi.fn>>> = {}) {
  const api = fakeApi();
  return Object.assign(api, over) as typeof api;
}

export async function mount(root: HTMLElement, api: DataApi, hash: string, save = vi.fn(async () => {})) {
  await act(async () => {
    render(
      <DashboardApp api={api} save={save} hash={() => hash} now={() => Date.UTC(2026, 10, 26, 10)} />,
      root,
    );
  });
  await flush();
  await flush();
  return save;
}
