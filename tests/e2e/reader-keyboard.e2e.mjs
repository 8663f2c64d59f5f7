// End-to-end in real Chromium: the in-page reader from the keyboard and from
// the panel's list.
// - "Show and edit" on a note inside a collapsed FirstAgenda item expands the
//   item (the page's own toggle), scrolls the highlight into view and opens
//   the editor next to it.
// - The selection toolbar: Tab from the selection lands in it, Esc hides it
//   (the selection stays: `h` still highlights it).
// - The note editor (role=dialog) keeps Tab inside; Esc cancels it.
// - Delete from an editor opened from the list: focus goes to Undo; Undo puts
//   focus back on the annotation in the list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  highlightWithKey,
  hostState,
  openPanel,
  openReader,
  readerPanel,
  readerToolbar,
  selectForToolbar,
  waitCounts,
  waitReady,
} from '../../scripts/lib/annotate.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { fixture, testSite, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const FIRSTAGENDA = fixture('000-firstagenda.html');
const AABEN = fixture('000-aabendagsorden.html');
const AABEN2 = fixture('001-aabendagsorden.html');
const count = async (page) => Number((await hostState(page))?.annotations ?? 0);

/** The active element: in the page, or inside one of our closed shadow roots. */
async function focusAt(page) {
  const tb = readerToolbar(page);
  const sh = readerPanel(page);
  try {
    const doc = await page.evaluate(() => document.activeElement?.localName ?? null);
    const inner = async (s) =>
      s.evaluate(function () {
        const a = this.activeElement;
        return a
          ? (a.getAttribute('data-testid') ?? a.getAttribute('data-annotation-id') ?? a.localName)
          : null;
      });
    return {
      doc,
      toolbar: doc === 'sagsspor-toolbar' ? await inner(tb) : null,
      panel: doc === 'sagsspor-root' ? await inner(sh) : null,
    };
  } finally {
    await tb.dispose();
    await sh.dispose();
  }
}

