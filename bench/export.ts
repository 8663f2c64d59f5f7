// Export benchmark (issue 5): 10,000 annotations across 500 meetings (10 punkter each, 500 followed
// cases with upcoming treatments); every format timed on the whole set, median of 3 runs.
// `export_ms_10000` is the sum of the four medians (target ≤ 1,000 ms).
// Run alone: `npx tsx bench/export.ts`.
import { pathToFileURL } from 'node:url';
import {
  type ExportSource,
  selectBundle,
  toCsv,
  toIcs,
  toJsonLd,
  toMarkdown,
  upcomingTreatments,
} from '../lib/export';
import type { Annotation, AnnotationColor, Motivation } from '../lib/model/annotation';
import type { Appearance, Follow, MeetingRecord, PunktSummary } from '../lib/model/records';
import { median, rng, round } from './lib/stats';

export interface BenchExportOptions {
  annotations?: number;
  meetings?: number;
  reps?: number;
}

const WORDS = (
  'budget skole cykelsti lokalplan trafik børn unge ældre pleje hjemmehjælp daginstitution klima ' +
  'energi varme affald vand kloak vej bro park natur bibliotek kultur idræt hal svømmehal bolig ' +
  'byggeri erhverv turisme havn kollektiv bus letbane parkering støj miljø tilskud anlæg drift ' +
  'regnskab revision høring borgermøde forvaltning udvalg indstilling godkendelse orientering ' +
  'økonomi besparelse effektivisering investering lån ramme tillægsbevilling frigivelse prioritering'
).split(' ');
const COMMITTEES = [
  'Økonomiudvalget',
  'Byrådet',
  'Børne- og Ungeudvalget',
  'Teknisk Udvalg',
  'Social- og Sundhedsudvalget',
  'Kultur- og Fritidsudvalget',
  'Beskæftigelses- og Borgerserviceudvalget',
  'Klima- og Miljøudvalget',
];
const MUNICIPALITIES = ['Ballerup', 'Haderslev', 'Gladsaxe', 'Aarhus', 'Odense'];
const COLORS: AnnotationColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
const MOTIVATIONS: Motivation[] = ['highlighting', 'commenting', 'tagging'];
const TAGS = [
  'Budget',
  'Opfølgning',
  'Spørgsmål',
  'Presse',
  'Borger henvendelse',
  'Skole',
  'Trafik',
  'Klima',
];

