import type { Meeting, ParseResult, Punkt } from '../../../lib/model/minutes';

export function punkt(over: Partial<Punkt> & Pick<Punkt, 'number' | 'title'>): Punkt {
  return {
    printedTitle: over.title,
    prefixes: [],
    caseNumber: null,
    case: null,
    closed: false,
    decision: null,
    sections: [],
    attachments: [],
    history: [],
    upcoming: [],
    deepLink: null,
    dom: null,
    ...over,
  };
}

export function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    municipality: 'Ballerup',
    committee: 'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
    date: '2023-06-06',
    time: '08:00',
    place: 'Mødecenter C, Lokale 29 på Ballerup Rådhus',
    participants: ['Musa Kekec (A)'],
    absent: ['Allan Kristensen (C)', 'Lars Green Bach (B)'],
    kind: 'referat',
    sourceUrl: 'https://dagsorden.ballerup.dk/meeting/9105328',
    punkter: [
      punkt({
        number: 1,
        title: 'Meddelelser',
        caseNumber: '00.01.10-P35-7-22',
        decision: 'Taget til efterretning',
      }),
      punkt({
        number: 3,
        title: 'Forsvarets industrimesse, DALO Industry Days',
        caseNumber: '24.00.00-G01-16-23',
      }),
      punkt({
        number: 11,
        title: 'Meddelelser',
        printedTitle: 'Lukket: LUKKET Meddelelser',
        prefixes: ['Lukket'],
        closed: true,
        caseNumber: '00.01.10-P35-7-22',
      }),
    ],
    ...over,
  };
}

export function recognised(m: Meeting = meeting()): ParseResult {
  return { isMinutes: true, platform: 'aabendagsorden', meeting: m };
}
