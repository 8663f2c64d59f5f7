// Smoke test in real Firefox ESR with the MV2 build (issue 3): a highlight made
// with `h` on a selection is stored by the background and painted again after
// a reload. (The full reliability suite runs in Chromium: annotate.e2e.mjs.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hostState, paintedTexts, selectText, waitCounts, waitReady } from '../../scripts/lib/annotate.mjs';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { originalPage } from './fixtures/variants.mjs';
import { fixture, testSite, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const URL = 'https://dagsorden.ballerup.dk/meeting/9107001';
const PUNKTER = fixture('000-aabendagsorden.html').truth.punkter.length;
const TEXT = 'hylde lokale virksomheder';

describe('Firefox ESR: annotations (smoke)', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefox>>} */
  let ff;
  const site = testSite().add(URL, { body: originalPage(26) });
  before(async () => {
    ff = await launchFirefox({ site });
  });
  after(async () => {
    await ff?.close();
  });

  test('highlight with h; back after a reload', T, async () => {
    const page = await ff.newPage();
    try {
      await page.goto(URL, { waitUntil: 'load' });
      await waitReady(page, PUNKTER, 'Firefox');
      assert.equal(await selectText(page, { text: TEXT }), TEXT);
      await new Promise((r) => setTimeout(r, 400)); // the selection is captured after a short debounce
      await page.keyboard.press('h');
      await waitCounts(page, { annotations: 1 }, 'Firefox: the highlight stored');
      assert.ok((await paintedTexts(page)).includes(TEXT), 'painted (CSS highlight or wrapper)');

      await page.reload({ waitUntil: 'load' });
      await waitReady(page, PUNKTER, 'Firefox after reload');
      await waitCounts(page, { annotations: 1 }, 'Firefox after reload');
      const painted = await waitFor(
        () => paintedTexts(page),
        (p) => p.includes(TEXT),
        { what: 'painted again after the reload' },
      );
      assert.ok(painted.includes(TEXT));
      assert.equal((await hostState(page)).orphans, '0');
    } finally {
      await page.close();
    }
  });
});
