import { describe, expect, it } from 'vitest';
import {
  escapeIcsText,
  eventUid,
  foldLine,
  toIcs,
  type UpcomingTreatment,
  upcomingTreatments,
} from '../../../lib/export';
import { appearances, CASE_4, follows, GENERATED_AT, meeting, URL } from './fixture';
import { expectGolden } from './golden';

const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');
const upcoming = () => upcomingTreatments({ follows, appearances, meetings: [meeting] }, '2023-06-07');

describe('upcomingTreatments', () => {
  it('dated treatments of followed cases from today on, in date order', () => {
    const u = upcoming();
    expect(u.map((x) => [x.date, x.body])).toEqual([
      ['2023-08-29', 'Udvalg for Grøn Omstilling'],
      ['2023-10-03', 'Klima- og Miljøudvalget'],
      ['2023-11-01', 'Udvalg for Grøn Omstilling'],
      ['2023-11-28', 'Klima- og Miljøudvalget'],
    ]);
    expect(u[0]).toMatchObject({
      caseKey: CASE_4,
      caseTitle: 'Klimapris 2023',
      caseNumber: '24.00.00-G01-14-23',
      link: URL,
    });
    expect(upcomingTreatments({ follows, appearances }, '2023-11-02')).toHaveLength(1);
    const unfollowed = follows.map((f) => ({ ...f, unfollowedAt: GENERATED_AT }));
    expect(upcomingTreatments({ follows: unfollowed, appearances }, '2023-06-07')).toEqual([]);
    // The same treatment seen twice (two pages printed it) is one event.
    expect(
      upcomingTreatments({ follows, appearances: [...appearances, ...appearances] }, '2023-06-07'),
    ).toHaveLength(4);
  });
});

describe('toIcs', () => {
  it('matches the golden file', () => {
    expectGolden('upcoming-da.ics', toIcs(upcoming(), { now: GENERATED_AT }));
  });

  it('VCALENDAR with PRODID, VERSION, CALSCALE, METHOD and all-day VEVENTs; CRLF only', () => {
    const ics = toIcs(upcoming(), { now: GENERATED_AT });
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Sagsspor//Sagsspor export//DA',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(lines).toContain('DTSTART;VALUE=DATE:20230829');
    expect(lines).toContain('DTEND;VALUE=DATE:20230830');
    expect(lines).toContain('DTSTAMP:20261126T090000Z');
    expect(lines).toContain('SUMMARY:Udvalg for Grøn Omstilling: Klimapris 2023');
    expect(lines).toContain(
      `DESCRIPTION:Sagsnr. 24.00.00-G01-14-23\\nBallerup\\n29. august 2023 Udvalg for Grøn Omstilling præsenteres for koncept\\n${URL}`,
    );
    expect(lines).toContain(`URL:${URL}`);
    for (const l of ics.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('stable UIDs from case, body and date', () => {
    const [a, b] = [upcoming(), upcoming()];
    expect(a.map(eventUid)).toEqual(b.map(eventUid));
    expect(new Set(a.map(eventUid)).size).toBe(4);
    expect(eventUid(a[0]!)).toMatch(/^[0-9a-f]{32}@sagsspor$/);
    expect(eventUid({ ...a[0]!, date: '2023-08-30' })).not.toBe(eventUid(a[0]!));
    expect(eventUid({ ...a[0]!, body: 'Byrådet' })).not.toBe(eventUid(a[0]!));
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const u: UpcomingTreatment = {
      caseKey: 'x',
      caseTitle: 'Vej; bro, og sti\\cykel',
      caseNumber: null,
      municipality: 'Aarhus',
      body: 'Teknisk Udvalg',
      date: '2030-01-02',
      text: 'linje 1\nlinje 2',
      link: null,
    };
    const lines = unfold(toIcs([u], { now: GENERATED_AT })).split('\r\n');
    expect(lines).toContain('SUMMARY:Teknisk Udvalg: Vej\\; bro\\, og sti\\\\cykel');
    expect(lines).toContain('DESCRIPTION:Aarhus\\nlinje 1\\nlinje 2');
    expect(lines.some((l) => l.startsWith('URL:'))).toBe(false);
  });

  it('folds at 75 octets without splitting a UTF-8 sequence', () => {
    for (const line of [
      `SUMMARY:${'æ'.repeat(100)}`,
      `DESCRIPTION:${'a'.repeat(73)}ø${'🏆'.repeat(30)}`,
      `X:${'€'.repeat(80)}`,
      `SUMMARY:${'x'.repeat(75 - 8)}`,
    ]) {
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      for (const [i, p] of parts.entries()) {
        expect(Buffer.byteLength(p, 'utf8'), p).toBeLessThanOrEqual(75);
        if (i > 0) expect(p.startsWith(' ')).toBe(true);
        // No lone surrogates: every part is whole code points.
        expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
        expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
      expect(unfold(folded)).toBe(line);
    }
    expect(foldLine(`SUMMARY:${'x'.repeat(67)}`)).not.toContain('\r\n');
    expect(foldLine(`SUMMARY:${'x'.repeat(68)}`).split('\r\n')).toHaveLength(2);
    // The first line is filled to exactly 75 octets when ASCII.
    expect(foldLine('A'.repeat(200)).split('\r\n')[0]).toHaveLength(75);
  });
});
