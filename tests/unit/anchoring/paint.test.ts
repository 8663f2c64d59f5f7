// @vitest-environment jsdom
import { expect, it, describe as suite } from 'vitest';
import {
  buildTextIndex,
  createHighlightPainter,
  createPainter,
  createWrapperPainter,
  highlightCss,
  IntervalList,
  supportsHighlightApi,
} from '../../../lib/anchoring';
import { ANNOTATION_COLORS } from '../../../lib/model/annotation';
import { fixtureDoc, htmlDoc } from './helpers';

const BODY =
  '<div id="s"><p>Første afsnit med <b>fed tekst</b> og <i>kursiv</i>.</p>\n  <p>Andet afsnit<br>efter linjeskift.</p>\n<ul>\n  <li>Et</li>\n  <li>To</li>\n</ul></div>';

function at(text: string, q: string) {
  const s = text.indexOf(q);
  if (s < 0) throw new Error(`not found: ${q}`);
  return { start: s, end: s + q.length };
}

suite('wrapper painter (fallback)', () => {
  it('is chosen in jsdom, where CSS.highlights does not exist', () => {
    const doc = htmlDoc(BODY);
    expect(supportsHighlightApi(globalThis)).toBe(false);
    expect(createPainter(buildTextIndex(doc)).kind).toBe('wrapper');
  });

  it('wraps across text nodes and elements, then restores the DOM exactly', () => {
    const doc = htmlDoc(BODY);
    const root = doc.getElementById('s')!;
    const before = root.innerHTML;
    const originals = Array.from(doc.querySelectorAll('p, b, i, li')).map((e) => e.firstChild);
    const idx = buildTextIndex(doc);
    const text = idx.text;
    const p = createWrapperPainter(idx);
    const a = at(text, 'afsnit med fed tekst og kur');
    const b = at(text, 'tekst og kursiv.');
    const c = at(text, 'Andet afsnit efter');
    p.paint([
      { id: 'a', ...a, color: 'yellow' },
      { id: 'b', ...b, color: 'green' },
      { id: 'c', ...c, color: 'blue' },
    ]);
    const wrappers = Array.from(root.querySelectorAll('sagsspor-hl'));
    expect(wrappers.length).toBeGreaterThan(3);
    const textOf = (id: string) =>
      Array.from(root.querySelectorAll(`sagsspor-hl[data-sagsspor-id="${id}"]`))
        .filter((w) => !w.parentElement?.closest(`sagsspor-hl[data-sagsspor-id="${id}"]`))
        .map((w) => w.textContent)
        .join('');
    expect(textOf('a')).toBe('afsnit med fed tekst og kur');
    expect(textOf('b')).toBe('tekst og kursiv.');
    expect(textOf('c')).toBe('Andet afsnitefter');
    // The text never changes and the index still maps offsets to nodes.
    expect(buildTextIndex(doc).text).toBe(text);
    expect(idx.toRange(a.start, a.end)!.toString()).toBe('afsnit med fed tekst og kur');
    expect(p.idsAtOffset(b.start + 1)).toEqual(['b', 'a']);
    const inner = root.querySelector(
      'sagsspor-hl[data-sagsspor-id="b"] sagsspor-hl, sagsspor-hl[data-sagsspor-id="a"] sagsspor-hl',
    );
    expect(inner).not.toBeNull();
    expect(p.idsAtPoint(inner!.firstChild!, 0).sort()).toEqual(['a', 'b']);
    // Clear one overlapping highlight: the other stays intact.
    p.clear('a');
    expect(root.querySelector('[data-sagsspor-id="a"]')).toBeNull();
    expect(textOf('b')).toBe('tekst og kursiv.');
    expect(buildTextIndex(doc).text).toBe(text);
    expect(idx.toRange(b.start, b.end)!.toString()).toBe('tekst og kursiv.');
    p.clearAll();
    expect(root.innerHTML).toBe(before);
    // The original text node objects are back in place.
    expect(Array.from(doc.querySelectorAll('p, b, i, li')).map((e) => e.firstChild)).toEqual(originals);
    expect(idx.toRange(a.start, a.end)!.toString()).toBe('afsnit med fed tekst og kur');
  });

  it('never throws on a stale index (page text changed after indexing)', () => {
    const doc = htmlDoc('<p id="a">Første tekst her</p><p id="b">Anden tekst</p>');
    const idx = buildTextIndex(doc);
    doc.getElementById('a')!.firstChild!.textContent = 'Kort';
    const p = createWrapperPainter(idx);
    p.paint([{ id: 'x', start: 0, end: idx.length, color: 'yellow' }]);
    expect(Array.from(doc.querySelectorAll('sagsspor-hl')).map((w) => w.textContent)).toEqual([
      'Anden tekst',
    ]);
    p.clearAll();
    expect(doc.body.innerHTML).toBe('<p id="a">Kort</p><p id="b">Anden tekst</p>');
    expect(idx.toRange(2, idx.length)).not.toBeNull();
  });

  it('skips whitespace-only text nodes', () => {
    const doc = htmlDoc(BODY);
    const root = doc.getElementById('s')!;
    const idx = buildTextIndex(doc);
    const p = createWrapperPainter(idx);
    p.paint([{ id: 'list', ...at(idx.text, 'Et\n  To'), color: 'pink' }]);
    const ws = Array.from(root.querySelectorAll('sagsspor-hl'));
    expect(ws.map((w) => w.textContent)).toEqual(['Et', 'To']);
    expect(root.querySelector('ul')!.childNodes[0]!.nodeType).toBe(3);
    p.clearAll();
    expect(root.querySelectorAll('sagsspor-hl').length).toBe(0);
  });

  it('repaints by id and survives an index rebuild; restores a whole fixture', () => {
    const doc = fixtureDoc('000-aabendagsorden.html');
    const before = doc.body.innerHTML;
    const idx = buildTextIndex(doc);
    const p = createWrapperPainter(idx);
    const anchors = [] as Array<{ id: string; start: number; end: number; color: string }>;
    for (let i = 0; i < 60; i++) {
      const s = Math.floor((idx.length * i) / 61);
      anchors.push({ id: `h${i}`, start: s, end: s + 40 + (i % 7) * 25, color: 'yellow' });
    }
    p.paint(anchors);
    p.paint([{ ...anchors[3]!, end: anchors[3]!.end + 10 }]);
    const rebuilt = buildTextIndex(doc);
    expect(rebuilt.text).toBe(idx.text);
    p.setIndex(rebuilt);
    p.paint([{ id: 'late', start: 100, end: 160, color: 'green' }]);
    for (const a of anchors.slice(0, 10)) {
      expect(rebuilt.toRange(a.start, a.end)!.toString().replace(/\s+/g, '')).toBe(
        idx.text.slice(a.start, a.end).replace(/\s+/g, ''),
      );
    }
    p.clearAll();
    expect(doc.body.innerHTML).toBe(before);
  });
});

