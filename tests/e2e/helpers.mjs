// Shared bits of the browser tests: fixtures with their ground truth, the
// test site, and polling.
import { readFileSync } from 'node:fs';
import { Site, sharedFixtures } from '../../scripts/lib/site.mjs';

export const fixtures = sharedFixtures();
export const minutesFixtures = fixtures.filter((f) => f.truth.isMinutes);
export const negativeFixtures = fixtures.filter((f) => !f.truth.isMinutes);

/** @param {string} file */
export function fixture(file) {
  const f = fixtures.find((x) => x.file === file);
  if (!f) throw new Error(`no fixture ${file} in manifest.json`);
  return f;
}

export const norm = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The title without a leading one-word prefix such as "Lukket:" or
 * "Orienteringssag:" — the model moves those into a field, so the UI may show
 * them apart from the title — nor the all-caps "LUKKET" that closed punkter
 * repeat after "Lukket:" (tests check the closed marker separately).
 */
export const coreTitle = (title) =>
  norm(title)
    .replace(/^[A-Za-zÆØÅæøå]+:\s+/, '')
    .replace(/^LUKKET\s+/, '');

/** Whether a UI label marks a punkt as closed (Danish or English UI). */
export const CLOSED_MARK = /lukket|closed/i;

/**
 * A variant of an Åben Dagsorden page whose punkt 2 title carries markup as
 * escaped TEXT. Rendering it as HTML would request `…/x` and run the handler.
 */
export const XSS_URL = 'https://dagsorden.ballerup.dk/meeting/9105999';
export const XSS_TEXT = `<img src=x onerror="document.documentElement.dataset.xss='ran'">`;
export function xssVariant() {
  const base = fixture('000-aabendagsorden.html');
  const html = readFileSync(base.path, 'utf8');
  const escaped = XSS_TEXT.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const marker = '<h3 class="agenda-item-title">Punkt 2 ';
  if (!html.includes(marker)) throw new Error('000-aabendagsorden.html changed: punkt 2 heading not found');
  return html.replace(marker, `${marker}${escaped} `);
}

/** A Site with every shared fixture plus the XSS variant. */
export function testSite() {
  return new Site().addAll(fixtures).add(XSS_URL, { body: xssVariant() });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` until `ok(value)`; returns the value. On timeout throws with the
 * last value seen, so a failure says what the page looked like.
 */
export async function waitFor(
  fn,
  ok = Boolean,
  { timeout = 10_000, interval = 100, what = 'condition' } = {},
) {
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

/** The host element's data-* attributes (readable from the light DOM). */
export const HOST_STATE = () => {
  const host = document.querySelector('sagsspor-root');
  return host ? { ...host.dataset } : null;
};

/** The page's rendered, visible text (what a reader sees), for `page.evaluate`. */
// biome-ignore lint/performance/useDomNodeTextContent: visible text is the point: hidden text must not count
export const VISIBLE_TEXT = () => document.body.innerText;
