// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { caseNumberFromLine } from '../../../lib/minutes/casenumber';
import {
  findDate,
  normaliseCaseNumber,
  parseCaseNumber,
  parseDate,
  parseText,
  parseTime,
  sectionKind,
  splitPrefixes,
} from '../../../lib/minutes/index';
import { cleanCommittee } from '../../../lib/minutes/meeting';
import { municipalityFromHost } from '../../../lib/minutes/municipalities';
import { parseRefLine } from '../../../lib/minutes/refs';

describe('case numbers', () => {
  it('KLE-facet-serial-yy', () => {
    expect(parseCaseNumber('24.00.00-G01-16-23')).toEqual({
      raw: '24.00.00-G01-16-23',
      normalised: '24.00.00-G01-16-23',
      format: 'kle',
      kle: '24.00.00',
      facet: 'G01',
      serial: '16',
      year: 2023,
    });
  });
  it('yy-serial-KLE-facet', () => {
    expect(parseCaseNumber('23-5-85.10.00-P07')).toMatchObject({
      format: 'kle-prefixed',
      kle: '85.10.00',
      facet: 'P07',
      serial: '5',
      year: 2023,
    });
    expect(parseCaseNumber('23-152837-00.00.00-A00')).toMatchObject({
      serial: '152837',
      kle: '00.00.00',
      year: 2023,
    });
  });
  it('yy/serial and yyyy/serial', () => {
    expect(parseCaseNumber('22/18533')).toMatchObject({ format: 'year-serial', serial: '18533', year: 2022 });
    expect(parseCaseNumber('2021/645')).toMatchObject({ format: 'year-serial', serial: '645', year: 2021 });
  });
  it('KLE only, other formats', () => {
    expect(parseCaseNumber('00.01.10')).toMatchObject({
      format: 'kle',
      kle: '00.01.10',
      facet: null,
      year: null,
    });
    expect(parseCaseNumber('EMN-2020-01234')).toMatchObject({
      format: 'year-serial',
      year: 2020,
      serial: '01234',
    });
    expect(parseCaseNumber('ABC 12')).toMatchObject({ format: 'other', kle: null, serial: null });
    expect(normaliseCaseNumber(' 24.00.00 - g01 ')).toBe('24.00.00-G01');
  });
  it('case-number lines', () => {
    expect(caseNumberFromLine('Sagsnr.: 21/24526')).toBe('21/24526');
    expect(caseNumberFromLine('Sagsnummer: 23-5-85.10.00-P07')).toBe('23-5-85.10.00-P07');
    expect(caseNumberFromLine('00.01.10-P35-7-22')).toBe('00.01.10-P35-7-22');
    expect(caseNumberFromLine('J.nr. 2023-004512')).toBe('2023-004512');
    expect(caseNumberFromLine('Budget 2024-2027')).toBeNull();
    expect(caseNumberFromLine('Det ses i tabel 1, at 22/18533 er nævnt.')).toBeNull();
  });
});

describe('dates and times', () => {
  it.each([
    ['Tirsdag d. 06. juni 2023 kl. 08:00', '2023-06-06'],
    ['06-06-2023', '2023-06-06'],
    ['15.09.2022', '2022-09-15'],
    ['6. juni 2023', '2023-06-06'],
    ['den 2. maj 2023', '2023-05-02'],
    ['Økonomiudvalget 12.12.2023', '2023-12-12'],
    ['2023-12-06', '2023-12-06'],
    ['d. 3 maj 2023', '2023-05-03'],
    ['14. sept. 2022', '2022-09-14'],
  ])('%s', (s, iso) => {
    expect(parseDate(s)).toBe(iso);
  });
  it('rejects impossible dates and case numbers', () => {
    expect(parseDate('31.02.2023')).toBeNull();
    expect(parseDate('13.02.10-P35-7-22')).toBeNull();
    expect(parseDate('Budget 2024-2027')).toBeNull();
    expect(findDate('x 30.02.2023 og 01.03.2023')?.iso).toBe('2023-03-01');
  });
  it('times', () => {
    expect(parseTime('Tirsdag d. 06. juni 2023 kl. 08:00')).toBe('08:00');
    expect(parseTime('kl. 8.30')).toBe('08:30');
    expect(parseTime('15:30')).toBe('15:30');
    expect(parseTime('15.09.2022')).toBeNull();
  });
});

