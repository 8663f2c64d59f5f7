// Firefox ESR with the MV2 build: "always read minutes on <host>" through the real optional host
// permission. Firefox's `extensions.webextOptionalPermissionPrompts=false` grants an optional
// permission asked for in a user gesture without showing the prompt, so here the real
// `permissions.request` → sites/enable → `scripting.registerContentScripts` (MV2) path runs, and
// revoking the permission (as in about:addons) cleans the registration up (`permissions.onRemoved`).
//
// The popup's button needs the tab's URL, which Firefox shows an extension page opened as a tab
// only with activeTab (a real toolbar click) or the host permission; so the click here is on an
// extension page that does what the button does. The button itself is covered in Chromium
// (sites.e2e.mjs) and by unit tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { firefoxBuildDir } from '../../scripts/lib/paths.mjs';
import { Site } from '../../scripts/lib/site.mjs';
import { fixture, HOST_STATE, waitFor } from './helpers.mjs';

const T = { timeout: 60_000 };
const HOST = 'minutes.example.org';
const ORIGIN = `*://${HOST}/*`;
const fx = fixture('000-aabendagsorden.html');
const N = fx.truth.punkter.length;
const url = (n) => `https://${HOST}/meeting/${9105328 + n}`;
const site = new Site();
for (let n = 0; n < 8; n++) site.add(url(n), { path: fx.path });
const QUIET_MS = 3000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @type {Awaited<ReturnType<typeof launchFirefox>>} */
let fox;
/** @type {import('puppeteer-core').Page} */
let extPage;

before(async () => {
  const manifest = JSON.parse(readFileSync(join(firefoxBuildDir, 'manifest.json'), 'utf8'));
  assert.ok(manifest.optional_permissions.includes('*://*/*'), 'other sites are optional');
  assert.ok(!manifest.permissions.some((p) => p.includes('example')), 'no test site in the manifest');
  // Grant optional permissions asked for in a user gesture without the prompt.
  fox = await launchFirefox({ site, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  extPage = await fox.openExtensionPage('popup.html');
});
after(async () => {
  await fox?.close();
});

const newPage = () => fox.newPage();

const inExtension = (fn, arg) => extPage.evaluate(fn, arg);

const recognised = (page, what) =>
  waitFor(
    () => page.evaluate(HOST_STATE),
    (s) => s?.punkter === String(N),
    { what: `${what}: <sagsspor-root data-punkter="${N}">`, timeout: 15_000 },
  );

async function assertNotRead(pageUrl, why) {
  const page = await newPage();
  try {
    await page.goto(pageUrl, { waitUntil: 'load' });
    await sleep(QUIET_MS);
    assert.equal(await page.evaluate(HOST_STATE), null, `${pageUrl} is not read (${why})`);
  } finally {
    await page.close();
  }
}

const registered = () =>
  inExtension(async () =>
    (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith('sagsspor-site:')),
  );
const stored = () =>
  inExtension(async () => (await browser.storage.local.get('sites/enabled'))['sites/enabled'] ?? []);

/** What the popup's button does, from a real click: ask for the site, then tell the background. */
async function switchOnByClick(tabId, { send = true } = {}) {
  await extPage.bringToFront();
  const answer = extPage.evaluate(
    ({ origin, host, tabId, send }) =>
      new Promise((resolve) => {
        const button = document.createElement('button');
        button.id = 'sites-test-enable';
        button.textContent = 'enable';
        button.style.cssText = 'position:fixed;top:0;left:0;z-index:99999;width:200px;height:40px';
        button.addEventListener(
          'click',
          () => {
            browser.permissions.request({ origins: [origin] }).then(
              async (granted) => {
                const res =
                  granted && send
                    ? await browser.runtime.sendMessage({ type: 'sites/enable', host, tabId })
                    : null;
                button.remove();
                resolve({ granted, res });
              },
              (e) => resolve({ error: String(e) }),
            );
          },
          { once: true },
        );
        document.body.append(button);
      }),
    { origin: ORIGIN, host: HOST, tabId, send },
  );
  await extPage.waitForSelector('#sites-test-enable');
  await extPage.click('#sites-test-enable');
  return answer;
}

async function tabIdOf(page) {
  await page.bringToFront();
  const [active] = await inExtension(() => browser.tabs.query({ active: true, lastFocusedWindow: true }));
  return active.id;
}

describe('Firefox ESR: always read minutes on a site outside *.dk', () => {
  test('switched on through the optional permission: the open tab and fresh visits are read', T, async () => {
    await assertNotRead(url(0), 'not switched on yet');
    const page = await newPage();
    await page.goto(url(1), { waitUntil: 'load' });
    const tabId = await tabIdOf(page);
    const answer = await switchOnByClick(tabId);
    assert.deepEqual(answer, { granted: true, res: { ok: true } });
    assert.equal(await inExtension((o) => browser.permissions.contains({ origins: [o] }), ORIGIN), true);
    await recognised(page, 'the open tab after switching on');
    await page.close();

    const scripts = await registered();
    assert.equal(scripts.length, 1);
    assert.deepEqual(scripts[0].matches, [ORIGIN]);
    assert.deepEqual(await stored(), [HOST]);

    const fresh = await newPage();
    try {
      await fresh.goto(url(2), { waitUntil: 'load' });
      await recognised(fresh, 'a fresh visit');
    } finally {
      await fresh.close();
    }
  });

  test('revoking the permission (as in about:addons) removes the registration', T, async () => {
    await inExtension((o) => browser.permissions.remove({ origins: [o] }), ORIGIN);
    await waitFor(registered, (s) => s.length === 0, { what: 'registration removed on onRemoved' });
    await waitFor(stored, (h) => h.length === 0, { what: 'site forgotten' });
    await assertNotRead(url(3), 'permission revoked');
  });

  test('switched off from an extension page: unregistered and the permission given back', T, async () => {
    const page = await newPage();
    await page.goto(url(4), { waitUntil: 'load' });
    // Only the permission, no sites/enable (as when Firefox closes the popup for its prompt):
    // permissions.onAdded alone switches the site on and runs the detector in the open tab.
    assert.deepEqual(await switchOnByClick(await tabIdOf(page), { send: false }), {
      granted: true,
      res: null,
    });
    await recognised(page, 'switched on by the permission alone');
    assert.equal((await registered()).length, 1);
    await page.close();
    assert.deepEqual(
      await inExtension((h) => browser.runtime.sendMessage({ type: 'sites/disable', host: h }), HOST),
      {
        ok: true,
      },
    );
    assert.deepEqual(await registered(), []);
    assert.equal(await inExtension((o) => browser.permissions.contains({ origins: [o] }), ORIGIN), false);
    await assertNotRead(url(5), 'switched off');
  });
});
