// Browser-test helpers for annotations (issue 3) and the extension's data API:
// selecting page text in the MAIN world (the selection is per document, so the
// content script sees it), reading the CSS Custom Highlight registry, calling
// the background from an extension page, and stopping the service worker.

import { ClosedShadow } from './shadow.mjs';

/**
 * Selects the first occurrence of `text` in the page (inside `within`, a CSS
 * selector, when given), after taking focus off any control, as a mouse selection does. Runs in the page's main world: the Selection object is
 * the document's, shared with the extension's isolated world.
 * Returns the selected string, or null when `text` is not found in one text node.
 * @param {import('playwright-core').Page} page
 * @param {{ text: string, within?: string, occurrence?: number }} what
 */
export async function selectText(page, { text, within, occurrence = 0 }) {
  return page.evaluate(
    async ({ text, within, occurrence }) => {
      const roots = within ? [...document.querySelectorAll(within)] : [document.body];
      let seen = 0;
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.data.indexOf(text);
          if (at < 0) continue;
          if (seen++ < occurrence) continue;
          // A mouse selection moves focus to the page: leave any focused control (e.g. the panel).
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          n.parentElement?.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + text.length);
          const sel = document.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          // The selection's text comes from layout: let text inserted just now be laid out.
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return sel.toString();
        }
      }
      return null;
    },
    { text, within, occurrence },
  );
}

/** Clears the page's selection and focus (so `h`/`n` reach the page, not an input). */
export async function clearSelection(page) {
  await page.evaluate(() => {
    document.getSelection()?.removeAllRanges();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
}

/**
 * The CSS Custom Highlight registry of the page (per document, shared by all
 * worlds): name → texts of its ranges. Empty object when the API is absent.
 * @param {import('playwright-core').Page} page
 */
export async function cssHighlights(page) {
  return page.evaluate(() => {
    /** @type {Record<string, string[]>} */
    const out = {};
    if (typeof CSS === 'undefined' || !CSS.highlights) return out;
    for (const [name, hl] of CSS.highlights) {
      out[name] = [...hl].map((r) => r.toString().replace(/\s+/g, ' ').trim());
    }
    return out;
  });
}

/** Texts of `<sagsspor-hl>` wrappers (the fallback painter), by colour. */
export async function wrapperHighlights(page) {
  return page.evaluate(() => {
    /** @type {Record<string, string[]>} */
    const out = {};
    for (const el of document.querySelectorAll('sagsspor-hl')) {
      const c = el.getAttribute('data-color') ?? el.className ?? 'hl';
      out[c] = [...(out[c] ?? []), (el.textContent ?? '').replace(/\s+/g, ' ').trim()];
    }
    return out;
  });
}

/** All painted texts, CSS highlights and wrappers together (flat list). */
export async function paintedTexts(page) {
  const a = await cssHighlights(page);
  const b = await wrapperHighlights(page);
  return [...Object.values(a).flat(), ...Object.values(b).flat()];
}

/**
 * An extension page to call the background data API from (popup.html by
 * default), kept open by the caller. `send(msg)` resolves with the response.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 */
export async function openApiPage(context, extensionId, path = 'popup.html') {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return {
    page,
    /** @param {{ type: string } & Record<string, unknown>} msg */
    send: (msg) => page.evaluate((m) => chrome.runtime.sendMessage(m), msg),
    close: () => page.close(),
  };
}

/** Sends `msg` until the answer is `ok: true` (the worker may be starting); returns it. */
export async function sendOk(api, msg, { tries = 20, delay = 250 } = {}) {
  let last;
  for (let i = 0; i < tries; i++) {
    try {
      last = await api.send(msg);
      if (last?.ok) return last;
    } catch (e) {
      last = { error: String(e) };
    }
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new Error(`${msg.type} never answered ok: ${JSON.stringify(last)?.slice(0, 500)}`);
}

/**
 * Stops the extension's service worker as Chromium does when it idles, through
 * DevTools (`ServiceWorker.stopAllWorkers` on a page's session; an extension
 * page of the same profile works), and waits until DevTools reports the
 * extension's worker `stopped`. The next message starts it again.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ stopped: boolean, statuses: string[] }>}
 */
export async function stopServiceWorker(context, extensionId, page, { timeout = 5000 } = {}) {
  const prefix = `chrome-extension://${extensionId}/`;
  const cdp = await context.newCDPSession(page);
  /** @type {string[]} */
  const statuses = [];
  let resolveStopped = () => {};
  const stopped = new Promise((r) => {
    resolveStopped = r;
  });
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(prefix)) continue;
      statuses.push(v.runningStatus);
      if (v.runningStatus === 'stopped') resolveStopped();
    }
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const ok = await Promise.race([
      stopped.then(() => true),
      new Promise((r) => setTimeout(() => r(false), timeout)),
    ]);
    return { stopped: Boolean(ok), statuses };
  } finally {
    await cdp.send('ServiceWorker.disable').catch(() => {});
    await cdp.detach().catch(() => {});
  }
}

