// Popup and search in real Chromium with the built extension (issue 4): 500 followed cases and
// 10,000 annotations (500 meetings) seeded through the background data API (`backup/import`, the
// background is the only writer), then
// - `popup_first_paint_ms`: navigation start of popup.html (opened on an ordinary page's tab) to
//   the first paint that shows the followed cases — the later of first-contentful-paint
//   (PerformanceObserver 'paint') and the frame after the followed list was rendered (a
//   MutationObserver marker), median of 5 fresh popups; `popup_fcp_ms` is the plain FCP;
// - `search_ms`: the `search/query` round trip from an extension page (message → background →
//   IndexedDB indexes → answer), median over 7 queries × 5 (`search_ms_p95` beside it).
// Needs `npx wxt build` (.output/chrome-mv3) and Chromium; skipped with a note otherwise.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../scripts/lib/browsers.mjs';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { chromeBuildDir } from '../scripts/lib/paths.mjs';
import { Site } from '../scripts/lib/site.mjs';
import { generateExportSource } from './export';
import { median, round } from './lib/stats';

/** The extension API as the evaluated functions use it in the extension page. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export const N_ANNOTATIONS = 10_000;
export const N_MEETINGS = 500;

/** Why the Chromium benches cannot run here, or null. */
export function chromiumBenchSkip(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `skipped: no Chromium at ${CHROMIUM_PATH}`;
  if (!existsSync(join(chromeBuildDir, 'manifest.json'))) return 'skipped: no build (run `npx wxt build`)';
  return null;
}

/**
 * A version-1 backup (the documented format) with 10,000 annotations over 500 meetings, 500
 * followed cases and their upcoming treatments — bench/export.ts's deterministic data set.
 */
export function benchBackupText(annotations = N_ANNOTATIONS, meetings = N_MEETINGS): string {
  const src = generateExportSource(annotations, meetings);
  // The generator reuses case numbers across meetings (its 500 follows name ~90 cases): give every
  // punkt its own case, so there are 500 distinct followed cases.
  const cases = new Map<string, { caseNumber: string; caseKey: string }>();
  src.meetings.forEach((m, mi) => {
    for (const p of m.punkter) {
      const caseNumber = `${String(mi % 90).padStart(2, '0')}.00.00-G01-${mi * 10 + p.number}-24`;
      const c = { caseNumber, caseKey: `${(m.municipality ?? '').toLowerCase()}:${caseNumber}` };
      cases.set(`${m.key}#${p.number}`, c);
      const old = p.caseKey;
      p.caseNumber = c.caseNumber;
      p.caseKey = c.caseKey;
      const f = src.follows?.[mi];
      if (f && f.caseKey === old && f.caseKey !== c.caseKey && p.number === (mi % 10) + 1) {
        f.caseKey = c.caseKey;
        f.caseNumber = c.caseNumber;
        const a = src.appearances?.[mi];
        if (a) {
          a.caseKey = c.caseKey;
          a.id = `${c.caseKey}@upcoming#${mi}`;
        }
      }
    }
  });
  for (const a of src.annotations) {
    const c = cases.get(`${a.page.meetingKey}#${a.page.punktNumber}`);
    if (!c) continue;
    a.page.caseNumber = c.caseNumber;
    a.page.caseKey = c.caseKey;
    if (a.target.scope) a.target.scope.caseNumber = c.caseNumber;
  }
  return JSON.stringify({
    format: 'sagsspor-backup',
    version: 1,
    exportedAt: new Date(Date.UTC(2024, 5, 1)).toISOString(),
    annotations: src.annotations,
    meetings: src.meetings,
    appearances: src.appearances ?? [],
    follows: src.follows ?? [],
    topics: [],
  });
}

/** A page for sending the background messages from (an extension page of the profile). */
export async function apiPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

type Summary = Record<string, { new: number; updated: number; unchanged: number; invalid: number }>;

/** `backup/import` timed in the extension page (performance.now around the message round trip). */
export async function timedImport(page: Page, text: string, dryRun = false) {
  return page.evaluate(
    async ({ text, dryRun }) => {
      const t = performance.now();
      const res = (await chrome.runtime.sendMessage({ type: 'backup/import', data: text, dryRun })) as {
        ok: boolean;
        summary?: Summary & { problems: unknown[] };
        error?: string;
        message?: string;
      };
      return { ms: performance.now() - t, res };
    },
    { text, dryRun },
  );
}

/** Imports the bench data set and checks every record landed. */
export async function seed(page: Page, text: string) {
  const { ms, res } = await timedImport(page, text);
  if (!res.ok || !res.summary) throw new Error(`backup/import failed: ${JSON.stringify(res).slice(0, 300)}`);
  const s = res.summary;
  if (s.annotations?.new !== N_ANNOTATIONS || s.follows?.new !== N_MEETINGS) {
    throw new Error(
      `seeding incomplete: ${JSON.stringify({ annotations: s.annotations, follows: s.follows, problems: s.problems.slice(0, 3) })}`,
    );
  }
  return ms;
}

const ORDINARY_URL = 'https://www.ballerup.dk/nyheder/bench';

/**
 * Runs in the popup before its own scripts (a string: tsx would add helpers to a serialised
 * function): first-contentful-paint, and the frame after the followed list appeared.
 */
