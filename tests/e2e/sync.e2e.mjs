// End-to-end in real Chromium: live sync. Two tabs on the same meeting page:
// a highlight made in tab A appears in tab B (painted, counted in the panel)
// within about a second, without a reload; deleted in A, it is gone from B.
// Edits and deletes made from an extension page (as the dashboard makes them)
// reach an open reader too, and the service worker restarting in between does
// not stop it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  cssHighlights,
  highlightWithKey,
  openApiPage,
  openPanel,
  openReader,
  paintedTexts,
  readerPanel,
  readerToolbar,
  sendOk,
  stopServiceWorker,
  waitCounts,
  waitHost,
} from '../../scripts/lib/annotate.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { originalPage } from './fixtures/variants.mjs';
import { fixture, testSite, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const PUNKTER = fixture('000-aabendagsorden.html').truth.punkter.length;
/** Texts of punkt 4 of 000-aabendagsorden.html, one text node each. */
const TEXTS = {
  a: 'hylde lokale virksomheder',
  b: 'Der afsættes årligt 20.000 kr.',
};
/** How soon the other tab must show a change (the goal is ~1 s; generous for a loaded CI box). */
const SYNC_MS = 2000;

/** One meeting (URL and date) per test, so tests do not see each other's annotations. */
let nextDay = 1;
function freshUrl(site) {
  const day = nextDay++;
  const url = `https://dagsorden.ballerup.dk/meeting/91070${String(day).padStart(2, '0')}`;
  site.add(url, { body: originalPage(day) });
  return url;
}

const open = (context, url) => openReader(context, url, PUNKTER);
const panel = readerPanel;
const toolbar = readerToolbar;
const highlight = highlightWithKey;

/** Waits (at most SYNC_MS) until `page` shows `annotations` without pending writes; returns the ms it took. */
async function synced(page, annotations, what) {
  const t0 = Date.now();
  await waitHost(
    page,
    (s) => s.annotations === String(annotations) && s.pending === '0',
    `${what}: data-annotations="${annotations}" in the other tab`,
    SYNC_MS,
  );
  return Date.now() - t0;
}

/** Live annotations of `url` (background, extension-page API). */
async function storedFor(api, url) {
  const res = await sendOk(api, { type: 'annotations/list', filter: {} });
  return res.annotations.filter((a) => a.page.url === url);
}

describe('Chromium: live sync between tabs', () => {
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
    'a highlight made in tab A appears in tab B without a reload; deleted in A, it is gone from B',
    T,
    async () => {
      const url = freshUrl(site);
      const a = await open(ext.context, url);
      const b = await open(ext.context, url);
      try {
        // B shows its panel (the outline's per-punkt count), then A is in front and highlights.
        const shadowB = panel(b);
        await b.bringToFront();
        await openPanel(shadowB);
        assert.deepEqual(await shadowB.texts('[data-testid="count-4"]'), [], 'no count on punkt 4 yet');

        await highlight(a, TEXTS.a);
        const ms = await synced(b, 1, 'after the highlight in A');
        console.log(`# tab B showed A's highlight ${ms} ms after A's write was acknowledged`);
        assert.deepEqual(
          (await cssHighlights(b))['sagsspor-yellow'],
          [TEXTS.a],
          'painted in B (CSS highlight)',
        );
        const count = await waitFor(
          () => shadowB.texts('[data-testid="count-4"]'),
          (l) => l[0] === '1',
          { what: 'punkt 4 counts 1 annotation in B’s panel', timeout: SYNC_MS },
        );
        assert.equal(count[0], '1');
        const listed = await shadowB.evaluate(function () {
          return this.querySelectorAll('[data-testid="annotation-list"] button[data-annotation-id]').length;
        });
        assert.equal(listed, 1, 'listed in B’s panel');

        // B highlights too: A gets it.
        await highlight(b, TEXTS.b);
        await synced(a, 2, 'after the highlight in B');
        assert.deepEqual(
          (await paintedTexts(a)).sort(),
          [TEXTS.a, TEXTS.b].sort(),
          'A paints both (its own and B’s)',
        );

        // Delete in A (panel list → editor → Delete): gone from B.
        const id = (await storedFor(api, url)).find((x) => x.quote === TEXTS.a)?.id;
        assert.ok(id, `"${TEXTS.a}" is stored`);
        await a.bringToFront();
        const shadowA = panel(a);
        await openPanel(shadowA);
        await shadowA.click(`[data-testid="annotation-list"] button[data-annotation-id="${id}"]`);
        const tb = toolbar(a);
        await waitFor(() => tb.isVisible('[data-testid="delete"]'), Boolean, {
          what: 'the editor with Delete',
        });
        await tb.click('[data-testid="delete"]');
        await waitCounts(a, { annotations: 1 }, 'after the delete in A');
        await synced(b, 1, 'after the delete in A');
        assert.deepEqual(await paintedTexts(b), [TEXTS.b], 'B no longer paints the deleted highlight');
        await waitFor(
          () => shadowB.texts('[data-testid="count-4"]'),
          (l) => l[0] === '1',
          { what: 'B’s panel counts 1', timeout: SYNC_MS },
        );

        // Undo in A: back in B.
        await waitFor(() => tb.isVisible('[data-testid="undo"]'), Boolean, { what: 'the undo toast in A' });
        await tb.click('[data-testid="undo"]');
        await waitCounts(a, { annotations: 2 }, 'after undo in A');
        await synced(b, 2, 'after undo in A');
        assert.deepEqual((await paintedTexts(b)).sort(), [TEXTS.a, TEXTS.b].sort(), 'B paints it again');
        await tb.dispose();
        await shadowA.dispose();
        await shadowB.dispose();
      } finally {
        await a.close();
        await b.close();
      }
    },
  );

  test(
    'edits and deletes from an extension page (the dashboard) reach an open reader, also after the service worker restarted',
    T,
    async () => {
      const url = freshUrl(site);
      const page = await open(ext.context, url);
      try {
        await highlight(page, TEXTS.a);
        const [stored] = await storedFor(api, url);
        assert.ok(stored, 'stored');

        // Recolour and note from the extension page, as the dashboard does.
        const edited = { ...stored, color: 'pink', note: 'fra dashboardet', modified: stored.modified + 1 };
        await sendOk(api, { type: 'annotations/upsert', annotation: edited });
        await waitFor(
          () => cssHighlights(page),
          (hl) => hl['sagsspor-pink']?.[0] === TEXTS.a && !hl['sagsspor-yellow']?.length,
          { what: 'the highlight repainted pink in the reader', timeout: SYNC_MS },
        );

        // The service worker is stopped (idle): it forgets which frames loaded annotations,
        // and finds the reader's tab again by its site.
        const stop = await stopServiceWorker(ext.context, ext.extensionId, api.page);
        assert.ok(stop.stopped, `the service worker stopped (statuses: ${stop.statuses.join(' → ')})`);
        await sendOk(api, { type: 'annotations/renameTag', from: 'x', to: 'y' }); // wakes it, changes nothing
        await sendOk(api, { type: 'annotations/delete', id: stored.id });
        await synced(page, 0, 'after the delete from the extension page');
        assert.deepEqual(await paintedTexts(page), [], 'no longer painted');
      } finally {
        await page.close();
      }
    },
  );
});