/**
 * Lets Chromium save downloads (also those of chrome.downloads) into `dir`
 * under their own names. Returns after the browser accepted the setting.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function allowDownloads(context, dir) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for this context');
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', {
    behavior: 'allow',
    downloadPath: dir,
    eventsEnabled: true,
  });
  return cdp;
}

// ─── the reader on a page ──────────────────────────────────────────────────

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until `ok(value)`; throws with the last value on timeout. */
export async function poll(fn, ok = Boolean, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const until = Date.now() + timeout;
  let last;
  let lastError;
  while (Date.now() < until) {
    try {
      last = await fn();
      lastError = undefined;
      if (ok(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await sleep(interval);
  }
  throw new Error(
    `timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(last)}` +
      (lastError ? `; last error: ${lastError.message}` : ''),
  );
}

/** `<sagsspor-root>`'s data-* attributes (punkter, annotations, orphans, pending, state…), or null. */
export function hostState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('sagsspor-root');
    return host ? { ...host.dataset } : null;
  });
}

/** Waits until the host's state satisfies `ok`; returns it. */
export function waitHost(page, ok, what, timeout = 10_000) {
  return poll(
    () => hostState(page),
    (s) => s !== null && ok(s),
    { what, timeout },
  );
}

/**
 * Waits until the reader recognised `punkter` punkter, loaded the stored
 * annotations and has no pending writes.
 */
export function waitReady(page, punkter, what = 'the reader') {
  return waitHost(
    page,
    (s) => s.punkter === String(punkter) && s.loaded === 'true' && s.pending === '0',
    `${what}: data-punkter="${punkter}", data-loaded="true", data-pending="0"`,
  );
}

/** Waits for anchored/orphaned counts and no pending writes. */
export function waitCounts(page, { annotations, orphans = 0 }, what = 'annotations') {
  return waitHost(
    page,
    (s) =>
      s.annotations === String(annotations) && (s.orphans ?? '0') === String(orphans) && s.pending === '0',
    `${what}: data-annotations="${annotations}" data-orphans="${orphans}" data-pending="0"`,
  );
}

/** The reader's selection toolbar and panel (closed shadow roots). */
export const readerToolbar = (page) => new ClosedShadow(page, 'sagsspor-toolbar');
export const readerPanel = (page) => new ClosedShadow(page, 'sagsspor-root');

/** Opens `url` (in `page`, or a new tab) and waits until the reader recognised `punkter` punkter. */
export async function openReader(context, url, punkter, page) {
  page ??= await context.newPage();
  await page.goto(url);
  await waitReady(page, punkter, url);
  return page;
}

/** Selects `text` and waits for the selection toolbar; returns the toolbar (dispose it). */
export async function selectForToolbar(page, text) {
  await page.bringToFront();
  const got = await selectText(page, { text });
  if (got !== text) throw new Error(`"${text}" is not on the page (selected ${JSON.stringify(got)})`);
  const tb = readerToolbar(page);
  await poll(() => tb.isVisible('[data-testid="hl-yellow"]'), Boolean, {
    what: `the selection toolbar for "${text}"`,
  });
  return tb;
}

/** Highlights `text` with the `h` key (the last colour used) and waits until it is stored. */
export async function highlightWithKey(page, text) {
  const before = Number((await hostState(page))?.annotations ?? 0);
  const tb = await selectForToolbar(page, text);
  await page.keyboard.press('h');
  await waitCounts(page, { annotations: before + 1, orphans: Number((await hostState(page)).orphans ?? 0) });
  await tb.dispose();
}

/** Opens the in-page panel (retrying if it raced with the panel restoring itself). */
export async function openPanel(shadow) {
  for (let i = 0; i < 3; i++) {
    if (await shadow.isVisible('[data-testid="panel"]')) return;
    await shadow.click('[data-testid="panel-toggle"]');
    try {
      await poll(() => shadow.isVisible('[data-testid="panel"]'), Boolean, { timeout: 2000 });
      return;
    } catch {
      // raced with the panel restoring itself
    }
  }
  throw new Error('the panel toggle does not open the panel');
}
