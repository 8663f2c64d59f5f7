// @vitest-environment jsdom
import { expect, it, describe as suite } from 'vitest';
import {
  anchorAll,
  buildTextIndex,
  codePointCount,
  describe,
  type ScopeResolver,
  splitsSurrogatePair,
} from '../../../lib/anchoring';
import { type AnchorScope, Target, TextPositionSelector } from '../../../lib/model/selectors';
import { htmlDoc } from './helpers';

const scope: AnchorScope = {
  punktNumber: 2,
  caseNumber: null,
  sectionKind: 'sagsfremstilling',
  sectionIndex: 0,
};
const FILLER = 'Udvalget drøftede sagen grundigt og længe, uden emoji.';

/** Astral characters before the scope (punkt 1), early in the scope and far before the quotes. */
function page() {
  const doc = htmlDoc(
    '<div id="p1"><p>Punkt 1 😀 med 🎈 emoji</p></div>' +
      '<div id="s"><p>Indledning 🎉 med 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, 𠀋 og 👨‍👩‍👧 familien.</p>' +
      `<p>${FILLER}</p><p>Her står 🏆 beslutningen om budgettet 𝟚𝟘𝟚𝟛.</p></div>`,
  );
  const resolve: ScopeResolver = (s) => doc.getElementById(s.punktNumber === 1 ? 'p1' : 's');
  const index = buildTextIndex(doc);
  const el = index.elementOffsets(doc.getElementById('s')!);
  const section = index.text.slice(el.start, el.end);
  return { doc, resolve, index, base: el.start, section };
}

const cps = (s: string) => [...s].length;

suite('code points', () => {
  it('codePointCount counts like [...s].length, lone surrogates once', () => {
    for (const s of ['', 'abc', '😀', 'a😀b', '👨‍👩‍👧', '𝔘𝔫𝔦', '𠀋x', '\ud83d', 'x\ude00', '\ude00\ud83d'])
      expect(codePointCount(s), JSON.stringify(s)).toBe(cps(s));
    const s = 'ab😀cd🎉ef';
    for (let i = 0; i <= s.length; i++)
      for (let j = i; j <= s.length; j++) expect(codePointCount(s, i, j)).toBe(cps(s.slice(i, j)));
    expect(splitsSurrogatePair('a😀b', 2)).toBe(true);
    expect(splitsSurrogatePair('a😀b', 1)).toBe(false);
    expect(splitsSurrogatePair('a😀b', 3)).toBe(false);
  });

  it('describe records the code-point span, astral characters far before the quote (beyond the prefix) included', () => {
    const { index, resolve, base, section } = page();
    const q = 'beslutningen om budgettet';
    const s = index.text.indexOf(q);
    const t = describe(index, { start: s, end: s + q.length }, scope, resolve)!;
    const pos = t.selectors[1];
    expect(pos.start).toBe(s - base);
    // 🏆 is inside the 32-character prefix window; the section's other astral characters lie further back.
    const prefix = t.selectors[0].prefix;
    expect(prefix.length).toBe(32);
    expect(prefix.length - cps(prefix)).toBe(1);
    expect(section.slice(0, pos.start - 32)).toMatch(/[\ud800-\udfff]/);
    expect(pos.codePoints).toEqual({
      start: cps(section.slice(0, pos.start)),
      end: cps(section.slice(0, pos.end)),
    });
    // 🎉, 7 math letters, 𠀋, 3 people of the family, then 🏆: 12 + 1 surrogate pairs before the start.
    expect(pos.codePoints!.start).toBe(pos.start - 13);
    // Punkt 1's emoji are outside the scope: not counted.
    expect(index.text.slice(0, base)).toContain('😀');
  });

  it('astral characters inside the quote and inside the prefix window', () => {
    const { index, resolve, section } = page();
    for (const q of [
      '🏆 beslutningen om budgettet 𝟚𝟘𝟚𝟛',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢, 𠀋 og 👨‍👩‍👧 familien',
      'Indledning 🎉',
      'familien',
    ]) {
      const s = index.text.indexOf(q);
      const t = describe(index, { start: s, end: s + q.length }, scope, resolve)!;
      const pos = t.selectors[1];
      expect(t.selectors[0].exact).toBe(q);
      expect(pos.codePoints, q).toEqual({
        start: cps(section.slice(0, pos.start)),
        end: cps(section.slice(0, pos.end)),
      });
      expect(pos.codePoints!.end - pos.codePoints!.start).toBe(cps(q));
    }
  });

  it('scope null counts from the start of the page', () => {
    const { index } = page();
    const q = 'budgettet';
    const s = index.text.indexOf(q);
    const t = describe(index, { start: s, end: s + q.length }, null)!;
    expect(t.selectors[1].codePoints).toEqual({
      start: cps(index.text.slice(0, s)),
      end: cps(index.text.slice(0, s + q.length)),
    });
  });

  it('a selection that cuts an emoji in half is widened to the whole character', () => {
    const { index, resolve, section, base } = page();
    const e = index.text.indexOf('🎉');
    // Start between the halves of 🎉, end between the halves of 𝔘.
    const end = index.text.indexOf('𝔘') + 1;
    const t = describe(index, { start: e + 1, end }, scope, resolve)!;
    expect(t.selectors[0].exact).toBe('🎉 med 𝔘');
    expect(t.selectors[1].start).toBe(e - base);
    expect(t.selectors[1].codePoints).toEqual({
      start: cps(section.slice(0, e - base)),
      end: cps(section.slice(0, end + 1 - base)),
    });
  });

  it('the described target is a valid model Target and still anchors by position', () => {
    const { index, resolve } = page();
    const q = '🏆 beslutningen';
    const s = index.text.indexOf(q);
    const t = describe(index, { start: s, end: s + q.length }, scope, resolve)!;
    const parsed = Target.parse(JSON.parse(JSON.stringify(t)));
    expect(parsed.selectors[1].codePoints).toEqual(t.selectors[1].codePoints);
    const [r] = anchorAll([parsed], index, resolve);
    expect(r).toMatchObject({ status: 'anchored', method: 'position', start: s, end: s + q.length });
  });

  it('model: codePoints is optional (older annotations) and checked against the UTF-16 offsets', () => {
    const old = { type: 'TextPositionSelector', start: 40, end: 50 };
    expect(TextPositionSelector.parse(old)).toEqual(old);
    const ok = { ...old, codePoints: { start: 38, end: 47 } };
    expect(TextPositionSelector.parse(ok)).toEqual(ok);
    for (const codePoints of [
      { start: 41, end: 50 },
      { start: 38, end: 51 },
      { start: 38, end: 37 },
      { start: -1, end: 5 },
      { start: 1.5, end: 5 },
    ])
      expect(TextPositionSelector.safeParse({ ...old, codePoints }).success, JSON.stringify(codePoints)).toBe(
        false,
      );
  });
});
