// @vitest-environment node
// Fast paths must give exactly what the general code gives.
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../lib/minutes/blocks';
import { caseNumberFromLine } from '../../../lib/minutes/casenumber';
import { blockFacts, blockKind, hasCaseLine } from '../../../lib/minutes/headings';
import { rowLine } from '../../../lib/minutes/sections';
import { collapse, isSpace } from '../../../lib/minutes/text';
import { sectionKind } from '../../../lib/minutes/vocabulary';
import { fixtureHtml, htmlDoc, manifest } from './helpers';

const slowRow = (raw: string) => raw.replace(/\t+$/, '').split('\t').map(collapse).join('\t');

describe('fast paths', () => {
  it('isSpace is JavaScript whitespace', () => {
    for (let c = 0; c < 0x10000; c++)
      expect(isSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('rowLine equals collapsing every cell', () => {
    const rows = [
      '2024\t12,5\t',
      '2024\t12,5',
      '\t\t',
      '',
      'a b\tc  d\t',
      ' a\tb',
      'a \tb',
      'a\t b',
      'a\t\tb\t\t',
      'a\u00a0b\tc',
      'a\u2003b\tc\u200b',
      'a\nb\tc',
      'Beløb (mio. kr.)\tÅr ',
    ];
    for (const r of rows) expect(rowLine(r), JSON.stringify(r)).toBe(slowRow(r));
  });

  it('sectionKind handles numbering, case and Danish letters', () => {
    expect(sectionKind('2. Sagsfremstilling')).toBe('sagsfremstilling');
    expect(sectionKind('b) Beslutning')).toBe('beslutning');
    expect(sectionKind('  ØKONOMISKE KONSEKVENSER')).toBe('oekonomi');
    expect(sectionKind('123. Beslutning')).toBeNull(); // numbering has at most two digits
    expect(sectionKind('Udvalgets beslutning')).toBe('beslutning');
    expect(sectionKind('2024 12,5')).toBeNull();
    expect(sectionKind('12) Trafikmæssige konsekvenser')).toBe('andet');
    expect(sectionKind('1.\u200b beslutning')).toBe('beslutning'); // collapse turns the zero-width space into a space
    expect(sectionKind('Kommunen borgerne')).toBeNull();
    expect(sectionKind('\u212Aommende behandling')).toBe('kommende'); // K (Kelvin) lowercases to k
  });

  it('caseNumberFromLine rejects other first letters cheaply, accepts labels and numbers', () => {
    expect(caseNumberFromLine('Sagsnr.: 21/24526')).toBe('21/24526');
    expect(caseNumberFromLine('  J.nr. 2023-004512')).toBe('2023-004512');
    expect(caseNumberFromLine('Journalnr.: 22/18533')).toBe('22/18533');
    expect(caseNumberFromLine('Dok.nr. 22/18533')).toBe('22/18533');
    expect(caseNumberFromLine('ESDH-nr. 22/18533')).toBe('22/18533');
    expect(caseNumberFromLine('Acadre-nr. 22/18533')).toBe('22/18533');
    expect(caseNumberFromLine('24.00.00-G01-16-23')).toBe('24.00.00-G01-16-23');
    expect(caseNumberFromLine('Resumé 22/18533')).toBeNull();
  });

  it('blockKind and hasCaseLine agree with sectionKind and caseNumberFromLine on every fixture block', () => {
    for (const e of manifest()) {
      const { blocks } = extractBlocks(htmlDoc(fixtureHtml(e.file), e.url).body);
      const facts = blockFacts(blocks);
      blocks.forEach((b, i) => {
        expect(blockKind(b)).toBe(sectionKind(b.text));
        const line = !b.chrome && b.text.length <= 80 && caseNumberFromLine(b.text) !== null;
        expect(hasCaseLine(blocks, facts, i, i + 1)).toBe(line);
      });
    }
  });
});
