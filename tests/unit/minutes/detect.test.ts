// @vitest-environment node
// The tiny detector: likely / pending / platform, and bounded work.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectMinutes } from '../../../lib/minutes/detect';
import { fixtureHtml, htmlDoc, manifest } from './helpers';

describe('detectMinutes', () => {
  it('recognises platforms from the URL', () => {
    const doc = htmlDoc('<p>x</p>');
    expect(detectMinutes(doc, 'https://ballerup.meetingsplus.dk/committees/x/meetings/1').platform).toBe(
      'meetingsplus',
    );
    expect(detectMinutes(doc, 'https://dagsorden.ballerup.dk/meeting/9105328').platform).toBe(
      'aabendagsorden',
    );
    expect(detectMinutes(doc, 'https://dagsordener.ballerup.dk/vis?id=1').platform).toBe('firstagenda');
    expect(detectMinutes(doc, 'https://www.kk.dk/dagsordener/referat/punkt-2').platform).toBe('punktpage');
    expect(detectMinutes(doc, 'https://www.example.dk/').platform).toBeNull();
  });

  it('a FirstAgenda shell with a loading placeholder is pending, not likely', () => {
    const e = manifest().find((x) => x.style === 'firstagenda')!;
    const d = detectMinutes(htmlDoc(fixtureHtml(e.file), e.url), e.url);
    expect(d).toEqual({ likely: false, pending: true, platform: 'firstagenda' });
  });

  it('an ordinary page is neither likely nor pending', () => {
    const e = manifest().find((x) => x.file === 'neg-news-article.html')!;
    expect(detectMinutes(htmlDoc(fixtureHtml(e.file), e.url), e.url)).toEqual({
      likely: false,
      pending: false,
      platform: null,
    });
  });

  it('does bounded work on a large non-minutes page', () => {
    const articles =
      '<article><h2>Nyhed</h2><p>Byrådet holdt <b>møde</b>. Læs <a href="#">mere</a>.</p></article>';
    const small = htmlDoc(`<main>${articles.repeat(200)}</main>`);
    const large = htmlDoc(
      `<header><nav>${'<a href="#">x</a>'.repeat(2000)}</nav></header><main>${articles.repeat(20000)}</main>`,
    );
    const time = (doc: Document) => {
      for (let i = 0; i < 5; i++) detectMinutes(doc, 'https://www.example.dk/');
      const ts: number[] = [];
      for (let i = 0; i < 31; i++) {
        const t = performance.now();
        detectMinutes(doc, 'https://www.example.dk/');
        ts.push(performance.now() - t);
      }
      return ts.sort((a, b) => a - b)[15]!;
    };
    const tSmall = time(small);
    const tLarge = time(large);
    // 100× more content must not cost much more: the sample is bounded.
    expect(tLarge).toBeLessThan(Math.max(tSmall * 4, 2));
    expect(detectMinutes(large, 'https://www.example.dk/').likely).toBe(false);
  });

  it('stays small and imports only types', () => {
    const src = readFileSync(
      resolve(dirname(fileURLToPath(import.meta.url)), '../../../lib/minutes/detect.ts'),
      'utf8',
    );
    expect(src.length).toBeLessThan(8000);
    for (const m of src.matchAll(/^import\s+(.*)$/gm)) expect(m[1]).toMatch(/^type\s/);
    expect(src).not.toMatch(/innerText|getComputedStyle|getBoundingClientRect/);
  });
});
