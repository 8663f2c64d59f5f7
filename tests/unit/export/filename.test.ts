import { describe, expect, it } from 'vitest';
import { generateExportSource } from '../../../bench/export';
import {
  exportFileName,
  renderExport,
  renderExportAsync,
  selectBundle,
  slugify,
  toMarkdown,
} from '../../../lib/export';
import { CASE_4, GENERATED_AT, MEETING_KEY, source } from './fixture';

describe('exportFileName', () => {
  it('meeting: municipality, committee and meeting date, transliterated', () => {
    const b = selectBundle(source, { kind: 'meeting', key: MEETING_KEY }, { now: GENERATED_AT });
    expect(exportFileName(b.scope, 'markdown', GENERATED_AT)).toBe(
      'sagsspor-ballerup-erhvervs-beskaeftigelses-og-uddannelsesudvalget-2023-06-06.md',
    );
    expect(exportFileName(b.scope, 'csv', GENERATED_AT)).toMatch(/2023-06-06\.csv$/);
    expect(exportFileName(b.scope, 'jsonld', GENERATED_AT)).toMatch(/2023-06-06\.jsonld$/);
    expect(exportFileName(b.scope, 'ics', GENERATED_AT)).toMatch(/2023-06-06\.ics$/);
  });

  it('other scopes get the export date', () => {
    const c = selectBundle(source, { kind: 'case', key: CASE_4 }, { now: GENERATED_AT });
    expect(exportFileName(c.scope, 'markdown', '2026-11-26')).toBe(
      'sagsspor-klimapris-2023-24-00-00-g01-14-23-2026-11-26.md',
    );
    expect(exportFileName({ kind: 'all', label: 'Alle noter' }, 'csv', '2026-11-26')).toBe(
      'sagsspor-alle-noter-2026-11-26.csv',
    );
    expect(
      exportFileName({ kind: 'tag', label: 'Mærkat Grøn omstilling' }, 'jsonld', new Date(2026, 10, 26, 12)),
    ).toBe('sagsspor-maerkat-groen-omstilling-2026-11-26.jsonld');
    expect(exportFileName({ kind: 'tag', label: '???' }, 'ics', '2026-11-26')).toBe(
      'sagsspor-tag-2026-11-26.ics',
    );
  });

  it('slugs are filesystem-safe ASCII and bounded', () => {
    expect(slugify('Æble Øl Ål æøå ÆØÅ')).toBe('aeble-oel-aal-aeoeaa-aeoeaa');
    expect(slugify('Café – Überblick / 50% "test" <x>: a\\b|c?*')).toBe('cafe-ueberblick-50-test-x-a-b-c');
    const long = slugify('Fortsat drøftelse af bidrag til spare- og omprioriteringsarbejdet '.repeat(5));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('renderExport', () => {
  it('gives text, file name and MIME type per format', () => {
    const b = selectBundle(source, { kind: 'meeting', key: MEETING_KEY }, { now: GENERATED_AT });
    const md = renderExport('markdown', b);
    expect(md.fileName).toBe(
      'sagsspor-ballerup-erhvervs-beskaeftigelses-og-uddannelsesudvalget-2023-06-06.md',
    );
    expect(md.mime).toBe('text/markdown;charset=utf-8');
    expect(md.text).toBe(toMarkdown(b));
    expect(renderExport('csv', b).text.startsWith('\uFEFF')).toBe(true);
    expect(renderExport('jsonld', b).mime).toContain('application/ld+json');
    const all = selectBundle(source, { kind: 'all' }, { now: GENERATED_AT });
    const ics = renderExport('ics', all, { today: '2023-06-07' });
    expect(ics.fileName).toBe('sagsspor-kommende-behandlinger-2026-11-26.ics');
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    // By default only treatments from the export date on: none left in 2026.
    expect(renderExport('ics', all).text).not.toContain('BEGIN:VEVENT');
  });
});

describe('renderExportAsync', () => {
  it('gives the same result as renderExport, yielding to the event loop between slices', async () => {
    const b = selectBundle(generateExportSource(2000, 100), { kind: 'all' }, { now: GENERATED_AT });
    for (const format of ['markdown', 'csv', 'jsonld', 'ics'] as const) {
      let macrotasks = 0;
      let stop = false;
      const count = () => {
        if (stop) return;
        macrotasks++;
        setTimeout(count, 0);
      };
      setTimeout(count, 0);
      const progress: number[] = [];
      const out = await renderExportAsync(format, b, {
        sliceMs: 0,
        onProgress: (d) => progress.push(d),
        today: '2024-01-01',
      });
      stop = true;
      expect(out).toEqual(renderExport(format, b, { today: '2024-01-01' }));
      // With 2,000 annotations and 200-item chunks, other tasks ran between slices.
      if (format !== 'ics') expect(macrotasks, format).toBeGreaterThan(5); // ics: 100 events, one slice
      expect(progress.length).toBeGreaterThan(1);
    }
  });
});