suite('highlight API painter', () => {
  class FakeHighlight extends Set<AbstractRange> {}
  function fakeWindow() {
    const highlights = new Map<string, FakeHighlight>();
    return {
      highlights,
      win: { CSS: { highlights }, Highlight: FakeHighlight } as unknown as typeof globalThis,
    };
  }

  it('adds one Highlight per colour, never touches the DOM, and hit-tests offsets', () => {
    const doc = htmlDoc(BODY);
    const before = doc.body.innerHTML;
    const idx = buildTextIndex(doc);
    const { highlights, win } = fakeWindow();
    const p = createHighlightPainter(idx, win)!;
    expect(p.kind).toBe('highlight-api');
    expect(createPainter(idx, { win }).kind).toBe('highlight-api');
    const a = at(idx.text, 'fed tekst og');
    const b = at(idx.text, 'Andet afsnit efter');
    p.paint([
      { id: 'a', ...a, color: 'yellow' },
      { id: 'b', ...b, color: 'yellow' },
      { id: 'c', ...a, color: 'blue' },
    ]);
    expect([...highlights.keys()].sort()).toEqual(['sagsspor-blue', 'sagsspor-yellow']);
    expect(highlights.get('sagsspor-yellow')!.size).toBe(2);
    const r = [...highlights.get('sagsspor-yellow')!][1] as Range;
    expect(r.toString()).toBe('Andet afsnitefter');
    expect(doc.body.innerHTML).toBe(before);
    expect(p.idsAtOffset(a.start).sort()).toEqual(['a', 'c']);
    expect(p.idsAtOffset(b.end)).toEqual([]);
    const bold = doc.querySelector('b')!.firstChild!;
    expect(p.idsAtPoint(bold, 2).sort()).toEqual(['a', 'c']);
    p.clear('a');
    expect(highlights.get('sagsspor-yellow')!.size).toBe(1);
    // After late content, setIndex re-derives offsets from the live ranges.
    const extra = doc.createElement('p');
    extra.textContent = 'Nyt indhold øverst. ';
    doc.body.prepend(extra);
    const rebuilt = buildTextIndex(doc);
    p.setIndex(rebuilt);
    expect(p.idsAtOffset(rebuilt.text.indexOf('Andet afsnit'))).toEqual(['b']);
    p.clearAll();
    expect(highlights.size).toBe(0);
  });

  it('provides ::highlight and wrapper CSS for every colour', () => {
    const css = highlightCss();
    for (const c of ANNOTATION_COLORS) {
      expect(css).toContain(`::highlight(sagsspor-${c})`);
      expect(css).toContain(`sagsspor-hl[data-color="${c}"]`);
    }
  });
});

suite('IntervalList', () => {
  it('returns containing intervals innermost first', () => {
    const l = new IntervalList();
    l.set('outer', 0, 100);
    l.set('mid', 10, 50);
    l.set('inner', 20, 30);
    l.set('after', 60, 70);
    expect(l.idsAt(25)).toEqual(['inner', 'mid', 'outer']);
    expect(l.idsAt(30)).toEqual(['mid', 'outer']);
    expect(l.idsAt(65)).toEqual(['after', 'outer']);
    expect(l.idsAt(100)).toEqual([]);
    l.delete('outer');
    expect(l.idsAt(5)).toEqual([]);
  });
});
