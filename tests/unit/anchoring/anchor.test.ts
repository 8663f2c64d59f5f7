// @vitest-environment jsdom
import { expect, it, describe as suite } from 'vitest';
import {
  type AnchorResult,
  anchorAll,
  buildTextIndex,
  describe,
  isTextTarget,
  type ScopeResolver,
  type TextIndex,
} from '../../../lib/anchoring';
import { type AnchorScope, Target } from '../../../lib/model/selectors';
import { fixtureDoc, htmlDoc } from './helpers';

function scopeOf(n: number): AnchorScope {
  return { punktNumber: n, caseNumber: null, sectionKind: 'sagsfremstilling', sectionIndex: 0 };
}

/** Scopes of the Åben Dagsorden fixture: each agenda item's content. */
function fixtureResolver(doc: Document): ScopeResolver {
  return (s) => doc.querySelectorAll('.agenda-item-content')[s.punktNumber - 1] ?? null;
}

/** Deterministic selections: in every scope, a few word-aligned slices. */
function selections(idx: TextIndex, doc: Document, perScope: number) {
  const out: Array<{ scope: AnchorScope; start: number; end: number }> = [];
  const items = doc.querySelectorAll('.agenda-item-content');
  items.forEach((el, i) => {
    const o = idx.elementOffsets(el);
    const len = o.end - o.start;
    for (let k = 0; k < perScope; k++) {
      const a = o.start + Math.floor((len * k) / perScope);
      const s = idx.text.indexOf(' ', a) + 1;
      const e = Math.min(o.end, s + 20 + ((k * 37) % 120));
      if (s > 0 && e > s && /\S/.test(idx.text.slice(s, e)))
        out.push({ scope: scopeOf(i + 1), start: s, end: e });
    }
  });
  return out;
}

function texts(idx: TextIndex, results: AnchorResult[]): string[] {
  return results.map((r) => (r.status === 'anchored' ? idx.slice(r.start, r.end) : '<orphan>'));
}

