// End-to-end in real Chromium (issue 4): follow a case in one meeting (the
// popup's "Følg sag"), open another committee's meeting with the same case
// number, and see the new appearance in the toolbar badge, in the popup and in
// the dashboard's timeline of the case.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openApiPage, openPanel, sendOk, waitReady } from '../../scripts/lib/annotate.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { ClosedShadow } from '../../scripts/lib/shadow.mjs';
import {
  FOLLOW_CASE,
  FOLLOW_PUNKT,
  OTHER_COMMITTEE,
  OTHER_COMMITTEE_URL,
  OTHER_DATE,
  otherCommitteePage,
} from './fixtures/variants.mjs';
import { fixture, norm, testSite, VISIBLE_TEXT, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const FIRST = fixture('000-aabendagsorden.html');
const CASE_KEY = `ballerup:${FOLLOW_CASE}`;

describe('Chromium: follow a case across meetings (issue 4)', () => {
  /** @type {Awaited<ReturnType<typeof launchChromium>>} */
  let ext;
  const site = testSite().add(OTHER_COMMITTEE_URL, { body: otherCommitteePage() });

  before(async () => {
    ext = await launchChromium({ site });
  });
  after(async () => {
    await ext?.close();
  });

  test(
    'follow in one meeting → new appearance in another committee shows in badge, popup and timeline',
    T,
    async () => {
      const api = await openApiPage(ext.context, ext.extensionId);
      // 1. A meeting of Erhvervs-, Beskæftigelses- og Uddannelsesudvalget; follow punkt 3's case from the popup.
      const first = await ext.context.newPage();
      await first.goto(FIRST.url);
      await waitReady(first, FIRST.truth.punkter.length, FIRST.file);
      const firstTab = await ext.tabId(first);
      const popup = await ext.context.newPage();
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${firstTab}`);
      const follow = popup.locator(`button[data-follow-punkt="${FOLLOW_PUNKT}"]`);
      await follow.waitFor({ timeout: 10_000 });
      assert.equal(await follow.getAttribute('aria-pressed'), 'false');
      await follow.click();
      await waitFor(
        () => follow.getAttribute('aria-pressed'),
        (v) => v === 'true',
        {
          what: 'the follow toggle pressed',
        },
      );
      await waitFor(
        () => popup.locator(`[data-testid="followed-list"] [data-case-key="${CASE_KEY}"]`).count(),
        (n) => n === 1,
        { what: `the popup lists ${CASE_KEY} as followed` },
      );
      await popup.close();
      const followed = await sendOk(api, { type: 'follows/list' });
      assert.deepEqual(
        followed.follows.map((f) => f.caseKey),
        [CASE_KEY],
      );
      assert.equal(followed.totalNew, 0, 'nothing new yet');

      // 2. Another committee's meeting (another date) with the same case number.
      const second = await ext.context.newPage();
      await second.goto(OTHER_COMMITTEE_URL);
      await waitReady(second, FIRST.truth.punkter.length, 'the other committee');

      // Badge: the tab that revealed it shows "+1"; the global badge the total.
      const badge = await waitFor(
        () => ext.badgeText(second),
        (b) => b === '+1',
        { what: 'the tab badge "+1" (one new appearance of a followed case)' },
      ).catch(async (e) => {
        const global = await ext.inWorker(() => chrome.action.getBadgeText({}));
        throw new Error(`${e.message}; global badge: "${global}"`);
      });
      assert.equal(badge, '+1');
      assert.equal(
        await ext.inWorker(() => chrome.action.getBadgeText({})),
        '1',
        'the global badge counts 1 new',
      );

      // Popup: the followed case has one new appearance.
      const secondTab = await ext.tabId(second);
      const popup2 = await ext.context.newPage();
      await popup2.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${secondTab}`);
      const row = popup2.locator(`[data-testid="followed-list"] [data-case-key="${CASE_KEY}"]`);
      await row.waitFor({ timeout: 10_000 });
      const count = await waitFor(
        () => row.locator('[data-testid="new-count"]').textContent({ timeout: 500 }),
        (t) => norm(t) === '1',
        { what: 'new-count "1" in the popup row' },
      );
      assert.equal(norm(count), '1');
      const rowText = norm(await row.textContent());
      assert.ok(rowText.includes(OTHER_COMMITTEE), `the row names the latest committee: "${rowText}"`);

      // Timeline: clicking the row opens the dashboard at the case; both meetings are there.
      const [dash] = await Promise.all([
        ext.context.waitForEvent('page', { timeout: 10_000 }),
        row.locator('button.followed-open').click(),
      ]);
      await dash.waitForLoadState();
      assert.ok(
        dash.url().startsWith(`chrome-extension://${ext.extensionId}/dashboard.html#/case/`),
        `opened ${dash.url()}`,
      );
      const dates = await waitFor(
        () =>
          dash.evaluate(() =>
            [
              ...document.querySelectorAll(
                '[data-testid="timeline"] [data-appearance][data-source="visited"]',
              ),
            ].map((li) => li.getAttribute('data-date')),
          ),
        (d) => d.length >= 2,
        { what: 'two visited appearances in the timeline' },
      );
      assert.deepEqual(dates, [FIRST.truth.date, OTHER_DATE], 'both meetings, in date order');
      const text = norm(await dash.evaluate(VISIBLE_TEXT));
      assert.ok(text.includes(norm(FIRST.truth.committee)), 'the first committee is named');
      assert.ok(text.includes(OTHER_COMMITTEE), 'the other committee is named');
      assert.ok(text.includes('Taget til efterretning'), 'the decision is shown');

      // Seen: opening the timeline clears the new mark.
      const seen = await waitFor(
        () => sendOk(api, { type: 'follows/list' }),
        (r) => r.totalNew === 0,
        { what: 'the case marked seen' },
      );
      assert.equal(seen.totalNew, 0);
      await dash.close();

      // The popup's search finds the case by a word of its title (answered by the background's indexes).
      const popup3 = await ext.context.newPage();
      await popup3.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${secondTab}`);
      await popup3.locator('input[data-testid="search"]').fill('DALO');
      const hit = popup3.locator(
        `[data-testid="search-results"] [data-result="punkt"][data-case-key="${CASE_KEY}"]`,
      );
      await hit.first().waitFor({ timeout: 10_000 });
      assert.ok((await hit.count()) >= 2, 'the case’s punkt in both meetings is found');

      // Unfollow has undo.
      await popup3.locator('input[data-testid="search"]').fill('');
      const row3 = popup3.locator(`[data-testid="followed-list"] [data-case-key="${CASE_KEY}"]`);
      await row3.locator('[data-testid="unfollow"]').click({ timeout: 10_000 });
      await waitFor(
        () => sendOk(api, { type: 'follows/list' }),
        (r) => r.follows.length === 0,
        { what: 'unfollowed' },
      );
      await popup3.locator('[data-testid="toast"] [data-testid="undo"]').click({ timeout: 5000 });
      const back = await waitFor(
        () => sendOk(api, { type: 'follows/list' }),
        (r) => r.follows.length === 1,
        { what: 'followed again after undo' },
      );
      assert.equal(back.follows[0]?.caseKey, CASE_KEY);
      await popup3.close();
      await second.close();
      await first.close();
      await api.close();
    },
  );
});

describe('Chromium: follow from the in-page outline (issue 4)', () => {
  /** @type {Awaited<ReturnType<typeof launchChromium>>} */
  let ext;
  const site = testSite().add(OTHER_COMMITTEE_URL, { body: otherCommitteePage() });
  before(async () => {
    ext = await launchChromium({ site });
  });
  after(async () => {
    await ext?.close();
  });

  const pressed = (shadow) =>
    shadow.evaluate(function (n) {
      return this.querySelector(`button[data-follow-punkt="${n}"]`)?.getAttribute('aria-pressed') ?? null;
    }, FOLLOW_PUNKT);

  test(
    'the outline’s follow toggle; the other meeting flags the punkt as new and badges "+1"',
    T,
    async () => {
      const first = await ext.context.newPage();
      await first.goto(FIRST.url);
      await waitReady(first, FIRST.truth.punkter.length, FIRST.file);
      const shadow = new ClosedShadow(first);
      await openPanel(shadow);
      await waitFor(
        () => pressed(shadow),
        (v) => v === 'false',
        { what: 'an outline follow toggle for punkt 3' },
      );
      await shadow.click(`button[data-follow-punkt="${FOLLOW_PUNKT}"]`);
      await waitFor(
        () => pressed(shadow),
        (v) => v === 'true',
        { what: 'the outline toggle pressed' },
      );
      // Unfollowed and followed again elsewhere (as the popup or dashboard do): the open outline
      // follows without a reload.
      const api = await openApiPage(ext.context, ext.extensionId);
      await sendOk(api, { type: 'follows/unfollow', caseKey: CASE_KEY });
      await waitFor(
        () => pressed(shadow),
        (v) => v === 'false',
        { what: 'the outline toggle released after an unfollow in the popup', timeout: 3000 },
      );
      await sendOk(api, { type: 'follows/undoUnfollow', caseKey: CASE_KEY });
      await waitFor(
        () => pressed(shadow),
        (v) => v === 'true',
        { what: 'the outline toggle pressed again after undo in the popup', timeout: 3000 },
      );
      await api.close();
      await shadow.dispose();

      const second = await ext.context.newPage();
      await second.goto(OTHER_COMMITTEE_URL);
      await waitReady(second, FIRST.truth.punkter.length, 'the other committee');
      await waitFor(
        () => ext.badgeText(second),
        (b) => b === '+1',
        { what: 'the tab badge "+1"' },
      );
      const shadow2 = new ClosedShadow(second);
      await openPanel(shadow2);
      await waitFor(() => shadow2.isVisible(`[data-testid="new-${FOLLOW_PUNKT}"]`), Boolean, {
        what: `punkt ${FOLLOW_PUNKT} flagged as a new appearance in the outline`,
      });
      assert.equal(await pressed(shadow2), 'true', 'followed here too (the same case)');
      await shadow2.dispose();
      await second.close();
      await first.close();
    },
  );
  test(
    'topics (a phrase and a KLE main group) flag matching punkter in the outline and count in the popup',
    T,
    async () => {
      const popup = await ext.context.newPage();
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      const form = popup.locator('[data-testid="topics"] form');
      await form.locator('input.topic-value').fill('Klimapris', { timeout: 10_000 });
      await form.locator('button[type="submit"]').click();
      await popup.locator('[data-testid="topics"] [data-topic-id]').first().waitFor({ timeout: 10_000 });
      await form.locator('select').first().selectOption('kle');
      await form.locator('select.topic-value').selectOption('24');
      await form.locator('button[type="submit"]').click();
      await waitFor(
        () => popup.locator('[data-testid="topics"] [data-topic-id]').count(),
        (n) => n === 2,
        { what: 'two topics listed' },
      );

      // A page visited after: punkt 4 (Klimapris 2023, case 24.00.00-G01-14-23) matches both,
      // punkt 3 (case 24.00.00-G01-16-23) the KLE group 24 only.
      const page = await ext.context.newPage();
      await page.goto(OTHER_COMMITTEE_URL);
      await waitReady(page, FIRST.truth.punkter.length, 'the other committee');
      const shadow = new ClosedShadow(page);
      await openPanel(shadow);
      const flags = await waitFor(
        () =>
          shadow.evaluate(function () {
            const out = {};
            for (const el of this.querySelectorAll('[data-testid^="topic-"]')) {
              const n = el.getAttribute('data-testid').slice('topic-'.length);
              out[n] = (out[n] ?? 0) + 1;
            }
            return out;
          }),
        (f) => f?.['4'] === 2 && f?.['3'] === 1,
        { what: 'topic flags: punkt 4 × 2, punkt 3 × 1' },
      );
      assert.equal(Object.keys(flags).length, 2, `only punkter 3 and 4 flagged: ${JSON.stringify(flags)}`);
      await shadow.dispose();

      await popup.reload();
      const counts = await waitFor(
        () => popup.locator('[data-testid="topics"] [data-topic-id] .topic-count').allTextContents(),
        (c) => c.length === 2 && c.every((x) => Number(norm(x)) > 0),
        { what: 'match counts for both topics' },
      );
      assert.ok(counts.length === 2, JSON.stringify(counts));
      await page.close();
      await popup.close();
    },
  );
});