describe('titles, sections, committees, municipalities', () => {
  it('prefixes become fields', () => {
    expect(splitPrefixes('Lukket: LUKKET Meddelelser')).toEqual({
      title: 'Meddelelser',
      prefixes: ['Lukket', 'LUKKET'],
    });
    expect(splitPrefixes('Orienteringssag: Status')).toEqual({
      title: 'Status',
      prefixes: ['Orienteringssag'],
    });
    expect(splitPrefixes('Beslutningssag: Takster')).toEqual({
      title: 'Takster',
      prefixes: ['Beslutningssag'],
    });
    expect(splitPrefixes('Tema - indsatsen')).toEqual({ title: 'Tema - indsatsen', prefixes: [] });
    expect(splitPrefixes('Lukket vej ved skolen')).toEqual({ title: 'Lukket vej ved skolen', prefixes: [] });
  });
  it.each([
    ['Resumé', 'resume'],
    ['Sammendrag', 'resume'],
    ['Sagsindhold', 'resume'],
    ['Sagsfremstilling', 'sagsfremstilling'],
    ['Baggrund', 'sagsfremstilling'],
    ['Indstilling', 'indstilling'],
    ['Administrationen indstiller', 'indstilling'],
    ['Beslutning', 'beslutning'],
    ['Beslutning i Beskæftigelse- og Borgerserviceudvalget den 15-09-2022', 'beslutning'],
    ['Økonomiudvalgets beslutning', 'beslutning'],
    ['Bilag', 'bilag'],
    ['Økonomiske konsekvenser og finansiering', 'oekonomi'],
    ['Lovgrundlag', 'lovgrundlag'],
    ['Retsgrundlag:', 'lovgrundlag'],
    ['Tidligere behandling', 'historik'],
    ['Relateret behandling', 'historik'],
    ['Sagens forløb', 'historik'],
    ['Kommende behandlingsforløb', 'kommende'],
    ['Videre proces', 'kommende'],
    ['Beslutningen træffes af', 'andet'],
    ['Procedure', 'andet'],
    ['Slet denne tekst', 'andet'],
  ])('section "%s" → %s', (h, kind) => {
    expect(sectionKind(h)).toBe(kind);
  });
  it('sub-headings are not section vocabulary', () => {
    for (const h of [
      'Konceptet',
      'Udvælgelseskriterier',
      'Beslutningsprocessen',
      'Kommunikation',
      'Forslag til videre samarbejde',
    ])
      expect(sectionKind(h)).toBeNull();
  });
  it('committee names are stripped of kind words and dates', () => {
    expect(cleanCommittee('Referat: Beskæftigelse- og Borgerserviceudvalget (2022-2025)')).toBe(
      'Beskæftigelse- og Borgerserviceudvalget (2022-2025)',
    );
    expect(cleanCommittee('REFERAT Erhvervs-, Beskæftigelses- og Uddannelsesudvalget d. 06-06-2023')).toBe(
      'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
    );
    expect(
      cleanCommittee('Beskæftigelses- og Integrationsudvalget 2022-2025 - 06.12.2023 | Gladsaxe Kommune'),
    ).toBe('Beskæftigelses- og Integrationsudvalget 2022-2025');
    expect(cleanCommittee('Dagsorden for Økonomiudvalget den 12. december 2023 kl. 16.00')).toBe(
      'Økonomiudvalget',
    );
  });
  it('municipality from the host', () => {
    expect(municipalityFromHost('dagsorden.ballerup.dk').name).toBe('Ballerup');
    expect(municipalityFromHost('ballerup.meetingsplus.dk').name).toBe('Ballerup');
    expect(municipalityFromHost('www.haderslev.dk').name).toBe('Haderslev');
    expect(municipalityFromHost('dagsordener.koege.dk').name).toBe('Køge');
    expect(municipalityFromHost('www.hoeje-taastrup.dk').name).toBe('Høje-Taastrup');
    expect(municipalityFromHost('www.kk.dk').name).toBe('København');
    expect(municipalityFromHost('aarhus.dk').name).toBe('Aarhus');
  });
  it('history reference lines', () => {
    expect(
      parseRefLine('Erhvervs-, Beskæftigelses- og Uddannelsesudvalget den 13. september 2022 Punkt 7'),
    ).toEqual({
      body: 'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
      date: '2022-09-13',
      punkt: 7,
      text: 'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget den 13. september 2022 Punkt 7',
    });
    expect(parseRefLine('Byrådet 26.06.2019, punkt 10')).toMatchObject({
      body: 'Byrådet',
      date: '2019-06-26',
      punkt: 10,
    });
    expect(parseRefLine('02-05-2023 Socialudvalget')).toMatchObject({
      body: 'Socialudvalget',
      date: '2023-05-02',
    });
  });
});

