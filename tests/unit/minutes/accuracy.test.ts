// @vitest-environment node
// Accuracy against the manifest's ground truth: every fixture and every seed.
import { describe, expect, it } from 'vitest';
import { detectMinutes } from '../../../lib/minutes/detect';
import { parseDocument, parseText, resolveDomRef } from '../../../lib/minutes/index';
import { ParseResult } from '../../../lib/model/minutes';
import {
  fixtureHtml,
  htmlDoc,
  type ManifestEntry,
  manifest,
  renderedDoc,
  seedText,
  type Truth,
} from './helpers';

function expectTruth(result: ParseResult, truth: Truth) {
  expect(ParseResult.safeParse(result).success).toBe(true);
  expect(result.isMinutes).toBe(truth.isMinutes);
  if (!truth.isMinutes) {
    expect(result.meeting).toBeUndefined();
    return;
  }
  const m = result.meeting!;
  expect(m.committee).toBe(truth.committee);
  expect(m.date).toBe(truth.date);
  const expected = truth.punkter!;
  expect(m.punkter.map((p) => p.number)).toEqual(expected.map((p) => p.number));
  for (const [i, tp] of expected.entries()) {
    const p = m.punkter[i]!;
    expect({ n: p.number, title: p.printedTitle }).toEqual({ n: tp.number, title: tp.title });
    expect({ n: p.number, caseNumber: p.caseNumber }).toEqual({ n: tp.number, caseNumber: tp.caseNumber });
    expect({ n: p.number, closed: p.closed }).toEqual({ n: tp.number, closed: tp.closed });
    expect({ n: p.number, decision: p.decision }).toEqual({ n: tp.number, decision: tp.decision });
    // Stripped title: printed title without "Lukket:" / "LUKKET" prefixes.
    expect(p.title).toBe(tp.title.replace(/^Lukket:\s*/, '').replace(/^LUKKET\s+/, ''));
    if (tp.closed) expect(p.prefixes[0]).toMatch(/^lukket$/i);
  }
}

const entries = manifest();

describe('fixtures (manifest ground truth)', () => {
  for (const e of entries) {
    it(`${e.file}`, () => {
      const doc = htmlDoc(fixtureHtml(e.file), e.url);
      const html = doc.documentElement.outerHTML;
      const result = parseDocument(doc, e.url);
      expectTruth(result, e.truth);
      // Read-only: the document is unchanged.
      expect(doc.documentElement.outerHTML).toBe(html);
      if (e.truth.isMinutes) {
        expect(result.meeting!.municipality).toBe(e.municipality);
        expect(result.meeting!.sourceUrl).toBe(e.url);
        expect(result.meeting!.kind).toBe('referat');
      }
    });
  }
});

describe('detector agrees with the ground truth on static fixtures', () => {
  for (const e of entries.filter((x) => x.style !== 'firstagenda')) {
    it(e.file, () => {
      const d = detectMinutes(htmlDoc(fixtureHtml(e.file), e.url), e.url);
      expect(d.likely).toBe(e.truth.isMinutes);
    });
  }
  for (const e of entries.filter((x) => x.style === 'firstagenda')) {
    it(`${e.file} (portal shell before rendering is pending)`, () => {
      const d = detectMinutes(htmlDoc(fixtureHtml(e.file), e.url), e.url);
      expect(d.platform).toBe('firstagenda');
      expect(d.likely || d.pending).toBe(true);
    });
  }
});

describe('seeds (plain text) match the full meeting truth', () => {
  const bySeed = new Map<string, ManifestEntry>();
  for (const e of entries) if (e.seed && e.style === 'firstagenda') bySeed.set(e.seed, e);
  for (const [seed, e] of bySeed) {
    it(seed, () => {
      const result = parseText(seedText(seed));
      expectTruth(result, e.truth);
      expect(result.platform).toBe('text');
      expect(result.meeting!.municipality).toBe(e.municipality);
      expect(result.meeting!.punkter.every((p) => p.dom === null)).toBe(true);
    });
  }
});

describe('FirstAgenda portal', () => {
  for (const e of entries.filter((x) => x.style === 'firstagenda')) {
    it(`${e.file}: raw HTML is parsed from the embedded JSON state`, () => {
      const result = parseDocument(htmlDoc(fixtureHtml(e.file), e.url), e.url);
      expectTruth(result, e.truth);
      expect(result.platform).toBe('firstagenda');
      const p = result.meeting!.punkter[0]!;
      expect(p.deepLink).toMatch(/[?&]punktid=[0-9a-f-]{36}$/);
      expect(p.deepLink).toContain(new URL(e.url).searchParams.get('id')!);
    });

    it(`${e.file}: rendered DOM with all items collapsed`, async () => {
      const dom = await renderedDoc(fixtureHtml(e.file), e.url);
      try {
        const doc = dom.window.document;
        const items = doc.querySelectorAll('.agenda-item-body');
        expect(items.length).toBe(e.truth.punkter!.length);
        expect([...items].every((b) => (b as HTMLElement).hidden)).toBe(true);
        expect(detectMinutes(doc, e.url).likely).toBe(true);
        const result = parseDocument(doc, e.url);
        expectTruth(result, e.truth);
        // DomRefs point into the rendered document.
        for (const p of result.meeting!.punkter) {
          expect(p.dom).not.toBeNull();
          const range = resolveDomRef(doc, p.dom!);
          expect(range).not.toBeNull();
          expect(range!.toString()).toContain(p.printedTitle.slice(0, 20));
          const item = doc.querySelector(`[data-punkt-id]`);
          expect(item).not.toBeNull();
          expect(p.deepLink).toMatch(/punktid=/);
        }
        const dec = result.meeting!.punkter.find((p) => p.decision)!;
        const sec = dec.sections.find((s) => s.kind === 'beslutning')!;
        expect(resolveDomRef(doc, sec.dom!)!.toString().replace(/\s+/g, ' ')).toContain(
          dec.decision!.slice(0, 20),
        );
      } finally {
        dom.window.close();
      }
    });
  }
});
