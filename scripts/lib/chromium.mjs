// Chromium with the unpacked MV3 build, per ../shared/TOOLCHAIN.md.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './browsers.mjs';
import { chromeBuildDir } from './paths.mjs';

/**
 * Routes every http(s) request of the context to `site` (a Site): known pages
 * are fulfilled, anything else gets a 404 — nothing reaches the network.
 */
export async function routeSite(context, site) {
  await context.route(/^https?:/, (route) => {
    const res = site.respond(route.request().url());
    return route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
  });
}

/** A fresh directory for `launchChromium({ workDir })`: one profile to close and relaunch. */
export function makeWorkDir() {
  return mkdtempSync(join(tmpdir(), 'sagsspor-chromium-'));
}

/**
 * Launches Chromium with the extension in a temporary profile.
 * With `workDir` (e.g. from `makeWorkDir()`), the profile and the loaded copy
 * of the extension live there and are KEPT on close: launching again with the
 * same `workDir` is the same browser profile with the same extension id (an
 * unpacked extension's id comes from its path), as after a browser restart.
 * The caller removes the directory (`rmSync(workDir, { recursive: true })`).
 * @param {{ extensionDir?: string, headless?: boolean, site?: import('./site.mjs').Site, args?: string[],
 *   launchOptions?: object, workDir?: string }} [opts]
 */
export async function launchChromium({
  extensionDir = chromeBuildDir,
  headless = true,
  site,
  args = [],
  launchOptions = {},
  workDir: keptDir,
} = {}) {
  // A private copy of the build: a rebuild in the checkout while the browser
  // runs (another terminal, a watcher) must not pull files from under it.
  const workDir = keptDir ?? mkdtempSync(join(tmpdir(), 'sagsspor-chromium-'));
  const removeWorkDir = () => {
    if (!keptDir) rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const profileDir = join(workDir, 'profile');
  if (!existsSync(profileDir)) mkdirSync(profileDir, { recursive: true });
  const loadedDir = join(workDir, 'extension');
  if (!keptDir || !existsSync(loadedDir)) cpSync(extensionDir, loadedDir, { recursive: true });
  const context = await chromium
    .launchPersistentContext(profileDir, {
      ...launchOptions,
      executablePath: CHROMIUM_PATH,
      headless,
      viewport: headless ? { width: 1280, height: 800 } : null,
      args: [
        `--disable-extensions-except=${loadedDir}`,
        `--load-extension=${loadedDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...args,
      ],
    })
    .catch((e) => {
      removeWorkDir();
      throw e;
    });
  if (site) await routeSite(context, site);
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(worker.url()).host;
  /** @type {Promise<void> | null} */
  let closing = null;
  return {
    context,
    extensionId,
    profileDir,
    workDir,
    /** The extension's service worker (re-fetched: Chromium may restart it). */
    async serviceWorker() {
      const live = context
        .serviceWorkers()
        .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return live ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    },
    /** Evaluates `fn(arg)` in the service worker (chrome.* APIs available). */
    async inWorker(fn, arg) {
      return (await this.serviceWorker()).evaluate(fn, arg);
    },
    /** The tab id of a page, looked up by URL from the service worker. */
    async tabId(page) {
      const url = page.url();
      const tabs = await this.inWorker(() => chrome.tabs.query({}));
      const tab =
        tabs.find((t) => t.url === url) ?? tabs.find((t) => t.url?.split('#')[0] === url.split('#')[0]);
      if (tab) return tab.id;
      // Without host permission for the page (e.g. a non-.dk site) the URL is
      // hidden from the extension: use the active tab once the page is in front.
      await page.bringToFront();
      const [active] = await this.inWorker(() =>
        chrome.tabs.query({ active: true, lastFocusedWindow: true }),
      );
      if (active && (active.url === undefined || active.url === url)) return active.id;
      throw new Error(`no tab for ${url}`);
    },
    /** The toolbar badge text for a page's tab. */
    async badgeText(page) {
      const tabId = await this.tabId(page);
      return this.inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    /** Closes the browser and deletes the profile (unless it is a kept `workDir`); every caller waits for the same work. */
    close() {
      closing ??= (async () => {
        await context.close().catch(() => {});
        removeWorkDir();
      })();
      return closing;
    },
  };
}
