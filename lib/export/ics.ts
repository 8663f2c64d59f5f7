// iCalendar (RFC 5545) export of the upcoming treatments of followed cases: one all-day VEVENT
// each. Text values escaped (backslash, semicolon, comma, newline), lines folded at 75 octets
// without splitting a UTF-8 sequence, CRLF line ends.
import type { Appearance, Follow, MeetingRecord } from '../model/records';
import { hashHex } from './hash';
import { CHUNK, type Chunked, progressReporter, runSync } from './shared';
import type { ExportLang, ProgressFn } from './types';

/** One upcoming treatment of a followed case. */
export interface UpcomingTreatment {
  caseKey: string;
  caseTitle: string;
  caseNumber: string | null;
  municipality: string;
  /** The committee or body that will treat the case, if printed. */
  body: string | null;
  /** ISO date. */
  date: string;
  /** The printed plan line ("Kommende behandlingsforløb"), if any. */
  text: string | null;
  /** Deep link to the punkt, else the page that printed the plan. */
  link: string | null;
}

/**
 * The upcoming treatments (date ≥ `today`) of followed (not unfollowed) cases, from their
 * appearances of any source, one per case, body and date, in date order.
 */
export function upcomingTreatments(
  src: {
    follows: readonly Follow[];
    appearances: readonly Appearance[];
    meetings?: readonly MeetingRecord[];
  },
  today: string,
): UpcomingTreatment[] {
  const follows = new Map(src.follows.filter((f) => f.unfollowedAt == null).map((f) => [f.caseKey, f]));
  const meetingUrl = new Map((src.meetings ?? []).map((m) => [m.key, m.sourceUrls[0] ?? null]));
  const seen = new Map<string, UpcomingTreatment>();
  for (const a of src.appearances) {
    const f = follows.get(a.caseKey);
    if (!f || !a.date || a.date < today) continue;
    const id = `${a.caseKey}|${a.committee ?? ''}|${a.date}`;
    const prior = seen.get(id);
    const link =
      a.deepLink ?? (a.meetingKey ? meetingUrl.get(a.meetingKey) : null) ?? meetingUrl.get(a.seenIn) ?? null;
    if (prior) {
      prior.text ??= a.text;
      prior.link ??= link;
      continue;
    }
    seen.set(id, {
      caseKey: a.caseKey,
      caseTitle: f.title || a.title,
      caseNumber: f.caseNumber,
      municipality: f.municipality,
      body: a.committee,
      date: a.date,
      text: a.text,
      link,
    });
  }
  return [...seen.values()].sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.caseKey < b.caseKey
        ? -1
        : a.caseKey > b.caseKey
          ? 1
          : 0,
  );
}

/** RFC 5545 TEXT escaping: `\` `;` `,` and newlines (CR dropped). */
export function escapeIcsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line: at most 75 octets per physical line (the leading space of a continuation
 * counts), never inside a UTF-8 sequence (whole code points), joined with CRLF + space.
 */
export function foldLine(line: string): string {
  let bytes = 0;
  for (let i = 0; i < line.length; i++) bytes += line.charCodeAt(i) < 0x80 ? 1 : 3;
  if (bytes <= 75) {
    // Cheap path: an upper bound already fits.
    return line;
  }
  const out: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (size + n > limit) {
      out.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

function icsDate(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

function nextDay(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function icsStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Stable UID: hash of case key, body and date, `@sagsspor`. */
export function eventUid(t: Pick<UpcomingTreatment, 'caseKey' | 'body' | 'date'>): string {
  return `${hashHex(`${t.caseKey}\u0001${t.body ?? ''}\u0001${t.date}`)}@sagsspor`;
}

export interface IcsOptions {
  /** DTSTAMP (ms); default Date.now(). */
  now?: number;
  lang?: ExportLang;
  onProgress?: ProgressFn;
}

const TEXT = {
  da: { calendar: 'Sagsspor — kommende behandlinger', caseNumber: 'Sagsnr.' },
  en: { calendar: 'Sagsspor — upcoming treatments', caseNumber: 'Case no.' },
};

/** A VCALENDAR with one all-day VEVENT per upcoming treatment. */
export function toIcs(upcoming: readonly UpcomingTreatment[], opts: IcsOptions = {}): string {
  return runSync(icsChunks(upcoming, opts));
}

/** `toIcs` in slices (see `runAsync` in ./shared). */
export function* icsChunks(upcoming: readonly UpcomingTreatment[], opts: IcsOptions = {}): Chunked<string> {
  const t = TEXT[opts.lang ?? 'da'];
  const stamp = icsStamp(opts.now ?? Date.now());
  const report = progressReporter(upcoming.length, opts.onProgress);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sagsspor//Sagsspor export//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    foldLine(`X-WR-CALNAME:${escapeIcsText(t.calendar)}`),
  ];
  let done = 0;
  for (const u of upcoming) {
    const summary = u.body ? `${u.body}: ${u.caseTitle}` : u.caseTitle;
    const description = [
      u.caseNumber ? `${t.caseNumber} ${u.caseNumber}` : null,
      u.municipality || null,
      u.text,
      u.link,
    ]
      .filter((x): x is string => !!x)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      foldLine(`UID:${eventUid(u)}`),
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(u.date)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(u.date))}`,
      foldLine(`SUMMARY:${escapeIcsText(summary)}`),
    );
    if (description) lines.push(foldLine(`DESCRIPTION:${escapeIcsText(description)}`));
    if (u.link) lines.push(foldLine(`URL:${u.link.replace(/[\r\n]/g, '')}`));
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
    report(++done);
    if (done % CHUNK === 0) yield;
  }
  lines.push('END:VCALENDAR');
  report(upcoming.length);
  return `${lines.join('\r\n')}\r\n`;
}
