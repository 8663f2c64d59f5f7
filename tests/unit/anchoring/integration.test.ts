// @vitest-environment jsdom
// The anchoring engine on the parser's real output: scopes come from
// lib/minutes (sections with DomRefs), resolved with resolveDomRef.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { expect, it, describe as suite } from 'vitest';
import {
  anchorAll,
  buildTextIndex,
  createDomRefLocator,
  describe,
  domRefLocation,
  locateScopes,
  locationOffsets,
  meetingScopeResolver,
  meetingScopes,
  scopeAt,
} from '../../../lib/anchoring';
import { elementAt, parseDocument, resolveDomRef } from '../../../lib/minutes';
import type { Meeting } from '../../../lib/model/minutes';
import type { Target } from '../../../lib/model/selectors';
import { FIXTURES } from './helpers';

const manifest = JSON.parse(readFileSync(`${FIXTURES}/manifest.json`, 'utf8')) as Array<{
  file: string;
  url: string;
  truth: { isMinutes: boolean };
}>;
const pages = manifest.filter((m) => m.truth.isMinutes && !m.file.includes('drupalpunkt'));

async function load(file: string, url: string) {
  // Scripts run so that client-rendered portals (FirstAgenda) render their items, as in a browser.
  const html = readFileSync(`${FIXTURES}/${file}`, 'utf8');
  const doc = new JSDOM(html, { url, runScripts: 'dangerously' }).window.document;
  if (doc.getElementById('app')) {
    for (let i = 0; i < 100 && !doc.querySelector('#app .agenda-item'); i++)
      await new Promise((r) => setTimeout(r, 20));
  }
  const parsed = parseDocument(doc, url);
  return { doc, meeting: parsed.meeting as Meeting | undefined };
}

suite('anchoring on parsed fixtures', () => {
  for (const page of pages) {
    it(`${page.file}: selections in every section round-trip, also after a banner shifts the body`, async () => {
      const { doc, meeting } = await load(page.file, page.url);
      expect(meeting, 'parser found the meeting').toBeTruthy();
      if (!meeting) return;
      const resolve = meetingScopeResolver(meeting, (ref) => resolveDomRef(doc, ref));
      const scopes = meetingScopes(meeting, 'k');
      const idx = buildTextIndex(doc);
      const located = locateScopes(idx, scopes, resolve);
      const targets: Target[] = [];
      const quotes: string[] = [];
      for (const scope of scopes) {
        if (scope.sectionKind === null) continue;
        const r = locationOffsets(idx, resolve(scope));
        if (!r || r.end - r.start < 40) continue;
        const mid = r.start + Math.floor((r.end - r.start) / 3);
        const s = idx.text.indexOf(' ', mid) + 1;
        const e = Math.min(r.end, s + 30);
        if (s <= 0 || e <= s) continue;
        // The scope a content script would pick for this selection.
        const picked = scopeAt(s, located)!;
        const t = describe(idx, { start: s, end: e }, picked.scope, resolve);
        if (!t) continue;
        targets.push(t);
        quotes.push(idx.slice(s, e));
      }
      expect(targets.length).toBeGreaterThan(5);
      // A banner and a breadcrumb: body offsets and DomRef paths change; re-parse like a reload.
      const banner = doc.createElement('div');
      banner.textContent = 'Driftsmeddelelse: Vores selvbetjening er lukket i weekenden. '.repeat(3);
      doc.body.prepend(banner);
      const reparsed = parseDocument(doc, page.url).meeting!;
      const resolve2 = meetingScopeResolver(reparsed, (ref) => resolveDomRef(doc, ref));
      const idx2 = buildTextIndex(doc);
      const res = anchorAll(targets, idx2, resolve2);
      const byPosition = res.filter((r) => r.method === 'position').length;
      expect(byPosition / res.length).toBeGreaterThanOrEqual(0.95);
      expect(res.map((r) => (r.status === 'anchored' ? idx2.slice(r.start, r.end) : null))).toEqual(quotes);
    });
  }

  it('domRefLocation gives the same offsets as resolveDomRef without creating Ranges', async () => {
    let compared = 0;
    for (const page of pages) {
      const { doc, meeting } = await load(page.file, page.url);
      if (!meeting) continue;
      const idx = buildTextIndex(doc);
      const locate = createDomRefLocator(doc.body);
      for (const p of meeting.punkter) {
        for (const ref of [p.dom, ...p.sections.map((s) => s.dom)]) {
          if (!ref) continue;
          const viaRange = locationOffsets(idx, resolveDomRef(doc, ref));
          expect(locationOffsets(idx, domRefLocation(doc.body, ref, elementAt))).toEqual(viaRange);
          expect(locationOffsets(idx, locate(ref))).toEqual(viaRange);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
