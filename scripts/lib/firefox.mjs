// Firefox ESR with the MV2 build, driven by puppeteer-core over WebDriver BiDi
// (see ../shared/TOOLCHAIN.md). Pages are served at their real URLs through
// request interception, so the content script's *.dk match applies as on the web.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIREFOX_PATH } from './browsers.mjs';
import { firefoxBuildDir } from './paths.mjs';

/** Fixed internal UUID, so moz-extension://<uuid>/popup.html is known in advance. */
export const FIREFOX_EXTENSION_UUID = '5a9f1c3e-7b2d-4e6a-9c8b-0d1e2f3a4b5c';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `prefs`: extra Firefox preferences (e.g. `extensions.webextOptionalPermissionPrompts: false`).
 * @param {{ extensionDir?: string, headless?: boolean, site?: import('./site.mjs').Site, prefs?: Record<string, unknown> }} [opts]
 */
export async function launchFirefox({
  extensionDir = firefoxBuildDir,
  headless = true,
  site,
  prefs = {},
} = {}) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      // keep the closed network quiet
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'browser.safebrowsing.downloads.remote.enabled': false,
      ...prefs,
    },
  });
  // A private copy of the build, so a rebuild in the checkout cannot disturb the run.
  const loadedDir = mkdtempSync(join(tmpdir(), 'sagsspor-firefox-ext-'));
  cpSync(extensionDir, loadedDir, { recursive: true });
  await browser.installExtension(loadedDir);
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;

  return {
    browser,
    uuid: FIREFOX_EXTENSION_UUID,
    extensionBase: base,

    /** A new tab whose http(s) requests are answered by `site` (404 otherwise). */
    async newPage() {
      const page = await browser.newPage();
      if (site) {
        await page.setRequestInterception(true);
        page.on('request', (req) => {
          const url = req.url();
          if (!/^https?:/.test(url)) return void req.continue();
          const res = site.respond(url);
          req.respond({ status: res.status, contentType: res.contentType, body: res.body });
        });
      }
      return page;
    },

    /**
     * Opens an extension page (e.g. 'popup.html?tab=3'). Navigation to
     * moz-extension:// does not report completion over BiDi, so poll instead.
     */
    async openExtensionPage(path, { timeout = 10_000 } = {}) {
      const page = await browser.newPage();
      const url = base + path;
      page.goto(url).catch(() => {});
      const until = Date.now() + timeout;
      while (Date.now() < until) {
        try {
          const ready = await page.evaluate(
            (u) => location.href === u && document.readyState === 'complete' && typeof browser === 'object',
            url,
          );
          if (ready) return page;
        } catch {
          // frame still navigating
        }
        await sleep(100);
      }
      throw new Error(`timed out opening ${url}`);
    },

    /** Runs `fn(arg)` in an extension page (browser.* APIs available). */
    async inExtension(fn, arg) {
      this._bg ??= await this.openExtensionPage('popup.html');
      return this._bg.evaluate(fn, arg);
    },

    /** The tab id of a page, by URL. */
    async tabId(page) {
      const url = page.url();
      const tabs = await this.inExtension(() => browser.tabs.query({}));
      const tab =
        tabs.find((t) => t.url === url) ?? tabs.find((t) => t.url?.split('#')[0] === url.split('#')[0]);
      if (tab) return tab.id;
      // Without host permission for the page the URL is hidden: use the active tab.
      await page.bringToFront();
      const [active] = await this.inExtension(() =>
        browser.tabs.query({ active: true, lastFocusedWindow: true }),
      );
      if (active && (active.url === undefined || active.url === url)) return active.id;
      throw new Error(`no tab for ${url} among ${tabs.map((t) => t.url).join(', ')}`);
    },

    /** The toolbar badge text of a page's tab. */
    async badgeText(page) {
      const tabId = await this.tabId(page);
      return this.inExtension(
        (id) => (browser.action ?? browser.browserAction).getBadgeText({ tabId: id }),
        tabId,
      );
    },

    async close() {
      await browser.close().catch(() => {});
      rmSync(loadedDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
