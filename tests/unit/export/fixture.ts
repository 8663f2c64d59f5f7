// A small realistic export fixture: Ballerup, Erhvervs-, Beskæftigelses- og Uddannelsesudvalget,
// 6 June 2023 (shared/fixtures/000-firstagenda.html, truth from manifest.json; section texts from
// shared/seeds/000_c01e8c9327e1db8d.txt), with annotations on punkt 3 and 4. Positions are computed
// from the section texts below (UTF-16 offsets from the section's start, as lib/anchoring stores
// them), so the JSON-LD code-point conversion can be checked against the real text.
import { appearancesOf } from '../../../lib/db/meetings';
import type { ExportSource } from '../../../lib/export';
import type { Annotation, AnnotationColor, Motivation } from '../../../lib/model/annotation';
import type { Follow, MeetingRecord, PunktSummary } from '../../../lib/model/records';
import type { AnchorScope, Target } from '../../../lib/model/selectors';

export const URL = 'https://dagsordener.ballerup.dk/vis?id=45aadda5-479f-3583-31d1-2efe6dae518f';
export const COMMITTEE = 'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget';
export const MEETING_KEY = 'ballerup|erhvervs-, beskæftigelses- og uddannelsesudvalget|2023-06-06';
export const CASE_3 = 'ballerup:24.00.00-G01-16-23';
export const CASE_4 = 'ballerup:24.00.00-G01-14-23';
/** 26 Nov 2026 09:00 UTC. */
export const GENERATED_AT = Date.UTC(2026, 10, 26, 9, 0, 0);
const T = Date.UTC(2023, 5, 7, 7, 30, 0);

const TRUTH: Array<[number, string, string | null, boolean, string | null]> = [
  [1, 'Meddelelser', '00.01.10-P35-7-22', false, 'Taget til efterretning'],
  [2, 'Besøg hos sygedagpenge-afsnittet i Center for Arbejdsmarked', null, false, 'Taget til efterretning'],
  [3, 'Forsvarets industrimesse, DALO Industry Days', '24.00.00-G01-16-23', false, 'Taget til efterretning'],
  [4, 'Klimapris 2023', '24.00.00-G01-14-23', false, 'Taget til efterretning'],
  [5, 'Sammenhængende borgerforløb', '00.17.00-A00-1-19', false, 'Taget til efterretning'],
  [
    6,
    'Strategi for socialområdet',
    '27.00.00-A00-8-22',
    false,
    'Erhvervs-, Beskæftigelses-, og Uddannelsesudvalget bakker om forslaget til Strategi for Socialområdet.',
  ],
  [
    7,
    'Evaluering af sundhedsindsatser målrettet borgere tilknyttet Center for Arbejdsmarked',
    '29.00.00-A00-6-21',
    false,
    'Indstillingspunkt 1: Taget til efterretning. Indstillingspunkt 2: Erhvervs-, Beskæftigelses- og Uddannelsesudvalget er enig om at der arbejdes for en fortsat prioritering af brug af sundhedsindsatsen i et beskæftigelsesperspektiv, herunder med fokus på borgers overgang til foreningslivet o.l.',
  ],
  [8, 'Forsørgelsesydelse og enkeltudgifter', '32.00.00-A00-2-22', false, 'Taget til efterretning'],
  [9, 'Kontrolindsatsens årsrapport', '15.00.00-K07-1-23', false, 'Taget til efterretning'],
  [10, 'Nøgletal på beskæftigelsesområdet', '15.00.00-P05-9-20', false, 'Taget til efterretning'],
  [11, 'LUKKET Meddelelser', '00.01.10-P35-7-22', true, null],
  [
    12,
    'LUKKET Fortsat drøftelse af bidrag til spare- og omprioriteringsarbejdet til budget 2024-2027 for Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
    '00.15.25-P05-2-22',
    true,
    null,
  ],
  [13, 'Godkendelse af referat (underskriftside)', '00.22.00-P19-7-22', false, null],
];

function punkt([number, title, caseNumber, closed, decision]: (typeof TRUTH)[number]): PunktSummary {
  return {
    number,
    title,
    caseNumber,
    caseKey: caseNumber ? `ballerup:${caseNumber}` : `ballerup:${MEETING_KEY}#${number}`,
    kle: caseNumber ? caseNumber.slice(0, 8) : null,
    closed,
    decision,
    deepLink: null,
    history: [],
    upcoming:
      number === 4
        ? [
            {
              body: 'Udvalg for Grøn Omstilling',
              date: '2023-08-29',
              text: '29. august 2023 Udvalg for Grøn Omstilling præsenteres for koncept',
            },
            {
              body: 'Klima- og Miljøudvalget',
              date: '2023-10-03',
              text: '3. oktober 2023 Klima- og Miljøudvalget orienteres om status for indstillede kandidater',
            },
            {
              body: 'Udvalg for Grøn Omstilling',
              date: '2023-11-01',
              text: '1. november 2023 Udvalg for Grøn Omstilling udpeger to vindere af Klimaprisen 2023',
            },
            {
              body: 'Klima- og Miljøudvalget',
              date: '2023-11-28',
              text: '28. november 2023 Klima- og Miljøudvalget evaluerer Klimaprisen 2023',
            },
          ]
        : [],
  };
}

