// Live sync in real Firefox ESR with the MV2 build (smoke; the full test is
// sync.e2e.mjs in Chromium): a highlight made in one tab appears in a second
// tab on the same meeting without a reload, and a delete made from an
// extension page removes it from both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { paintedTexts, selectText, waitCounts, waitHost, waitReady } from '../../scripts/lib/annotate.mjs';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { originalPage } from './fixtures/variants.mjs';
import { fixture, testSite, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const URL = 'https://dagsorden.ballerup.dk/meeting/9107101';
const PUNKTER = fixture('000-aabendagsorden.html').truth.punkter.length;
const TEXT = 'hylde lokale virksomheder';
const SYNC_MS = 3000;

describe('Firefox ESR: live sync between tabs (smoke)', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefox>>} */
  let ff;
  const site = testSite().add(URL, { body: originalPage(25) });
  before(async () => {
    ff = await launchFirefox({ site });
  });
  after(async () => {
    await ff?.close();
  });

  test(
    'a highlight in tab A appears in tab B; a delete from an extension page removes it from both',
    T,
    async () => {
      const a = await ff.newPage();
      const b = await ff.newPage();
      try {
        for (const p of [a, b]) {
          await p.goto(URL, { waitUntil: 'load' });
          await waitReady(p, PUNKTER, 'Firefox');
        }
        await a.bringToFront();
        assert.equal(await selectText(a, { text: TEXT }), TEXT);
        await new Promise((r) => setTimeout(r, 400)); // the selection is captured after a short debounce
        await a.keyboard.press('h');
        await waitCounts(a, { annotations: 1 }, 'Firefox: the highlight stored');

        await waitHost(b, (s) => s.annotations === '1', 'tab B shows tab A’s highlight', SYNC_MS);
        const painted = await waitFor(
          () => paintedTexts(b),
          (p) => p.includes(TEXT),
          { what: 'painted in tab B', timeout: SYNC_MS },
        );
        assert.ok(painted.includes(TEXT));

        // Deleted from an extension page (as the dashboard does): gone from both tabs.
        const id = await ff.inExtension(async (url) => {
          const r = await browser.runtime.sendMessage({ type: 'annotations/list', filter: {} });
          return r.annotations.find((x) => x.page.url === url)?.id ?? null;
        }, URL);
        assert.ok(id, 'stored');
        const del = await ff.inExtension(
          (i) => browser.runtime.sendMessage({ type: 'annotations/delete', id: i }),
          id,
        );
        assert.equal(del.ok, true);
        for (const [p, name] of [
          [a, 'A'],
          [b, 'B'],
        ]) {
          await waitHost(p, (s) => s.annotations === '0', `tab ${name} drops the deleted highlight`, SYNC_MS);
          assert.deepEqual(await paintedTexts(p), [], `tab ${name} paints nothing`);
        }
      } finally {
        await a.close();
        await b.close();
      }
    },
  );
});
