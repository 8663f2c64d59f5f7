// End-to-end in real Chromium (MV3 build): "Always read minutes on <host>" for a site outside *.dk.
//
// The browser's permission prompt cannot be answered from a test (headless Chromium waits for it
// forever), so this loads a copy of the build whose manifest already holds the test site's host
// permission: `permissions.request` then answers true at once and the popup's whole flow runs —
// click → request → sites/enable → registered detector → reader. Everything else (the *.dk
// content script, the optional `*://*/*`) is the real manifest. The real optional permission
// (granted and revoked, `permissions.onAdded/onRemoved`) runs in sites-firefox.e2e.mjs, where a
// Firefox pref answers the prompt; and in tests/unit/background/sites.test.ts.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium, makeWorkDir } from '../../scripts/lib/chromium.mjs';
import { chromeBuildDir } from '../../scripts/lib/paths.mjs';
import { Site } from '../../scripts/lib/site.mjs';
import { fixture, HOST_STATE, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const HOST = 'minutes.example.org';
const OTHER = 'other.example.net';
const fx = fixture('000-aabendagsorden.html');
const N = fx.truth.punkter.length;
/** Several meetings on the site: every visit is a fresh document. */
const url = (host, n) => `https://${host}/meeting/${9105328 + n}`;
const site = new Site();
for (let n = 0; n < 8; n++) {
  site.add(url(HOST, n), { path: fx.path });
  site.add(url(OTHER, n), { path: fx.path });
}
/** How long a page on a site that is not switched on gets to prove it stays unread. */
const QUIET_MS = 3000;

/** @type {Awaited<ReturnType<typeof launchChromium>>} */
let ext;
let buildCopy = '';
let workDir = '';

before(async () => {
  buildCopy = mkdtempSync(join(tmpdir(), 'sagsspor-sites-build-'));
  cpSync(chromeBuildDir, buildCopy, { recursive: true });
  const manifestPath = join(buildCopy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.deepEqual(manifest.host_permissions, ['*://*.dk/*'], 'the real manifest asks for *.dk only');
  assert.ok(manifest.optional_host_permissions.includes('*://*/*'), 'other sites are optional');
  assert.ok(
    manifest.content_scripts.every((c) => c.matches.every((m) => m === '*://*.dk/*')),
    'the manifest runs the detector on *.dk only',
  );
  manifest.host_permissions.push(`*://${HOST}/*`); // the permission the prompt would grant
  writeFileSync(manifestPath, JSON.stringify(manifest));
  workDir = makeWorkDir();
  ext = await launchChromium({ site, extensionDir: buildCopy, workDir });
});
after(async () => {
  await ext?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
  if (buildCopy) rmSync(buildCopy, { recursive: true, force: true, maxRetries: 3 });
});

/** Waits until the reader recognised every punkt of the page. */
const recognised = (page, what) =>
  waitFor(
    () => page.evaluate(HOST_STATE),
    (s) => s?.punkter === String(N),
    { what: `${what}: <sagsspor-root data-punkter="${N}">`, timeout: 15_000 },
  );

/** Opens a page and checks that, for QUIET_MS, nothing reads it. */
async function assertNotRead(pageUrl, why) {
  const page = await ext.context.newPage();
  try {
    await page.goto(pageUrl);
    await page.waitForTimeout(QUIET_MS);
    assert.equal(await page.evaluate(HOST_STATE), null, `${pageUrl} is not read (${why})`);
  } finally {
    await page.close();
  }
}

/** The popup as a tab, about the tab of `page`. */
async function openPopup(page) {
  const tabId = await ext.tabId(page);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

const ourScripts = () =>
  ext.inWorker(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith('sagsspor-site:')),
  );
const storedSites = () =>
  ext.inWorker(async () => (await chrome.storage.local.get('sites/enabled'))['sites/enabled'] ?? []);

describe('Chromium: always read minutes on a site outside *.dk', () => {
  test('not read before the site is switched on', T, async () => {
    await assertNotRead(url(HOST, 0), 'not switched on yet');
    assert.deepEqual(await ourScripts(), []);
  });

  test('the popup switches the site on: the open tab, then every fresh visit is read', T, async () => {
    const page = await ext.context.newPage();
    await page.goto(url(HOST, 1));
    const popup = await openPopup(page);
    try {
      const enable = popup.locator('[data-testid="site-enable"]');
      await enable.waitFor({ timeout: 10_000 });
      assert.match((await enable.textContent()) ?? '', new RegExp(HOST.replaceAll('.', '\\.')));
      assert.equal(await popup.locator('[data-testid="read-anyway"]').count(), 1, 'next to "read anyway"');
      // Keyboard: focus the button and press Enter (a user gesture, as the permission request needs).
      await enable.focus();
      await popup.keyboard.press('Enter');
      await popup.locator('[data-testid="site-disable"]').waitFor({ timeout: 10_000 });
      assert.match(
        (await popup.locator('[data-testid="site-note"]').textContent()) ?? '',
        /minutes|referater/,
      );

      // The detector ran in the open tab right away: no reload needed.
      await recognised(page, 'the open tab after switching on');
      // And the popup, looking again, shows the meeting.
      await waitFor(
        () => popup.evaluate(() => document.querySelector('[data-testid="popup"]')?.dataset.state),
        (s) => s === 'recognised',
        { what: 'the popup shows the recognised meeting' },
      );
    } finally {
      await popup.close();
      await page.close();
    }

    const scripts = await ourScripts();
    assert.equal(scripts.length, 1);
    assert.deepEqual(scripts[0].matches, [`*://${HOST}/*`]);
    assert.equal(scripts[0].persistAcrossSessions, true);
    assert.deepEqual(await storedSites(), [HOST]);

    // A fresh visit: the registered detector recognises it, the toolbar shows the count.
    const fresh = await ext.context.newPage();
    try {
      await fresh.goto(url(HOST, 2));
      await recognised(fresh, 'a fresh visit');
      await waitFor(
        () => ext.badgeText(fresh),
        (t) => t === String(N),
        { what: `badge "${N}"` },
      );
    } finally {
      await fresh.close();
    }
    // Only that site.
    await assertNotRead(url(OTHER, 0), 'another site stays off');
  });

  test('still on after a browser restart (persistent registration)', T, async () => {
    await ext.close();
    ext = await launchChromium({ site, extensionDir: buildCopy, workDir });
    const page = await ext.context.newPage();
    try {
      await page.goto(url(HOST, 3));
      await recognised(page, 'a visit after the restart');
    } finally {
      await page.close();
    }
    assert.equal((await ourScripts()).length, 1, 'one registration, not a second one at start-up');
  });

  test('the popup switches the site off again', T, async () => {
    const page = await ext.context.newPage();
    await page.goto(url(HOST, 4));
    await recognised(page, 'a page on the site');
    const popup = await openPopup(page);
    try {
      const disable = popup.locator('[data-testid="site-disable"]');
      await disable.waitFor({ timeout: 10_000 });
      await disable.click();
      await popup.locator('[data-testid="site-enable"]').waitFor({ timeout: 10_000 });
    } finally {
      await popup.close();
      await page.close();
    }
    assert.deepEqual(await ourScripts(), []);
    assert.deepEqual(await storedSites(), []);
    await assertNotRead(url(HOST, 5), 'switched off');
  });

  test("the dashboard's settings list the site; Remove switches it off", T, async () => {
    // On again, from the popup.
    const page = await ext.context.newPage();
    await page.goto(url(HOST, 6));
    const popup = await openPopup(page);
    try {
      await popup.locator('[data-testid="site-enable"]').click();
      await recognised(page, 'switched on again');
    } finally {
      await popup.close();
      await page.close();
    }
    const dash = await ext.context.newPage();
    try {
      await dash.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/`);
      const remove = dash.locator(`[data-testid="dash-sites"] li[data-host="${HOST}"] button`);
      await remove.waitFor({ timeout: 10_000 });
      assert.match((await remove.getAttribute('aria-label')) ?? '', new RegExp(HOST.replaceAll('.', '\\.')));
      await remove.focus();
      await dash.keyboard.press('Enter');
      await dash.locator(`[data-testid="dash-sites"] li[data-host="${HOST}"]`).waitFor({ state: 'detached' });
    } finally {
      await dash.close();
    }
    assert.deepEqual(await ourScripts(), []);
    assert.deepEqual(await storedSites(), []);
    await assertNotRead(url(HOST, 7), 'removed in the dashboard');
  });
});