export const meeting: MeetingRecord = {
  key: MEETING_KEY,
  municipality: 'Ballerup',
  committee: COMMITTEE,
  date: '2023-06-06',
  time: '08:00',
  place: 'Mødecenter C, Lokale 29 på Ballerup Rådhus',
  kind: 'referat',
  platform: 'firstagenda',
  participants: ['Musa Kekec (A)', 'Anja Holtze (A)'],
  absent: ['Allan Kristensen (C) (2. viceborgmester)', 'Lars Green Bach (B)'],
  punkter: TRUTH.map(punkt),
  sourceUrls: [URL],
  firstSeen: T,
  lastSeen: T,
};

// Section texts (heading + paragraphs, paragraphs separated by "\n" as the anchoring text model does).
export const P3_BAGGRUND =
  'Baggrund\nSom en del af Budgetaftalen 2023 står beskrevet, at kommunen skal arbejde for "Styrket samarbejde med Forsvarets Materiel- og Indkøbsstyrelse (FMI) i Lautrup og at tiltrække og udvikle forsvarsvirksomheder. FMI tiltrækker en række underleverandører, som arbejder med højt specialiserede teknologiske løsninger. Ballerup Kommune understøtter dette arbejde"';
export const P3_SAGSFREMSTILLING =
  "Sagsfremstilling\nEn del af samarbejdet med FMI tager udgangspunkt i FMI's industrimesse, DALO Industry Days, der finder sted 23. og 24. august 2023 i Super Arenaen. Samarbejdet fokuserer på fælles markedsføring af arrangementet, herunder markedsføring af Ballerup som en førende erhvervskommune. Derudover vil erhvervsteamet være til stede på industrimesse ved en stand, hvor teamet vil fortælle om fordelene ved at etablere sig i Ballerup, og hvad Ballerup Kommune kan bidrage med overfor virksomhederne.\nSåfremt Erhvervs-, Beskæftigelses- og Uddannelsesudvalget ønsker at deltage i DALO Industry Days, vil dette blive arrangeret med FMI.";
export const P3_INDSTILLING =
  'Indstilling\nCenter for Politik og Organisation indstiller, at:\n1. Information om samarbejdet med FMI og deltagelse på DALO Industry Days tages til efterretning.';
export const P4_SAGSFREMSTILLING =
  'Sagsfremstilling\nFormålet med Ballerup Kommunes Klimapris 2023 er at hylde lokale virksomheder, der bidrager til at løse klimaudfordringerne og til at realisere kommunens Klimapolitik.\nKlimatiltag forstås i denne sammenhæng som tiltag, der:\n- Modvirker klimaændringer\n- Øger bæredygtig anvendelse og beskyttelse af vand- og havressourcer\n- Øger omstilling til en cirkulær økonomi';
/** The plan table as a page variant renders it, with emoji (astral code points) in the text. */
export const P4_PLAN =
  'Tids- og procesplan\n1. november 2023 Udvalg for Grøn Omstilling udpeger to vindere af Klimaprisen 2023\n7. november 2023 🎉 Fejring og uddeling af Klimaprisen 2023 🏆\n28. november 2023 Klima- og Miljøudvalget evaluerer Klimaprisen 2023';

