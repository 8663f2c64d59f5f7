// The same minutes figures measured in real Chromium (where the content script
// actually runs), on the same generated pages served at real-looking URLs.
// Skipped, with a note, when Chromium is not installed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_PATH } from '../scripts/lib/browsers.mjs';
import { routeSite } from '../scripts/lib/chromium.mjs';
import { Site } from '../scripts/lib/site.mjs';
import { aabenDagsordenMeeting, encyclopediaPage } from './lib/pages';
import { median, round } from './lib/stats';

interface BenchApi {
  detectMinutes(doc: Document, url: string): unknown;
  parseDocument(doc: Document, url: string): { meeting?: { punkter: unknown[] } };
  textFloor(doc: Document): string;
}
declare global {
  interface Window {
    __sagssporBench: BenchApi;
  }
}

/** Bundles lib/minutes (plus the floor) into one IIFE script for a page. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./lib/browser-entry.ts', import.meta.url)),
        formats: ['iife'],
        name: '__sagssporBench',
        fileName: 'bench',
      },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no bundle');
}

async function load(page: Page, url: string, code: string) {
  await page.goto(url);
  await page.addScriptTag({ content: code });
}

export async function benchBrowser(): Promise<Record<string, number | string>> {
  if (!existsSync(CHROMIUM_PATH)) return { browser_bench: `skipped: no Chromium at ${CHROMIUM_PATH}` };
  const code = await bundle();
  const plain = encyclopediaPage(1_000_000);
  const meeting = aabenDagsordenMeeting(200, 2_000_000);
  const site = new Site().add(plain.url, { body: plain.html }).add(meeting.url, { body: meeting.html });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext();
    await routeSite(context, site);
    const page = await context.newPage();

    // Detection: batches of calls, as performance.now() is coarse in pages.
    await load(page, plain.url, code);
    const detect = await page.evaluate((url) => {
      const api = window.__sagssporBench;
      const batch = 20;
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) api.detectMinutes(document, url);
      for (let s = 0; s < 40; s++) {
        const t = performance.now();
        for (let i = 0; i < batch; i++) api.detectMinutes(document, url);
        samples.push((performance.now() - t) / batch);
      }
      return samples;
    }, plain.url);

    // 200 punkter: parse vs the TreeWalker floor, interleaved, same document.
    await load(page, meeting.url, code);
    const m = await page.evaluate((url) => {
      const api = window.__sagssporBench;
      const parse: number[] = [];
      const floor: number[] = [];
      const found = api.parseDocument(document, url).meeting?.punkter.length ?? 0;
      api.textFloor(document);
      for (let i = 0; i < 9; i++) {
        let t = performance.now();
        api.parseDocument(document, url);
        parse.push(performance.now() - t);
        for (let k = 0; k < 3; k++) {
          t = performance.now();
          api.textFloor(document);
          floor.push(performance.now() - t);
        }
      }
      return { parse, floor, found };
    }, meeting.url);

    const parseMs = median(m.parse);
    const floorMs = median(m.floor);
    return {
      detect_ms_non_minutes_chromium: round(median(detect), 4),
      parse_ms_200_chromium: round(parseMs, 1),
      parse_floor_ms_200_chromium: round(floorMs, 2),
      parse_ratio_floor_200_chromium: round(parseMs / floorMs, 2),
      parse_200_punkter_found_chromium: m.found,
    };
  } finally {
    await browser.close();
  }
}
