// Rows exactly as each released schema version stored them. Every version but the current one
// MUST have an entry: the migration test upgrades a database created at each of them.
// When you add schema version N+1, add version N's rows here (copy them from a real database).

import { V2_TABLES } from './version-fixtures-v2';

export interface VersionFixture {
  /** table → rows as stored at that version */
  tables: Record<string, Record<string, unknown>[]>;
  /** Fields an upgrade may rewrite (derived data), per table; all other stored fields must survive. */
  rewritten: Record<string, string[]>;
}

const v1Annotation = (n: number, over: Record<string, unknown>) => ({
  id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  page: {
    url: 'https://dagsordener.aarhus.dk/vis?id=7f3a',
    municipality: 'Aarhus',
    meetingKey: 'aarhus|beskæftigelses- og borgerserviceudvalget|2022-09-15',
    punktNumber: 2,
    caseNumber: '23-5-85.10.00-P07',
  },
  target: {
    scope: {
      meetingKey: 'aarhus|beskæftigelses- og borgerserviceudvalget|2022-09-15',
      punktNumber: 2,
      caseNumber: '23-5-85.10.00-P07',
      sectionKind: 'sagsfremstilling',
      sectionIndex: 1,
    },
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'Borgerservice forventer ventetider på op til 8 uger',
        prefix: 'På baggrund af efterårets travlhed ',
        suffix: ' i perioden frem til jul.',
      },
      { type: 'TextPositionSelector', start: 1043, end: 1094 },
    ],
  },
  motivation: 'highlighting',
  color: 'yellow',
  note: '',
  tags: [],
  quote: 'Borgerservice forventer ventetider på op til 8 uger',
  created: 1_760_000_000_000 + n,
  modified: 1_760_000_000_000 + n,
  status: 'anchored',
  deletedAt: null,
  // v1 words: quote + note + tags (no case number)
  words: [] as string[],
  ...over,
});

function v1Words(row: { quote: string; note: string; tags: string[] }): string[] {
  // As v1 tokenised: lowercased word runs of quote, note and tags.
  return [
    ...new Set(
      `${row.quote} ${row.note} ${row.tags.join(' ')}`
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu)
        ?.filter((w) => w.length > 1 || /\d/.test(w)),
    ),
  ];
}

const v1Rows = [
  v1Annotation(1, {}),
  v1Annotation(2, {
    motivation: 'commenting',
    color: 'pink',
    note: 'Hvad koster ekstra bemanding? Spørg på næste møde.',
    tags: ['Borgerservice', 'Økonomi'],
    status: 'orphaned',
  }),
  v1Annotation(3, {
    page: {
      url: 'https://www.vejle.dk/politik/dagsordener/byraadet/2023-03-22',
      municipality: 'Vejle',
      meetingKey: 'vejle|byrådet|2023-03-22',
      punktNumber: 11,
      caseNumber: null,
    },
    target: {
      scope: {
        meetingKey: 'vejle|byrådet|2023-03-22',
        punktNumber: 11,
        caseNumber: null,
        sectionKind: null,
        sectionIndex: null,
      },
      selectors: [],
    },
    motivation: 'tagging',
    color: 'green',
    quote: '',
    tags: ['Lukket punkt'],
  }),
  v1Annotation(4, {
    page: {
      url: 'https://odense.dk/referat/bu/2023-01-10',
      municipality: 'Odense',
      meetingKey: null,
      punktNumber: null,
      caseNumber: null,
    },
    color: 'purple',
    quote: 'Udvalget godkender den reviderede tidsplan',
    deletedAt: 1_760_000_500_000,
    modified: 1_760_000_500_000,
  }),
  v1Annotation(5, {
    page: {
      url: 'https://dagsordener.aarhus.dk/vis?id=7f3a',
      municipality: 'Aarhus',
      meetingKey: 'aarhus|økonomiudvalget|2024-05-01',
      punktNumber: 7,
      caseNumber: '22/18533',
    },
    color: 'blue',
    note: 'Følg op i budgetforhandlingerne',
    tags: ['Budget'],
    quote: 'Anlægsbudgettet forhøjes med 12,5 mio. kr.',
  }),
].map((r) => ({ ...r, words: v1Words(r) }));

export const VERSION_FIXTURES: Record<number, VersionFixture> = {
  1: {
    tables: {
      annotations: v1Rows,
      meta: [
        { key: 'persistNoticeShown', value: true },
        { key: 'lastPurge', value: 1_760_000_400_000 },
      ],
    },
    rewritten: { annotations: ['words'] },
  },
  2: { tables: V2_TABLES, rewritten: {} },
  // v3 changed indexes only: its rows are v2's.
  3: { tables: V2_TABLES, rewritten: {} },
};
