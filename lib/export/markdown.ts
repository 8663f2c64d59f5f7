// Markdown export: per meeting (header, punkter with case numbers and decisions, highlights as
// quotes linking back to the page, notes, tags) or per case dossier (every treatment in date order).
import type { Annotation } from '../model/annotation';
import type { Appearance, MeetingRecord, PunktSummary } from '../model/records';
import { escapeLines, escapeOneLine, mdLink, obsidianTag } from './markdown-escape';
import {
  annotationLink,
  CHUNK,
  type Chunked,
  compareAnnotations,
  findPunkt,
  groupByMeeting,
  humanDate,
  type MeetingGroup,
  progressReporter,
  punktLink,
  runSync,
  textTarget,
} from './shared';
import type { ExportBundle, ExportLang, ProgressFn } from './types';

export interface MarkdownOptions {
  lang?: ExportLang;
  onProgress?: ProgressFn;
}

const TEXT = {
  da: {
    municipality: 'Kommune',
    place: 'Sted',
    time: 'Tid',
    link: 'Link',
    openMeeting: 'Åbn mødet',
    caseNumber: 'Sagsnr.',
    openPunkt: 'Åbn punktet',
    decision: 'Beslutning',
    toQuote: 'Se i referatet',
    toQuoteAgenda: 'Se i dagsordenen',
    tags: 'Tags',
    closed: 'Lukket punkt',
    meetingNotes: 'Noter til mødet',
    orphaned: 'Citatet blev ikke fundet på siden ved seneste besøg.',
    punkt: 'punkt',
    history: 'tidligere behandling',
    upcoming: 'kommende behandling',
    undated: 'Uden dato',
    exported: 'Eksporteret fra Sagsspor',
    meeting: 'Møde',
    caseHeader: 'Sag',
  },
  en: {
    municipality: 'Municipality',
    place: 'Place',
    time: 'Time',
    link: 'Link',
    openMeeting: 'Open the meeting',
    caseNumber: 'Case no.',
    openPunkt: 'Open the item',
    decision: 'Decision',
    toQuote: 'See in the minutes',
    toQuoteAgenda: 'See in the agenda',
    tags: 'Tags',
    closed: 'Closed item',
    meetingNotes: 'Notes on the meeting',
    orphaned: 'The quote was not found on the page at the last visit.',
    punkt: 'item',
    history: 'earlier treatment',
    upcoming: 'upcoming treatment',
    undated: 'Undated',
    exported: 'Exported from Sagsspor',
    meeting: 'Meeting',
    caseHeader: 'Case',
  },
} as const;
type Text = (typeof TEXT)[ExportLang];

/** Lines of one annotation: quote + link, note paragraphs, tag line. Blank lines separate blocks. */
function annotationBlock(
  out: string[],
  a: Annotation,
  punkt: PunktSummary | undefined,
  t: Text,
  kind: MeetingRecord['kind'] = null,
): void {
  const target = textTarget(a);
  if (target) {
    for (const line of escapeLines(target.selectors[0].exact)) out.push(line ? `> ${line}` : '>');
    out.push('');
    out.push(mdLink(kind === 'dagsorden' ? t.toQuoteAgenda : t.toQuote, annotationLink(a, punkt)));
    out.push('');
    if (a.status === 'orphaned') {
      out.push(`_${escapeOneLine(t.orphaned)}_`);
      out.push('');
    }
  }
  const note = a.note.trim();
  if (note) {
    // Paragraphs stay paragraphs; single newlines stay line breaks.
    for (const para of note.split(/\n\s*\n/)) {
      out.push(escapeLines(para.trim()).join('\n'));
      out.push('');
    }
  }
  const tags = a.tags.map(obsidianTag).filter(Boolean);
  if (tags.length) {
    out.push(`${t.tags}: ${tags.join(' ')}`);
    out.push('');
  }
}

function decisionLines(out: string[], decision: string | null, t: Text): void {
  if (!decision?.trim()) return;
  const lines = escapeLines(decision.trim()).filter(Boolean);
  out.push(`**${t.decision}:** ${lines.join('  \n')}`);
  out.push('');
}

