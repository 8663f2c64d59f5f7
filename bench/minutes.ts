// Minutes reader benchmark (issue 2): detection cost on a large ordinary page,
// parse time per shared fixture, and a generated 200-punkt meeting against a
// floor of one TreeWalker pass over the same document's text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { detectMinutes, parseDocument, parseText } from '../lib/minutes/index';
import { requireSharedDir } from '../scripts/lib/paths.mjs';
import { sharedFixtures } from '../scripts/lib/site.mjs';
import { textFloor } from './lib/floor';
import { aabenDagsordenMeeting, encyclopediaPage } from './lib/pages';
import { median, round, timeRuns } from './lib/stats';

function detectNonMinutes() {
  const page = encyclopediaPage(1_000_000);
  const dom = new JSDOM(page.html, { url: page.url });
  const doc = dom.window.document;
  const verdict = detectMinutes(doc, page.url);
  const times = timeRuns(() => detectMinutes(doc, page.url), 300, 30);
  dom.window.close();
  return {
    detect_ms_non_minutes: round(median(times), 4),
    detect_non_minutes_page_kb: Math.round(page.html.length / 1024),
    detect_non_minutes_verdict: verdict.likely || verdict.pending ? 'minutes (WRONG)' : 'not minutes',
  };
}

function parseFixtures() {
  const parse_ms: Record<string, number> = {};
  for (const fx of sharedFixtures()) {
    const dom = new JSDOM(readFileSync(fx.path, 'utf8'), { url: fx.url });
    parse_ms[fx.file] = round(median(timeRuns(() => parseDocument(dom.window.document, fx.url), 7, 2)));
    dom.window.close();
  }
  const seeds = join(requireSharedDir(), 'seeds');
  const parse_text_ms: Record<string, number> = {};
  for (const file of readdirSync(seeds).filter((f) => /\.(txt|md)$/.test(f))) {
    const text = readFileSync(join(seeds, file), 'utf8');
    parse_text_ms[file] = round(median(timeRuns(() => parseText(text), 7, 2)));
  }
  return { parse_ms, parse_text_ms };
}

function parse200() {
  const page = aabenDagsordenMeeting(200, 2_000_000);
  const dom = new JSDOM(page.html, { url: page.url });
  const doc = dom.window.document;
  const result = parseDocument(doc, page.url);
  const floorText = textFloor(doc);
  // Interleave parse and floor runs so both see the same machine state.
  const parseTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    parseTimes.push(...timeRuns(() => parseDocument(doc, page.url), 1, 0));
    floorTimes.push(...timeRuns(() => textFloor(doc), 3, 0));
  }
  dom.window.close();
  const parseMs = median(parseTimes);
  const floorMs = median(floorTimes);
  return {
    parse_ms_200: round(parseMs, 1),
    parse_floor_ms_200: round(floorMs, 2),
    parse_ratio_floor_200: round(parseMs / floorMs, 2),
    parse_200_page_kb: Math.round(page.html.length / 1024),
    parse_200_text_kb: Math.round(floorText.length / 1024),
    parse_200_punkter_found: result.meeting?.punkter.length ?? 0,
  };
}

export async function benchMinutes(): Promise<Record<string, number | string | Record<string, number>>> {
  return { ...detectNonMinutes(), ...parseFixtures(), ...parse200() };
}
