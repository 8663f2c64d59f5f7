import { describe, expect, it } from 'vitest';
import {
  canonicalUrl,
  caseKeyOf,
  committeeTopicKey,
  indexWords,
  kleGroupOf,
  meetingKeyOf,
  municipalityKey,
  municipalityOf,
  queryTokens,
  tokenize,
  wordsOf,
} from '../../../lib/db';

describe('tokenize', () => {
  it('lowercases, keeps æ ø å, folds other diacritics, drops single letters', () => {
    expect([...tokenize('Økonomiudvalget ÆNDRER Åbningstider på Café i Århus')]).toEqual([
      'økonomiudvalget',
      'ændrer',
      'åbningstider',
      'på',
      'cafe',
      'århus',
    ]);
  });

  it('keeps case numbers whole as well as in parts, and punkt numbers', () => {
    const t = [...tokenize('Sag 24.00.00-G01-16-23, sagsnr. 22/18533 (punkt 5).')];
    expect(t).toContain('24.00.00-g01-16-23');
    expect(t).toContain('g01');
    expect(t).toContain('22/18533');
    expect(t).toContain('18533');
    expect(t).toContain('5');
    expect(t).not.toContain('');
  });

  it('wordsOf dedupes across fields; queryTokens drops redundant prefixes', () => {
    expect(wordsOf('Lokalplan lokalplan', null, ['Lokalplan', 'budget'])).toEqual(['lokalplan', 'budget']);
    expect(queryTokens('lok lokalplan Budget')).toEqual(['lokalplan', 'budget']);
  });

  it('indexWords drops words that prefix another word of the row (prefix search finds the row anyway)', () => {
    const words = indexWords('Budget og budgettet for 2024', 'punkt 24', null, '24.00.00-G01-16-23');
    expect(words).toEqual([
      'og',
      'budgettet',
      'for',
      '2024',
      'punkt',
      '24.00.00-g01-16-23',
      '00',
      'g01',
      '16',
      '23',
    ]);
    // Same rows match every prefix query as with all words.
    const all = wordsOf('Budget og budgettet for 2024', 'punkt 24', null, '24.00.00-G01-16-23');
    for (const q of ['b', 'budget', 'budgettet', '2', '24', '24.00', '00', 'g0', '23', 'fo']) {
      expect(
        words.some((w) => w.startsWith(q)),
        q,
      ).toBe(all.some((w) => w.startsWith(q)));
    }
  });

  it('queryTokens asks for a case-number-like chunk whole, not for its parts again', () => {
    expect(queryTokens('22/18533')).toEqual(['22/18533']);
    expect(queryTokens('g01-12 budget')).toEqual(['g01-12', 'budget']);
    expect(queryTokens('12,5 mio')).toEqual(['12,5', 'mio']);
    expect(queryTokens('18533 anlæg')).toEqual(['18533', 'anlæg']);
  });
});

describe('keys', () => {
  it('canonicalUrl drops hash and tracking parameters, keeps the rest in order', () => {
    expect(canonicalUrl('https://Dagsordener.Aarhus.dk/vis?id=12&utm_source=x&b=2&fbclid=zz#punkt-3')).toBe(
      'https://dagsordener.aarhus.dk/vis?id=12&b=2',
    );
    expect(canonicalUrl('https://x.dk/a?utm_medium=mail#x')).toBe('https://x.dk/a');
    expect(canonicalUrl('  not a url ')).toBe('not a url');
  });

  it('meeting keys normalise case and whitespace, fall back to the URL', () => {
    expect(meetingKeyOf('Aarhus Kommune', '  Økonomi­udvalget '.replace('\u00ad', ''), '2024-05-01')).toBe(
      'aarhus|økonomiudvalget|2024-05-01',
    );
    expect(meetingKeyOf('Aarhus', null, '2024-05-01', 'https://x.dk/m?id=1#p2')).toBe(
      'url:https://x.dk/m?id=1',
    );
  });

  it('case keys: municipality + normalised case number, or the punkt itself', () => {
    expect(caseKeyOf('Aarhus Kommune', ' 24.00.00-g01-16-23 ', 'mk', 3)).toBe('aarhus:24.00.00-G01-16-23');
    expect(caseKeyOf('Aarhus', null, 'aarhus|bu|2024-01-02', 4)).toBe('aarhus:aarhus|bu|2024-01-02#4');
    expect(caseKeyOf('Aarhus', null, null, null)).toBeNull();
  });

  it('municipality keys unify "X Kommune", "x" and host spellings', () => {
    expect(municipalityKey('Aarhus Kommune')).toBe('aarhus');
    expect(municipalityKey('aarhus')).toBe('aarhus');
    expect(municipalityKey('Høje-Taastrup Kommune')).toBe('høje-taastrup');
    expect(municipalityKey('Københavns Kommune')).toBe('københavns');
    expect(caseKeyOf('Køge Kommune', '22/18533', null, null)).toBe(
      caseKeyOf('Køge', '22 / 18533', null, null),
    );
  });

  it('municipalityOf falls back to the host; kleGroupOf reads the main group', () => {
    expect(municipalityOf(null, 'https://www.odense.dk/politik/referat')).toBe('Odense');
    expect(municipalityOf(null, 'https://referater.example.org/m/1')).toBe('referater.example.org');
    expect(municipalityOf('  Odense  Kommune', null)).toBe('Odense');
    expect(municipalityOf('Københavns  Kommune', null)).toBe('Københavns Kommune');
    expect(municipalityOf(null, null)).toBe('ukendt');
    expect(kleGroupOf('24.00.00')).toBe('24');
    expect(kleGroupOf(null)).toBeNull();
  });
});

describe('committeeTopicKey', () => {
  it('ignores an election term at the end, and nothing else', () => {
    const plain = 'beskæftigelses- og integrationsudvalget';
    for (const name of [
      'Beskæftigelses- og Integrationsudvalget',
      'Beskæftigelses- og Integrationsudvalget 2022-2025',
      'Beskæftigelses- og  Integrationsudvalget (2018–2021)',
      'Beskæftigelses- og Integrationsudvalget - 2022 - 2025',
    ])
      expect(committeeTopicKey(name), name).toBe(plain);
    expect(committeeTopicKey('Udvalget for Teknik 2030')).toBe('udvalget for teknik 2030');
    expect(committeeTopicKey('Byrådet')).toBe('byrådet');
  });
});
