// @vitest-environment jsdom
// The annotator from the keyboard and from the panel's list: showing an
// annotation that sits in collapsed parts of the page, Esc and Tab with the
// selection toolbar, focus after deleting and undoing. Real parsed fixture
// (Åben Dagsorden), wrapper painter, fake client, open shadow roots.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotator } from '../../../entrypoints/reader.content/annotator';
import { parseDocument } from '../../../lib/minutes';
import type { Meeting } from '../../../lib/model/minutes';
import { stubI18n } from '../ui/i18n-stub';
import {
  type FakeClient,
  fakeClient,
  flush,
  inToolbar,
  loadFixture,
  openShadowRoots,
  selectText,
  startAnnotator,
  toolbarRoot,
  wait,
} from './helpers';

const QUOTE = 'Der afsættes årligt 20.000 kr. i 2023 og 2024.';
const OTHER = 'Klimaprisen er således en anerkendelse af virksomheder';
let restoreShadow: () => void;
let annotator: Annotator | null = null;
let client: FakeClient;
let meeting: Meeting;
let url: string;
const panel = document.createElement('div');
const scrolled: Element[] = [];

beforeEach(() => {
  stubI18n('da');
  restoreShadow = openShadowRoots();
  ({ meeting, url } = loadFixture());
  document.documentElement.appendChild(panel);
  scrolled.length = 0;
  // jsdom has no layout: record scroll requests instead.
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
});
afterEach(() => {
  annotator?.stop();
  annotator = null;
  render(null, panel);
  restoreShadow();
});

function showPanel() {
  if (!annotator) return;
  act(() => render(<div>{annotator!.section()}</div>, panel));
}

async function start() {
  client = fakeClient();
  annotator = await startAnnotator({ client, meeting, url, onChange: () => showPanel() });
  return annotator;
}

const focusedInToolbar = () => toolbarRoot()?.activeElement ?? null;

function keydown(target: EventTarget, key: string, init: KeyboardEventInit = {}) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init });
  act(() => {
    target.dispatchEvent(e);
  });
  return e;
}

async function selectAndWaitForToolbar(text: string) {
  selectText(text);
  document.dispatchEvent(new Event('selectionchange'));
  await wait(200);
}

/** Highlight `text` with `h`; returns the panel's list button for it. */
async function highlight(text: string): Promise<HTMLButtonElement> {
  selectText(text);
  keydown(document.body, 'h');
  document.getSelection()?.removeAllRanges();
  await flush();
  showPanel();
  const items = [...panel.querySelectorAll<HTMLButtonElement>('button[data-annotation-id]')];
  const item = items.find((b) => b.getAttribute('aria-label')?.includes(text.slice(0, 20)));
  if (!item) throw new Error(`no list item for ${text}`);
  return item;
}

/**
 * Folds the paragraph holding QUOTE away the way portals do: inside a closed <details>, inside a
 * box hidden by the page's own collapsed toggle (its click handler shows the box, at once or
 * `delayMs` later). The page is parsed again (fresh DomRefs), as the reader does after changes.
 */
function collapseQuote(delayMs = -1) {
  const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(QUOTE))!;
  const box = document.createElement('div');
  box.className = 'item-body';
  box.hidden = true;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Mere';
  p.replaceWith(box);
  details.append(summary, p);
  box.append(details);
  const toggle = document.createElement('button');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.textContent = 'Vis';
  box.before(toggle);
  const clicks = { n: 0 };
  toggle.addEventListener('click', () => {
    clicks.n++;
    const flip = () => {
      box.hidden = !box.hidden;
      toggle.setAttribute('aria-expanded', String(!box.hidden));
    };
    if (delayMs < 0) flip();
    else setTimeout(flip, delayMs);
  });
  const result = parseDocument(document, url);
  meeting = result.meeting!;
  return { p, box, details, toggle, clicks };
}