function meetingHeader(out: string[], g: MeetingGroup, t: Text, lang: ExportLang): void {
  const m = g.meeting;
  if (!m) {
    out.push(`# ${escapeOneLine(g.url || g.key)}`);
    out.push('');
    if (g.url) {
      out.push(`- ${t.link}: ${mdLink(t.openMeeting, g.url)}`);
      out.push('');
    }
    return;
  }
  const title = m.committee ?? t.meeting;
  out.push(m.date ? `# ${escapeOneLine(title)} — ${humanDate(m.date, lang)}` : `# ${escapeOneLine(title)}`);
  out.push('');
  const facts: string[] = [`- ${t.municipality}: ${escapeOneLine(m.municipality)}`];
  if (m.place) facts.push(`- ${t.place}: ${escapeOneLine(m.place)}`);
  if (m.time) facts.push(`- ${t.time}: ${escapeOneLine(m.time)}`);
  const url = m.sourceUrls[0];
  if (url) facts.push(`- ${t.link}: ${mdLink(t.openMeeting, url)}`);
  out.push(...facts, '');
}

function punktHeader(
  out: string[],
  p: PunktSummary | undefined,
  n: number,
  fallbackUrl: string,
  t: Text,
): void {
  out.push(`## ${n}. ${escapeOneLine(p?.title ?? `${t.punkt} ${n}`)}`);
  out.push('');
  const facts: string[] = [];
  if (p?.caseNumber) facts.push(`${t.caseNumber} ${escapeOneLine(p.caseNumber)}`);
  if (p?.closed) facts.push(t.closed);
  const link = punktLink(p, fallbackUrl);
  if (link) facts.push(mdLink(t.openPunkt, link));
  if (facts.length) out.push(facts.join(' · '), '');
  decisionLines(out, p?.decision ?? null, t);
}

function* meetingSections(
  out: string[],
  bundle: ExportBundle,
  everyPunkt: boolean,
  t: Text,
  lang: ExportLang,
  tick: () => boolean,
): Chunked<void> {
  for (const g of groupByMeeting(bundle.meetings, bundle.annotations, everyPunkt)) {
    meetingHeader(out, g, t, lang);
    if (g.meetingNotes.length) {
      out.push(`## ${t.meetingNotes}`, '');
      for (const a of g.meetingNotes) {
        annotationBlock(out, a, undefined, t, g.meeting?.kind);
        if (tick()) yield;
      }
    }
    const numbers = new Set<number>(g.byPunkt.keys());
    if (everyPunkt && g.meeting) for (const p of g.meeting.punkter) numbers.add(p.number);
    for (const n of [...numbers].sort((a, b) => a - b)) {
      const p = findPunkt(g.meeting, n);
      const list = g.byPunkt.get(n) ?? [];
      punktHeader(out, p, n, list[0]?.page.url ?? g.url, t);
      for (const a of list) {
        annotationBlock(out, a, p, t, g.meeting?.kind);
        if (tick()) yield;
      }
    }
  }
}

interface TimelineEntry {
  date: string | null;
  committee: string | null;
  meetingKey: string | null;
  punktNumber: number | null;
  title: string;
  decision: string | null;
  link: string | null;
  source: Appearance['source'];
  text: string | null;
  annotations: Annotation[];
}

const SOURCE_ORDER = { history: 0, visited: 1, upcoming: 2 } as const;

/** A case's treatments: appearances, remembered punkter with the case, and annotated punkter. */
function caseTimeline(bundle: ExportBundle): TimelineEntry[] {
  const key = bundle.scope.key;
  const entries = new Map<string, TimelineEntry>();
  const meetingByKey = new Map(bundle.meetings.map((m) => [m.key, m]));
  const idOf = (mk: string | null, n: number | null, extra = '') => `${mk ?? ''}#${n ?? ''}${extra}`;
  const fromPunkt = (m: MeetingRecord, p: PunktSummary): TimelineEntry => ({
    date: m.date,
    committee: m.committee,
    meetingKey: m.key,
    punktNumber: p.number,
    title: p.title,
    decision: p.decision,
    link: p.deepLink ?? m.sourceUrls[0] ?? null,
    source: 'visited',
    text: null,
    annotations: [],
  });
  for (const m of bundle.meetings)
    for (const p of m.punkter)
      if (key && p.caseKey === key) entries.set(idOf(m.key, p.number), fromPunkt(m, p));
  for (const a of bundle.appearances ?? []) {
    const id = a.meetingKey ? idOf(a.meetingKey, a.punktNumber) : idOf(null, null, `@${a.id}`);
    const existing = entries.get(id);
    if (existing && a.source !== 'visited') {
      existing.text ??= a.text;
      continue;
    }
    const m = a.meetingKey ? meetingByKey.get(a.meetingKey) : undefined;
    entries.set(id, {
      date: a.date,
      committee: a.committee,
      meetingKey: a.meetingKey,
      punktNumber: a.punktNumber,
      title: a.title,
      decision: a.decision ?? existing?.decision ?? null,
      link: a.deepLink ?? existing?.link ?? m?.sourceUrls[0] ?? null,
      source: a.source,
      text: a.text,
      annotations: [],
    });
  }
  for (const g of groupByMeeting(bundle.meetings, bundle.annotations, false)) {
    const all = [...g.meetingNotes, ...[...g.byPunkt.values()].flat()];
    for (const a of all) {
      const id = idOf(a.page.meetingKey, a.page.punktNumber);
      let e = entries.get(id);
      if (!e) {
        const m = g.meeting;
        const p = findPunkt(m, a.page.punktNumber);
        e =
          m && p
            ? fromPunkt(m, p)
            : {
                date: m?.date ?? null,
                committee: m?.committee ?? null,
                meetingKey: a.page.meetingKey,
                punktNumber: a.page.punktNumber,
                title: '',
                decision: null,
                link: a.page.url,
                source: 'visited',
                text: null,
                annotations: [],
              };
        entries.set(id, e);
      }
      e.annotations.push(a);
    }
  }
  return [...entries.values()].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date == null) return 1;
      if (b.date == null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    const s = SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source];
    if (s) return s;
    return (a.punktNumber ?? 0) - (b.punktNumber ?? 0);
  });
}

