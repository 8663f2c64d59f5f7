// @vitest-environment node
// Other markups, negatives and bad input.
import { describe, expect, it } from 'vitest';
import { detectMinutes } from '../../../lib/minutes/detect';
import { parseDocument, resolveDomRef } from '../../../lib/minutes/index';
import { ParseResult } from '../../../lib/model/minutes';
import { htmlDoc, page } from './helpers';
import * as V from './variants';

const URL = 'https://www.eksempel.dk/politik/udvalg/referat';

function parse(html: string, url = URL): ParseResult {
  const doc = htmlDoc(html, url);
  const before = doc.documentElement.outerHTML;
  const r = parseDocument(doc, url);
  expect(ParseResult.safeParse(r).success).toBe(true);
  expect(doc.documentElement.outerHTML).toBe(before);
  return r;
}

describe('other markups', () => {
  it('punkt headings as bold paragraphs, labels with colons, prefixes and closed items', () => {
    const r = parse(V.boldParagraphs);
    expect(r.isMinutes).toBe(true);
    const m = r.meeting!;
    expect(m.committee).toBe('Teknik- og Miljøudvalget');
    expect(m.date).toBe('2023-05-03');
    expect(m.time).toBe('17:00');
    expect(m.place).toBe('Rådhuset, mødelokale 2');
    expect(m.participants).toEqual(['Anne Hansen (A)', 'Bo Jensen (V)', 'Carl Olsen (F)']);
    expect(m.absent).toEqual(['Bo Jensen (V)']);
    expect(m.punkter.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(m.punkter.map((p) => p.caseNumber)).toEqual(['23/1234', '23/4411', null]);
    const [p1, p2, p3] = m.punkter;
    expect(p1!.decision).toBe('Godkendt.');
    expect(p2!.printedTitle).toBe('Orienteringssag: Status på vejprojekter');
    expect(p2!.title).toBe('Status på vejprojekter');
    expect(p2!.prefixes).toEqual(['Orienteringssag']);
    expect(p2!.sections.map((s) => s.kind)).toEqual(['resume', 'indstilling', 'beslutning']);
    // The attendance line after the decision is not part of it.
    expect(p2!.decision).toBe('Taget til efterretning.');
    expect(p3!.closed).toBe(true);
    expect(p3!.title).toBe('Salg af grund');
  });

  it('h2 "N. Title" headings with h3 sections, case number in the heading, history and upcoming', () => {
    const r = parse(V.h2Numbered);
    expect(r.isMinutes).toBe(true);
    const m = r.meeting!;
    expect(m.committee).toBe('Økonomiudvalget');
    expect(m.kind).toBe('dagsorden');
    expect(m.date).toBe('2023-12-12');
    expect(m.place).toBe('Byrådssalen');
    expect(m.punkter.map((p) => p.number)).toEqual([1, 2, 3]);
    const p1 = m.punkter[0]!;
    expect(p1.printedTitle).toBe('Budgetopfølgning 3. kvartal');
    expect(p1.caseNumber).toBe('27.00.00-A00-1-23');
    expect(p1.case).toMatchObject({ format: 'kle', kle: '27.00.00', facet: 'A00', serial: '1', year: 2023 });
    expect(p1.sections.map((s) => s.kind)).toEqual([
      'sagsfremstilling',
      'oekonomi',
      'indstilling',
      'historik',
      'kommende',
    ]);
    expect(p1.history).toEqual([
      { body: 'Økonomiudvalget', date: '2023-11-14', punkt: 4, text: 'Økonomiudvalget 14.11.2023, punkt 4' },
    ]);
    expect(p1.upcoming).toEqual([{ body: 'Byrådet', date: '2023-12-20', text: 'Byrådet 20.12.2023' }]);
    expect(m.punkter[1]!.sections.map((s) => s.kind)).toEqual(['resume', 'lovgrundlag', 'indstilling']);
    expect(p1.decision).toBeNull();
  });

  it('table-based layout', () => {
    const r = parse(V.tableLayout);
    expect(r.isMinutes).toBe(true);
    const m = r.meeting!;
    expect(m.committee).toBe('Børne- og Skoleudvalget');
    expect(m.date).toBe('2022-10-04');
    expect(m.punkter.map((p) => [p.number, p.printedTitle, p.caseNumber, p.decision])).toEqual([
      [1, 'Meddelelser', '22/100', 'Taget til efterretning.'],
      [2, 'Skolestruktur', '22/200', 'Anbefales.'],
    ]);
  });

  it('numbered sub-headings inside Sagsfremstilling are not punkter', () => {
    const r = parse(V.subHeadings);
    expect(r.isMinutes).toBe(true);
    const m = r.meeting!;
    expect(m.punkter.map((p) => p.number)).toEqual([1, 2]);
    const p1 = m.punkter[0]!;
    expect(p1.sections.map((s) => s.kind)).toEqual(['sagsfremstilling', 'indstilling', 'beslutning']);
    expect(p1.sections[0]!.text).toContain('1. Konceptet');
    expect(p1.sections[0]!.text).toContain('Klimatiltag');
    expect(p1.decision).toBe('Godkendt.');
    expect(m.punkter[1]!.case).toMatchObject({ kle: '18.15.00', facet: 'Ø40', serial: '3', year: 2023 });
  });

  it('agenda and minutes tabs with the same punkter: one coherent sequence, the one with decisions', () => {
    const r = parse(V.twoTabs);
    expect(r.isMinutes).toBe(true);
    const m = r.meeting!;
    expect(m.punkter.map((p) => [p.number, p.decision])).toEqual([
      [1, 'Taget til efterretning.'],
      [2, 'Godkendt.'],
    ]);
    expect(m.punkter[1]!.sections.map((s) => s.kind)).toEqual(['indstilling', 'beslutning']);
  });

  it('unknown CMS with plain-paragraph headings: main content found with Readability, refs stay live', () => {
    const url = 'https://www.eksempel.dk/aeldreraadet/referat-7-marts';
    const doc = htmlDoc(V.divSoup, url);
    const r = parseDocument(doc, url);
    expect(r.isMinutes).toBe(true);
    const m = r.meeting!;
    expect(m).toMatchObject({ committee: 'Ældrerådet', date: '2024-03-07', time: '10:00', kind: 'referat' });
    expect(m.punkter.map((p) => [p.number, p.printedTitle])).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Høring om madservice'],
      [3, 'Eventuelt'],
    ]);
    expect(m.punkter[1]!.decision).toMatch(/^Rådet afgiver høringssvar/);
    for (const p of m.punkter) {
      const text = resolveDomRef(doc, p.dom!)!.toString();
      expect(text).toContain(p.printedTitle);
      expect(text).not.toContain('Torvet 1');
    }
  });

  it('"N - Title" punkt headings with numbered field headings ("2. Sagsfremstilling")', () => {
    const html = page(`<h1>Referat – Miljøudvalget</h1><p>Dato: 14.03.2024</p>
<h2>1 - Affaldsplan 2024</h2><h3>1. Resumé</h3><p>Planen revideres.</p><h3>2. Sagsfremstilling</h3><p>Et udkast.</p>
<h3>3. Indstilling</h3><p>Det indstilles at planen godkendes.</p><h3>4. Beslutning</h3><p>Godkendt.</p>
<h2>2 - Vandløb</h2><h3>1. Resumé</h3><p>Status.</p><h3>2. Beslutning</h3><p>Taget til efterretning.</p>`);
    const m = parse(html).meeting!;
    expect(m).toMatchObject({ committee: 'Miljøudvalget', date: '2024-03-14' });
    expect(m.punkter.map((p) => [p.number, p.title, p.decision, p.sections.map((s) => s.kind)])).toEqual([
      [1, 'Affaldsplan 2024', 'Godkendt.', ['resume', 'sagsfremstilling', 'indstilling', 'beslutning']],
      [2, 'Vandløb', 'Taget til efterretning.', ['resume', 'beslutning']],
    ]);
    expect(m.punkter[0]!.sections[1]!.heading).toBe('2. Sagsfremstilling');
  });

  it('CSS-numbered agenda: <ol start> items with heading titles', () => {
    const html = page(`<h1>Dagsorden for Kommunalbestyrelsen</h1><p>Mødedato: 25.01.2024 kl. 18.00</p>
<ol class="agenda" start="4">
<li><h3>Godkendelse af dagsorden</h3><p>Sagsnr. 24/10021</p><h4>Indstilling</h4><p>Det indstilles, at dagsordenen godkendes.</p></li>
<li><h3>Lokalplan 88</h3><p>Sagsnr. 24/10022</p><h4>Sagsfremstilling</h4><p>Planen omfatter:</p>
<ol><li><strong>Boliger</strong> i området</li><li><strong>Stier</strong></li></ol><h4>Indstilling</h4><p>Planen vedtages.</p></li>
<li><h3>Lukket: Salg af ejendom</h3></li>
</ol>`);
    const m = parse(html).meeting!;
    expect(m).toMatchObject({
      committee: 'Kommunalbestyrelsen',
      kind: 'dagsorden',
      date: '2024-01-25',
      time: '18:00',
    });
    expect(m.punkter.map((p) => [p.number, p.title, p.caseNumber, p.closed])).toEqual([
      [4, 'Godkendelse af dagsorden', '24/10021', false],
      [5, 'Lokalplan 88', '24/10022', false],
      [6, 'Salg af ejendom', null, true],
    ]);
  });

  it('attendance inside the decision paragraph and a "(Lukket punkt)" suffix', () => {
    const html = page(`<h1>Referat: Byrådet</h1><p>Mødedato: 20.12.2023</p>
<h2>Punkt 1 Budget</h2><p>Sagsnr. 23/9</p><h3>Beslutning</h3><p>Vedtaget.<br>Fraværende: Ib Holm, Kim Ravn</p>
<h2>Punkt 2 Salg af grund (Lukket punkt)</h2><h3>Beslutning</h3><p>Godkendt.</p>`);
    const m = parse(html).meeting!;
    expect(m.punkter.map((p) => [p.number, p.decision, p.closed])).toEqual([
      [1, 'Vedtaget.', false],
      [2, 'Godkendt.', true],
    ]);
    expect(m.absent).toEqual(['Ib Holm', 'Kim Ravn']);
  });

  it('one punkt per page with the number only in the URL', () => {
    const url = 'https://www.eksempel.dk/politik/byraadet/moede-12122023/referat/punkt-7';
    const html = page(
      `<nav class="breadcrumb"><a href="/">Forside</a> › <a href="/politik">Byrådet</a> › Møde 12.12.2023</nav>
<article><h1>Lokalplan for Havnen</h1><p>Sagsnr. 01.02.05-P16-3-23</p>
<h2>Sagsfremstilling</h2><p>Planen muliggør boliger.</p><h2>Beslutning</h2><p>Vedtaget.</p></article>`,
      'Lokalplan for Havnen',
    );
    const r = parse(html, url);
    expect(r.platform).toBe('punktpage');
    expect(r.meeting).toMatchObject({ committee: 'Byrådet', date: '2023-12-12' });
    expect(r.meeting!.punkter).toMatchObject([
      {
        number: 7,
        title: 'Lokalplan for Havnen',
        caseNumber: '01.02.05-P16-3-23',
        decision: 'Vedtaget.',
        deepLink: url,
      },
    ]);
  });

  it('DomRefs resolve to ranges in the live page', () => {
    const doc = htmlDoc(V.h2Numbered, URL);
    const r = parseDocument(doc, URL);
    for (const p of r.meeting!.punkter) {
      const range = resolveDomRef(doc, p.dom!)!;
      expect(range.toString()).toContain(p.printedTitle);
      for (const s of p.sections) {
        const sr = resolveDomRef(doc, s.dom!)!;
        expect(sr.toString()).toContain(s.heading);
        expect(sr.toString().replace(/\s+/g, ' ')).toContain(s.text.split('\n')[0]!);
      }
    }
    // The last punkt ends before the footer.
    const last = r.meeting!.punkter.at(-1)!;
    expect(resolveDomRef(doc, last.dom!)!.toString()).not.toContain('Rådhuset · Telefon');
  });
});

