// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupState } from '../../../components/popup/PopupApp';
import { recognised } from './fixtures';
import { withTestRoot } from './i18n-stub';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

async function show(state: PopupState, jump = vi.fn(async () => true)) {
  await act(async () => {
    render(<PopupApp load={async () => state} jump={jump} />, root);
  });
  await act(async () => {});
  return jump;
}

describe('PopupApp', () => {
  it('shows the tab meeting and jumps in the page on click', async () => {
    const jump = await show({
      kind: 'model',
      model: { status: 'recognised', url: 'https://x.dk/', result: recognised() },
    });
    expect(root.querySelector('[data-testid="popup"]')?.getAttribute('data-state')).toBe('recognised');
    expect(root.querySelector('[data-testid="meeting-header"]')?.textContent).toContain('Ballerup');
    expect(root.querySelectorAll('button[data-punkt]').length).toBe(3);
    await act(async () => root.querySelector<HTMLButtonElement>('button[data-punkt="3"]')!.click());
    expect(jump).toHaveBeenCalledWith(3);
    expect(root.querySelector('[role="status"]')).toBeNull();
  });

  it('says so when the punkt was not found', async () => {
    await show(
      { kind: 'model', model: { status: 'recognised', url: 'https://x.dk/', result: recognised() } },
      vi.fn(async () => false),
    );
    await act(async () => root.querySelector<HTMLButtonElement>('button[data-punkt="1"]')!.click());
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Punktet blev ikke fundet på siden.');
  });

  it('explains itself on pages without a reader', async () => {
    await show({ kind: 'no-reader' });
    expect(root.textContent).toContain('Denne side er ikke et referat eller en dagsorden');
    expect(root.querySelector('button')).toBeNull();
  });

  it('says "not recognised" for minutes-like pages without punkter', async () => {
    await show({
      kind: 'model',
      model: { status: 'not-recognised', url: 'https://x.dk/', result: { isMinutes: false, platform: null } },
    });
    expect(root.querySelector('[data-testid="not-recognised"]')).not.toBeNull();
  });

  it('shows a loading text until the tab answers', async () => {
    let resolve: (s: PopupState) => void = () => {};
    await act(async () => {
      render(<PopupApp load={() => new Promise((r) => (resolve = r))} jump={vi.fn()} />, root);
    });
    expect(root.textContent).toContain('Læser siden');
    await act(async () => resolve({ kind: 'no-tab' }));
    expect(root.textContent).toContain('Der er ingen fane');
  });
});

describe('PopupApp: read this page anyway', () => {
  it('offers to read a page the detector passed over, and shows the result', async () => {
    const readAnyway = vi.fn(
      async (): Promise<PopupState> => ({
        kind: 'model',
        model: { status: 'recognised', url: 'https://x.gl/', result: recognised() },
      }),
    );
    await act(async () => {
      render(
        <PopupApp load={async () => ({ kind: 'no-reader' })} jump={vi.fn()} readAnyway={readAnyway} />,
        root,
      );
    });
    await act(async () => {});
    const button = root.querySelector<HTMLButtonElement>('[data-testid="read-anyway"]')!;
    expect(button.textContent).toBe('Læs siden alligevel');
    await act(async () => button.click());
    await act(async () => {});
    expect(readAnyway).toHaveBeenCalledTimes(1);
    expect(root.querySelectorAll('button[data-punkt]').length).toBe(3);
    expect(root.querySelector('[data-testid="read-anyway"]')).toBeNull();
  });

  it('says so when the browser does not let it read the page', async () => {
    await act(async () => {
      render(
        <PopupApp
          load={async () => ({ kind: 'no-reader' })}
          jump={vi.fn()}
          readAnyway={async () => 'failed' as const}
        />,
        root,
      );
    });
    await act(async () => {});
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="read-anyway"]')!.click());
    await act(async () => {});
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Sagsspor kan ikke læse denne side.');
    expect(root.textContent).toContain('Denne side er ikke et referat');
    expect(root.querySelector('[data-testid="read-anyway"]')).toBeNull();
  });

  it('does not offer it on recognised pages', async () => {
    await act(async () => {
      render(
        <PopupApp
          load={async () => ({
            kind: 'model',
            model: { status: 'recognised', url: 'https://x.dk/', result: recognised() },
          })}
          jump={vi.fn()}
          readAnyway={vi.fn()}
        />,
        root,
      );
    });
    await act(async () => {});
    expect(root.querySelector('[data-testid="read-anyway"]')).toBeNull();
  });
});
