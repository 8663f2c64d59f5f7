import { describe, expect, it } from 'vitest';
import { benchExport, generateExportSource } from '../../../bench/export';
import { selectBundle, toCsv, toJsonLd, toMarkdown } from '../../../lib/export';
import { validateCollection } from './w3c-validator';

describe('benchExport (smoke, small data set)', () => {
  it('reports every figure', async () => {
    const r = await benchExport({ annotations: 500, meetings: 25, reps: 1 });
    for (const k of [
      'export_ms_500',
      'export_markdown_ms_500',
      'export_csv_ms_500',
      'export_jsonld_ms_500',
      'export_ics_ms_500',
    ])
      expect(r[k], k).toBeGreaterThan(0);
    expect(r.export_ics_events).toBe(25);
  });

  it('the generated data exports valid W3C JSON-LD and one CSV row per annotation', () => {
    const b = selectBundle(generateExportSource(1000, 50), { kind: 'all' }, { now: 0 });
    expect(validateCollection(JSON.parse(toJsonLd(b)))).toEqual([]);
    expect(toCsv(b).split('\r\n').length).toBeGreaterThan(1000);
    expect(toMarkdown(b).length).toBeGreaterThan(0);
  });
});
