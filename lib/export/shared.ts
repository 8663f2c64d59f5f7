// Helpers shared by the formatters: grouping, ordering, links back to the page.
import { caseKeyOf } from '../db/keys';
import type { Annotation } from '../model/annotation';
import type { MeetingRecord, PunktSummary } from '../model/records';
import type { Target } from '../model/selectors';
import type { ProgressFn } from './types';

/** A text annotation (highlight) carries [TextQuoteSelector, TextPositionSelector]; a whole-punkt note none. */
export function textTarget(a: Annotation): Target | null {
  return a.target.selectors.length === 2 ? (a.target as Target) : null;
}

/** The case key of an annotation: the stored derived one, else computed like the database does. */
export function annotationCaseKey(a: Annotation): string | null {
  if (a.page.caseKey) return a.page.caseKey;
  return caseKeyOf(a.page.municipality, a.page.caseNumber, a.page.meetingKey, a.page.punktNumber);
}

/** Order inside a punkt: whole-punkt notes first, then highlights by section and position, then creation. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  const pa = a.page.punktNumber ?? -1;
  const pb = b.page.punktNumber ?? -1;
  if (pa !== pb) return pa - pb;
  const ta = textTarget(a);
  const tb = textTarget(b);
  // Positions count from their section: order by section first (whole-punkt notes before all).
  const xa = ta ? (ta.scope?.sectionIndex ?? -1) : -2;
  const xb = tb ? (tb.scope?.sectionIndex ?? -1) : -2;
  if (xa !== xb) return xa - xb;
  const sa = ta ? ta.selectors[1].start : -1;
  const sb = tb ? tb.selectors[1].start : -1;
  if (sa !== sb) return sa - sb;
  if (a.created !== b.created) return a.created - b.created;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareMeetings(a: MeetingRecord, b: MeetingRecord): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  const ka = `${a.municipality}|${a.committee ?? ''}|${a.key}`;
  const kb = `${b.municipality}|${b.committee ?? ''}|${b.key}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function findPunkt(meeting: MeetingRecord | undefined, n: number | null): PunktSummary | undefined {
  if (!meeting || n == null) return undefined;
  return meeting.punkter.find((p) => p.number === n);
}

/** One meeting's annotations grouped by punkt (null = on the meeting as a whole). */
export interface MeetingGroup {
  /** Meeting key, or `url:<page url>` for annotations on pages that are not remembered meetings. */
  key: string;
  meeting: MeetingRecord | undefined;
  url: string;
  meetingNotes: Annotation[];
  byPunkt: Map<number, Annotation[]>;
}

