// @vitest-environment jsdom
// W3C export positions are Unicode code points: highlights described by lib/anchoring on a page
// with astral characters (emoji, rare CJK, mathematical letters) far before the quote, inside the
// 32-character prefix window and inside the quote; older annotations without `codePoints`.
import { describe, expect, it } from 'vitest';
import { buildTextIndex, describe as describeSelection, type ScopeResolver } from '../../../lib/anchoring';
import { ANNO_CONTEXT, toJsonLd, toW3cAnnotation } from '../../../lib/export';
import { exportedPositions } from '../../../lib/export/jsonld';
import { Annotation } from '../../../lib/model/annotation';
import { BackupV1 } from '../../../lib/model/backup';
import type { AnchorScope, Target } from '../../../lib/model/selectors';
import { htmlDoc } from '../anchoring/helpers';
import { validateAnnotation, validateCollection } from './w3c-validator';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD, inspected freely in assertions (the validator checks shapes)
type Obj = Record<string, any>;

const URL = 'https://ballerup.dk/dagsorden/123';
const scope: AnchorScope = {
  meetingKey: 'ballerup:2023-06-06:erhverv',
  punktNumber: 2,
  caseNumber: '24.00.00-G01-16-23',
  sectionKind: 'sagsfremstilling',
  sectionIndex: 0,
};

function page() {
  const doc = htmlDoc(
    '<div id="p1"><p>Punkt 1 😀 med 🎈 emoji</p></div>' +
      '<div id="s"><p>Indledning 🎉 med 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, 𠀋 og 👨‍👩‍👧 familien.</p>' +
      '<p>Udvalget drøftede sagen grundigt og længe, uden emoji.</p>' +
      '<p>Her står 🏆 beslutningen om budgettet 𝟚𝟘𝟚𝟛.</p></div>',
  );
  const resolve: ScopeResolver = (s) => doc.getElementById(s.punktNumber === 1 ? 'p1' : 's');
  const index = buildTextIndex(doc);
  const el = index.elementOffsets(doc.getElementById('s')!);
  return { index, resolve, base: el.start, section: index.text.slice(el.start, el.end) };
}

const cps = (s: string) => [...s].length;

function annotation(n: number, target: Target): Annotation {
  return Annotation.parse({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    page: {
      url: URL,
      municipality: 'Ballerup',
      meetingKey: scope.meetingKey,
      punktNumber: 2,
      caseNumber: scope.caseNumber,
    },
    target,
    motivation: 'highlighting',
    color: 'yellow',
    note: '',
    tags: [],
    quote: target.selectors[0].exact,
    created: 1_686_000_000_000,
    modified: 1_686_000_000_000,
    status: 'anchored',
    deletedAt: null,
  });
}

/** Without `codePoints`: an annotation stored before they were recorded. */
function older(a: Annotation): Annotation {
  const t = a.target as Target;
  const { codePoints: _, ...pos } = t.selectors[1];
  return { ...a, target: { ...t, selectors: [t.selectors[0], pos] } };
}

const QUOTES = [
  'beslutningen om budgettet', // astral characters only far before (and 🏆 in the prefix window)
  'om budgettet 𝟚𝟘𝟚𝟛', // astral characters far before and inside the quote
  'grundigt og længe', // all astral characters before the prefix window
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢, 𠀋 og 👨‍👩‍👧 familien', // early in the section: the prefix sees everything
  'Indledning 🎉',
];

function described() {
  const p = page();
  const anns = QUOTES.map((q, i) => {
    const s = p.index.text.indexOf(q);
    const t = describeSelection(p.index, { start: s, end: s + q.length }, scope, p.resolve)!;
    return annotation(i + 1, t);
  });
  return { ...p, anns };
}

function positionOf(a: Annotation): Obj {
  const target = toW3cAnnotation(a, '2023-06-06').target as Obj;
  return target.selector[1].refinedBy;
}

