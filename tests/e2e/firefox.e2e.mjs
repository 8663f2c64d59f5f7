// End-to-end in real Firefox ESR with the MV2 build (puppeteer-core over
// WebDriver BiDi): recognise → outline, badge and popup.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import {
  coreTitle,
  fixture,
  HOST_STATE,
  negativeFixtures,
  norm,
  testSite,
  VISIBLE_TEXT,
  waitFor,
  XSS_TEXT,
  XSS_URL,
} from './helpers.mjs';

const T = { timeout: 45_000 };
/** @type {Awaited<ReturnType<typeof launchFirefox>>} */
let ff;

const site = testSite();

before(async () => {
  ff = await launchFirefox({ site });
});
after(async () => {
  await ff?.close();
});

describe('Firefox ESR: recognise → outline', () => {
  for (const file of ['000-aabendagsorden.html', '001-firstagenda.html', '002-meetingsplus.html']) {
    test(file, T, async () => {
      const fx = fixture(file);
      const n = fx.truth.punkter.length;
      const page = await ff.newPage();
      try {
        await page.goto(fx.url, { waitUntil: 'load' });
        await waitFor(
          () => page.evaluate(HOST_STATE),
          (s) => s?.punkter === String(n),
          {
            what: `${file}: <sagsspor-root data-punkter="${n}">`,
          },
        );
        const badge = await waitFor(
          () => ff.badgeText(page),
          (b) => b === String(n),
          { what: `badge "${n}"` },
        );
        assert.equal(badge, String(n));

        const tabId = await ff.tabId(page);
        const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
        try {
          await waitFor(
            () => popup.evaluate(VISIBLE_TEXT),
            (t) => fx.truth.punkter.every((p) => norm(t).includes(coreTitle(p.title))),
            { what: 'popup listing every punkt title' },
          );
        } finally {
          await popup.close();
        }
      } finally {
        await page.close();
      }
    });
  }

  test('markup in a punkt title shows as text in the popup, and nothing runs', T, async () => {
    const page = await ff.newPage();
    try {
      await page.goto(XSS_URL, { waitUntil: 'load' });
      await waitFor(
        () => page.evaluate(HOST_STATE),
        (s) => Number(s?.punkter) > 0,
        { what: 'recognised' },
      );
      const popup = await ff.openExtensionPage(`popup.html?tab=${await ff.tabId(page)}`);
      try {
        await waitFor(
          () => popup.evaluate(VISIBLE_TEXT),
          (t) => t.includes(XSS_TEXT),
          { what: 'popup shows the markup as text' },
        );
        assert.equal(
          await popup.evaluate(() => document.querySelectorAll('img').length),
          0,
          'no <img> in the popup',
        );
      } finally {
        await popup.close();
      }
      assert.equal(
        await page.evaluate(() => document.documentElement.dataset.xss ?? null),
        null,
        'no handler ran',
      );
      assert.deepEqual(
        site.requests.filter((u) => /\/x$/.test(u)),
        [],
        'the fake image was never requested',
      );
    } finally {
      await page.close();
    }
  });

  test('an ordinary page gets no punkter and no badge', T, async () => {
    const fx = negativeFixtures.find((f) => new URL(f.url).hostname.endsWith('.dk')) ?? negativeFixtures[0];
    const page = await ff.newPage();
    try {
      await page.goto(fx.url, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 2000));
      const state = await page.evaluate(HOST_STATE);
      assert.ok(!state?.punkter || state.punkter === '0', `no punkter: ${JSON.stringify(state)}`);
      assert.equal(await ff.badgeText(page), '');
    } finally {
      await page.close();
    }
  });
});
