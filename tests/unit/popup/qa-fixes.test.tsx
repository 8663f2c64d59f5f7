// @vitest-environment jsdom
// QA pass fixes in the popup: counts of one, and a topic placeholder that fits the kind.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FollowedList } from '../../../components/popup/FollowedList';
import { Topics } from '../../../components/popup/Topics';
import type { TopicWithCount } from '../../../lib/ui-client/api';
import { stubI18n } from '../ui/i18n-stub';
import { follow } from './fake-api';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const topic = (id: string, value: string, count: number): TopicWithCount => ({
  topic: { id, kind: 'phrase', value, createdAt: 1, deletedAt: null },
  count,
});

async function showTopics(topics: TopicWithCount[]) {
  await act(async () => {
    render(
      <Topics topics={topics} onAdd={vi.fn(async () => {})} onRemove={vi.fn()} onOpen={vi.fn()} />,
      root,
    );
  });
  const row = (id: string) => root.querySelector<HTMLElement>(`[data-topic-id="${id}"]`)!;
  return {
    matches: (id: string) => row(id).querySelector('.sgs-visually-hidden')?.textContent,
    open: (id: string) => row(id).querySelector('.topic-label')?.getAttribute('aria-label'),
  };
}

describe('popup: counts of one', () => {
  it.each([
    ['en', '1 item', 'Show the one item about klima', '3 items', 'Show the 3 items about skole'],
    ['da', '1 punkt', 'Vis det ene punkt om klima', '3 punkter', 'Vis de 3 punkter om skole'],
  ] as const)('topic match counts read right in %s', async (locale, one, openOne, many, openMany) => {
    stubI18n(locale);
    const t = await showTopics([topic('a', 'klima', 1), topic('b', 'skole', 3)]);
    expect(t.matches('a')).toBe(one);
    expect(t.open('a')).toBe(openOne);
    expect(t.matches('b')).toBe(many);
    expect(t.open('b')).toBe(openMany);
  });

  it('a followed case with one new treatment says "1 ny" / "1 new"', async () => {
    const follows = [
      follow({ caseKey: 'k:1', title: 'Skolestruktur', newCount: 1, lastActivity: 2 }),
      follow({ caseKey: 'k:2', title: 'Klima', newCount: 4, lastActivity: 1 }),
    ];
    const label = (key: string) =>
      root.querySelector(`[data-case-key="${key}"] .followed-open`)?.getAttribute('aria-label');
    stubI18n('da');
    await act(async () => {
      render(<FollowedList follows={follows} onOpen={vi.fn()} onUnfollow={vi.fn()} />, root);
    });
    expect(label('k:1')).toBe('Åbn tidslinjen for Skolestruktur (1 ny)');
    expect(label('k:2')).toBe('Åbn tidslinjen for Klima (4 nye)');
    act(() => render(null, root));
    stubI18n('en');
    await act(async () => {
      render(<FollowedList follows={follows} onOpen={vi.fn()} onUnfollow={vi.fn()} />, root);
    });
    expect(label('k:1')).toBe('Open the timeline of Skolestruktur (1 new)');
  });
});

describe('popup: topic form placeholder', () => {
  it('gives an example that fits the kind of topic', async () => {
    stubI18n('da');
    await showTopics([]);
    const kind = root.querySelector<HTMLSelectElement>('[data-testid="topics"] form select')!;
    const value = () => root.querySelector<HTMLElement>('.topic-value')!;
    expect(value().getAttribute('placeholder')).toBe('fx skolestruktur');
    const pick = async (k: string) =>
      act(async () => {
        kind.value = k;
        kind.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await pick('committee');
    expect(value().getAttribute('placeholder')).toBe('fx Økonomiudvalget');
    await pick('kle');
    // A KLE main group is picked from a list whose first line says what to do.
    expect(value().tagName).toBe('SELECT');
    expect(value().querySelector('option')?.textContent).toBe('Vælg en KLE-hovedgruppe');
    await pick('phrase');
    expect(value().getAttribute('placeholder')).toBe('fx skolestruktur');
  });
});