describe('W3C export: TextPositionSelector in code points', () => {
  it('exported start/end equal the code points of the section text before start/end', () => {
    const { anns, section } = described();
    for (const a of anns) {
      const pos = (a.target as Target).selectors[1];
      const sel = positionOf(a);
      expect(sel, a.quote).toEqual({
        type: 'TextPositionSelector',
        start: cps(section.slice(0, pos.start)),
        end: cps(section.slice(0, pos.end)),
      });
      // The stored extension field is not exported.
      expect(sel.codePoints).toBeUndefined();
    }
    // Not a no-op: astral characters far before the quote shifted it.
    const first = (anns[0]!.target as Target).selectors[1];
    expect(positionOf(anns[0]!).start).toBe(first.start - 13);
  });

  it('the export is a valid AnnotationCollection (old and new annotations mixed)', () => {
    const { anns } = described();
    for (const a of [...anns, ...anns.map(older)])
      expect(validateAnnotation({ '@context': ANNO_CONTEXT, ...toW3cAnnotation(a, '2023-06-06') })).toEqual(
        [],
      );
    const doc = JSON.parse(
      toJsonLd({
        meetings: [],
        annotations: anns,
        generatedAt: 1_700_000_000_000,
        scope: { kind: 'all', label: 'Alle noter' },
      }),
    );
    expect(validateCollection(doc)).toEqual([]);
  });

  it('an older annotation without codePoints still exports: the prefix approximation', () => {
    const { anns, section } = described();
    for (const a of anns) {
      const old = older(a);
      const t = old.target as Target;
      const pos = t.selectors[1];
      const sel = positionOf(old);
      const prefix = t.selectors[0].prefix;
      // Surrogate pairs before the prefix window are invisible: start is too large by one each.
      const hidden =
        pos.start > prefix.length
          ? pos.start - prefix.length - cps(section.slice(0, pos.start - prefix.length))
          : 0;
      expect(sel.start, a.quote).toBe(cps(section.slice(0, pos.start)) + hidden);
      expect(sel.end - sel.start).toBe(cps(t.selectors[0].exact));
    }
    // The first quote has 12 hidden pairs (🎉, 7 letters, 𠀋, the family of 3); 🏆 is in the prefix.
    const pos = (anns[0]!.target as Target).selectors[1];
    expect(positionOf(older(anns[0]!)).start).toBe(pos.start - 1);
    // Early in the section the approximation is exact.
    expect(positionOf(older(anns[3]!))).toEqual(positionOf(anns[3]!));
  });

  it('codePoints that contradict the quote or prefix are not trusted', () => {
    const { anns } = described();
    const t = anns[0]!.target as Target;
    const [quote, pos] = t.selectors;
    const approx = exportedPositions(quote, { start: pos.start });
    const cp = pos.codePoints!;
    expect(exportedPositions(quote, pos)).toEqual(cp);
    for (const bad of [
      { start: cp.start, end: cp.end + 1 }, // span ≠ quote length
      { start: approx.start + 1, end: approx.end + 1 }, // fewer pairs than the prefix shows
      { start: Math.floor(pos.start / 2) - 1, end: Math.floor(pos.start / 2) - 1 + (cp.end - cp.start) }, // > 2 units per code point
    ])
      expect(exportedPositions(quote, { start: pos.start, codePoints: bad }), JSON.stringify(bad)).toEqual(
        approx,
      );
    // When the prefix reaches back to the section's start it is exact, and must agree.
    const early = anns[3]!.target as Target;
    const e = early.selectors[1].codePoints!;
    expect(
      exportedPositions(early.selectors[0], {
        start: early.selectors[1].start,
        codePoints: { start: e.start - 1, end: e.end - 1 },
      }),
    ).toEqual(e);
  });

  it('codePoints survive a backup round trip; an older backup without them stays valid', () => {
    const { anns } = described();
    const file = {
      format: 'sagsspor-backup',
      version: 1,
      exportedAt: '2026-11-26T09:00:00.000Z',
      annotations: [anns[0], older(anns[1]!)],
      meetings: [],
      appearances: [],
      follows: [],
      topics: [],
    };
    const back = BackupV1.parse(JSON.parse(JSON.stringify(file)));
    expect((back.annotations[0]!.target as Target).selectors[1].codePoints).toEqual(
      (anns[0]!.target as Target).selectors[1].codePoints,
    );
    expect((back.annotations[1]!.target as Target).selectors[1].codePoints).toBeUndefined();
  });
});