suite('describe → anchorAll', () => {
  it('round-trips on unchanged text, all by position, with valid targets', () => {
    const doc = fixtureDoc('000-aabendagsorden.html');
    const resolve = fixtureResolver(doc);
    const idx = buildTextIndex(doc);
    const sels = selections(idx, doc, 6);
    expect(sels.length).toBeGreaterThan(50);
    const targets = sels.map((s) => describe(idx, s, s.scope, resolve)!);
    for (const t of targets) expect(Target.safeParse(t).success).toBe(true);
    expect(targets.every(isTextTarget)).toBe(true);
    expect(isTextTarget({ scope: scopeOf(1), selectors: [] })).toBe(false);
    // Position is relative to the scope, not the page.
    const first = targets[7]!;
    expect(first.selectors[1].start).toBeLessThan(sels[7]!.start);
    const again = buildTextIndex(doc);
    const res = anchorAll(targets, again, resolve);
    expect(res.every((r) => r.method === 'position')).toBe(true);
    expect(texts(again, res)).toEqual(sels.map((s) => idx.slice(s.start, s.end)));
  });

  it('text inserted before the section shifts body offsets, not section offsets', () => {
    const doc = fixtureDoc('000-aabendagsorden.html');
    const resolve = fixtureResolver(doc);
    const idx = buildTextIndex(doc);
    const sels = selections(idx, doc, 4);
    const targets = sels.map((s) => describe(idx, s, s.scope, resolve)!);
    const banner = doc.createElement('div');
    banner.textContent = 'Nyt cookiebanner med en hel del tekst, der skubber alt nedad på siden. '.repeat(5);
    doc.body.prepend(banner);
    const nav = doc.createElement('p');
    nav.textContent = 'Ekstra brødkrumme';
    doc.querySelector('main')!.prepend(nav);
    const after = buildTextIndex(doc);
    const res = anchorAll(targets, after, resolve);
    expect(res.every((r) => r.method === 'position')).toBe(true);
    expect(texts(after, res)).toEqual(sels.map((s) => idx.slice(s.start, s.end)));
    expect((res[0] as { start: number }).start).toBeGreaterThan(sels[0]!.start);
  });

  const repeated =
    '<div id="s1"><p>Indledning om sagen.</p>' +
    '<p>Udvalget godkender indstillingen fra forvaltningen om budgettet for 2024.</p>' +
    '<p>Mellemtekst om noget helt andet, nemlig veje og cykelstier.</p>' +
    '<p>Byrådet godkender indstillingen fra forvaltningen om lokalplanen.</p></div>';

  it('prefix and suffix choose between repeats of the quote', () => {
    const doc = htmlDoc(repeated);
    const resolve: ScopeResolver = () => doc.getElementById('s1');
    const idx = buildTextIndex(doc);
    const quote = 'godkender indstillingen fra forvaltningen';
    const second = idx.text.lastIndexOf(quote);
    const t = describe(idx, { start: second, end: second + quote.length }, scopeOf(1), resolve)!;
    // Shift the text inside the scope so the position no longer matches.
    const p = doc.createElement('p');
    p.textContent = 'Tilføjet afsnit. ';
    doc.getElementById('s1')!.prepend(p);
    const after = buildTextIndex(doc);
    const [r] = anchorAll([t], after, resolve);
    expect(r!.method).toBe('quote');
    expect(r!.start).toBe(after.text.lastIndexOf(quote));
    // And the first occurrence is found as the first one.
    const firstT = describe(
      idx,
      { start: idx.text.indexOf(quote), end: idx.text.indexOf(quote) + quote.length },
      scopeOf(1),
      resolve,
    )!;
    const [r1] = anchorAll([firstT], after, resolve);
    expect(r1!.start).toBe(after.text.indexOf(quote));
  });

  it('edited words inside the quote anchor fuzzily at the right place; a deleted quote is an orphan', () => {
    const doc = htmlDoc(
      '<div id="a"><p>Forvaltningen foreslår, at der afsættes 2,5 mio. kr. til renovering af Hedeskolens faglokaler i 2024.</p><p>Sagen har været drøftet i skolebestyrelsen.</p></div>' +
        '<div id="b"><p>Et helt andet punkt om affaldssortering og genbrugspladser.</p></div>',
    );
    const resolve: ScopeResolver = (s) => doc.getElementById(s.punktNumber === 1 ? 'a' : 'b');
    const idx = buildTextIndex(doc);
    const q1 = 'der afsættes 2,5 mio. kr. til renovering af Hedeskolens faglokaler';
    const s1 = idx.text.indexOf(q1);
    const q2 = 'Sagen har været drøftet i skolebestyrelsen.';
    const s2 = idx.text.indexOf(q2);
    const t1 = describe(idx, { start: s1, end: s1 + q1.length }, scopeOf(1), resolve)!;
    const t2 = describe(idx, { start: s2, end: s2 + q2.length }, scopeOf(1), resolve)!;
    const p = doc.querySelector('#a p')!;
    p.textContent =
      'Forvaltningen foreslår nu, at der afsættes 3,1 mio. kr. til renovering af Hedeskolens nye faglokaler i 2024.';
    doc.querySelectorAll('#a p')[1]!.remove();
    const after = buildTextIndex(doc);
    const [r1, r2] = anchorAll([t1, t2], after, resolve);
    expect(r1!.method).toBe('fuzzy-scope');
    expect(after.slice(r1!.start, r1!.end)).toBe(
      'der afsættes 3,1 mio. kr. til renovering af Hedeskolens nye faglokaler',
    );
    expect(r2!.status).toBe('orphaned');
  });

  it('falls back to the page when the quote moved to another section (exact, then fuzzy)', () => {
    const doc = htmlDoc(
      '<div id="a"><p>Kort tekst.</p></div><div id="b"><p>Beslutning: Udvalget anbefaler, at kommunalbestyrelsen godkender den reviderede plan for ældreområdet.</p></div>',
    );
    const resolve: ScopeResolver = (s) => doc.getElementById(s.punktNumber === 1 ? 'a' : 'b');
    const idx = buildTextIndex(doc);
    const q = 'Udvalget anbefaler, at kommunalbestyrelsen godkender den reviderede plan';
    const s = idx.text.indexOf(q);
    // Described as if it lived in scope 1 (e.g. the punkt was split).
    const t: Target = {
      scope: scopeOf(1),
      selectors: [
        { type: 'TextQuoteSelector', exact: q, prefix: 'Beslutning: ', suffix: ' for ældreområdet.' },
        { type: 'TextPositionSelector', start: 3, end: 3 + q.length },
      ],
    };
    const [r] = anchorAll([t], idx, resolve);
    expect(r!.method).toBe('quote-page');
    expect(r!.start).toBe(s);
    doc.querySelector('#b p')!.textContent =
      'Beslutning: Udvalget anbefalede, at kommunalbestyrelsen godkender den reviderede plan for ældreområdet.';
    const after = buildTextIndex(doc);
    const [r2] = anchorAll([t], after, resolve);
    expect(r2!.method).toBe('fuzzy-page');
    expect(after.slice(r2!.start, r2!.end)).toBe(
      'Udvalget anbefalede, at kommunalbestyrelsen godkender den reviderede plan',
    );
  });

  it('an unresolvable scope still anchors by quote on the page; an empty result is an orphan', () => {
    const doc = htmlDoc('<p>Der er ingen sektioner her, kun en linje om parkering ved rådhuset.</p>');
    const idx = buildTextIndex(doc);
    const q = 'parkering ved rådhuset';
    const s = idx.text.indexOf(q);
    const t = describe(idx, { start: s, end: s + q.length }, null)!;
    expect(t.scope).toBeNull();
    const lost: Target = { ...t, scope: scopeOf(9) };
    const [a, b] = anchorAll([t, lost], idx, () => null);
    expect(a!.method).toBe('position');
    expect(b!.method).toBe('quote-page');
    const gone: Target = {
      scope: null,
      selectors: [
        { type: 'TextQuoteSelector', exact: 'helt ukendt sætning om noget', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 28 },
      ],
    };
    expect(anchorAll([gone], idx)[0]!.status).toBe('orphaned');
    // A resolver that throws is "scope not found", not a failed batch.
    const [c] = anchorAll([lost], idx, () => {
      throw new Error('broken DomRef');
    });
    expect(c!.method).toBe('quote-page');
  });

  it('treats <br> as a space in quotes and anchors across elements and text nodes', () => {
    const doc = htmlDoc('<div id="s"><p>Linje et<br>linje to med <b>fed <i>kursiv</i></b> og mere</p></div>');
    const resolve: ScopeResolver = () => doc.getElementById('s');
    const idx = buildTextIndex(doc);
    const r = doc.createRange();
    r.setStart(doc.querySelector('p')!.firstChild!, 6);
    r.setEnd(doc.querySelector('i')!.firstChild!, 3);
    const t = describe(idx, r, scopeOf(1), resolve)!;
    expect(t.selectors[0].exact).toBe('et linje to med fed kur');
    expect(t.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start: 6,
      end: 29,
      codePoints: { start: 6, end: 29 },
    });
    // The page re-renders <br> as a space in one text node: still found.
    doc.querySelector('p')!.innerHTML = 'Linje et linje to med <b>fed <i>kursiv</i></b> og mere';
    const after = buildTextIndex(doc);
    const [res] = anchorAll([t], after, resolve);
    expect(res!.method).toBe('position');
    const range = after.toRange(res!.start, res!.end)!;
    expect(range.toString()).toBe('et linje to med fed kur');
    expect(range.endContainer).toBe(doc.querySelector('i')!.firstChild);
  });

  it('handles unicode (æøå, emoji) in quotes and context', () => {
    const doc = htmlDoc(
      '<div id="s"><p>Børn og unge 👩‍👩‍👧 får æbler 🍎 på skolen i Ærøskøbing, så alle kan spise.</p></div>',
    );
    const resolve: ScopeResolver = () => doc.getElementById('s');
    const idx = buildTextIndex(doc);
    const q = 'får æbler 🍎 på skolen i Ærøskøbing';
    const s = idx.text.indexOf(q);
    const t = describe(idx, { start: s, end: s + q.length }, scopeOf(1), resolve)!;
    doc.querySelector('p')!.textContent =
      'Nu: Børn og unge 👩‍👩‍👧 får æbler 🍏 på skolen i Ærøskøbing, så alle kan spise.';
    const after = buildTextIndex(doc);
    const [r] = anchorAll([t], after, resolve);
    expect(r!.method).toBe('fuzzy-scope');
    expect(after.slice(r!.start, r!.end)).toBe('får æbler 🍏 på skolen i Ærøskøbing');
  });

  it('resolves each scope once per batch', () => {
    const doc = fixtureDoc('000-aabendagsorden.html');
    const base = fixtureResolver(doc);
    const idx = buildTextIndex(doc);
    const sels = selections(idx, doc, 10);
    const targets = sels.map((s) => describe(idx, s, s.scope, base)!);
    let calls = 0;
    const counting: ScopeResolver = (s) => {
      calls++;
      return base(s);
    };
    anchorAll(targets, idx, counting);
    expect(calls).toBe(new Set(sels.map((s) => s.scope.punktNumber)).size);
  });
});