describe('Chromium: the reader from the keyboard and the panel list', () => {
  /** @type {Awaited<ReturnType<typeof launchChromium>>} */
  let ext;
  const site = testSite();

  before(async () => {
    ext = await launchChromium({ site });
  });
  after(async () => {
    await ext?.close();
  });

  test(
    'FirstAgenda: "show and edit" on a note in a collapsed item expands it, scrolls to it, opens the editor there',
    T,
    async () => {
      const punkter = FIRSTAGENDA.truth.punkter.length;
      const page = await openReader(ext.context, FIRSTAGENDA.url, punkter);
      const header = page.locator('button.agenda-item-header', { hasText: 'Forsvarets industrimesse' });
      await header.click();
      assert.equal(await header.getAttribute('aria-expanded'), 'true');
      await highlightWithKey(page, 'højt specialiserede teknologiske løsninger');
      await page.reload();
      await waitReady(page, punkter, 'after reload');
      await waitCounts(page, { annotations: 1 }, 'the highlight anchored in the collapsed item');
      assert.equal(await header.getAttribute('aria-expanded'), 'false', 'items are collapsed after a reload');
      await page.evaluate(() => window.scrollTo(0, 0));
      const sh = readerPanel(page);
      await openPanel(sh);
      await sh.click('[data-testid="annotation-list"] button[data-annotation-id]');
      const tb = readerToolbar(page);
      await waitFor(() => tb.isVisible('[data-testid="editor"]'), Boolean, { what: 'the editor' });
      assert.equal(
        await header.getAttribute('aria-expanded'),
        'true',
        'the punkt was expanded by its own toggle',
      );
      const hl = await page.evaluate(() => {
        const r = [...(CSS.highlights?.values() ?? [])].flatMap((h) => [...h])[0];
        if (!r) return null;
        const b = r.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, left: b.left, h: b.height, vh: innerHeight };
      });
      assert.ok(hl && hl.h > 0, `the highlight is laid out: ${JSON.stringify(hl)}`);
      assert.ok(hl.top >= 0 && hl.bottom <= hl.vh, `the highlight is in view: ${JSON.stringify(hl)}`);
      const ed = await tb.evaluate(function () {
        const b = this.querySelector('[data-testid="editor"]').getBoundingClientRect();
        return { top: b.top, left: b.left };
      });
      // Next to the highlight (below it, or moved up to fit the window), not at the top-left corner.
      assert.ok(Math.abs(ed.top - (hl.bottom + 8)) < 2 || ed.top > hl.top - 330, JSON.stringify({ ed, hl }));
      assert.ok(ed.top > 8 || ed.left > 8, `the editor is not parked at the corner: ${JSON.stringify(ed)}`);
      assert.ok(await tb.focusedMatches('[data-testid="note-input"]'), 'focus in the editor');
      await tb.dispose();
      await sh.dispose();
      await page.close();
    },
  );

  test(
    'selection toolbar: Tab lands in it, arrows move, Esc hides it and keeps the selection; Esc on the page too',
    T,
    async () => {
      const page = await openReader(ext.context, AABEN2.url, AABEN2.truth.punkter.length);
      const before = await count(page);
      const text = 'På dagens møde giver forvaltni';
      let tb = await selectForToolbar(page, text);
      await page.keyboard.press('Tab');
      await waitFor(() => tb.focusedMatches('[data-testid="hl-yellow"]'), Boolean, {
        what: 'Tab into the toolbar',
      });
      await page.keyboard.press('ArrowRight');
      assert.ok(await tb.focusedMatches('[data-testid="hl-green"]'));
      await page.keyboard.press('Escape');
      await waitFor(
        () => tb.isVisible('[data-testid="toolbar"]'),
        (v) => !v,
        { what: 'Esc hides the toolbar' },
      );
      assert.equal(
        await page.evaluate(() => document.getSelection().toString()),
        text,
        'the selection stays',
      );
      const f = await focusAt(page);
      assert.equal(f.toolbar, null, `focus left the toolbar: ${JSON.stringify(f)}`);
      // The selection is still usable: `h` highlights it.
      await page.keyboard.press('h');
      await waitCounts(page, { annotations: before + 1 });
      await tb.dispose();
      // Esc with focus on the page hides it too.
      tb = await selectForToolbar(page, 'overordnet indblik i den indsats');
      await page.keyboard.press('Escape');
      await waitFor(
        () => tb.isVisible('[data-testid="toolbar"]'),
        (v) => !v,
        { what: 'Esc on the page' },
      );
      await tb.dispose();
      await page.close();
    },
  );

  test(
    'note editor: Tab stays in the dialog; Esc cancels it (no annotation) and focus leaves it',
    T,
    async () => {
      const page = await openReader(ext.context, AABEN2.url, AABEN2.truth.punkter.length);
      const before = await count(page);
      const tb = await selectForToolbar(page, 'På dagens møde giver forvaltni');
      await page.keyboard.press('n');
      await waitFor(() => tb.focusedMatches('[data-testid="note-input"]'), Boolean, { what: 'the editor' });
      await page.keyboard.type('kladde');
      const seen = new Set();
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press('Tab');
        const f = await focusAt(page);
        assert.equal(f.doc, 'sagsspor-toolbar', `Tab ${i} stays in the editor: ${JSON.stringify(f)}`);
        assert.ok(
          await tb.evaluate(function () {
            return !!this.activeElement?.closest('[data-testid="editor"]');
          }),
          `Tab ${i}: focus inside the dialog`,
        );
        seen.add(f.toolbar);
      }
      assert.ok(seen.has('note-input') && seen.has('save'), `went round: ${[...seen]}`);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
      assert.equal((await focusAt(page)).doc, 'sagsspor-toolbar', 'Shift+Tab stays in the editor');
      await page.keyboard.press('Escape');
      await waitFor(
        () => tb.isVisible('[data-testid="editor"]'),
        (v) => !v,
        { what: 'Esc closes the editor' },
      );
      assert.equal((await focusAt(page)).toolbar, null);
      // Cancelled: the draft is not saved.
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await count(page), before);
      assert.equal((await hostState(page)).pending, '0');
      await tb.dispose();
      await page.close();
    },
  );

  test(
    'delete from an editor opened from the panel list: focus on Undo; Undo: focus back on the annotation in the list',
    T,
    async () => {
      const page = await openReader(ext.context, AABEN.url, AABEN.truth.punkter.length);
      const before = await count(page);
      await highlightWithKey(page, 'hylde lokale virksomheder');
      const sh = readerPanel(page);
      await openPanel(sh);
      const id = await sh.evaluate(function () {
        const b = [
          ...this.querySelectorAll('[data-testid="annotation-list"] button[data-annotation-id]'),
        ].find((x) => x.textContent.includes('hylde lokale virksomheder'));
        b.focus();
        return b.getAttribute('data-annotation-id');
      });
      await page.keyboard.press('Enter');
      const tb = readerToolbar(page);
      await waitFor(() => tb.focusedMatches('[data-testid="note-input"]'), Boolean, { what: 'the editor' });
      for (let i = 0; i < 12 && !(await tb.focusedMatches('[data-testid="delete"]')); i++)
        await page.keyboard.press('Tab');
      assert.ok(await tb.focusedMatches('[data-testid="delete"]'), 'Tab reaches Delete');
      await page.keyboard.press('Enter');
      await waitCounts(page, { annotations: before });
      const f = await focusAt(page);
      assert.equal(f.toolbar, 'undo', `focus on Undo after the delete: ${JSON.stringify(f)}`);
      await page.keyboard.press('Enter');
      await waitCounts(page, { annotations: before + 1 });
      await waitFor(
        () => focusAt(page),
        (x) => x.panel === id,
        { what: 'focus on the restored annotation in the list' },
      );
      await tb.dispose();
      await sh.dispose();
      await page.close();
    },
  );
});