describe('pages that are not minutes', () => {
  for (const [name, html] of [
    ['news that mentions "Punkt 1" and a decision', V.newsMentioningPunkt],
    ['encyclopedia article about a committee', V.encyclopedia],
    ['list of meetings with dates and committees', V.meetingList],
    ['blog with "Punkt N" headings', V.blog],
  ] as const) {
    it(name, () => {
      const r = parse(html);
      expect(r.isMinutes).toBe(false);
      expect(r.meeting).toBeUndefined();
      expect(detectMinutes(htmlDoc(html, URL), URL).likely).toBe(false);
    });
  }

  it('a page that looks like minutes but has no punkter says so', () => {
    const r = parse(V.noPunkter);
    expect(r).toMatchObject({ isMinutes: false, reason: 'no-punkter' });
  });

  it('an empty document', () => {
    expect(parse('')).toMatchObject({ isMinutes: false, reason: 'not-minutes' });
  });
});

describe('bad input', () => {
  it('malformed markup does not throw', () => {
    const r = parse(V.malformed);
    expect(typeof r.isMinutes).toBe('boolean');
  });

  it('a document without body does not throw', () => {
    const doc = htmlDoc('<p>x</p>', URL);
    doc.documentElement.remove();
    expect(parseDocument(doc, URL)).toMatchObject({ isMinutes: false });
    expect(detectMinutes(doc, URL).likely).toBe(false);
  });

  it('a hostile document whose getters throw returns reason "error"', () => {
    const doc = htmlDoc(V.h2Numbered, URL);
    Object.defineProperty(doc, 'body', {
      get() {
        throw new Error('boom');
      },
    });
    expect(parseDocument(doc, URL)).toMatchObject({ isMinutes: false, reason: 'error' });
    expect(() => detectMinutes(doc, URL)).not.toThrow();
  });

  it('a huge page (4 MB of inline base64 images) is fast and does not throw', () => {
    const img = `<p><img alt="diagram" src="data:image/png;base64,${'iVBORw0KGgo'.repeat(9000)}"></p>`;
    const html = V.h2Numbered.replace('<h3>Økonomi</h3>', `${img.repeat(45)}<h3>Økonomi</h3>`);
    expect(html.length).toBeGreaterThan(4_000_000);
    const doc = htmlDoc(html, URL);
    const t0 = performance.now();
    const r = parseDocument(doc, URL);
    const ms = performance.now() - t0;
    expect(r.isMinutes).toBe(true);
    expect(r.meeting!.punkter).toHaveLength(3);
    expect(ms).toBeLessThan(1000);
    const t1 = performance.now();
    detectMinutes(doc, URL);
    expect(performance.now() - t1).toBeLessThan(50);
  });

  it('hidden and collapsed items are read (textContent, not layout)', () => {
    const html = page(`<h1>Referat: Planudvalget</h1><p>Mødedato 01.02.2024</p>
<ol><li><button aria-expanded="false"><span>1.</span> <span>Lokalplan 12</span></button>
<div hidden><p>Sagsnr. 24/77</p><h4>Beslutning</h4><p>Vedtaget.</p></div></li>
<li><button aria-expanded="false"><span>2.</span> <span>Eventuelt</span></button>
<div style="display:none"><h4>Beslutning</h4><p>Intet.</p></div></li></ol>`);
    const r = parse(html);
    expect(r.meeting!.punkter.map((p) => [p.number, p.printedTitle, p.caseNumber, p.decision])).toEqual([
      [1, 'Lokalplan 12', '24/77', 'Vedtaget.'],
      [2, 'Eventuelt', null, 'Intet.'],
    ]);
  });
});