describe('text input', () => {
  it('markdown-like text with "Punkt N:" headings at mixed levels', () => {
    const r = parseText(
      [
        '# REFERAT Vej- og Parkudvalget d. 01-03-2024',
        '',
        '**Mødedato** Fredag d. 1. marts 2024 kl. 9:00',
        '',
        '**Mødedeltagere** Ane Bo (A), Per Lund (V) (Afbud)',
        '',
        '# Punkt 1: Cykelstier',
        '',
        '24/100',
        '',
        '### Beslutning',
        '',
        'Godkendt.',
        '',
        '**Afbud** Per Lund (V)',
        '',
        '**Punkt 2: Lukket: Grundsalg**',
        '',
        '24/101',
      ].join('\n'),
    );
    expect(r.isMinutes).toBe(true);
    const m = r.meeting!;
    expect(m).toMatchObject({
      committee: 'Vej- og Parkudvalget',
      date: '2024-03-01',
      time: '09:00',
      kind: 'referat',
    });
    expect(m.absent).toEqual(['Per Lund (V)']);
    expect(m.punkter.map((p) => [p.number, p.title, p.caseNumber, p.closed, p.decision])).toEqual([
      [1, 'Cykelstier', '24/100', false, 'Godkendt.'],
      [2, 'Grundsalg', '24/101', true, null],
    ]);
  });
  it('plain text without markdown: "N. Title" lines, labels and section words on their own lines', () => {
    const text = [
      'Referat',
      'Ældrerådet',
      'Mødedato: 7. marts 2024 kl. 10.00',
      'Mødested: Plejecenter Solbakken',
      '',
      '1. Godkendelse af dagsorden',
      'Sagsnr. 24/100',
      'Beslutning',
      'Dagsordenen blev godkendt.',
      '',
      '2. Høring om madservice',
      'Sagsnr. 24/101',
      'Sagsfremstilling',
      'Kommunen har sendt forslag om ny madservice i høring.',
      'Indstilling',
      'Det indstilles, at',
      '1. at rådet afgiver høringssvar',
      'Beslutning',
      'Rådet afgiver høringssvar.',
    ].join('\n');
    const r = parseText(text);
    expect(r.meeting).toMatchObject({
      committee: 'Ældrerådet',
      date: '2024-03-07',
      time: '10:00',
      place: 'Plejecenter Solbakken',
    });
    expect(r.meeting!.punkter.map((p) => [p.number, p.title, p.caseNumber, p.decision])).toEqual([
      [1, 'Godkendelse af dagsorden', '24/100', 'Dagsordenen blev godkendt.'],
      [2, 'Høring om madservice', '24/101', 'Rådet afgiver høringssvar.'],
    ]);
    expect(r.meeting!.punkter[1]!.sections.map((s) => s.kind)).toEqual([
      'sagsfremstilling',
      'indstilling',
      'beslutning',
    ]);
  });

  it('plain prose is not minutes', () => {
    expect(parseText('Punkt 1 er vigtigt.\n\nHer er en tekst om haver.')).toMatchObject({ isMinutes: false });
  });
});
