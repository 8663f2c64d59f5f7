// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { AnnotationsSection } from '../../../components/annotate/AnnotationsSection';
import { Editor, tabbables } from '../../../components/annotate/Editor';
import { countPerPunkt, orphanQuote } from '../../../components/annotate/model';
import { addTag, suggestTags } from '../../../components/annotate/TagInput';
import { Toolbar } from '../../../components/annotate/Toolbar';
import { UndoToast } from '../../../components/annotate/UndoToast';
import { ANNOTATION_COLORS } from '../../../lib/model/annotation';
import { withTestRoot } from '../ui/i18n-stub';

let root: HTMLElement;
withTestRoot((el) => {
  root = el;
});

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel)!;

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function key(el: Element, k: string, init: KeyboardEventInit = {}) {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  });
}

describe('Toolbar', () => {
  it('has a named button per colour plus note and tags, in Danish', () => {
    const onHighlight = vi.fn();
    const onNote = vi.fn();
    const onTags = vi.fn();
    act(() =>
      render(
        <Toolbar
          x={100}
          y={100}
          lastColor="green"
          onHighlight={onHighlight}
          onNote={onNote}
          onTags={onTags}
        />,
        root,
      ),
    );
    const bar = $('[role="toolbar"]');
    expect(bar.getAttribute('aria-label')).toBe('Markér tekst');
    const names = [...bar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Fremhæv med gul (h)',
      'Fremhæv med grøn (h)',
      'Fremhæv med blå (h)',
      'Fremhæv med lyserød (h)',
      'Fremhæv med lilla (h)',
      'Tilføj note (n)',
      'Tilføj tags (t)',
    ]);
    expect(bar.querySelector('[data-testid="hl-green"]')?.getAttribute('aria-keyshortcuts')).toBe('h');
    expect(bar.querySelector('[data-testid="note"]')?.getAttribute('aria-keyshortcuts')).toBe('n');
    for (const c of ANNOTATION_COLORS)
      expect(bar.querySelector(`[data-testid="hl-${c}"]`)?.tagName).toBe('BUTTON');
    act(() => $<HTMLButtonElement>('[data-testid="hl-blue"]').click());
    expect(onHighlight).toHaveBeenCalledWith('blue');
    act(() => $<HTMLButtonElement>('[data-testid="note"]').click());
    act(() => $<HTMLButtonElement>('[data-testid="tags"]').click());
    expect(onNote).toHaveBeenCalledOnce();
    expect(onTags).toHaveBeenCalledOnce();
  });

  it('never takes the selection: pointer presses are cancelled; arrows move between buttons', () => {
    act(() =>
      render(
        <Toolbar x={10} y={10} lastColor="yellow" onHighlight={vi.fn()} onNote={vi.fn()} onTags={vi.fn()} />,
        root,
      ),
    );
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    $('[data-testid="hl-yellow"]').dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    $<HTMLButtonElement>('[data-testid="hl-yellow"]').focus();
    key(document.activeElement!, 'ArrowRight');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('hl-green');
    key(document.activeElement!, 'ArrowLeft');
    key(document.activeElement!, 'ArrowLeft');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('tags');
  });
});