const MARKERS = `(() => {
  const b = (window.__bench = {});
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const mo = new MutationObserver(() => {
    if (b.list !== undefined) return;
    if (!document.querySelector('[data-testid="followed-list"] [data-case-key]')) return;
    b.list = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { b.listPaint = performance.now(); }));
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/** One popup opened on `tabId`: navigation start → FCP, and → the painted followed list. */
async function popupOnce(context: BrowserContext, extensionId: string, tabId: number) {
  const page = await context.newPage();
  await page.addInitScript({ content: MARKERS });
  await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const m = await page
    .waitForFunction(
      () => {
        const b = (window as unknown as { __bench: { fcp?: number; listPaint?: number } }).__bench;
        return b.fcp !== undefined && b.listPaint !== undefined ? b : null;
      },
      null,
      { timeout: 20_000, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<{ fcp: number; list: number; listPaint: number }>)
    .catch(async (e) => {
      const seen = await page.evaluate(() => ({
        bench: (window as unknown as { __bench?: unknown }).__bench ?? null,
        rows: document.querySelectorAll('[data-testid="followed-list"] [data-case-key]').length,
        paints: performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
        text: document.body?.textContent?.slice(0, 200),
      }));
      throw new Error(`${(e as Error).message.split('\n')[0]}; page: ${JSON.stringify(seen)}`);
    });
  const rows = await page.evaluate(
    () => document.querySelectorAll('[data-testid="followed-list"] [data-case-key]').length,
  );
  await page.close();
  return { ...m, rows };
}

const QUERIES = [
  'budget',
  'skole cykelsti',
  'lokalpl',
  'økonomi investering',
  'g01-3',
  'kultur idræt hal',
  'tilskud',
];

async function searchTimes(page: Page, reps: number) {
  return page.evaluate(
    async ({ queries, reps }) => {
      const times: number[] = [];
      let hits = 0;
      for (const q of queries)
        await chrome.runtime.sendMessage({ type: 'search/query', query: q, limit: 30 });
      for (let r = 0; r < reps; r++) {
        for (const q of queries) {
          const t = performance.now();
          const res = (await chrome.runtime.sendMessage({ type: 'search/query', query: q, limit: 30 })) as {
            ok: boolean;
            annotations?: unknown[];
            punkter?: unknown[];
          };
          times.push(performance.now() - t);
          if (!res.ok) throw new Error(`search/query failed: ${JSON.stringify(res)}`);
          hits += (res.annotations?.length ?? 0) + (res.punkter?.length ?? 0);
        }
      }
      // The bare message round trip (a trivial route), to tell messaging from the query.
      const ping: number[] = [];
      for (let r = 0; r < 20; r++) {
        const t = performance.now();
        await chrome.runtime.sendMessage({ type: 'meta/get', key: 'persistNoticeShown' });
        ping.push(performance.now() - t);
      }
      const perQuery: Record<string, number[]> = {};
      times.forEach((ms, i) => {
        const q = queries[i % queries.length] as string;
        perQuery[q] = [...(perQuery[q] ?? []), ms];
      });
      return { times, hits, ping, perQuery };
    },
    { queries: QUERIES, reps },
  );
}

export async function benchPopup(): Promise<Record<string, number | string | Record<string, number>>> {
  const skip = chromiumBenchSkip();
  if (skip) return { popup_bench: skip };
  const text = benchBackupText();
  const site = new Site().add(ORDINARY_URL, {
    body: '<!doctype html><html lang="da"><head><title>Nyhed</title></head><body><p>En almindelig side.</p></body></html>',
  });
  const ext = await launchChromium({ site });
  try {
    const api = await apiPage(ext.context, ext.extensionId);
    await seed(api, text);
    const follows = await api.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ type: 'follows/list' })) as { follows?: unknown[] };
      return r.follows?.length ?? 0;
    });
    if (follows !== N_MEETINGS) throw new Error(`expected ${N_MEETINGS} followed cases, got ${follows}`);

    const tab = await ext.context.newPage();
    await tab.goto(ORDINARY_URL);
    const tabId = await ext.tabId(tab);
    await popupOnce(ext.context, ext.extensionId, tabId); // warm-up (worker, caches)
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await popupOnce(ext.context, ext.extensionId, tabId));

    const search = await searchTimes(api, 5);
    const sorted = [...search.times].sort((a, b) => a - b);
    return {
      popup_first_paint_ms: round(median(runs.map((r) => Math.max(r.fcp, r.listPaint))), 1),
      popup_fcp_ms: round(median(runs.map((r) => r.fcp)), 1),
      popup_followed_list_ms: round(median(runs.map((r) => r.list)), 1),
      popup_followed_rows: runs[0]?.rows ?? 0,
      search_ms: round(median(search.times), 2),
      search_ms_p95: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0, 2),
      search_hits_total: search.hits,
      message_roundtrip_ms: round(median(search.ping), 2),
      search_ms_per_query: Object.fromEntries(
        Object.entries(search.perQuery).map(([q, xs]) => [q, round(median(xs), 1)]),
      ),
    };
  } finally {
    await ext.close();
  }
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  benchPopup().then((r) => console.table(r));
}
