// End-to-end in real Chromium (issue 5): notes made through the page UI are
// exported from the dashboard in every format and backed up; the backup is
// restored into a FRESH browser profile through the dashboard (dry-run summary
// first, then confirm) and the data is identical. A corrupt file gets a clear
// message and changes nothing. The exported files are kept, one per format,
// under test-results/exports/ (git-ignored), the W3C one as *.jsonld.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  hostState,
  openApiPage,
  selectText,
  sendOk,
  waitCounts,
  waitReady,
} from '../../scripts/lib/annotate.mjs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { repoRoot } from '../../scripts/lib/paths.mjs';
import { ClosedShadow } from '../../scripts/lib/shadow.mjs';
import { UPCOMING_PUNKT, UPCOMING_URL, upcomingDates, upcomingPage } from './fixtures/variants.mjs';
import { fixture, norm, testSite, waitFor } from './helpers.mjs';

const T = { timeout: 90_000 };
/** E2E_DEBUG=1 prints the steps (for a hang). */
const step = (what) => process.env.E2E_DEBUG && console.error(`[export] ${what}`);
const OUT = join(repoRoot, 'test-results/exports');
const FX = fixture('002-aabendagsorden.html');
const PUNKTER = FX.truth.punkter.length;
/** The annotation formats; iCalendar (upcoming treatments of followed cases) has its own test. */
const FORMATS = ['markdown', 'csv', 'jsonld'];
const EXT = { markdown: '.md', csv: '.csv', jsonld: '.jsonld', ics: '.ics' };
/** Text of punkt 1 (Danish letters), one text node each. */
const QUOTES = {
  plain: 'Særligt Tilrettelagt Ungdomsuddannelse',
  noted: 'tillægsbevilling fra kommunekassen på 32,9 mio. kr.',
};
const NOTE = 'Spørg til økonomien: "hvorfor så højt?"\nÆndret siden sidst — følg op på Ørestad-sagen';
const TAGS = ['Økonomi', 'Børn & unge'];

/** A backup without what may differ between two exports of the same data: the export time. */
function comparable(backup) {
  const { exportedAt: _t, ...rest } = backup;
  return rest;
}

/** A saved file's name in a status line ("Saved as sagsspor-….csv"), the text may run on. */
const FILE_NAME = /(sagsspor-[\p{L}\p{N}_-]+\.(?:jsonld|json|csv|md|ics))/u;

/** Status lines of an export that saved nothing (da/en). */
const ERROR_STATUS = /upcoming|kommende|failed|mislykkedes|fejl/i;

const toolbar = (page) => new ClosedShadow(page, 'sagsspor-toolbar');

async function select(page, text) {
  assert.equal(await selectText(page, { text }), text, `"${text}" is on the page`);
  const tb = toolbar(page);
  await waitFor(() => tb.isVisible('[data-testid="hl-yellow"]'), Boolean, { what: 'the selection toolbar' });
  return tb;
}

/** Annotations through the page UI: a highlight (h) and a note with tags (toolbar → editor). */
async function annotate(page) {
  let tb = await select(page, QUOTES.plain);
  await page.keyboard.press('h');
  await waitCounts(page, { annotations: 1 });
  await tb.dispose();
  tb = await select(page, QUOTES.noted);
  await tb.click('[data-testid="note"]');
  await waitFor(() => tb.focusedMatches('[data-testid="note-input"]'), Boolean, { what: 'the note field' });
  await page.keyboard.type(NOTE);
  for (const tag of TAGS) {
    await tb.evaluate(function () {
      this.querySelector('[data-testid="tag-input"]').focus();
    });
    await page.keyboard.type(tag);
    await page.keyboard.press('Enter');
  }
  await tb.click('[data-testid="save"]');
  await waitCounts(page, { annotations: 2 });
  await tb.dispose();
}

/**
 * Clicks a dashboard button that saves a file and keeps the file as
 * OUT/<name the dashboard saved it as> (read from its status line).
 */
