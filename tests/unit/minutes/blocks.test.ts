// @vitest-environment node
// The block extractor and lazy DomRef paths (the parser's fast first pass).
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../lib/minutes/blocks';
import { elementAt, pathOf } from '../../../lib/minutes/dom-ref';
import { pathFinder } from '../../../lib/minutes/paths';
import { fixtureHtml, htmlDoc, manifest } from './helpers';

const body = (html: string) => htmlDoc(`<!doctype html><html><body>${html}</body></html>`).body;

describe('extractBlocks', () => {
  it('splits runs at block elements and keeps line breaks and cells in raw', () => {
    const { blocks } = extractBlocks(
      body(
        '<div>Intro <b>fed</b><p>Afsnit<br>linje 2</p>hale</div><table><tr><td>2024</td><td> 1,5 </td></tr></table>',
      ),
    );
    expect(blocks.map((b) => [b.tag, b.text, b.raw])).toEqual([
      ['div', 'Intro fed', 'Intro fed'],
      ['p', 'Afsnit linje 2', 'Afsnit\nlinje 2'],
      ['div', 'hale', 'hale'],
      ['tr', '2024 1,5', '2024\t 1,5 \t'],
    ]);
    // A run after a nested block starts at the owner element.
    expect(blocks[2]!.el!.localName).toBe('div');
  });

  it('records headings, bold, lead text, hints, chrome, anchors, ordinals and item ids', () => {
    const { blocks } = extractBlocks(
      body(
        `<nav><a href="/">Forside</a></nav>
         <a name="p1"></a><h3>Punkt 1 Godkendelse</h3>
         <p><strong>Afbud:</strong> Anna</p>
         <p><span style="font-weight: 700">Alt fed</span></p>
         <div class="item-title">Titel</div>
         <ol start="3"><li>Tre</li><li>Fire</li></ol>
         <div data-punkt-id="77"><div role="heading" aria-level="4">Resumé</div></div>
         <!-- kommentar --><script type="application/json">{"a":1}</script><script>skip()</script>`,
      ),
    );
    const by = (t: string) => blocks.find((b) => b.text === t)!;
    expect(by('Forside').chrome).toBe(true);
    expect(by('Punkt 1 Godkendelse')).toMatchObject({ level: 3, anchor: 'p1', chrome: false });
    expect(by('Afbud: Anna')).toMatchObject({ bold: false, lead: 'Afbud:' });
    expect(by('Alt fed').bold).toBe(true);
    expect(by('Titel').hint).toBe(true);
    expect([by('Tre').ord, by('Fire').ord]).toEqual([3, 4]);
    expect(by('Resumé')).toMatchObject({ level: 4, dataId: '77' });
    expect(blocks.some((b) => b.text.includes('skip'))).toBe(false);
    expect(extractBlocks(body('<script type="application/json">{"a":1}</script>')).jsonScripts).toEqual([
      '{"a":1}',
    ]);
  });
});

describe('pathFinder', () => {
  it('gives every block the DOM path of its element, resolvable with elementAt', () => {
    for (const e of manifest()
      .filter((m) => m.truth.isMinutes)
      .slice(0, 6)) {
      const doc = htmlDoc(fixtureHtml(e.file), e.url);
      const { blocks } = extractBlocks(doc.body);
      const path = pathFinder(doc.body);
      for (const b of blocks) {
        const p = path(b)!;
        expect(p).toEqual(pathOf(doc.body, b.el!));
        expect(elementAt(doc.body, p)).toBe(b.el);
      }
    }
  });

  it('is null without a root and for text blocks', () => {
    const root = body('<p>x</p>');
    const [b] = extractBlocks(root).blocks;
    expect(pathFinder(null)(b)).toBeNull();
    expect(pathFinder(root)({ ...b!, el: null })).toBeNull();
    expect(pathFinder(root)(undefined)).toBeNull();
  });
});
