// End-to-end in real Chromium (issue 3): highlights, notes and tags made
// through the in-page UI come back after a reload, after a browser restart
// with the same profile, after the service worker was stopped between writes,
// and after the page's text changed (anchored where the text survived, listed
// as orphans where it did not — none lost). Two tabs keep both tabs' writes.
// Delete has undo.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  cssHighlights,
  highlightWithKey,
  hostState,
  openApiPage,
  openPanel,
  openReader,
  paintedTexts,
  readerPanel,
  readerToolbar,
  selectForToolbar,
  selectText,
  sendOk,
  stopServiceWorker,
  waitCounts,
  waitReady,
} from '../../scripts/lib/annotate.mjs';
import { launchChromium, makeWorkDir } from '../../scripts/lib/chromium.mjs';
import {
  EDIT_TEXTS,
  EDITED_URL,
  editedPage,
  LAZY_URL,
  lazyPage,
  originalPage,
  renumberedPage,
} from './fixtures/variants.mjs';
import { fixture, testSite, VISIBLE_TEXT, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const FX = fixture('000-aabendagsorden.html');
const PUNKTER = FX.truth.punkter.length;
/** Texts of punkt 4 (Klimapris 2023) and punkt 3 of 000-aabendagsorden.html, one text node each. */
const TEXTS = {
  a: 'hylde lokale virksomheder',
  b: 'Klimaprisen kan medvirke til at inspirere',
  c: 'Klima- og Miljøudvalget er fagudvalg på opgaven',
  d: 'Der afsættes årligt 20.000 kr.',
  e: 'højt specialiserede teknologiske løsninger',
  f: 'fælles markedsføring af arrangementet',
};

/** One meeting (URL and date) per test, so tests do not see each other's annotations. */
let nextDay = 1;
function freshUrl(site) {
  const day = nextDay++;
  const url = `https://dagsorden.ballerup.dk/meeting/91060${String(day).padStart(2, '0')}`;
  site.add(url, { body: originalPage(day) });
  return url;
}

const open = (context, url, page) => openReader(context, url, PUNKTER, page);
const toolbar = readerToolbar;
const panel = readerPanel;
const select = selectForToolbar;
const highlightKey = highlightWithKey;

/** Highlights `text` with a colour button of the toolbar (a real mouse click). */
async function highlightButton(page, text, colour) {
  const before = Number((await hostState(page))?.annotations ?? 0);
  const tb = await select(page, text);
  await tb.click(`[data-testid="hl-${colour}"]`);
  await waitCounts(page, { annotations: before + 1 });
  await tb.dispose();
}

/** Selects `text`, opens the note editor from the toolbar, types a note and tags, saves. */
async function noteWithTags(page, text, note, tags) {
  const before = Number((await hostState(page))?.annotations ?? 0);
  const tb = await select(page, text);
  await tb.click('[data-testid="note"]');
  await waitFor(() => tb.focusedMatches('[data-testid="note-input"]'), Boolean, {
    what: 'the editor opens with focus in the note field',
  });
  await page.keyboard.type(note);
  for (const tag of tags) {
    await tb.evaluate(function () {
      this.querySelector('[data-testid="tag-input"]').focus();
    });
    await page.keyboard.type(tag);
    await page.keyboard.press('Enter');
  }
  await tb.click('[data-testid="save"]');
  await waitCounts(page, { annotations: before + 1 });
  await tb.dispose();
}

/** Keyboard only: select `text`, `n` opens the note editor, type, Ctrl+Enter saves. */
async function noteWithKey(page, text, note) {
  const before = Number((await hostState(page))?.annotations ?? 0);
  const tb = await select(page, text);
  await page.keyboard.press('n');
  await waitFor(() => tb.focusedMatches('[data-testid="note-input"]'), Boolean, {
    what: '`n` opens the editor with focus in the note field',
  });
  await page.keyboard.type(note);
  await page.keyboard.press('Control+Enter');
  await waitCounts(page, { annotations: before + 1 });
  await tb.dispose();
}

/** Every live annotation (background, extension-page API), by quote. */
async function stored(api) {
  const res = await sendOk(api, { type: 'annotations/list', filter: {} });
  return res.annotations;
}
const forUrl = (list, url) => list.filter((a) => a.page.url === url);

/** Whether `text` is rendered (visible) on the page: what a reader could select. */
// biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point
const RENDERED = (text) => document.body.innerText.includes(text);

describe('Chromium: annotations (issue 3)', () => {
  /** @type {Awaited<ReturnType<typeof launchChromium>>} */
  let ext;
  let api;
  const site = testSite();

  before(async () => {
    ext = await launchChromium({ site });
    api = await openApiPage(ext.context, ext.extensionId);
  });
  after(async () => {
    await ext?.close();
  });

  test(
    'the first annotation shows a one-time notice (uninstalling deletes the data) whose link opens the backup page',
    T,
    async () => {
      const url = freshUrl(site);
      const page = await open(ext.context, url);
      try {
        await highlightKey(page, TEXTS.a);
        const shadow = panel(page);
        await openPanel(shadow);
        await waitFor(() => shadow.isVisible('[data-testid="persist-notice-backup"]'), Boolean, {
          what: 'the persist notice with its way to the backup page, after the first annotation in this profile',
        });
        const [opened] = await Promise.all([
          ext.context.waitForEvent('page', { timeout: 10_000 }),
          shadow.click('[data-testid="persist-notice-backup"]'),
        ]);
        await opened.waitForLoadState().catch(() => {});
        const backupShown = await waitFor(
          () => opened.evaluate(() => document.querySelector('[data-testid="backup-download"]') !== null),
          Boolean,
          { what: 'the backup page', timeout: 5000 },
        ).catch(() => false);
        const where = opened.url();
        const shown = ((await opened.evaluate(VISIBLE_TEXT).catch(() => '')) ?? '').slice(0, 120);
        await opened.close();
        await shadow.dispose();
        assert.ok(
          backupShown,
          `the notice's backup button opens the backup page; it opened ${where}: "${shown.replace(/\s+/g, ' ')}"`,
        );
        assert.match(where, /^chrome-extension:\/\/[a-p]{32}\/dashboard\.html#\/backup$/);
      } finally {
        await page.close();
      }
    },
  );

  test(
    'highlight (h and toolbar), note + tags; painted with the CSS Custom Highlight API; back after a reload',
    T,
    async () => {
      const url = freshUrl(site);
      const page = await open(ext.context, url);
      try {
        await highlightKey(page, TEXTS.a);
        let hl = await cssHighlights(page);
        assert.deepEqual(hl['sagsspor-yellow'], [TEXTS.a], 'a yellow CSS highlight over the selected text');
        assert.equal(
          await page.evaluate(() => document.querySelectorAll('sagsspor-hl').length),
          0,
          'no wrapper elements in Chromium',
        );

        // Every toolbar control has an accessible name.
        {
          const tb = await select(page, TEXTS.b);
          const names = await tb.accessibleNames('button, input, textarea, [role="button"]');
          assert.ok(names.length >= 7, `5 colours, note and tags: ${names.length}`);
          assert.deepEqual(
            names.filter((c) => !c.ignored && !c.name),
            [],
            'every toolbar control has an accessible name',
          );
          await tb.dispose();
        }
        await highlightButton(page, TEXTS.b, 'green');
        hl = await cssHighlights(page);
        assert.deepEqual(hl['sagsspor-green'], [TEXTS.b], 'the green button paints green');

        await noteWithTags(page, TEXTS.c, 'Følg op på økonomien — spørg forvaltningen', ['Klima', 'Økonomi']);

        const mine = forUrl(await stored(api), url);
        assert.equal(mine.length, 3, 'three annotations stored');
        const byQuote = Object.fromEntries(mine.map((a) => [a.quote, a]));
        assert.equal(byQuote[TEXTS.a]?.color, 'yellow');
        assert.equal(byQuote[TEXTS.a]?.motivation, 'highlighting');
        assert.equal(byQuote[TEXTS.b]?.color, 'green');
        const noted = byQuote[TEXTS.c];
        assert.ok(noted, `the note's quote is "${TEXTS.c}": ${JSON.stringify(mine.map((a) => a.quote))}`);
        assert.equal(noted.note, 'Følg op på økonomien — spørg forvaltningen');
        assert.deepEqual(noted.tags, ['Klima', 'Økonomi']);
        assert.equal(noted.motivation, 'commenting');
        assert.equal(noted.color, 'green', 'the editor starts with the last colour used');
        for (const a of mine) {
          assert.equal(a.page.punktNumber, 4, `"${a.quote}" belongs to punkt 4`);
          assert.equal(a.page.caseNumber, '24.00.00-G01-14-23');
        }

        // The outline counts them per punkt.
        const shadow = panel(page);
        await openPanel(shadow);
        const count = await shadow.texts('[data-testid="count-4"]');
        assert.equal(count[0], '3', 'punkt 4 shows 3 annotations in the outline');
        await shadow.dispose();

        await page.reload();
        await waitReady(page, PUNKTER, 'after reload');
        await waitCounts(page, { annotations: 3 }, 'after reload');
        hl = await cssHighlights(page);
        assert.deepEqual(hl['sagsspor-yellow'], [TEXTS.a]);
        // The editor starts with the last colour used (green), so the note is green too.
        assert.deepEqual([...(hl['sagsspor-green'] ?? [])].sort(), [TEXTS.b, TEXTS.c].sort());

        // Clicking a highlight opens its editor with the note and tags.
        const box = await page.evaluate((text) => {
          for (const [, h] of CSS.highlights)
            for (const r of h) {
              if (r.toString() !== text) continue;
              const b = r.getBoundingClientRect();
              return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
            }
          return null;
        }, TEXTS.c);
        assert.ok(box, 'the noted highlight has a box');
        await page.mouse.click(box.x, box.y);
        const tb = toolbar(page);
        const value = await waitFor(
          () =>
            tb.evaluate(function () {
              return this.querySelector('[data-testid="note-input"]')?.value ?? null;
            }),
          (v) => typeof v === 'string',
          { what: 'the editor of the clicked highlight' },
        );
        assert.equal(value, 'Følg op på økonomien — spørg forvaltningen');
        const chips = await tb.texts('.chip-text');
        assert.deepEqual(chips, ['Klima', 'Økonomi']);
        // The editor's controls are named, and the tag input autocompletes from existing tags.
        assert.deepEqual(
          (await tb.accessibleNames('button, input, textarea')).filter((c) => !c.ignored && !c.name),
          [],
          'every editor control has an accessible name',
        );
        await page.keyboard.press('Escape');

        // The toolbar's tags button: the tag input autocompletes from existing tags.
        const tb2 = await select(page, TEXTS.d);
        await tb2.click('[data-testid="tags"]');
        await waitFor(() => tb2.focusedMatches('[data-testid="tag-input"]'), Boolean, {
          what: 'the tags button opens the editor with focus in the tag input',
        });
        await page.keyboard.type('øk');
        const suggestions = await waitFor(
          () => tb2.texts('[data-testid="tag-suggestions"] [role="option"]'),
          (l) => l.includes('Økonomi'),
          { what: 'the existing tag "Økonomi" suggested for "øk"' },
        );
        assert.ok(suggestions.includes('Økonomi'));
        await tb2.click('[data-testid="tag-suggestions"] [role="option"]');
        assert.deepEqual(await tb2.texts('.chip-text'), ['Økonomi'], 'the suggestion became a tag');
        await tb2.click('[data-testid="save"]');
        await waitCounts(page, { annotations: 4 });
        const tagged = forUrl(await stored(api), url).find((a) => a.quote === TEXTS.d);
        assert.deepEqual(tagged?.tags, ['Økonomi']);
        assert.equal(tagged?.motivation, 'tagging');
        await tb2.dispose();
        await tb.dispose();
      } finally {
        await page.close();
      }
    },
  );

  test('punkter renumbered on the page (one inserted before): the note moves with its punkt', T, async () => {
    const day = nextDay++;
    const url = `https://dagsorden.ballerup.dk/meeting/91060${String(day).padStart(2, '0')}`;
    site.add(url, { body: originalPage(day) });
    const page = await open(ext.context, url);
    try {
      await highlightKey(page, TEXTS.a); // punkt 4, Klimapris 2023
      const [before] = forUrl(await stored(api), url);
      assert.equal(before?.page.punktNumber, 4);
      site.add(url, { body: renumberedPage(day) });
      await page.reload();
      await waitReady(page, PUNKTER + 1, 'the renumbered page');
      await waitFor(
        async () => forUrl(await stored(api), url)[0]?.page.punktNumber,
        (n) => n === 5,
        { what: 'the stored note moved to punkt 5' },
      );
      const [after] = forUrl(await stored(api), url);
      assert.equal(
        after.page.caseNumber,
        before.page.caseNumber,
        'the case number is the punkt’s, unchanged',
      );
      assert.equal(after.target.scope.punktNumber, 5);
      assert.equal(after.modified, before.modified, 'not a user edit');
      assert.ok((await paintedTexts(page)).includes(TEXTS.a), 'still painted on its text');
      const shadow = panel(page);
      await openPanel(shadow);
      assert.deepEqual(
        await shadow.evaluate(function () {
          return [...this.querySelectorAll('[data-testid^="count-"]')].map((e) => e.dataset.testid);
        }),
        ['count-5'],
        'the count badge is on punkt 5',
      );
    } finally {
      await page.close();
    }
  });

  test('delete has undo; a delete without undo stays deleted after a reload', T, async () => {
    const url = freshUrl(site);
    const page = await open(ext.context, url);
    try {
      await highlightKey(page, TEXTS.a);
      await highlightKey(page, TEXTS.d);
      const shadow = panel(page);
      await openPanel(shadow);

      const deleteVia = async (quote) => {
        const id = forUrl(await stored(api), url).find((a) => a.quote === quote)?.id;
        assert.ok(id, `"${quote}" is stored`);
        await shadow.click(`[data-testid="annotation-list"] button[data-annotation-id="${id}"]`);
        const tb = toolbar(page);
        await waitFor(() => tb.isVisible('[data-testid="delete"]'), Boolean, {
          what: 'the editor with Delete',
        });
        await tb.click('[data-testid="delete"]');
        return tb;
      };

      let tb = await deleteVia(TEXTS.a);
      await waitCounts(page, { annotations: 1 }, 'after delete');
      assert.ok(!(await paintedTexts(page)).includes(TEXTS.a), 'the deleted highlight is no longer painted');
      await waitFor(() => tb.isVisible('[data-testid="undo"]'), Boolean, { what: 'the undo toast' });
      await tb.click('[data-testid="undo"]');
      await waitCounts(page, { annotations: 2 }, 'after undo');
      assert.ok((await paintedTexts(page)).includes(TEXTS.a), 'undo paints it again');
      await tb.dispose();

      assert.equal(
        await shadow.evaluate(function () {
          return this.querySelector('[data-testid="persist-notice"]') !== null;
        }),
        false,
        'the persist notice is shown once, not on every page',
      );
      tb = await deleteVia(TEXTS.d);
      await waitCounts(page, { annotations: 1 }, 'after the second delete');
      await tb.dispose();
      await shadow.dispose();

      await page.reload();
      await waitReady(page, PUNKTER, 'after reload');
      await waitCounts(page, { annotations: 1 }, 'after reload');
      const painted = await paintedTexts(page);
      assert.ok(painted.includes(TEXTS.a), 'the undone delete survived the reload');
      assert.ok(!painted.includes(TEXTS.d), 'the delete without undo survived the reload');
      const live = forUrl(await stored(api), url).map((a) => a.quote);
      assert.deepEqual(live, [TEXTS.a]);
    } finally {
      await page.close();
    }
  });

  test('the service worker stopped between two writes: both land and survive a reload', T, async () => {
    const url = freshUrl(site);
    const page = await open(ext.context, url);
    try {
      await highlightKey(page, TEXTS.a);
      const stop = await stopServiceWorker(ext.context, ext.extensionId, api.page);
      assert.ok(stop.stopped, `the service worker stopped (statuses: ${stop.statuses.join(' → ')})`);

      // The second write goes to a stopped worker: Chromium starts it for the message.
      await noteWithKey(page, TEXTS.d, 'efter genstart');
      await waitCounts(page, { annotations: 2 }, 'second write acknowledged');

      const stop2 = await stopServiceWorker(ext.context, ext.extensionId, api.page);
      assert.ok(stop2.stopped, 'stopped again before the reload');
      await page.reload();
      await waitReady(page, PUNKTER, 'after reload');
      await waitCounts(page, { annotations: 2 }, 'after reload');
      const painted = await paintedTexts(page);
      assert.ok(
        painted.includes(TEXTS.a) && painted.includes(TEXTS.d),
        `both painted: ${JSON.stringify(painted)}`,
      );
      const mine = forUrl(await stored(api), url);
      assert.deepEqual(mine.map((a) => a.quote).sort(), [TEXTS.a, TEXTS.d].sort());
      assert.equal(mine.find((a) => a.quote === TEXTS.d)?.note, 'efter genstart');
    } finally {
      await page.close();
    }
  });

  test('two tabs annotating the same meeting keep both tabs’ writes', T, async () => {
    const url = freshUrl(site);
    const one = await open(ext.context, url);
    const two = await open(ext.context, url);
    try {
      // Live sync: each tab shows the other's writes before it writes again.
      await highlightKey(one, TEXTS.a);
      await waitCounts(two, { annotations: 1 }, 'tab two shows tab one’s highlight');
      await highlightKey(two, TEXTS.e);
      await waitCounts(one, { annotations: 2 }, 'tab one shows tab two’s highlight');
      await noteWithTags(one, TEXTS.d, 'fra fane 1', []);
      await waitCounts(two, { annotations: 3 }, 'tab two shows tab one’s note');
      await noteWithTags(two, TEXTS.f, 'fra fane 2', []);
      await waitCounts(one, { annotations: 4 }, 'tab one shows tab two’s note');

      const mine = forUrl(await stored(api), url);
      assert.deepEqual(
        mine.map((a) => a.quote).sort(),
        [TEXTS.a, TEXTS.d, TEXTS.e, TEXTS.f].sort(),
        'all four writes stored',
      );
      for (const page of [one, two]) {
        await page.reload();
        await waitReady(page, PUNKTER, 'after reload');
        await waitCounts(page, { annotations: 4 }, 'after reload');
        const painted = await paintedTexts(page);
        for (const t of [TEXTS.a, TEXTS.d, TEXTS.e, TEXTS.f])
          assert.ok(painted.includes(t), `"${t}" painted after reload`);
      }
    } finally {
      await one.close();
      await two.close();
    }
  });

  test(
    'the page text changed: anchored where the text survived, orphans where it did not — none lost',
    T,
    async () => {
      const day = nextDay++;
      site.add(EDITED_URL, { body: originalPage(day) });
      const page = await open(ext.context, EDITED_URL);
      try {
        await highlightKey(page, EDIT_TEXTS.kept);
        await highlightKey(page, EDIT_TEXTS.shifted);
        await noteWithTags(page, EDIT_TEXTS.gone, 'noten må ikke gå tabt', ['orphan']);
        const before = forUrl(await stored(api), EDITED_URL);
        assert.equal(before.length, 3);

        // The municipality edits the page; the next visit gets the new text at the same URL.
        site.add(EDITED_URL, { body: editedPage(day) });
        await page.reload();
        await waitReady(page, PUNKTER, 'edited page');
        const st = await waitCounts(page, { annotations: 2, orphans: 1 }, 'edited page');
        assert.equal(Number(st.annotations) + Number(st.orphans), 3, 'anchored + orphans = all annotations');
        const painted = await paintedTexts(page);
        assert.ok(painted.includes(EDIT_TEXTS.kept), 'unchanged text anchored to the same text');
        assert.ok(painted.includes(EDIT_TEXTS.shifted), 'moved text anchored to the same text');
        assert.ok(
          !painted.some((t) => t.includes('fælles markedsføring')),
          'the removed text is not painted',
        );

        // The orphan is listed in the panel with its quote, and stored as orphaned (not deleted).
        const shadow = panel(page);
        await openPanel(shadow);
        const orphanText = (await shadow.texts('[data-testid="orphans"] .orphan-quote'))[0] ?? '';
        assert.ok(orphanText.includes(EDIT_TEXTS.gone), `the orphan shows its quote: "${orphanText}"`);
        const after = await waitFor(
          async () => forUrl(await stored(api), EDITED_URL),
          (l) => l.find((a) => a.quote === EDIT_TEXTS.gone)?.status === 'orphaned',
          { what: 'the orphan stored as orphaned' },
        );
        assert.equal(after.length, 3, 'none lost');
        assert.equal(after.find((a) => a.quote === EDIT_TEXTS.gone)?.note, 'noten må ikke gå tabt');

        // Attach the orphan to a new selection: it keeps its note and tags.
        const newText = 'Kommunen stiller med en stand';
        assert.equal(await selectText(page, { text: newText }), newText);
        await page.waitForTimeout(300); // the selection is captured after a short debounce
        await shadow.click('[data-testid="orphan-attach"]');
        await waitCounts(page, { annotations: 3, orphans: 0 }, 'after attaching the orphan');
        const attached = forUrl(await stored(api), EDITED_URL).find(
          (a) => a.note === 'noten må ikke gå tabt',
        );
        assert.equal(attached?.quote, newText);
        assert.equal(attached?.status, 'anchored');
        assert.deepEqual(attached?.tags, ['orphan']);
        await shadow.dispose();
      } finally {
        await page.close();
      }
    },
  );
  test(
    'text that appears later (a punkt fetched when opened) gets its highlight when it appears',
    T,
    async () => {
      site.add(LAZY_URL, { body: lazyPage() });
      const page = await open(ext.context, LAZY_URL);
      try {
        const shadow = panel(page);
        const openPunkt4 = async () => {
          await openPanel(shadow);
          await shadow.click('button[data-punkt="4"]');
          await waitFor(() => page.evaluate(RENDERED, TEXTS.a), Boolean, {
            what: 'punkt 4’s text inserted and rendered when opened',
          });
        };
        await openPunkt4();
        await highlightKey(page, TEXTS.a);

        // A new visit (the jump may have put the open punkt in the URL): everything collapsed.
        await page.goto(LAZY_URL);
        await waitReady(page, PUNKTER, 'after reload');
        assert.equal(
          await page.evaluate(RENDERED, TEXTS.a),
          false,
          'punkt 4’s text is not on the page until it is opened',
        );
        const st = await hostState(page);
        assert.equal(
          Number(st.annotations) + Number(st.orphans),
          1,
          `not lost meanwhile: ${JSON.stringify(st)}`,
        );
        await openPunkt4();
        await waitCounts(page, { annotations: 1, orphans: 0 }, 'anchored once the text appeared');
        assert.ok((await paintedTexts(page)).includes(TEXTS.a), 'painted once the text appeared');
        const mine = await waitFor(
          async () => forUrl(await stored(api), LAZY_URL),
          (l) => l.length === 1 && l[0].status === 'anchored',
          { what: 'stored as anchored' },
        );
        assert.equal(mine[0].quote, TEXTS.a);
        await shadow.dispose();
      } finally {
        await page.close();
      }
    },
  );
  test(
    'dashboard: annotations filtered by tag and colour; tags renamed, merged and deleted, each with undo',
    T,
    async () => {
      const tags = async () =>
        Object.fromEntries(
          (await sendOk(api, { type: 'annotations/listTags', prefix: '' })).tags.map((t) => [t.tag, t.count]),
        );
      const before = await tags();
      assert.ok(before.Klima >= 1 && before.Økonomi >= 2 && before.orphan >= 1, JSON.stringify(before));
      const all = await stored(api);

      const dash = await ext.context.newPage();
      try {
        await dash.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/annotations`);
        const listed = () => dash.locator('[data-testid="annotation-list"] [data-annotation-id]').count();
        await dash.locator('select[name="tag"]').selectOption('Klima', { timeout: 10_000 });
        await waitFor(listed, (n) => n === all.filter((a) => a.tags.includes('Klima')).length, {
          what: 'the list filtered by #Klima',
        });
        await dash.locator('select[name="tag"]').selectOption('');
        await dash.locator('select[name="color"]').selectOption('green');
        await waitFor(listed, (n) => n === all.filter((a) => a.color === 'green').length, {
          what: 'the list filtered by green',
        });

        await dash.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/tags`);
        const row = (tag) => dash.locator(`[data-testid="tags"] tr[data-tag="${tag}"]`);
        const undo = async () => {
          await dash.locator('[data-testid="toast"] [data-testid="undo"]').click({ timeout: 5000 });
        };

        // Rename, then undo.
        await row('orphan')
          .locator('[data-testid="tag-rename-input"]')
          .fill('forældreløs', { timeout: 10_000 });
        await row('orphan').locator('[data-testid="tag-rename"]').click();
        await waitFor(tags, (t) => t.forældreløs === before.orphan && !t.orphan, { what: 'renamed' });
        await undo();
        await waitFor(tags, (t) => t.orphan === before.orphan && !t.forældreløs, { what: 'rename undone' });

        // Merge Klima into Økonomi, then undo.
        await row('Klima').locator('select').selectOption('Økonomi', { timeout: 10_000 });
        await row('Klima').locator('[data-testid="tag-merge"]').click();
        await waitFor(tags, (t) => !t.Klima && t.Økonomi >= before.Økonomi, { what: 'merged' });
        await undo();
        await waitFor(tags, (t) => t.Klima === before.Klima && t.Økonomi === before.Økonomi, {
          what: 'merge undone',
        });

        // Delete, then undo.
        await row('Økonomi').locator('[data-testid="tag-delete"]').click({ timeout: 10_000 });
        await waitFor(tags, (t) => !t.Økonomi, { what: 'deleted' });
        await undo();
        const after = await waitFor(tags, (t) => t.Økonomi === before.Økonomi, { what: 'delete undone' });
        assert.deepEqual(after, before, 'every tag as before');
      } finally {
        await dash.close();
      }
    },
  );
});

describe('Chromium: annotations after closing and relaunching the browser (same profile)', () => {
  const workDir = makeWorkDir();
  const site = testSite();
  const url = 'https://dagsorden.ballerup.dk/meeting/9106900';
  site.add(url, { body: originalPage(27) });
  after(() => rmSync(workDir, { recursive: true, force: true, maxRetries: 3 }));

  test('highlights and notes come back after a browser restart', T, async () => {
    let ext = await launchChromium({ site, workDir });
    const firstId = ext.extensionId;
    try {
      const page = await open(ext.context, url);
      await highlightKey(page, TEXTS.a);
      await noteWithTags(page, TEXTS.c, 'gemt før genstart', ['restart']);
    } finally {
      await ext.close();
    }
    ext = await launchChromium({ site, workDir });
    try {
      assert.equal(ext.extensionId, firstId, 'the same extension in the same profile');
      const page = await open(ext.context, url);
      await waitCounts(page, { annotations: 2 }, 'after relaunch');
      const painted = await paintedTexts(page);
      assert.ok(
        painted.includes(TEXTS.a) && painted.includes(TEXTS.c),
        `both painted: ${JSON.stringify(painted)}`,
      );
      const api = await openApiPage(ext.context, ext.extensionId);
      const mine = forUrl(await stored(api), url);
      assert.equal(mine.find((a) => a.quote === TEXTS.c)?.note, 'gemt før genstart');
      await api.close();
    } finally {
      await ext.close();
    }
  });
});
