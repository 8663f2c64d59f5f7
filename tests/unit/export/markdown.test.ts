import { describe, expect, it } from 'vitest';
import { selectBundle, textFragmentDirective, toMarkdown } from '../../../lib/export';
import { escapeLines, escapeOneLine, obsidianTag } from '../../../lib/export/markdown-escape';
import { annotations, CASE_4, GENERATED_AT, MEETING_KEY, source } from './fixture';
import { expectGolden } from './golden';

const meetingBundle = () =>
  selectBundle(source, { kind: 'meeting', key: MEETING_KEY }, { now: GENERATED_AT });

describe('toMarkdown', () => {
  it('meeting export (da) matches the golden file', () => {
    expectGolden('meeting-da.md', toMarkdown(meetingBundle(), { lang: 'da' }));
  });

  it('case dossier (da) matches the golden file', () => {
    const b = selectBundle(source, { kind: 'case', key: CASE_4 }, { now: GENERATED_AT });
    expectGolden('case-da.md', toMarkdown(b, { lang: 'da' }));
  });

  it('tag export (en) matches the golden file', () => {
    const b = selectBundle(source, { kind: 'tag', tag: 'klima' }, { now: GENERATED_AT, lang: 'en' });
    expectGolden('tag-klima-en.md', toMarkdown(b, { lang: 'en' }));
  });

  it('lists every punkt of a meeting, in order, with case numbers and decisions', () => {
    const md = toMarkdown(meetingBundle());
    const headings = [...md.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(headings).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(md).toContain('# Erhvervs-, Beskæftigelses- og Uddannelsesudvalget — 6. juni 2023');
    expect(md).toContain('Sagsnr. 24.00.00-G01-16-23');
    expect(md).toContain('**Beslutning:** Taget til efterretning');
    expect(md).toContain('- Sted: Mødecenter C, Lokale 29 på Ballerup Rådhus');
  });

  it('other scopes list only annotated punkter', () => {
    const md = toMarkdown(selectBundle(source, { kind: 'all' }, { now: GENERATED_AT }));
    expect([...md.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]))).toEqual([3, 4]);
  });

  it('highlights are quotes with a link back; multi-line quotes stay one blockquote', () => {
    const md = toMarkdown(meetingBundle());
    expect(md).toContain(
      '> hvad Ballerup Kommune kan bidrage med overfor virksomhederne.\n> Såfremt Erhvervs-, Beskæftigelses- og Uddannelsesudvalget ønsker',
    );
    expect(md).toMatch(
      /\[Se i referatet\]\(https:\/\/dagsordener\.ballerup\.dk\/vis\?id=[^)\s]+#:~:text=[^)\s]+\)/,
    );
  });

  it('never carries deleted annotations or HTML', () => {
    const md = toMarkdown(selectBundle(source, { kind: 'all' }, { now: GENERATED_AT }));
    expect(md).not.toContain('slettet note');
    // Every '<' from page or user text is escaped.
    expect(md).not.toMatch(/(^|[^\\])</m);
  });

  it('escapes page text in quotes: a leading #, |, *, _, backticks, <', () => {
    const a = structuredClone(annotations[1]!);
    const exact = '# Overskrift | a*b_c `d` <e> [f]\n> citat';
    a.target = {
      ...a.target,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: exact.length },
      ],
    };
    a.quote = exact;
    const b = selectBundle({ ...source, annotations: [a] }, { kind: 'all' }, { now: GENERATED_AT });
    expect(toMarkdown(b)).toContain('> \\# Overskrift \\| a\\*b\\_c \\`d\\` \\<e\\> \\[f\\]\n> \\> citat\n');
  });

  it('reports progress up to the total', () => {
    const calls: Array<[number, number]> = [];
    toMarkdown(meetingBundle(), { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.at(-1)).toEqual([6, 6]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });
});

describe('Markdown escaping', () => {
  it('escapes Markdown-significant characters in page text', () => {
    expect(escapeOneLine('# Punkt 3 | *vigtigt* _nu_ `kode` <b>fed</b> [link](x) ==mark== &amp;')).toBe(
      '\\# Punkt 3 \\| \\*vigtigt\\* \\_nu\\_ \\`kode\\` \\<b\\>fed\\</b\\> \\[link\\](x) \\=\\=mark\\=\\= \\&amp;',
    );
    expect(escapeLines('- punkt\n+ plus\n1. første\n12) tolv\n===\n    indrykket')).toEqual([
      '\\- punkt',
      '\\+ plus',
      '1\\. første',
      '12\\) tolv',
      '\\=\\==',
      'indrykket',
    ]);
  });

  it('Obsidian tags: spaces to "-", no punctuation, numeric tags get "_"', () => {
    expect(obsidianTag('Grøn omstilling')).toBe('#Grøn-omstilling');
    expect(obsidianTag('Budget 2023')).toBe('#Budget-2023');
    expect(obsidianTag('Børn & unge')).toBe('#Børn-unge');
    expect(obsidianTag('2024')).toBe('#_2024');
    expect(obsidianTag('spørgsmål?! (vigtig)')).toBe('#spørgsmål-vigtig');
    expect(obsidianTag('!!!')).toBe('');
  });

  it('text fragments: short quotes whole, long or multi-line ones as start,end; context on the same line', () => {
    expect(textFragmentDirective('Taget til efterretning', 'Beslutning\n', '\nAfbud')).toBe(
      ':~:text=Taget%20til%20efterretning',
    );
    expect(textFragmentDirective('Klimapris 2023', 'hylde ', ' og')).toBe(
      ':~:text=hylde-,Klimapris%202023,-og',
    );
    expect(textFragmentDirective('a-b, c & d')).toBe(':~:text=a%2Db%2C%20c%20%26%20d');
    expect(textFragmentDirective('første linje her og mere\nanden linje slutter her')).toBe(
      ':~:text=f%C3%B8rste%20linje%20her%20og,anden%20linje%20slutter%20her',
    );
  });
});
