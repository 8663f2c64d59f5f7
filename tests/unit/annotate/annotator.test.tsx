// @vitest-environment jsdom
// The annotator on a real parsed minutes page (Åben Dagsorden fixture), with
// the wrapper painter (jsdom has no CSS Custom Highlight API) and a fake client.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotator } from '../../../entrypoints/reader.content/annotator';
import type { Annotation } from '../../../lib/model/annotation';
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
let restoreShadow: () => void;
let annotator: Annotator | null = null;
let client: FakeClient;
let meeting: Meeting;
let url: string;
let changes = 0;
const panel = document.createElement('div');

beforeEach(() => {
  stubI18n('da');
  restoreShadow = openShadowRoots();
  ({ meeting, url } = loadFixture());
  document.documentElement.appendChild(panel);
  changes = 0;
});
afterEach(() => {
  annotator?.stop();
  annotator = null;
  render(null, panel);
  restoreShadow();
});

let backupOpened = 0;

async function start(initial: Annotation[] = []) {
  client = fakeClient(initial);
  annotator = await startAnnotator({
    client,
    meeting,
    url,
    onChange: () => changes++,
    openBackup: () => {
      backupOpened++;
    },
  });
  return annotator;
}

async function selectAndWaitForToolbar(text: string) {
  selectText(text);
  document.dispatchEvent(new Event('selectionchange'));
  await wait(200);
}

function showPanel() {
  act(() =>
    render(
      <div>
        {annotator!.section()}
        {meeting.punkter.map((p) => (
          <div key={p.number}>{annotator!.extras(p)}</div>
        ))}
      </div>,
      panel,
    ),
  );
}

function keydown(target: EventTarget, key: string) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(e);
  return e;
}

