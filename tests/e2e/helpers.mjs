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

/** Bad input: a page that looks like minutes (vocabulary, title) but has no punkter. */
export const NO_PUNKTER_URL = 'https://dagsorden.ballerup.dk/meeting/9100000';
const noPunkterPage = () => `<!doctype html><html lang="da"><head><meta charset="utf-8">
<title>Referat Økonomiudvalget - 06.06.2023 | Ballerup Kommune</title></head><body>
<main><h1>Referat: Økonomiudvalget</h1><p>Tirsdag d. 06. juni 2023 kl. 08:00</p>
<h4>Sagsfremstilling</h4><p>Forvaltningen har udarbejdet et oplæg.</p>
<h4>Indstilling</h4><p>Forvaltningen indstiller, at oplægget godkendes.</p>
<h4>Beslutning</h4><p>Godkendt.</p><h4>Bilag</h4><ul><li>Oplæg</li></ul></main></body></html>`;

/** Bad input: the Åben Dagsorden page grown to ~4 MB with inline base64 images. */
export const HUGE_URL = 'https://dagsorden.ballerup.dk/meeting/9105330';
function hugePage() {
  const html = readFileSync(fixture('000-aabendagsorden.html').path, 'utf8');
  const chunk = 'iVBORw0KGgoAAAANSUhEUgAA'.repeat(13_000); // ~310 kB of base64 per image
  return html.replace(
    /(<h3 class="agenda-item-title">[^<]*<\/h3>)/g,
    `$1<p><img alt="" width="1" height="1" src="data:image/png;base64,${chunk}"></p>`,
  );
}

/** Bad input: the same page cut off mid-way (half-loaded), inside a tag. */
export const TRUNCATED_URL = 'https://dagsorden.ballerup.dk/meeting/9105331';
function truncatedPage() {
  const html = readFileSync(fixture('000-aabendagsorden.html').path, 'utf8');
  const cut = html.indexOf('<h3 class="agenda-item-title">Punkt 7 ');
  return html.slice(0, cut + 12);
}

/** Bad input: broken markup — unclosed and misnested tags, stray end tags, a punkt heading in a table. */
export const MALFORMED_URL = 'https://dagsorden.ballerup.dk/meeting/9105332';
function malformedPage() {
  const html = readFileSync(fixture('001-aabendagsorden.html').path, 'utf8');
  return html
    .replace(/<\/div>/g, (m, i) => (i % 3 === 0 ? '' : m))
    .replace(/<\/p>/g, '</span></p></b>')
    .replace('<main', '<table><tr><td><main');
}

/** A Site with every shared fixture plus the XSS and bad-input variants. */
export function testSite() {
  return new Site()
    .addAll(fixtures)
    .add(XSS_URL, { body: xssVariant() })
    .add(NO_PUNKTER_URL, { body: noPunkterPage() })
    .add(HUGE_URL, { body: hugePage() })
    .add(TRUNCATED_URL, { body: truncatedPage() })
    .add(MALFORMED_URL, { body: malformedPage() });
}

/**
 * Polls `fn` until `ok(value)`; returns the value. On timeout throws with the
 * last value seen, so a failure says what the page looked like.
 */
export { poll as waitFor } from '../../scripts/lib/annotate.mjs';

export const HOST_STATE = () => {
  const host = document.querySelector('sagsspor-root');
  return host ? { ...host.dataset } : null;
};

/** The page's rendered, visible text (what a reader sees), for `page.evaluate`. */
// biome-ignore lint/performance/useDomNodeTextContent: visible text is the point: hidden text must not count
export const VISIBLE_TEXT = () => document.body.innerText;