describe('showing an annotation from the panel list', () => {
  it('expands the collapsed item and the closed <details> it is in, scrolls to it, then opens the editor', async () => {
    const fold = collapseQuote();
    const a = await start();
    const item = await highlight(QUOTE);
    expect(a.anchoredCount).toBe(1);
    expect(fold.box.hidden).toBe(true);
    act(() => item.click());
    // The page's own toggle was used (once), the <details> opened.
    expect(fold.clicks.n).toBe(1);
    expect(fold.toggle.getAttribute('aria-expanded')).toBe('true');
    expect(fold.box.hidden).toBe(false);
    expect(fold.details.open).toBe(true);
    expect(scrolled.some((el) => fold.p.contains(el) || el === fold.p)).toBe(true);
    expect(inToolbar('[data-testid="editor"]')).not.toBeNull();
    // Shown already: a second "show" does not collapse it again.
    act(() => inToolbar<HTMLButtonElement>('[data-testid="cancel"]')!.click());
    act(() => item.click());
    expect(fold.clicks.n).toBe(1);
    expect(fold.box.hidden).toBe(false);
    expect(inToolbar('[data-testid="editor"]')).not.toBeNull();
  });

  it('waits for a page that shows the item later (and clicks its toggle only once)', async () => {
    const fold = collapseQuote(60);
    await start();
    const item = await highlight(QUOTE);
    act(() => item.click());
    expect(fold.clicks.n).toBe(1);
    expect(inToolbar('[data-testid="editor"]')).toBeNull();
    await act(async () => {
      await wait(250);
    });
    expect(fold.clicks.n).toBe(1);
    expect(fold.box.hidden).toBe(false);
    expect(fold.details.open).toBe(true);
    expect(inToolbar('[data-testid="editor"]')).not.toBeNull();
  });
});

describe('the selection toolbar from the keyboard', () => {
  it('Esc hides the toolbar and keeps the selection (h still works); it stays hidden for that selection', async () => {
    const a = await start();
    await selectAndWaitForToolbar(QUOTE);
    expect(inToolbar('[data-testid="toolbar"]')).not.toBeNull();
    keydown(document.body, 'Escape');
    expect(inToolbar('[data-testid="toolbar"]')).toBeNull();
    expect(document.getSelection()?.toString()).toBe(QUOTE);
    // Another selectionchange for the same selection does not bring it back…
    document.dispatchEvent(new Event('selectionchange'));
    await wait(200);
    expect(inToolbar('[data-testid="toolbar"]')).toBeNull();
    // …selecting the same text anew does…
    await selectAndWaitForToolbar(QUOTE);
    expect(inToolbar('[data-testid="toolbar"]')).not.toBeNull();
    keydown(document.body, 'Escape');
    // …and so does another selection.
    await selectAndWaitForToolbar(OTHER);
    expect(inToolbar('[data-testid="toolbar"]')).not.toBeNull();
    keydown(document.body, 'Escape');
    keydown(document.body, 'h');
    expect(a.anchoredCount).toBe(1);
  });

  it('Tab from the page moves focus into the toolbar; arrows move in it; Esc there hides it, keeping the selection', async () => {
    const a = await start();
    await selectAndWaitForToolbar(QUOTE);
    const tab = keydown(document.body, 'Tab');
    expect(tab.defaultPrevented).toBe(true);
    expect(focusedInToolbar()?.getAttribute('data-testid')).toBe('hl-yellow');
    keydown(focusedInToolbar()!, 'ArrowRight');
    expect(focusedInToolbar()?.getAttribute('data-testid')).toBe('hl-green');
    keydown(focusedInToolbar()!, 'End');
    expect(focusedInToolbar()?.getAttribute('data-testid')).toBe('tags');
    keydown(focusedInToolbar()!, 'Home');
    expect(focusedInToolbar()?.getAttribute('data-testid')).toBe('hl-yellow');
    keydown(focusedInToolbar()!, 'Escape');
    expect(inToolbar('[data-testid="toolbar"]')).toBeNull();
    // Back on the page (jsdom says null where browsers say <body>).
    expect([null, document.body]).toContain(document.activeElement);
    expect(document.getSelection()?.toString()).toBe(QUOTE);
    // Tab without a toolbar is the page's.
    expect(keydown(document.body, 'Tab').defaultPrevented).toBe(false);
    expect(a.anchoredCount).toBe(0);
  });

  it("Esc in the toolbar returns focus to the page control it came from; Shift+Tab is the page's", async () => {
    await start();
    const before = document.createElement('button');
    before.textContent = 'Side-knap';
    document.body.append(before);
    before.focus();
    await selectAndWaitForToolbar(QUOTE);
    expect(keydown(before, 'Tab', { shiftKey: true }).defaultPrevented).toBe(false);
    expect(keydown(before, 'Tab').defaultPrevented).toBe(true);
    expect(focusedInToolbar()?.getAttribute('data-testid')).toBe('hl-yellow');
    keydown(focusedInToolbar()!, 'Escape');
    expect(inToolbar('[data-testid="toolbar"]')).toBeNull();
    expect(document.activeElement).toBe(before);
    before.remove();
  });

  it('a colour chosen with the keyboard highlights, and focus returns to the page', async () => {
    const a = await start();
    await selectAndWaitForToolbar(QUOTE);
    keydown(document.body, 'Tab');
    const green = inToolbar<HTMLButtonElement>('[data-testid="hl-green"]')!;
    green.focus();
    act(() => green.click());
    expect(a.anchoredCount).toBe(1);
    expect([null, document.body]).toContain(document.activeElement);
  });
});

