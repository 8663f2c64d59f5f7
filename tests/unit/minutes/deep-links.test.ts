// Deep links to an anchored punkt are the page URL with the anchor as its fragment, exactly as the
// URL API sets it (the parser skips the URL API for plain anchors).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lib/minutes/index';

const ids = ['punkt-1', 'a b', 'æøå', 'x#y', '100%', 'a?b/c', "q'(1)", 'tab\there', 'p"<5>`'];

function page(): string {
  const items = ids.map(
    (id, k) =>
      `<div id="${id.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"><h3>Punkt ${k + 1} Sag nummer ${k + 1}</h3>` +
      `<p>Sagsnr. 22/1853${k}</p><h4>Sagsfremstilling</h4><p>Forvaltningen beskriver sagen.</p>` +
      '<h4>Beslutning</h4><p>Godkendt.</p></div>',
  );
  return `<!doctype html><html><head><title>Referat</title></head><body><main><h1>Referat: Økonomiudvalget 06.06.2023</h1>${items.join('')}</main></body></html>`;
}

describe('deep links', () => {
  for (const url of [
    'https://dagsorden.eksempel.dk/moede/42?id=7#top',
    'https://eksempel.dk/referat#',
    'file:///tmp/referat.html',
  ]) {
    it(`use each punkt's anchor as the fragment of ${url}`, () => {
      const doc = new JSDOM(page(), { url }).window.document;
      const r = parseDocument(doc, url);
      expect(r.isMinutes).toBe(true);
      const punkter = r.meeting?.punkter ?? [];
      expect(punkter.map((p) => p.number)).toEqual(ids.map((_, k) => k + 1));
      punkter.forEach((p, k) => {
        const u = new URL(url);
        u.hash = ids[k]!;
        expect(p.deepLink).toBe(u.toString());
      });
    });
  }
});
