import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, guardFormula, selectBundle, toCsv } from '../../../lib/export';
import { annotations, GENERATED_AT, MEETING_KEY, source } from './fixture';
import { expectGolden } from './golden';

/** A strict RFC 4180 parser (records end with CRLF; quoted fields may hold anything). */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote in unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === delimiter) i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length)
      throw new Error(`expected delimiter or CRLF at ${i}, got ${JSON.stringify(text[i])}`);
  }
  if (row.length) throw new Error('last record does not end with CRLF');
  return rows;
}

const bundle = () => selectBundle(source, { kind: 'meeting', key: MEETING_KEY }, { now: GENERATED_AT });

describe('toCsv', () => {
  it('matches the golden file (da and en headers)', () => {
    expectGolden('meeting-da.csv', toCsv(bundle(), { lang: 'da' }));
    expectGolden(
      'all-en.csv',
      toCsv(selectBundle(source, { kind: 'all' }, { now: GENERATED_AT }), { lang: 'en' }),
    );
  });

  it('is UTF-8 with BOM, CRLF records, RFC 4180 quoting; one row per non-deleted annotation', () => {
    const csv = toCsv(bundle());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 6);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(rows[0]).toEqual([
      'Kommune',
      'Udvalg',
      'Dato',
      'Punkt',
      'Sagsnummer',
      'Beslutning',
      'Citat',
      'Note',
      'Tags',
      'Farve',
      'Link',
      'Oprettet',
      'Ændret',
    ]);
    // Fields round-trip: quotes, commas, line breaks and Danish letters intact.
    const byQuote = new Map(rows.slice(1).map((r) => [r[6], r]));
    for (const a of annotations.filter((x) => x.deletedAt == null && x.quote)) {
      const r = byQuote.get(a.quote);
      expect(r, a.quote).toBeDefined();
      expect(r![7]).toBe(guardFormula(a.note));
      expect(r![8]).toBe(a.tags.join('; '));
      expect(r![9]).toBe(a.color);
      expect(r![0]).toBe('Ballerup');
      expect(r![1]).toBe('Erhvervs-, Beskæftigelses- og Uddannelsesudvalget');
      expect(r![2]).toBe('2023-06-06');
      expect(r![5]).toBe('Taget til efterretning');
      expect(r![10]).toMatch(/^https:\/\/dagsordener\.ballerup\.dk\/vis\?id=.*#:~:text=/);
      expect(r![11]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    expect(csv).toContain('"står beskrevet, at kommunen skal arbejde for ""Styrket samarbejde');
    expect(csv).not.toContain('slettet note');
  });

  it('guards against formula injection with a leading apostrophe', () => {
    for (const s of ['=1+1', '+45 12345678', '-5', '@SUM(A1)', '\tx', '\rx'])
      expect(guardFormula(s)).toBe(`'${s}`);
    for (const s of ['', 'Taget til efterretning', "'already", '1=1', ' =x', 'æ=1'])
      expect(guardFormula(s)).toBe(s);
    const rows = parseCsv(toCsv(bundle()).slice(1));
    const notes = rows.slice(1).map((r) => r[7]);
    expect(notes).toContain('\'=HYPERLINK("https://example.org";"klik") — skal ikke køre som formel');
    expect(notes.some((n) => n?.startsWith("'+20.000 kr."))).toBe(true);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('quotes fields holding the delimiter, quotes, CR or LF — and only those', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('æøå')).toBe('æøå');
    const semi = toCsv(bundle(), { delimiter: ';' });
    expect(parseCsv(semi.slice(1), ';')[1]).toHaveLength(CSV_COLUMNS.length);
  });

  it('reports progress', () => {
    const calls: number[] = [];
    toCsv(bundle(), { onProgress: (d) => calls.push(d) });
    expect(calls.at(-1)).toBe(6);
  });
});