describe('Editor', () => {
  function show(over: Partial<Parameters<typeof Editor>[0]> = {}) {
    const props = {
      heading: 'Markering',
      quote: 'Klimapris   2023\n er',
      initial: { note: '', tags: ['Klima'], color: 'yellow' as const },
      knownTags: ['Budget', 'Borgerinddragelse', 'Klima', 'Arbejdsmarked'],
      onSave: vi.fn(),
      onCancel: vi.fn(),
      onDelete: vi.fn(),
      ...over,
    };
    act(() => render(<Editor {...props} />, root));
    return props;
  }

  it('focuses the note, shows the quote as text, and saves note, tags and colour', () => {
    const p = show({ quote: '<img src=x onerror=alert(1)>' });
    expect(document.activeElement?.getAttribute('data-testid')).toBe('note-input');
    expect($('[data-testid="editor"]').getAttribute('role')).toBe('dialog');
    expect($('.editor-quote').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    type($<HTMLTextAreaElement>('[data-testid="note-input"]'), 'Husk at følge op');
    act(() => $<HTMLButtonElement>('[data-testid="color-pink"]').click());
    type($<HTMLInputElement>('[data-testid="tag-input"]'), 'økonomi');
    act(() => $<HTMLButtonElement>('[data-testid="save"]').click());
    expect(p.onSave).toHaveBeenCalledWith({
      note: 'Husk at følge op',
      tags: ['Klima', 'økonomi'],
      color: 'pink',
    });
  });

  it('autocompletes tags from existing ones (keyboard: arrows + Enter), case-insensitively', () => {
    const p = show();
    const input = $<HTMLInputElement>('[data-testid="tag-input"]');
    type(input, 'b');
    const options = () => [...root.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    // Prefix matches first, then other matches ("Arbejdsmarked" has a "b" inside).
    expect(options()).toEqual(['Budget', 'Borgerinddragelse', 'Arbejdsmarked']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(root.querySelectorAll('[role="option"]')[1]!.id);
    key(input, 'Enter');
    expect([...root.querySelectorAll('.chip-text')].map((c) => c.textContent)).toEqual([
      'Klima',
      'Borgerinddragelse',
    ]);
    expect(input.value).toBe('');
    // A chosen tag is not suggested again; a comma commits what is typed.
    type(input, 'kli');
    expect(options()).toEqual([]);
    type(input, 'Nyt tag,');
    act(() => $<HTMLButtonElement>('[data-testid="save"]').click());
    expect(p.onSave).toHaveBeenCalledWith(
      expect.objectContaining({ tags: ['Klima', 'Borgerinddragelse', 'Nyt tag'] }),
    );
  });

  it('deletes, cancels on Escape, and has named chip buttons', () => {
    const p = show();
    expect($('.chip-x').getAttribute('aria-label')).toBe('Fjern tag Klima');
    act(() => $<HTMLButtonElement>('[data-testid="delete"]').click());
    expect(p.onDelete).toHaveBeenCalledOnce();
    key($('[data-testid="note-input"]'), 'Escape');
    expect(p.onCancel).toHaveBeenCalledOnce();
  });

  it('keeps Tab inside the dialog: Tab from the last control goes to the first, Shift+Tab back', () => {
    show();
    const dialog = $('[data-testid="editor"]');
    const note = $<HTMLTextAreaElement>('[data-testid="note-input"]');
    const save = $<HTMLButtonElement>('[data-testid="save"]');
    const order = tabbables(dialog).map((el) => el.getAttribute('data-testid') ?? el.className);
    expect(order[0]).toBe('note-input');
    expect(order.at(-1)).toBe('save');
    expect(order).toEqual(
      expect.arrayContaining(['tag-input', 'chip-x', 'color-yellow', 'delete', 'cancel']),
    );
    save.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => {
      save.dispatchEvent(tab);
    });
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(note);
    const back = new KeyboardEvent('keydown', {
      key: 'Tab',
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    act(() => {
      note.dispatchEvent(back);
    });
    expect(back.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(save);
    // In between, Tab is the browser's (it moves in document order inside the dialog).
    const cancel = $('[data-testid="cancel"]');
    cancel.focus();
    const mid = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => {
      cancel.dispatchEvent(mid);
    });
    expect(mid.defaultPrevented).toBe(false);
  });

  it('tag helpers: prefix matches first, no duplicates', () => {
    expect(suggestTags(['Budget', 'Overbudget', 'budgetaftale'], 'BUD', [])).toEqual([
      'Budget',
      'budgetaftale',
      'Overbudget',
    ]);
    expect(suggestTags(['Budget'], 'bud', ['budget'])).toEqual([]);
    expect(addTag(['Budget'], '  budget ')).toEqual(['Budget']);
    expect(addTag([], '  to   ord ')).toEqual(['to ord']);
  });
});

describe('UndoToast', () => {
  it('Undo and dismiss are buttons; Esc dismisses', () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    act(() => render(<UndoToast message="Slettet" onUndo={onUndo} onDismiss={onDismiss} />, root));
    act(() => $<HTMLButtonElement>('[data-testid="undo"]').click());
    expect(onUndo).toHaveBeenCalledOnce();
    key($('[data-testid="undo"]'), 'Escape');
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe('counting and orphans', () => {
  const a = (punktNumber: number | null, deletedAt: number | null = null) => ({
    page: { url: 'u', municipality: null, meetingKey: null, punktNumber, caseNumber: null },
    deletedAt,
  });

  it('counts live annotations per punkt', () => {
    const counts = countPerPunkt([a(3), a(3), a(4), a(3, 5), a(null)]);
    expect([...counts]).toEqual([
      [3, 2],
      [4, 1],
    ]);
  });

  it('lists orphans with their quote (whitespace collapsed), attach and delete', () => {
    expect(orphanQuote({ quote: '  Klimapris\n\n 2023   er ', note: '' })).toBe('Klimapris 2023 er');
    const onAttach = vi.fn();
    const onDeleteOrphan = vi.fn();
    act(() =>
      render(
        <AnnotationsSection
          items={[]}
          orphans={[{ id: 'o1', quote: 'Klimapris 2023 er', punktNumber: 4 }]}
          pending={2}
          error="storage-full"
          onActivate={vi.fn()}
          onAttach={onAttach}
          onDeleteOrphan={onDeleteOrphan}
        />,
        root,
      ),
    );
    const orphans = $('[data-testid="orphans"]');
    expect(orphans.querySelector('h3')?.textContent).toBe('Markeringer uden plads (1)');
    expect(orphans.querySelector('blockquote')?.textContent).toBe('Klimapris 2023 er');
    const attach = orphans.querySelector<HTMLButtonElement>('[data-testid="orphan-attach"]')!;
    expect(attach.getAttribute('aria-label')).toBe('Knyt til markeret tekst: Klimapris 2023 er');
    act(() => attach.click());
    const del = orphans.querySelector<HTMLButtonElement>('[data-testid="orphan-delete"]')!;
    act(() => del.click());
    expect(onAttach).toHaveBeenCalledWith('o1');
    // The button goes along: focus returns near it after the undo toast.
    expect(onDeleteOrphan).toHaveBeenCalledWith('o1', del);
    expect($('[data-testid="pending"]').textContent).toBe('Gemmer …');
    expect($('[data-testid="storage-full"]').getAttribute('role')).toBe('alert');
  });
});

describe('page keys on the content side', () => {
  it('keys pages even where URLSearchParams iterators cannot be spread (Firefox content scripts)', async () => {
    const { pageRefOf } = await import('../../../lib/db/meetings');
    const { meeting } = await import('../ui/fixtures');
    const url = 'https://dagsorden.ballerup.dk/meeting/9105328?utm_source=x&fbclid=1&id=7#punkt-3';
    const expected = pageRefOf(meeting(), url, 3);
    expect(expected.url).toBe('https://dagsorden.ballerup.dk/meeting/9105328?id=7');
    const keys = URLSearchParams.prototype.keys;
    // Firefox's Xray-wrapped iterator: an object that is not iterable.
    URLSearchParams.prototype.keys = () => ({}) as ReturnType<typeof keys>;
    try {
      expect(pageRefOf(meeting(), url, 3)).toEqual(expected);
    } finally {
      URLSearchParams.prototype.keys = keys;
    }
  });
});

describe('Panel pill', () => {
  it('marks unsaved annotation writes on the collapsed pill', async () => {
    const { Panel } = await import('../../../components/panel/Panel');
    const { recognised } = await import('../ui/fixtures');
    const view = { status: 'recognised' as const, url: 'https://x.dk/m', result: recognised() };
    act(() =>
      render(<Panel view={view} open={false} onOpenChange={vi.fn()} onJump={vi.fn()} saving />, root),
    );
    expect($('[data-testid="panel-toggle"]').textContent).toBe('Sagsspor · 3 punkter · Gemmer …');
    act(() => render(<Panel view={view} open={false} onOpenChange={vi.fn()} onJump={vi.fn()} />, root));
    expect($('[data-testid="panel-toggle"]').textContent).toBe('Sagsspor · 3 punkter');
  });
});