describe('the editor from the keyboard', () => {
  it('Esc on the page (focus left the editor) cancels it; focus goes back to the list', async () => {
    await start();
    const item = await highlight(QUOTE);
    act(() => item.click());
    const note = inToolbar<HTMLTextAreaElement>('[data-testid="note-input"]')!;
    expect(focusedInToolbar()).toBe(note);
    // A click on the page took focus away from the editor.
    const onPage = document.createElement('button');
    document.body.append(onPage);
    onPage.focus();
    keydown(onPage, 'Escape');
    expect(inToolbar('[data-testid="editor"]')).toBeNull();
    expect(document.activeElement).toBe(item);
    onPage.remove();
  });
});

describe('focus after delete and undo', () => {
  it('delete from an editor opened from the list: focus on Undo; Undo: focus on the annotation in the list again', async () => {
    const a = await start();
    await highlight(OTHER);
    const item = await highlight(QUOTE);
    const id = item.getAttribute('data-annotation-id')!;
    item.focus();
    act(() => item.click());
    act(() => inToolbar<HTMLButtonElement>('[data-testid="delete"]')!.click());
    expect(a.anchoredCount).toBe(1);
    expect(focusedInToolbar()?.getAttribute('data-testid')).toBe('undo');
    act(() => (focusedInToolbar() as HTMLButtonElement).click());
    expect(a.anchoredCount).toBe(2);
    const again = panel.querySelector(`button[data-annotation-id="${id}"]`);
    expect(again).not.toBeNull();
    expect(document.activeElement).toBe(again);
  });

  it('Esc in the toast dismisses it; focus goes to a neighbour in the list, or the list section', async () => {
    await start();
    const other = await highlight(OTHER);
    const item = await highlight(QUOTE);
    act(() => item.click());
    act(() => inToolbar<HTMLButtonElement>('[data-testid="delete"]')!.click());
    keydown(focusedInToolbar()!, 'Escape');
    expect(inToolbar('[data-testid="toast"]')).toBeNull();
    expect(document.activeElement?.getAttribute('data-annotation-id')).toBe(
      other.getAttribute('data-annotation-id'),
    );
    // The last one: focus on the section (the list is gone).
    const last = panel.querySelector<HTMLButtonElement>('button[data-annotation-id]')!;
    act(() => last.click());
    act(() => inToolbar<HTMLButtonElement>('[data-testid="delete"]')!.click());
    keydown(focusedInToolbar()!, 'Escape');
    expect(document.activeElement).toBe(panel.querySelector('[data-testid="annotations"]'));
  });
});