async function saveFrom(dash, testId, statusSelector, dir = OUT) {
  const downloading = dash.waitForEvent('download', { timeout: 15_000 });
  downloading.catch(() => {}); // settled below, or superseded by the status line
  await dash.locator(`[data-testid="${testId}"]`).click();
  // The status line names the file, or says why nothing was saved.
  const status = await waitFor(
    () => dash.locator(statusSelector).textContent({ timeout: 500 }),
    (t) => FILE_NAME.test(t ?? '') || (!!ERROR_STATUS && ERROR_STATUS.test(t ?? '')),
    { what: `the saved file's name after ${testId}` },
  );
  const name = status.match(FILE_NAME)?.[1];
  assert.ok(name, `no file saved after ${testId}; the dashboard says: "${norm(status)}"`);
  const download = await downloading;
  const path = join(dir, name);
  await download.saveAs(path);
  return { name, path };
}

describe('Chromium: export and backup round trip (issue 5)', () => {
  const site = testSite().add(UPCOMING_URL, { body: upcomingPage() });
  /** @type {Awaited<ReturnType<typeof launchChromium>>[]} */
  const browsers = [];
  after(async () => {
    for (const b of browsers) await b.close();
  });
  /** @type {Record<string, { name: string, path: string }>} */
  const files = {};
  let backupA;
  /** Profile A's browser, open until the iCalendar test ran. */
  let extA;

  test('profile A: annotate, follow, export every format and a backup from the dashboard', T, async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const ext = await launchChromium({ site });
    browsers.push(ext);
    step('A launched');
    const page = await ext.context.newPage();
    await page.goto(UPCOMING_URL);
    await waitReady(page, PUNKTER, 'Gladsaxe with upcoming treatments');
    step('A page ready');
    await annotate(page);
    step('A annotated');

    // Follow punkt 1 (it lists upcoming treatments: the iCalendar export).
    const tabId = await ext.tabId(page);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    const follow = popup.locator(`button[data-follow-punkt="${UPCOMING_PUNKT}"]`);
    await follow.click({ timeout: 10_000 });
    await waitFor(
      () => follow.getAttribute('aria-pressed'),
      (v) => v === 'true',
      { what: 'followed' },
    );
    await popup.close();
    step('A followed');

    const dash = await ext.context.newPage();
    await dash.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/export`);
    for (const f of FORMATS) {
      await dash.locator(`[data-testid="export-${f}"]`).waitFor({ timeout: 10_000 });
      files[f] = await saveFrom(dash, `export-${f}`, '[data-testid="export-status"]').catch(async (e) => {
        const status = await dash.locator('[data-testid="export-status"]').textContent();
        throw new Error(`${f}: ${e.message}; status: "${norm(status)}"`);
      });
      assert.ok(files[f].name.endsWith(EXT[f]), `${f} saved as *${EXT[f]}: ${files[f].name}`);
    }
    await dash.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/backup`);
    await dash.locator('[data-testid="backup-download"]').waitFor({ timeout: 10_000 });
    files.backup = await saveFrom(dash, 'backup-download', 'main');
    assert.match(files.backup.name, /^sagsspor-backup-.*\.json$/);

    const api = await openApiPage(ext.context, ext.extensionId);
    backupA = (await sendOk(api, { type: 'backup/export' })).backup;
    assert.equal(backupA.annotations.length, 2, 'two annotations in profile A');
    assert.equal(backupA.follows.length, 1, 'one followed case in profile A');
    await api.close();
    extA = ext;
  });

  test('the exported files: CSV with BOM and Danish letters, W3C JSON-LD, Markdown', T, () => {
    assert.ok(files.csv, 'the CSV was exported');
    const csv = readFileSync(files.csv.path);
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const csvText = csv.toString('utf8');
    for (const s of ['Særligt Tilrettelagt Ungdomsuddannelse', 'Økonomi', 'Ørestad', 'Gladsaxe'])
      assert.ok(csvText.includes(s), `the CSV has "${s}" intact`);
    assert.ok(csvText.includes('""hvorfor så højt?""'), 'quotes in the note are doubled');
    assert.ok(
      /"Spørg til økonomien[^"]*""hvorfor så højt\?""\r?\nÆndret/.test(csvText),
      'the line break stays inside a quoted field',
    );

    assert.ok(files.jsonld, 'the JSON-LD was exported');
    assert.ok(files.jsonld.name.endsWith('.jsonld'));
    const ld = JSON.parse(readFileSync(files.jsonld.path, 'utf8'));
    const ctx = [ld['@context']].flat();
    assert.ok(
      ctx.includes('http://www.w3.org/ns/anno.jsonld'),
      `@context: ${JSON.stringify(ld['@context'])}`,
    );
    assert.ok([ld.type].flat().includes('AnnotationCollection'), `type: ${ld.type}`);
    const items = ld.first?.items ?? ld.items ?? [];
    assert.equal(items.length, 2, 'two annotations in the collection');
    const noted = items.find((a) => JSON.stringify(a).includes('Ørestad'));
    assert.ok(noted, 'the note is in the JSON-LD');
    const bodies = [noted.body].flat();
    assert.ok(
      bodies.some((b) => b.purpose === 'tagging' && b.value === 'Økonomi'),
      'tags as TextualBody with purpose "tagging"',
    );
    const selectors = [noted.target].flat().flatMap((t) => [t.selector].flat());
    assert.ok(selectors.some((s) => s?.type === 'TextQuoteSelector' && s.exact === QUOTES.noted));

    assert.ok(files.markdown, 'the Markdown was exported');
    const md = readFileSync(files.markdown.path, 'utf8');
    assert.ok(md.includes(QUOTES.noted) && md.includes('Ørestad'), 'quote and note in the Markdown');
  });

  test(
    'profile B (fresh): a corrupt file changes nothing; the backup restores with a dry run first; identical data',
    T,
    async () => {
      assert.ok(files.backup && backupA, 'profile A made a backup');
      const ext = await launchChromium({ site });
      browsers.push(ext);
      const api = await openApiPage(ext.context, ext.extensionId);
      const empty = (await sendOk(api, { type: 'backup/export' })).backup;
      assert.equal(empty.annotations.length, 0, 'a fresh profile has no annotations');

      const dash = await ext.context.newPage();
      await dash.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/backup`);
      const input = dash.locator('input[data-testid="backup-file"]');
      await input.waitFor({ state: 'attached', timeout: 10_000 });

      // A corrupt file: a backup cut off in the middle.
      const text = readFileSync(files.backup.path, 'utf8');
      await input.setInputFiles({
        name: 'sagsspor-backup-corrupt.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2))),
      });
      const message = await waitFor(
        () => dash.locator('[data-testid="import-error"]').textContent({ timeout: 500 }),
        (t) => norm(t).length > 10,
        { what: 'an import error message' },
      );
      assert.match(norm(message), /JSON|backup|fil|file/i, `a clear message: "${norm(message)}"`);
      assert.equal(await dash.locator('[data-testid="dry-run-summary"]').count(), 0, 'no dry run offered');
      assert.deepEqual(
        comparable((await sendOk(api, { type: 'backup/export' })).backup),
        comparable(empty),
        'nothing changed',
      );

      // A foreign JSON file.
      await input.setInputFiles({
        name: 'other.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ hello: 'world', items: [1, 2, 3] })),
      });
      await waitFor(
        () => dash.locator('[data-testid="import-error"]').textContent({ timeout: 500 }),
        (t) => norm(t).length > 10 && norm(t) !== norm(message),
        { what: 'a message for a foreign file' },
      );

      // The real backup: dry run first (nothing written), then confirm.
      await input.setInputFiles(files.backup.path);
      const summary = dash.locator('[data-testid="dry-run-summary"]');
      await summary.waitFor({ timeout: 10_000 });
      const newAnnotations = await summary
        .locator('tr[data-table="annotations"] [data-count="new"]')
        .textContent();
      assert.equal(norm(newAnnotations), '2', 'the dry run counts 2 new annotations');
      const newFollows = await summary.locator('tr[data-table="follows"] [data-count="new"]').textContent();
      assert.equal(norm(newFollows), '1', 'and 1 new followed case');
      assert.equal(
        (await sendOk(api, { type: 'backup/export' })).backup.annotations.length,
        0,
        'the dry run wrote nothing',
      );
      await dash.locator('[data-testid="import-confirm"]').click();
      await dash.locator('[data-testid="import-done"]').waitFor({ timeout: 15_000 });

      const backupB = (await sendOk(api, { type: 'backup/export' })).backup;
      assert.deepEqual(
        comparable(backupB),
        comparable(backupA),
        'profile B holds exactly the data of profile A',
      );

      // Importing again changes nothing (idempotent).
      await sendOk(api, { type: 'backup/import', data: text, dryRun: false });
      assert.deepEqual(
        comparable((await sendOk(api, { type: 'backup/export' })).backup),
        comparable(backupA),
      );

      // The restored notes come back on the page.
      const page = await ext.context.newPage();
      await page.goto(UPCOMING_URL);
      await waitReady(page, PUNKTER, 'the page in profile B');
      await waitCounts(page, { annotations: 2 }, 'restored annotations on the page');
      assert.equal((await hostState(page)).orphans, '0');

      // The same CSV from the restored profile, byte for byte.
      const dashB = await ext.context.newPage();
      await dashB.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/export`);
      await dashB.locator('[data-testid="export-csv"]').waitFor({ timeout: 10_000 });
      const dirB = join(repoRoot, 'test-results/exports-profile-b');
      rmSync(dirB, { recursive: true, force: true });
      mkdirSync(dirB, { recursive: true });
      const csvB = await saveFrom(dashB, 'export-csv', '[data-testid="export-status"]', dirB);
      assert.equal(csvB.name, files.csv.name);
      assert.ok(
        readFileSync(csvB.path).equals(readFileSync(files.csv.path)),
        'the CSV exported after the restore is identical',
      );
      await api.close();
    },
  );
  test(
    'iCalendar: the upcoming treatments of the followed case, exported from the dashboard',
    T,
    async () => {
      assert.ok(extA, 'profile A is running');
      const dash = await extA.context.newPage();
      await dash.goto(`chrome-extension://${extA.extensionId}/dashboard.html#/export`);
      await dash.locator('[data-testid="export-ics"]').waitFor({ timeout: 10_000 });
      files.ics = await saveFrom(dash, 'export-ics', '[data-testid="export-status"]');
      assert.ok(files.ics.name.endsWith('.ics'), files.ics.name);
      const ics = readFileSync(files.ics.path, 'utf8');
      assert.ok(ics.startsWith('BEGIN:VCALENDAR'), 'starts with BEGIN:VCALENDAR');
      assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 2, 'the two upcoming treatments');
      for (const d of upcomingDates()) {
        const [dd, mm, yyyy] = d.split('.');
        assert.ok(ics.includes(`${yyyy}${mm}${dd}`), `an event on ${d}`);
      }

      // Every file went through the downloads API (not the <a download> fallback).
      const items = await extA.inWorker(() => chrome.downloads.search({}));
      assert.equal(items.length, 5, `5 downloads: ${JSON.stringify(items.map((i) => i.url.slice(0, 40)))}`);
      for (const item of items) {
        assert.equal(item.byExtensionId, extA.extensionId, 'started by the extension (downloads API)');
        assert.equal(item.state, 'complete');
      }
    },
  );

  test('one file per format (and the backup) is kept under test-results/exports/', () => {
    assert.deepEqual(
      readdirSync(OUT)
        .map((n) => n.slice(n.lastIndexOf('.')))
        .sort(),
      ['.csv', '.ics', '.json', '.jsonld', '.md'],
    );
  });
});
