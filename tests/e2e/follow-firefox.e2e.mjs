// Smoke test in real Firefox ESR with the MV2 build (issue 4): follow a punkt's
// case from the popup, open another committee's meeting with the same case
// number, and see "+1" on the toolbar badge and the new count in the popup.
// (The full scenario, timeline included, runs in Chromium: follow.e2e.mjs.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { waitReady } from '../../scripts/lib/annotate.mjs';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { FOLLOW_CASE, FOLLOW_PUNKT, OTHER_COMMITTEE_URL, otherCommitteePage } from './fixtures/variants.mjs';
import { fixture, norm, testSite, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const FIRST = fixture('000-aabendagsorden.html');
const CASE_KEY = `ballerup:${FOLLOW_CASE}`;

describe('Firefox ESR: follow a case across meetings (smoke)', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefox>>} */
  let ff;
  const site = testSite().add(OTHER_COMMITTEE_URL, { body: otherCommitteePage() });
  before(async () => {
    ff = await launchFirefox({ site });
  });
  after(async () => {
    await ff?.close();
  });

  test('follow from the popup → "+1" badge and new count on another committee’s meeting', T, async () => {
    const first = await ff.newPage();
    await first.goto(FIRST.url, { waitUntil: 'load' });
    await waitReady(first, FIRST.truth.punkter.length, 'Firefox');
    const popup = await ff.openExtensionPage(`popup.html?tab=${await ff.tabId(first)}`);
    const selector = `button[data-follow-punkt="${FOLLOW_PUNKT}"]`;
    await waitFor(
      () => popup.evaluate((s) => document.querySelector(s)?.getAttribute('aria-pressed') ?? null, selector),
      (v) => v === 'false',
      { what: 'the popup’s follow toggle' },
    );
    await popup.evaluate((s) => document.querySelector(s).click(), selector);
    await waitFor(
      () => popup.evaluate((s) => document.querySelector(s)?.getAttribute('aria-pressed') ?? null, selector),
      (v) => v === 'true',
      { what: 'followed' },
    );
    await popup.close();

    const second = await ff.newPage();
    await second.goto(OTHER_COMMITTEE_URL, { waitUntil: 'load' });
    await waitReady(second, FIRST.truth.punkter.length, 'Firefox: the other committee');
    const badge = await waitFor(
      () => ff.badgeText(second),
      (b) => b === '+1',
      { what: 'the tab badge "+1"' },
    );
    assert.equal(badge, '+1');

    const popup2 = await ff.openExtensionPage(`popup.html?tab=${await ff.tabId(second)}`);
    const count = await waitFor(
      () =>
        popup2.evaluate(
          (key) =>
            document.querySelector(
              `[data-testid="followed-list"] [data-case-key="${key}"] [data-testid="new-count"]`,
            )?.textContent ?? null,
          CASE_KEY,
        ),
      (t) => norm(t) === '1',
      { what: 'new-count "1" in the popup' },
    );
    assert.equal(norm(count), '1');
    await popup2.close();
    await second.close();
    await first.close();
  });
});