function uuid(n: number): string {
  return `b0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A deterministic data set shaped like the database's records. */
export function generateExportSource(nAnnotations = 10_000, nMeetings = 500): ExportSource {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const meetings: MeetingRecord[] = [];
  const follows: Follow[] = [];
  const appearances: Appearance[] = [];
  const t0 = Date.UTC(2024, 0, 1);
  for (let m = 0; m < nMeetings; m++) {
    const municipality = MUNICIPALITIES[m % MUNICIPALITIES.length]!;
    const committee = COMMITTEES[m % COMMITTEES.length]!;
    const date = new Date(t0 + m * 86_400_000).toISOString().slice(0, 10);
    const key = `${municipality.toLowerCase()}|${committee.toLowerCase()}|${date}`;
    const url = `https://dagsordener.${municipality.toLowerCase()}.dk/vis?id=${uuid(m)}`;
    const punkter: PunktSummary[] = Array.from({ length: 10 }, (_, i) => {
      const caseNumber = `${String(m % 90).padStart(2, '0')}.00.00-G01-${i + 1}-${24 + (m % 3)}`;
      return {
        number: i + 1,
        title: `${words(4)}, ${words(2)}`.replace(/^./, (c) => c.toUpperCase()),
        caseNumber,
        caseKey: `${municipality.toLowerCase()}:${caseNumber}`,
        kle: caseNumber.slice(0, 8),
        closed: i === 9,
        decision: i === 9 ? null : `Godkendt. ${words(8)}.`,
        deepLink: m % 4 === 0 ? `${url}#punkt-${i + 1}` : null,
        history: [],
        upcoming: [],
      };
    });
    meetings.push({
      key,
      municipality,
      committee,
      date,
      time: '16:00',
      place: 'Rådhuset, mødelokale 1',
      kind: 'referat',
      platform: 'firstagenda',
      participants: [],
      absent: [],
      punkter,
      sourceUrls: [url],
      firstSeen: t0,
      lastSeen: t0,
    });
    const p = punkter[m % 10]!;
    follows.push({
      caseKey: p.caseKey,
      municipality,
      caseNumber: p.caseNumber,
      title: p.title,
      followedAt: t0,
      lastActivity: t0,
      newCount: 0,
      latestDate: date,
      latestDecision: p.decision,
      latestCommittee: committee,
      unfollowedAt: null,
    });
    appearances.push({
      id: `${p.caseKey}@upcoming#${m}`,
      caseKey: p.caseKey,
      meetingKey: null,
      punktNumber: null,
      municipality,
      date: new Date(t0 + (m + 400) * 86_400_000).toISOString().slice(0, 10),
      committee: pick(COMMITTEES),
      title: p.title,
      decision: null,
      deepLink: null,
      text: `Sagen forventes behandlet; ${words(6)}, "${words(2)}"`,
      source: 'upcoming',
      seenIn: key,
      firstSeen: t0,
    });
  }
  const annotations: Annotation[] = [];
  for (let i = 0; i < nAnnotations; i++) {
    const meeting = meetings[i % nMeetings]!;
    const punkt = meeting.punkter[Math.floor(i / nMeetings) % 10]!;
    const whole = i % 10 === 9;
    const before = `${words(5)} `;
    const exact = i % 17 === 0 ? `"${words(6)}", ${words(3)}\n- ${words(5)} 🌱` : `${words(8)}, ${words(4)}`;
    const start = 40 + (i % 300);
    const scope = {
      meetingKey: meeting.key,
      punktNumber: punkt.number,
      caseNumber: punkt.caseNumber,
      sectionKind: 'sagsfremstilling' as const,
      sectionIndex: 2,
    };
    annotations.push({
      id: uuid(i),
      page: {
        url: meeting.sourceUrls[0]!,
        municipality: meeting.municipality,
        meetingKey: meeting.key,
        punktNumber: punkt.number,
        caseNumber: punkt.caseNumber,
        caseKey: punkt.caseKey,
      },
      target: whole
        ? { scope: { ...scope, sectionKind: null, sectionIndex: null }, selectors: [] }
        : {
            scope,
            selectors: [
              {
                type: 'TextQuoteSelector',
                exact,
                prefix: before.slice(-32),
                suffix: ` ${words(5)}`.slice(0, 32),
              },
              { type: 'TextPositionSelector', start, end: start + exact.length },
            ],
          },
      motivation: whole ? 'tagging' : pick(MOTIVATIONS),
      color: pick(COLORS),
      note: i % 3 === 0 ? `${i % 30 === 0 ? '=' : ''}${words(12)}; "${words(2)}"` : '',
      tags: i % 2 === 0 ? [pick(TAGS), pick(TAGS)] : [],
      quote: whole ? '' : exact,
      created: t0 + i * 1000,
      modified: t0 + i * 1000 + 500,
      status: i % 50 === 0 ? 'orphaned' : 'anchored',
      deletedAt: null,
    });
  }
  return { meetings, annotations, follows, appearances };
}

const median1 = (xs: number[]): number => round(median(xs), 1);

function timeMedian(reps: number, fn: () => string): { ms: number; bytes: number } {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const out = fn();
    times.push(performance.now() - t);
    bytes = out.length;
  }
  return { ms: median1(times), bytes };
}

export async function benchExport(opts: BenchExportOptions = {}): Promise<Record<string, number>> {
  const n = opts.annotations ?? 10_000;
  const reps = opts.reps ?? 3;
  const src = generateExportSource(n, opts.meetings ?? 500);
  const now = Date.UTC(2024, 5, 1);
  const bundle = selectBundle(src, { kind: 'all' }, { now });
  const md = timeMedian(reps, () => toMarkdown(bundle));
  const csv = timeMedian(reps, () => toCsv(bundle));
  const jsonld = timeMedian(reps, () => toJsonLd(bundle));
  const ics = timeMedian(reps, () =>
    toIcs(
      upcomingTreatments(
        { follows: src.follows!, appearances: src.appearances!, meetings: src.meetings },
        '2024-01-01',
      ),
      {
        now,
      },
    ),
  );
  const suffix = n === 10_000 ? '10000' : String(n);
  return {
    [`export_ms_${suffix}`]: Number((md.ms + csv.ms + jsonld.ms + ics.ms).toFixed(1)),
    [`export_markdown_ms_${suffix}`]: md.ms,
    [`export_csv_ms_${suffix}`]: csv.ms,
    [`export_jsonld_ms_${suffix}`]: jsonld.ms,
    [`export_ics_ms_${suffix}`]: ics.ms,
    export_markdown_kb: Math.round(md.bytes / 1024),
    export_csv_kb: Math.round(csv.bytes / 1024),
    export_jsonld_kb: Math.round(jsonld.bytes / 1024),
    export_ics_events: (
      toIcs(upcomingTreatments({ follows: src.follows!, appearances: src.appearances! }, '2024-01-01'), {
        now,
      }).match(/BEGIN:VEVENT/g) ?? []
    ).length,
  };
}

if (
  typeof process !== 'undefined' &&
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  benchExport().then((r) => console.table(r));
}
