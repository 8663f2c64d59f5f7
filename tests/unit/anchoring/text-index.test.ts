// @vitest-environment jsdom
import { expect, it, describe as suite } from 'vitest';
import { buildTextIndex } from '../../../lib/anchoring';
import { fixtureDoc, htmlDoc } from './helpers';

suite('buildTextIndex', () => {
  it('counts <br> as one space and separates blocks with one newline', () => {
    const doc = htmlDoc('<p>Første linje<br>anden linje</p><p>Næste</p>tekst<div><span>a</span>b</div>');
    const idx = buildTextIndex(doc);
    expect(idx.text).toBe('Første linje anden linje\nNæste\ntekst\nab');
  });

  it('does not add a separator where whitespace already is', () => {
    const doc = htmlDoc('<p>Et</p>\n<p>To</p>');
    expect(buildTextIndex(doc).text).toBe('Et\nTo');
  });

  it('skips script, style, noscript, template, textarea and our own UI host', () => {
    const doc = htmlDoc(
      '<p>A<script>var x = 1;</script>B</p><style>p{}</style><noscript>nej</noscript>' +
        '<template>skabelon</template><textarea>felt</textarea><sagsspor-root>panel</sagsspor-root>' +
        '<div data-sagsspor-ui>ui</div><span>C</span>',
    );
    expect(buildTextIndex(doc).text).toBe('AB\nC');
  });

  it('includes text inside highlight wrappers', () => {
    const doc = htmlDoc('<p>før <sagsspor-hl>midt</sagsspor-hl> efter</p>');
    expect(buildTextIndex(doc).text).toBe('før midt efter');
  });

  it('maps offsets to nodes and back (binary search + node map)', () => {
    const doc = htmlDoc('<p>Hello <b>bold <i>it</i></b> world</p>');
    const idx = buildTextIndex(doc);
    const start = idx.text.indexOf('lo bo');
    const end = idx.text.indexOf('rld') + 2;
    const range = idx.toRange(start, end)!;
    expect(range.toString()).toBe('lo bold it worl');
    expect(idx.rangeOffsets(range)).toEqual({ start, end });
    const it2 = doc.querySelector('i')!;
    expect(idx.elementOffsets(it2)).toEqual({
      start: idx.text.indexOf('it'),
      end: idx.text.indexOf('it') + 2,
    });
  });

  it('resolves element boundary points to the nearest content', () => {
    const doc = htmlDoc('<div id="a"><p>Et</p><p>To</p></div><div id="b"><p>Tre</p></div>');
    const idx = buildTextIndex(doc);
    const r = doc.createRange();
    r.selectNodeContents(doc.getElementById('b')!);
    expect(idx.slice(idx.rangeOffsets(r).start, idx.rangeOffsets(r).end)).toBe('Tre');
    const a = doc.getElementById('a')!;
    r.setStart(a, 1);
    r.setEnd(a, 2);
    const o = idx.rangeOffsets(r);
    expect(idx.slice(o.start, o.end)).toBe('To');
  });

  it('ranges over <br> and separators start and end on real content', () => {
    const doc = htmlDoc('<p>a<br>b</p><p>c</p>');
    const idx = buildTextIndex(doc);
    expect(idx.text).toBe('a b\nc');
    expect(idx.toRange(1, 3)!.toString()).toBe('b');
    expect(idx.toRange(2, 5)!.toString()).toBe('bc');
    expect(idx.toRange(3, 4)!.collapsed).toBe(true);
  });

  it('indexes a real fixture in one pass with offsets covering the text', () => {
    const doc = fixtureDoc('000-aabendagsorden.html');
    const idx = buildTextIndex(doc);
    expect(idx.text).toContain('Punkt 1 Meddelelser');
    expect(idx.text).not.toContain('font-family');
    for (let i = 1; i < idx.entryCount; i++) expect(idx.starts[i]).toBeGreaterThan(idx.starts[i - 1]!);
    // Every text entry holds exactly its node's data.
    for (let i = 0; i < idx.entryCount; i++) {
      if (idx.kinds[i] === 0)
        expect(idx.slice(idx.starts[i]!, idx.entryEnd(i))).toBe((idx.nodes[i] as Text).data);
    }
  });

  it('keeps unicode (æøå, emoji) as UTF-16 offsets consistently', () => {
    const doc = htmlDoc('<p>Blåbærgrød 🍓 med fløde 👩‍👩‍👧 og æbler</p>');
    const idx = buildTextIndex(doc);
    const s = idx.text.indexOf('🍓');
    const e = idx.text.indexOf('og') + 2;
    expect(idx.toRange(s, e)!.toString()).toBe('🍓 med fløde 👩‍👩‍👧 og');
  });
});
