// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '../../../components/panel/Panel';
import type { ModelResponse } from '../../../lib/messages/schemas';
import { recognised } from './fixtures';
import { withTestRoot } from './i18n-stub';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

const recognisedView: ModelResponse = { status: 'recognised', url: 'https://x.dk/m', result: recognised() };

function show(props: Partial<PanelProps> & Pick<PanelProps, 'view' | 'open'>) {
  const all: PanelProps = { onOpenChange: vi.fn(), onJump: vi.fn(), ...props };
  act(() => render(<Panel {...all} />, root));
  return all;
}

describe('Panel', () => {
  it('is a small toggle with the punkt count when collapsed', () => {
    const props = show({ view: recognisedView, open: false });
    const toggle = root.querySelector<HTMLButtonElement>('[data-testid="panel-toggle"]')!;
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.textContent).toBe('Sagsspor · 3 punkter');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('[data-testid="panel"]')).toBeNull();
    act(() => toggle.click());
    expect(props.onOpenChange).toHaveBeenCalledWith(true);
  });

  it('shows header and outline in a labelled complementary region when open', () => {
    const props = show({ view: recognisedView, open: true });
    const panel = root.querySelector('[data-testid="panel"]')!;
    expect(panel.getAttribute('role')).toBe('complementary');
    expect(panel.getAttribute('aria-label')).toBe('Sagsspor: mødets punkter');
    expect(panel.querySelector('[data-testid="meeting-header"]')?.textContent).toContain('Ballerup');
    expect(panel.querySelectorAll('button[data-punkt]').length).toBe(3);
    const close = panel.querySelector<HTMLButtonElement>('[data-testid="panel-toggle"]')!;
    expect(close.getAttribute('aria-label')).toBe('Luk oversigten');
    expect(close.getAttribute('aria-expanded')).toBe('true');
    act(() => panel.querySelector<HTMLButtonElement>('button[data-punkt="11"]')!.click());
    expect(props.onJump).toHaveBeenCalledWith(expect.objectContaining({ number: 11, closed: true }));
  });

  it('closes on Escape', () => {
    const props = show({ view: recognisedView, open: true });
    const button = root.querySelector<HTMLButtonElement>('button[data-punkt="1"]')!;
    act(() => {
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(props.onOpenChange).toHaveBeenCalledWith(false);
  });

  it('moves focus into the panel when opened and back to the toggle when closed', () => {
    show({ view: recognisedView, open: false });
    show({ view: recognisedView, open: true });
    expect(document.activeElement?.getAttribute('data-testid')).toBe('panel-toggle');
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('true');
    show({ view: recognisedView, open: false });
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('false');
  });

  it('says "not recognised" for a minutes-like page without punkter', () => {
    const view: ModelResponse = {
      status: 'not-recognised',
      url: 'https://x.dk/m',
      result: { isMinutes: false, platform: null, reason: 'no punkter' },
    };
    show({ view, open: false });
    expect(root.querySelector('[data-testid="panel-toggle"]')?.textContent).toBe('Sagsspor · ikke genkendt');
    show({ view, open: true });
    expect(root.querySelector('[data-testid="not-recognised"]')?.textContent).toContain(
      'kunne ikke finde mødets punkter',
    );
    expect(root.querySelector('button[data-punkt]')).toBeNull();
  });

  it('renders nothing on pages that are not minutes', () => {
    show({ view: { status: 'idle', url: 'https://x.dk/', result: null }, open: true });
    expect(root.childElementCount).toBe(0);
  });

  it('shows a notice', () => {
    show({ view: recognisedView, open: true, notice: 'Punktet blev ikke fundet på siden.' });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Punktet blev ikke fundet på siden.');
  });
});