function* caseDossier(
  out: string[],
  bundle: ExportBundle,
  t: Text,
  lang: ExportLang,
  tick: () => boolean,
): Chunked<void> {
  out.push(`# ${escapeOneLine(bundle.scope.label)}`, '');
  const municipality = bundle.meetings[0]?.municipality ?? bundle.follows?.[0]?.municipality;
  if (municipality) out.push(`- ${t.municipality}: ${escapeOneLine(municipality)}`, '');
  const meetingByKey = new Map(bundle.meetings.map((m) => [m.key, m]));
  for (const e of caseTimeline(bundle)) {
    const when = e.date ? humanDate(e.date, lang) : t.undated;
    const where = [e.committee, e.punktNumber != null ? `${t.punkt} ${e.punktNumber}` : null]
      .filter(Boolean)
      .join(', ');
    const kind =
      e.source === 'history' ? ` (${t.history})` : e.source === 'upcoming' ? ` (${t.upcoming})` : '';
    out.push(`## ${when}${where ? ` — ${escapeOneLine(where)}` : ''}${kind}`, '');
    const facts: string[] = [];
    if (e.title) facts.push(`**${escapeOneLine(e.title)}**`);
    if (e.link) facts.push(mdLink(t.openPunkt, e.link));
    if (facts.length) out.push(facts.join(' · '), '');
    if (e.text && e.source !== 'visited') out.push(escapeLines(e.text).join('\n'), '');
    decisionLines(out, e.decision, t);
    const m = e.meetingKey ? meetingByKey.get(e.meetingKey) : undefined;
    const punkt = findPunkt(m, e.punktNumber);
    for (const a of e.annotations.sort(compareAnnotations)) {
      annotationBlock(out, a, punkt, t, m?.kind);
      if (tick()) yield;
    }
  }
}

/**
 * The bundle as Markdown. A meeting export lists every punkt; other scopes list the punkter that
 * have annotations; a case export is a dossier of the case's treatments in date order.
 */
export function toMarkdown(bundle: ExportBundle, opts: MarkdownOptions = {}): string {
  return runSync(markdownChunks(bundle, opts));
}

/** `toMarkdown` in slices (see `runAsync` in ./shared). */
export function* markdownChunks(bundle: ExportBundle, opts: MarkdownOptions = {}): Chunked<string> {
  const lang = opts.lang ?? 'da';
  const t = TEXT[lang];
  const total = bundle.annotations.length;
  const report = progressReporter(total, opts.onProgress);
  let done = 0;
  const tick = () => {
    report(++done);
    return done % CHUNK === 0;
  };
  const out: string[] = [];
  if (bundle.scope.kind === 'case') yield* caseDossier(out, bundle, t, lang, tick);
  else yield* meetingSections(out, bundle, bundle.scope.kind === 'meeting', t, lang, tick);
  const stamp = humanDate(new Date(bundle.generatedAt).toISOString().slice(0, 10), lang);
  out.push('---', '', `_${t.exported} · ${escapeOneLine(bundle.scope.label)} · ${stamp}_`, '');
  report(total);
  return out.join('\n');
}
