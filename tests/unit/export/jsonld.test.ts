import { describe, expect, it } from 'vitest';
import {
  ANNO_CONTEXT,
  codePointLength,
  PUNKT_FRAGMENT_SPEC,
  selectBundle,
  toCodePointPositions,
  toJsonLd,
} from '../../../lib/export';
import { annotations, GENERATED_AT, MEETING_KEY, P3_BAGGRUND, P4_PLAN, source, uuid } from './fixture';
import { validateAnnotation, validateCollection } from './w3c-validator';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD, inspected freely in assertions (the validator checks shapes)
type Obj = Record<string, any>;
const all = () => selectBundle(source, { kind: 'all' }, { now: GENERATED_AT });
const parse = (s: string) => JSON.parse(s) as Obj;
const item = (doc: Obj, n: number) => (doc.first.items as Obj[]).find((a) => a.id === `urn:uuid:${uuid(n)}`)!;

describe('toJsonLd (W3C Web Annotation)', () => {
  it('every scope exports a valid AnnotationCollection', () => {
    for (const req of [
      { kind: 'all' } as const,
      { kind: 'meeting', key: MEETING_KEY } as const,
      { kind: 'case', key: 'ballerup:24.00.00-G01-14-23' } as const,
      { kind: 'tag', tag: 'Klima' } as const,
      { kind: 'tag', tag: 'findes ikke' } as const,
    ]) {
      const doc = parse(toJsonLd(selectBundle(source, req, { now: GENERATED_AT })));
      expect(validateCollection(doc), JSON.stringify(req)).toEqual([]);
    }
  });

  it('collection: context, id, label, total, first page with items', () => {
    const doc = parse(toJsonLd(all()));
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(doc.label).toBe('Alle noter');
    expect(doc.total).toBe(6);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items).toHaveLength(6);
    // Deterministic for the same bundle; compact output holds the same data.
    expect(toJsonLd(all())).toBe(toJsonLd(all()));
    expect(JSON.parse(toJsonLd(all(), { pretty: false }))).toEqual(doc);
  });

  it('annotations: explicit motivation, ISO times, note and tags as TextualBody with purposes', () => {
    const doc = parse(toJsonLd(all()));
    const a1 = item(doc, 1);
    expect(a1.type).toBe('Annotation');
    expect(a1.motivation).toBe('commenting');
    expect(a1.created).toBe('2023-06-07T07:30:00Z');
    expect(a1.modified).toBe('2023-06-07T07:35:00Z');
    expect(a1.body).toEqual([
      {
        type: 'TextualBody',
        value: 'Budgetaftalen 2023: hvad koster "styrket samarbejde", og hvem betaler?',
        format: 'text/plain',
        language: 'da',
        purpose: 'commenting',
      },
      { type: 'TextualBody', value: 'Erhverv', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Budget 2023', purpose: 'tagging' },
    ]);
    expect(item(doc, 2).motivation).toBe('highlighting');
    expect(item(doc, 2).body).toBeUndefined();
    expect(item(doc, 4).motivation).toBe('tagging');
    expect(doc.first.items.some((a: Obj) => a.id === `urn:uuid:${uuid(7)}`)).toBe(false);
  });

  it('highlight target: source URL, TextQuoteSelector + punkt FragmentSelector refined by the position, TimeState', () => {
    const t = item(parse(toJsonLd(all())), 1).target;
    const start = P3_BAGGRUND.indexOf('står beskrevet'); // no astral characters before it
    expect(t.type).toBe('SpecificResource');
    expect(t.source).toBe(annotations[0]!.page.url);
    expect(t.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      ...pick(annotations[0]!.target.selectors[0] as Obj),
    });
    expect(t.selector[1]).toEqual({
      type: 'FragmentSelector',
      conformsTo: PUNKT_FRAGMENT_SPEC,
      value: 'punkt=3&case=24.00.00-G01-16-23&section=sagsfremstilling&sectionIndex=3',
      refinedBy: { type: 'TextPositionSelector', start, end: start + codePointLength(t.selector[0].exact) },
    });
    expect(t.state).toEqual({ type: 'TimeState', sourceDate: '2023-06-06T00:00:00Z' });
    expect(t.styleClass).toBe('sagsspor-yellow');
  });

  it('whole-punkt note targets the punkt fragment', () => {
    const t = item(parse(toJsonLd(all())), 4).target;
    expect(t.selector).toEqual({
      type: 'FragmentSelector',
      conformsTo: PUNKT_FRAGMENT_SPEC,
      value: 'punkt=4&case=24.00.00-G01-14-23',
    });
  });

  it('positions are Unicode code points (emoji count once), checked against the real section text', () => {
    const a6 = annotations[5]!;
    const pos = a6.target.selectors[1] as { start: number; end: number };
    const sel = item(parse(toJsonLd(all())), 6).target.selector[1].refinedBy;
    expect(pos.start).toBe(P4_PLAN.indexOf('Fejring'));
    expect(sel.start).toBe([...P4_PLAN.slice(0, pos.start)].length);
    expect(sel.start).toBe(pos.start - 1); // 🎉 is a surrogate pair
    expect(sel.end - sel.start).toBe([...'Fejring og uddeling af Klimaprisen 2023 🏆'].length);
    expect(sel.end).toBe([...P4_PLAN.slice(0, pos.end)].length);
  });

  it('code-point conversion uses only the part of the prefix inside the section', () => {
    expect(toCodePointPositions(0, 'a😀b', '')).toEqual({ start: 0, end: 3 });
    expect(toCodePointPositions(3, 'x', '😀 ')).toEqual({ start: 2, end: 3 });
    // Prefix reaches before the section (start 1): only its last char counts.
    expect(toCodePointPositions(1, 'x', '😀 ')).toEqual({ start: 1, end: 2 });
    // Documented limit: a pair further back than the stored prefix cannot be seen.
    const section = `😀${'a'.repeat(40)}x`;
    const start = section.indexOf('x');
    expect(toCodePointPositions(start, 'x', section.slice(start - 32, start))).toEqual({
      start,
      end: start + 1,
    });
  });

  it('the validator catches what it should', () => {
    const good = item(parse(toJsonLd(all())), 1);
    expect(validateAnnotation({ '@context': ANNO_CONTEXT, ...good })).toEqual([]);
    const bad = (patch: (a: Obj) => void) => {
      const a = structuredClone(good);
      patch(a);
      return validateAnnotation(a, false);
    };
    expect(bad((a) => delete a.motivation)).not.toEqual([]);
    expect(bad((a) => (a.motivation = 'liking'))).not.toEqual([]);
    expect(bad((a) => (a.body[1].purpose = 'labelling'))).not.toEqual([]);
    expect(bad((a) => (a.target.selector[1].refinedBy.end += 1))).not.toEqual([]);
    expect(bad((a) => (a.target.selector[0].exact = ''))).not.toEqual([]);
    expect(bad((a) => (a.target.state.sourceDate = '2023-06-06'))).not.toEqual([]);
    expect(bad((a) => delete a.target.source)).not.toEqual([]);
    expect(bad((a) => (a.target.state.sourceDateStart = '2023-06-06T00:00:00Z'))).not.toEqual([]);
    expect(bad((a) => (a.created = 'yesterday'))).not.toEqual([]);
    expect(bad((a) => (a.target.selector[1].type = 'MagicSelector'))).not.toEqual([]);
    expect(validateCollection({ ...parse(toJsonLd(all())), total: 5 })).not.toEqual([]);
  });

  it('reports progress', () => {
    const calls: number[] = [];
    toJsonLd(all(), { onProgress: (d) => calls.push(d) });
    expect(calls.at(-1)).toBe(6);
  });
});

function pick(s: Obj) {
  return { exact: s.exact, prefix: s.prefix, suffix: s.suffix };
}
