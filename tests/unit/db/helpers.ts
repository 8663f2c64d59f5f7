// Test data builders for the data layer: realistic Danish minutes metadata.
import 'fake-indexeddb/auto';
import { openDb, type SagssporDB } from '../../../lib/db';
import type { AnnotationInput } from '../../../lib/model/annotation';
import type { Meeting, Punkt } from '../../../lib/model/minutes';

export const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);

let seq = 0;
/** A fresh database with its own name. */
export async function freshDb(): Promise<SagssporDB> {
  seq += 1;
  return openDb(`sagsspor-test-${seq}-${crypto.randomUUID()}`);
}

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function annotation(n: number, over: Partial<AnnotationInput> = {}): AnnotationInput {
  const { page, ...rest } = over;
  return {
    id: uuid(n),
    page: {
      url: 'https://dagsordener.aarhus.dk/vis?id=123',
      municipality: 'Aarhus',
      meetingKey: 'aarhus|økonomiudvalget|2024-05-01',
      punktNumber: 3,
      caseNumber: '24.00.00-G01-16-23',
      ...page,
    },
    target: {
      scope: {
        meetingKey: 'aarhus|økonomiudvalget|2024-05-01',
        punktNumber: 3,
        caseNumber: '24.00.00-G01-16-23',
        sectionKind: 'beslutning',
        sectionIndex: 2,
      },
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'Indstillingen blev godkendt',
          prefix: 'Beslutning ',
          suffix: '.',
        },
        { type: 'TextPositionSelector', start: 120, end: 147 },
      ],
    },
    motivation: 'highlighting',
    color: 'yellow',
    note: '',
    tags: [],
    quote: 'Indstillingen blev godkendt',
    created: T0 + n,
    modified: T0 + n,
    ...rest,
  };
}

export function punkt(
  number: number,
  title: string,
  caseNumber: string | null,
  over: Partial<Punkt> = {},
): Punkt {
  return {
    number,
    title,
    printedTitle: `Punkt ${number}: ${title}`,
    prefixes: [],
    caseNumber,
    case: caseNumber
      ? {
          raw: caseNumber,
          normalised: caseNumber.toUpperCase(),
          format: 'kle',
          kle: caseNumber.match(/^\d{2}\.\d{2}\.\d{2}/)?.[0] ?? null,
          facet: null,
          serial: null,
          year: null,
        }
      : null,
    closed: false,
    decision: 'Godkendt.',
    sections: [],
    attachments: [],
    history: [],
    upcoming: [],
    deepLink: null,
    dom: null,
    ...over,
  };
}

export function meeting(
  committee: string,
  date: string,
  punkter: Punkt[],
  over: Partial<Meeting> = {},
): Meeting {
  return {
    municipality: 'Aarhus Kommune',
    committee,
    date,
    time: '15:00',
    place: 'Rådhuset, lokale 390',
    participants: ['Anders Winnerskjold', 'Camilla Fabricius'],
    absent: [],
    kind: 'referat',
    sourceUrl: null,
    punkter,
    ...over,
  };
}