describe('Annotator', () => {
  it('shows the toolbar for a selection inside a punkt and highlights it (painted at once, then saved)', async () => {
    const a = await start();
    await selectAndWaitForToolbar(QUOTE);
    expect(inToolbar('[data-testid="hl-yellow"]')).not.toBeNull();
    act(() => inToolbar<HTMLButtonElement>('[data-testid="hl-green"]')!.click());
    const wrappers = [...document.querySelectorAll('sagsspor-hl')];
    expect(wrappers.map((w) => w.textContent).join('')).toBe(QUOTE);
    expect(wrappers[0]!.getAttribute('data-color')).toBe('green');
    expect(a.anchoredCount).toBe(1);
    await flush();
    const w = client.writes[0]!;
    expect(w.kind).toBe('upsert');
    if (w.kind !== 'upsert') return;
    const saved = w.annotation;
    expect(saved.quote).toBe(QUOTE);
    expect(saved.motivation).toBe('highlighting');
    expect(saved.page).toMatchObject({ punktNumber: 4, url, municipality: 'Ballerup' });
    expect(saved.target.scope).toMatchObject({ punktNumber: 4, sectionKind: 'sagsfremstilling' });
    const [quote, pos] = saved.target.selectors as [
      { exact: string; prefix: string },
      { start: number; end: number },
    ];
    expect(quote.exact).toBe(QUOTE);
    expect(quote.prefix.length).toBe(32);
    // Measured from the section, not the page.
    expect(pos.start).toBeLessThan(2000);
    expect(pos.end - pos.start).toBe(QUOTE.length);
    expect(a.pendingWrites).toBe(0);
    // The persist notice is shown once, and remembered as shown.
    expect(client.markPersistNoticeShown).toHaveBeenCalledOnce();
  });

  it('h highlights with a selection, but not while typing in an input; n opens the note editor', async () => {
    const a = await start();
    const input = document.createElement('input');
    document.body.prepend(input);
    input.focus();
    selectText(QUOTE);
    const ignored = keydown(input, 'h');
    expect(ignored.defaultPrevented).toBe(false);
    expect(a.anchoredCount).toBe(0);
    input.blur();
    input.remove();
    selectText(QUOTE);
    expect(keydown(document.body, 'h').defaultPrevented).toBe(true);
    expect(a.anchoredCount).toBe(1);
    selectText('Klimaprisen er således en anerkendelse af virksomheder');
    keydown(document.body, 'n');
    const editor = inToolbar('[data-testid="editor"]');
    expect(editor).not.toBeNull();
    expect(toolbarRoot()!.activeElement?.getAttribute('data-testid')).toBe('note-input');
    const note = inToolbar<HTMLTextAreaElement>('[data-testid="note-input"]')!;
    act(() => {
      note.value = 'Vigtigt';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => inToolbar<HTMLButtonElement>('[data-testid="save"]')!.click());
    expect(a.anchoredCount).toBe(2);
    await wait(10);
    const last = client.writes.at(-1)!;
    expect(last.kind === 'upsert' && last.annotation.motivation).toBe('commenting');
    expect(last.kind === 'upsert' && last.annotation.note).toBe('Vigtigt');
  });

  it('edits from the panel list, deletes with undo, and counts per punkt', async () => {
    const a = await start();
    selectText(QUOTE);
    keydown(document.body, 'h');
    await flush();
    showPanel();
    const item = panel.querySelector<HTMLButtonElement>(
      '[data-testid="annotation-list"] button[data-annotation-id]',
    )!;
    expect(item.getAttribute('aria-label')).toBe(`Vis og redigér: ${QUOTE}`);
    expect(panel.querySelector('[data-testid="count-4"]')?.textContent).toBe('1');
    const id = item.getAttribute('data-annotation-id')!;
    act(() => item.click());
    expect(inToolbar('[data-testid="editor"]')).not.toBeNull();
    act(() => inToolbar<HTMLButtonElement>('[data-testid="delete"]')!.click());
    expect(document.querySelector('sagsspor-hl')).toBeNull();
    expect(a.anchoredCount).toBe(0);
    await flush();
    expect(client.writes.map((w) => w.kind)).toEqual(['upsert', 'delete']);
    const undo = inToolbar<HTMLButtonElement>('[data-testid="undo"]')!;
    expect(undo.textContent).toBe('Fortryd');
    act(() => undo.click());
    await flush();
    expect(client.writes.map((w) => w.kind)).toEqual(['upsert', 'delete', 'undo']);
    expect(client.writes.at(-1)).toMatchObject({ kind: 'undo', id });
    expect([...document.querySelectorAll('sagsspor-hl')].map((w) => w.textContent).join('')).toBe(QUOTE);
    expect(a.anchoredCount).toBe(1);
    expect(inToolbar('[data-testid="undo"]')).toBeNull();
  });

  it('a whole-punkt note from the outline has the punkt scope and no text selectors', async () => {
    const a = await start();
    showPanel();
    act(() => panel.querySelector<HTMLButtonElement>('[data-testid="punkt-note-5"]')!.click());
    const tagInput = inToolbar<HTMLInputElement>('[data-testid="tag-input"]')!;
    act(() => {
      tagInput.value = 'Bor';
      tagInput.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush();
    act(() => {
      tagInput.value = 'Borg';
      tagInput.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect([...toolbarRoot()!.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual([
      'Borgerinddragelse',
    ]);
    act(() => (toolbarRoot()!.querySelector('[role="option"]') as HTMLElement).click());
    act(() => inToolbar<HTMLButtonElement>('[data-testid="save"]')!.click());
    await flush();
    const w = client.writes[0]!;
    expect(w.kind === 'upsert' && w.annotation).toMatchObject({
      motivation: 'tagging',
      tags: ['Borgerinddragelse'],
      quote: '',
      target: { selectors: [], scope: { punktNumber: 5, sectionKind: null, sectionIndex: null } },
      page: { punktNumber: 5 },
    });
    showPanel();
    expect(panel.querySelector('[data-testid="count-5"]')?.textContent).toBe('1');
    expect(a.anchoredCount).toBe(1);
  });

  it('lists orphans (never deletes them), reports their status once, and attaches one to a new selection', async () => {
    const orphan: Annotation = {
      id: '11111111-1111-4111-8111-111111111111',
      page: { url, municipality: 'Ballerup', meetingKey: null, punktNumber: 4, caseNumber: null },
      target: {
        scope: { punktNumber: 4, caseNumber: null, sectionKind: 'sagsfremstilling', sectionIndex: 3 },
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'Denne  sætning\nfindes ikke længere på siden overhovedet.',
            prefix: '',
            suffix: '',
          },
          { type: 'TextPositionSelector', start: 10, end: 70 },
        ],
      },
      motivation: 'commenting',
      color: 'blue',
      note: 'min note',
      tags: ['Klima'],
      quote: 'Denne  sætning\nfindes ikke længere på siden overhovedet.',
      created: 1,
      modified: 1,
      status: 'anchored',
      deletedAt: null,
    };
    const a = await start([orphan]);
    expect(a.orphanCount).toBe(1);
    expect(a.anchoredCount).toBe(0);
    showPanel();
    const item = panel.querySelector('[data-testid="orphans"] li')!;
    expect(item.querySelector('blockquote')?.textContent).toBe(
      'Denne sætning findes ikke længere på siden overhovedet.',
    );
    // Status goes out in one batch, a little later.
    await wait(1700);
    expect(client.writes).toEqual([{ kind: 'status', ids: [orphan.id], status: 'orphaned' }]);
    // Attach without a selection: explained, nothing written.
    document.getSelection()!.removeAllRanges();
    act(() => item.querySelector<HTMLButtonElement>('[data-testid="orphan-attach"]')!.click());
    showPanel();
    expect(panel.textContent).toContain('Markér først den tekst');
    selectText(QUOTE);
    act(() => panel.querySelector<HTMLButtonElement>('[data-testid="orphan-attach"]')!.click());
    await flush();
    const w = client.writes.at(-1)!;
    expect(w.kind).toBe('upsert');
    if (w.kind !== 'upsert') return;
    expect(w.annotation).toMatchObject({
      id: orphan.id,
      note: 'min note',
      tags: ['Klima'],
      quote: QUOTE,
      status: 'anchored',
    });
    expect(w.annotation.modified).toBeGreaterThan(orphan.modified);
    expect(a.orphanCount).toBe(0);
    expect(a.anchoredCount).toBe(1);
    expect([...document.querySelectorAll('sagsspor-hl')].map((x) => x.textContent).join('')).toBe(QUOTE);
  });

  it('shows the uninstall/backup notice once, with a way to the backup page', async () => {
    await start();
    selectText(QUOTE);
    keydown(document.body, 'h');
    await flush();
    await flush();
    const notice = inToolbar('[data-testid="persist-notice"]')!;
    expect(notice.textContent).toContain('Afinstallerer du Sagsspor, slettes de.');
    expect(client.noticeShown).toBe(true);
    // Pages cannot link to extension pages: the button asks the background to open the backup page.
    const opened = backupOpened;
    act(() => notice.querySelector<HTMLButtonElement>('[data-testid="persist-notice-backup"]')!.click());
    expect(backupOpened).toBe(opened + 1);
    act(() => notice.querySelector<HTMLButtonElement>('button:not([data-testid])')!.click());
    expect(inToolbar('[data-testid="persist-notice"]')).toBeNull();
  });

  it('leaves out annotations of punkter on other pages of the same meeting (one page per punkt)', async () => {
    const other: Annotation = {
      id: '22222222-2222-4222-8222-222222222222',
      page: {
        url: 'https://ballerup.dk/other-page',
        municipality: 'Ballerup',
        meetingKey: 'k',
        punktNumber: 99,
        caseNumber: '99.99.99-X',
      },
      target: {
        scope: { punktNumber: 99, caseNumber: '99.99.99-X', sectionKind: null, sectionIndex: null },
        selectors: [
          { type: 'TextQuoteSelector', exact: 'Tekst på en anden side', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 22 },
        ],
      },
      motivation: 'highlighting',
      color: 'yellow',
      note: '',
      tags: [],
      quote: 'Tekst på en anden side',
      created: 1,
      modified: 1,
      status: 'anchored',
      deletedAt: null,
    };
    const a = await start([other]);
    expect(a.orphanCount).toBe(0);
    expect(a.anchoredCount).toBe(0);
    await wait(1700);
    expect(client.writes).toEqual([]);
  });

  it('re-anchors stored highlights on load and repaints them when the page strips the wrappers', async () => {
    const first = await start();
    selectText(QUOTE);
    keydown(document.body, 'h');
    await flush();
    const stored = [...client.stored.values()];
    first.stop();
    expect(document.querySelector('sagsspor-hl')).toBeNull();
    // A new page view: the stored annotation comes back.
    ({ meeting, url } = loadFixture());
    const a = await start(stored);
    expect(a.anchoredCount).toBe(1);
    expect(client.listForPage).toHaveBeenCalledWith({ url, meetingKey: expect.any(String) });
    const hl = document.querySelector('sagsspor-hl')!;
    // A page script re-renders the paragraph (our wrappers are gone).
    const p = hl.closest('p')!;
    const copy = document.createElement('p');
    copy.textContent = p.textContent;
    p.replaceWith(copy);
    expect(document.querySelector('sagsspor-hl')).toBeNull();
    a.domChanged();
    a.setPage(meeting, url); // the reader's next parse
    expect([...document.querySelectorAll('sagsspor-hl')].map((x) => x.textContent).join('')).toBe(QUOTE);
    expect(a.anchoredCount).toBe(1);
  });

  it('keeps writes pending while the background does not answer, and shows storage-full', async () => {
    const a = await start();
    client.answer = () => ({ ok: false, error: 'storage-full' });
    selectText(QUOTE);
    keydown(document.body, 'h');
    await flush();
    expect(a.pendingWrites).toBe(1);
    showPanel();
    expect(panel.querySelector('[data-testid="storage-full"]')?.textContent).toContain('Lageret er fuldt');
    // Also over the page (the panel may be closed), as an alert.
    expect(inToolbar('[data-testid="storage-full"]')?.getAttribute('role')).toBe('alert');
    expect(panel.querySelector('[data-testid="pending"]')).not.toBeNull();
    // Leaving the page asks first while a write is pending…
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);
    client.answer = () => ({ ok: true });
    await wait(40);
    expect(a.pendingWrites).toBe(0);
    // …and not once everything is saved.
    const later = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
    showPanel();
    expect(panel.querySelector('[data-testid="storage-full"]')).toBeNull();
    expect(inToolbar('[data-testid="storage-full"]')).toBeNull();
    expect(changes).toBeGreaterThan(0);
  });
});