export function uuid(n: number): string {
  return `6f1c2a3b-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function scope(
  punktNumber: number,
  sectionKind: AnchorScope['sectionKind'],
  sectionIndex: number | null,
): AnchorScope {
  const caseNumber = TRUTH[punktNumber - 1]![2];
  return { meetingKey: MEETING_KEY, punktNumber, caseNumber, sectionKind, sectionIndex };
}

/**
 * A highlight on `exact` inside `sectionText`, described as lib/anchoring's `describe` did before it
 * recorded `codePoints` (an older stored annotation: the JSON-LD export approximates from the prefix).
 */
export function textTarget(sectionText: string, exact: string, s: AnchorScope | null): Target {
  const start = sectionText.indexOf(exact);
  if (start < 0) throw new Error(`fixture: quote not in section: ${exact}`);
  const end = start + exact.length;
  return {
    scope: s,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact,
        prefix: sectionText.slice(Math.max(0, start - 32), start),
        suffix: sectionText.slice(end, end + 32),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

interface Spec {
  n: number;
  punkt: number | null;
  target: Annotation['target'];
  motivation: Motivation;
  color?: AnnotationColor;
  note?: string;
  tags?: string[];
  status?: Annotation['status'];
  deletedAt?: number | null;
  minutes: number;
}

function ann(s: Spec): Annotation {
  const p = s.punkt == null ? null : TRUTH[s.punkt - 1]!;
  const exact = s.target.selectors.length === 2 ? s.target.selectors[0].exact : '';
  return {
    id: uuid(s.n),
    page: {
      url: URL,
      municipality: 'Ballerup',
      meetingKey: MEETING_KEY,
      punktNumber: s.punkt,
      caseNumber: p?.[2] ?? null,
    },
    target: s.target,
    motivation: s.motivation,
    color: s.color ?? 'yellow',
    note: s.note ?? '',
    tags: s.tags ?? [],
    quote: exact,
    created: T + s.minutes * 60_000,
    modified: T + (s.minutes + 5) * 60_000,
    status: s.status ?? 'anchored',
    deletedAt: s.deletedAt ?? null,
  };
}

export const annotations: Annotation[] = [
  ann({
    n: 1,
    punkt: 3,
    target: textTarget(
      P3_BAGGRUND,
      'står beskrevet, at kommunen skal arbejde for "Styrket samarbejde med Forsvarets Materiel- og Indkøbsstyrelse (FMI) i Lautrup',
      scope(3, 'sagsfremstilling', 3),
    ),
    motivation: 'commenting',
    note: 'Budgetaftalen 2023: hvad koster "styrket samarbejde", og hvem betaler?',
    tags: ['Erhverv', 'Budget 2023'],
    minutes: 0,
  }),
  ann({
    n: 2,
    punkt: 3,
    target: textTarget(
      P3_SAGSFREMSTILLING,
      'hvad Ballerup Kommune kan bidrage med overfor virksomhederne.\nSåfremt Erhvervs-, Beskæftigelses- og Uddannelsesudvalget ønsker at deltage i DALO Industry Days, vil dette blive arrangeret med FMI.',
      scope(3, 'sagsfremstilling', 4),
    ),
    motivation: 'highlighting',
    color: 'green',
    minutes: 2,
  }),
  ann({
    n: 3,
    punkt: 3,
    target: textTarget(
      P3_INDSTILLING,
      '1. Information om samarbejdet med FMI og deltagelse på DALO Industry Days tages til efterretning.',
      scope(3, 'indstilling', 9),
    ),
    motivation: 'highlighting',
    color: 'blue',
    status: 'orphaned',
    minutes: 4,
  }),
  ann({
    n: 4,
    punkt: 4,
    target: { scope: scope(4, null, null), selectors: [] },
    motivation: 'tagging',
    note: '+20.000 kr. om året – følg op på evalueringen i november 🌱\nSpørg til *kriterierne* og <FMI> | `kr`',
    tags: ['Klima', 'Grøn omstilling', '2024'],
    minutes: 6,
  }),
  ann({
    n: 5,
    punkt: 4,
    target: textTarget(
      P4_SAGSFREMSTILLING,
      'Klimatiltag forstås i denne sammenhæng som tiltag, der:\n- Modvirker klimaændringer\n- Øger bæredygtig anvendelse og beskyttelse af vand- og havressourcer',
      scope(4, 'sagsfremstilling', 3),
    ),
    motivation: 'highlighting',
    color: 'pink',
    tags: ['Klima'],
    minutes: 8,
  }),
  ann({
    n: 6,
    punkt: 4,
    target: textTarget(
      P4_PLAN,
      'Fejring og uddeling af Klimaprisen 2023 🏆',
      scope(4, 'sagsfremstilling', 6),
    ),
    motivation: 'commenting',
    color: 'purple',
    note: '=HYPERLINK("https://example.org";"klik") — skal ikke køre som formel',
    minutes: 10,
  }),
  // Soft-deleted: never exported.
  ann({
    n: 7,
    punkt: 3,
    target: { scope: scope(3, null, null), selectors: [] },
    motivation: 'commenting',
    note: 'slettet note',
    deletedAt: T + 3_600_000,
    minutes: 12,
  }),
];

export const follows: Follow[] = [
  {
    caseKey: CASE_4,
    municipality: 'Ballerup',
    caseNumber: '24.00.00-G01-14-23',
    title: 'Klimapris 2023',
    followedAt: T,
    lastActivity: T,
    newCount: 0,
    latestDate: '2023-06-06',
    latestDecision: 'Taget til efterretning',
    latestCommittee: COMMITTEE,
    unfollowedAt: null,
  },
];

export const appearances = [
  ...appearancesOf(meeting, T),
  // Printed in punkt 4's Sammendrag: the earlier treatment in Klima- og Miljøudvalget.
  {
    id: `${CASE_4}@ballerup|klima- og miljøudvalget|2023-05-30#`,
    caseKey: CASE_4,
    meetingKey: 'ballerup|klima- og miljøudvalget|2023-05-30',
    punktNumber: null,
    municipality: 'Ballerup',
    date: '2023-05-30',
    committee: 'Klima- og Miljøudvalget',
    title: 'Klimapris 2023',
    decision: null,
    deepLink: null,
    text: 'Sagen blev behandlet på Klima- og Miljøudvalgets møde den 30. maj 2023.',
    source: 'history' as const,
    seenIn: MEETING_KEY,
    firstSeen: T,
  },
];

export const source: ExportSource = { meetings: [meeting], annotations, follows, appearances };