/** Groups annotations by meeting (in the bundle's meeting order: date, then name), sorted inside. */
export function groupByMeeting(
  meetings: readonly MeetingRecord[],
  annotations: readonly Annotation[],
  includeEmptyMeetings: boolean,
): MeetingGroup[] {
  const byKey = new Map<string, MeetingGroup>();
  const sortedMeetings = [...meetings].sort(compareMeetings);
  if (includeEmptyMeetings) {
    for (const m of sortedMeetings)
      byKey.set(m.key, {
        key: m.key,
        meeting: m,
        url: m.sourceUrls[0] ?? '',
        meetingNotes: [],
        byPunkt: new Map(),
      });
  }
  const meetingByKey = new Map(meetings.map((m) => [m.key, m]));
  for (const a of annotations) {
    const meeting = a.page.meetingKey ? meetingByKey.get(a.page.meetingKey) : undefined;
    const key = meeting ? meeting.key : (a.page.meetingKey ?? `url:${a.page.url}`);
    let g = byKey.get(key);
    if (!g) {
      g = { key, meeting, url: meeting?.sourceUrls[0] ?? a.page.url, meetingNotes: [], byPunkt: new Map() };
      byKey.set(key, g);
    }
    if (a.page.punktNumber == null) g.meetingNotes.push(a);
    else {
      const list = g.byPunkt.get(a.page.punktNumber);
      if (list) list.push(a);
      else g.byPunkt.set(a.page.punktNumber, [a]);
    }
  }
  const groups = [...byKey.values()];
  const order = new Map(sortedMeetings.map((m, i) => [m.key, i]));
  groups.sort((a, b) => {
    const ia = order.get(a.key) ?? Number.MAX_SAFE_INTEGER;
    const ib = order.get(b.key) ?? Number.MAX_SAFE_INTEGER;
    if (ia !== ib) return ia - ib;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  for (const g of groups) {
    g.meetingNotes.sort(compareAnnotations);
    for (const list of g.byPunkt.values()) list.sort(compareAnnotations);
  }
  return groups;
}

/** Percent-encodes a text fragment term (`-`, `,`, `&` and brackets too, so Markdown links stay intact). */
function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/[-!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const WORDS_IN_RANGE_TERM = 4;
const MAX_EXACT_TERM = 80;

/** Whitespace collapsed to single spaces, trimmed (no regex work when there is nothing to do). */
function squash(s: string): string {
  return /\s\s|[\t\n\r\f\v\u00a0]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** The first `n` space-separated words of a squashed string. */
function firstWords(s: string, n: number): string {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = s.indexOf(' ', at + 1);
    if (at < 0) return s;
  }
  return s.slice(0, at);
}

/** The last `n` space-separated words of a squashed string. */
function lastWords(s: string, n: number): string {
  let at = s.length;
  for (let i = 0; i < n; i++) {
    at = s.lastIndexOf(' ', at - 1);
    if (at < 0) return s;
  }
  return s.slice(at + 1);
}

/**
 * A URL text fragment directive (`:~:text=…`, the "scroll to text" syntax of Chromium, Safari and
 * Firefox ≥ 131) for a quote: the whole quote when it is short and on one line, else its first and
 * last few words (`start,end`); one or two words of prefix/suffix context when they are on the
 * same line. Returns '' for an empty quote.
 */
export function textFragmentDirective(exact: string, prefix = '', suffix = ''): string {
  let terms: string[];
  const nl = exact.indexOf('\n');
  if (nl < 0 && exact.length <= MAX_EXACT_TERM) {
    const one = squash(exact);
    if (!one) return '';
    terms = [encodeTerm(one)];
  } else {
    const lines = nl < 0 ? [squash(exact)] : exact.split('\n').map(squash).filter(Boolean);
    if (!lines.length) return '';
    if (lines.length === 1 && lines[0]!.length <= MAX_EXACT_TERM) terms = [encodeTerm(lines[0]!)];
    else
      terms = [
        encodeTerm(firstWords(lines[0]!, WORDS_IN_RANGE_TERM)),
        encodeTerm(lastWords(lines[lines.length - 1]!, WORDS_IN_RANGE_TERM)),
      ];
  }
  if (prefix && /\s$/.test(prefix) && /^\S/.test(exact)) {
    const before = lastWords(squash(prefix.slice(prefix.lastIndexOf('\n') + 1)), 2);
    if (before) terms.unshift(`${encodeTerm(before)}-`);
  }
  if (suffix && /^\s/.test(suffix) && /\S$/.test(exact)) {
    const cut = suffix.indexOf('\n', suffix[0] === '\n' ? 1 : 0);
    const firstLine = suffix[0] === '\n' ? '' : cut < 0 ? suffix : suffix.slice(0, cut);
    const after = firstWords(squash(firstLine), 2);
    if (after) terms.push(`-${encodeTerm(after)}`);
  }
  return `:~:text=${terms.join(',')}`;
}

/** Appends a text fragment directive to a URL (after its own fragment, if any). */
export function withTextFragment(url: string, directive: string): string {
  if (!directive) return url;
  return url.includes('#') ? `${url}${directive}` : `${url}#${directive}`;
}

/** Where to link for a punkt: its deep link, else the page the annotation was made on / the meeting page. */
export function punktLink(punkt: PunktSummary | undefined, fallbackUrl: string): string {
  return punkt?.deepLink || fallbackUrl;
}

/** The link back to an annotation: the punkt's link plus a text fragment for highlights. */
export function annotationLink(a: Annotation, punkt: PunktSummary | undefined): string {
  const base = punkt?.deepLink || a.page.url;
  const t = textTarget(a);
  if (!t) return base;
  const q = t.selectors[0];
  return withTextFragment(base, textFragmentDirective(q.exact, q.prefix, q.suffix));
}

/** Reports progress every `step` items and once at the end; never throws into the formatter. */
export function progressReporter(total: number, onProgress?: ProgressFn, step = 500): (done: number) => void {
  if (!onProgress) return () => {};
  let last = -1;
  return (done: number) => {
    if (done === total || done - last >= step) {
      last = done;
      try {
        onProgress(done, total);
      } catch {
        // a failing progress callback must not break the export
      }
    }
  };
}

/** ISO time without milliseconds: 2023-06-06T08:15:00Z. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

const MONTHS: Record<'da' | 'en', string[]> = {
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "6. juni 2023" / "6 June 2023" from an ISO date; other strings unchanged. */
export function humanDate(iso: string, lang: 'da' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1];
  if (!month) return iso;
  const day = Number(m[3]);
  return lang === 'da' ? `${day}. ${month} ${m[1]}` : `${day} ${month} ${m[1]}`;
}

/**
 * Formatters are generators that yield every `CHUNK` items, so the same code runs to completion
 * synchronously (`runSync`) or in slices that give the event loop room to paint progress
 * (`runAsync`).
 */
export const CHUNK = 200;
export type Chunked<T> = Generator<void, T, void>;

export function runSync<T>(g: Chunked<T>): T {
  let r = g.next();
  while (!r.done) r = g.next();
  return r.value;
}

/** Runs a chunked formatter, awaiting a macrotask whenever a slice took longer than `sliceMs`. */
export async function runAsync<T>(g: Chunked<T>, sliceMs = 16): Promise<T> {
  let started = performance.now();
  let r = g.next();
  while (!r.done) {
    if (performance.now() - started >= sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      started = performance.now();
    }
    r = g.next();
  }
  return r.value;
}
