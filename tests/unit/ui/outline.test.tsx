// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { MeetingHeader } from '../../../components/meeting/MeetingHeader';
import { Outline } from '../../../components/meeting/Outline';
import { meeting, punkt } from './fixtures';
import { withTestRoot } from './i18n-stub';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
}, 'en');

describe('Outline', () => {
  it('shows number, title, case number, closed badge and decision for each punkt', () => {
    const m = meeting();
    act(() => render(<Outline punkter={m.punkter} onJump={() => {}} />, root));
    const buttons = root.querySelectorAll<HTMLButtonElement>('button[data-punkt]');
    expect([...buttons].map((b) => b.dataset.punkt)).toEqual(['1', '3', '11']);
    const first = buttons[0]!;
    expect(first.textContent).toContain('1.');
    expect(first.textContent).toContain('Meddelelser');
    expect(first.textContent).toContain('Case no. 00.01.10-P35-7-22');
    expect(first.textContent).toContain('Decision: Taget til efterretning');
    expect(first.getAttribute('aria-label')).toBe('Go to item 1: Meddelelser');
    expect(first.type).toBe('button');
    expect(buttons[2]!.textContent).toContain('Closed');
    expect(buttons[1]!.textContent).not.toContain('Decision');
    // The description points at the meta line.
    const described = root.querySelector(`#${first.getAttribute('aria-describedby')}`);
    expect(described?.textContent).toContain('00.01.10-P35-7-22');
  });

  it('renders page text as text, never as HTML', () => {
    const evil = '<img src=x onerror="globalThis.pwned=1"><b>bold</b>';
    const p = punkt({ number: 7, title: evil, caseNumber: '<script>x</script>', decision: `${evil} & more` });
    act(() => render(<Outline punkter={[p]} onJump={() => {}} />, root));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('.punkt-title')?.textContent).toBe(evil);
    expect(root.textContent).toContain('<script>x</script>');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('truncates long decisions', () => {
    const long = 'Indstillingen godkendes med den ændring at '.repeat(20);
    act(() =>
      render(
        <Outline punkter={[punkt({ number: 1, title: 'X', decision: long })]} onJump={() => {}} />,
        root,
      ),
    );
    const text = root.querySelector('.punkt-decision')?.textContent ?? '';
    expect(text.length).toBeLessThan(200);
    expect(text.endsWith('…')).toBe(true);
  });

  it('calls onJump with the punkt on click', () => {
    const onJump = vi.fn();
    const m = meeting();
    act(() => render(<Outline punkter={m.punkter} onJump={onJump} />, root));
    act(() => root.querySelector<HTMLButtonElement>('button[data-punkt="3"]')!.click());
    expect(onJump).toHaveBeenCalledWith(m.punkter[1]);
  });

  it('renders per-punkt extras beside (not inside) the jump button', () => {
    const m = meeting();
    act(() =>
      render(
        <Outline
          punkter={m.punkter}
          onJump={() => {}}
          renderExtras={(p) => <button type="button">follow {p.number}</button>}
        />,
        root,
      ),
    );
    const extra = [...root.querySelectorAll('button')].find((b) => b.textContent === 'follow 3');
    expect(extra).toBeDefined();
    expect(extra!.closest('button[data-punkt]')).toBeNull();
  });
});

describe('MeetingHeader', () => {
  it('shows committee, municipality, date, time, place, kind and absent', () => {
    act(() => render(<MeetingHeader meeting={meeting()} />, root));
    const header = root.querySelector('[data-testid="meeting-header"]')!;
    const text = header.textContent ?? '';
    expect(header.querySelector('h2')?.textContent).toBe('Erhvervs-, Beskæftigelses- og Uddannelsesudvalget');
    expect(text).toContain('Minutes');
    expect(text).toContain('Ballerup');
    expect(text).toContain('6 June 2023');
    expect(text).toContain('08:00');
    expect(text).toContain('Mødecenter C');
    expect(text).toContain('Allan Kristensen (C), Lars Green Bach (B)');
  });

  it('copes with a meeting that has almost nothing', () => {
    const bare = meeting({
      municipality: null,
      committee: null,
      date: null,
      time: null,
      place: null,
      absent: [],
      kind: null,
    });
    act(() => render(<MeetingHeader meeting={bare} />, root));
    expect(root.querySelector('h2')?.textContent).toBe('Meeting');
    expect(root.querySelector('dl')).toBeNull();
  });
});
