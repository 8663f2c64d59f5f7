// Remembered meetings (issue 4): metadata of every recognised page, the appearances of each case,
// and the punkt index for search. `rememberMeeting` returns the new appearances of followed cases.
import type { AnnotationPage } from '../model/annotation';
import { type Meeting, Meeting as MeetingSchema, Platform, type Punkt } from '../model/minutes';
import type {
  Appearance,
  AppearanceSource,
  Follow,
  MeetingRecord,
  PunktIndexRow,
  PunktSummary,
} from '../model/records';
import { z } from '../model/zod';
import type { SagssporDB } from './db';
import { guarded, validate } from './errors';
import { canonicalUrl, caseKeyOf, kleGroupOf, meetingKeyOf, municipalityOf, normaliseName } from './keys';
import { indexWords } from './text';

export interface RememberInput {
  meeting: Meeting;
  /** The page's URL (canonicalised here). */
  url: string;
  platform?: Platform | null;
  now?: number;
}

export interface RememberResult {
  /** False when the page yielded no punkter: nothing is stored for it. */
  stored: boolean;
  meetingKey: string;
  isNewMeeting: boolean;
  /** Appearances of followed cases not known before this visit (for badge, popup, notification). */
  newAppearances: Appearance[];
  /** caseKeys of the followed cases that got new appearances. */
  touchedFollows: string[];
}

const SOURCE_RANK: Record<AppearanceSource, number> = { upcoming: 0, history: 1, visited: 2 };

function summarise(p: Punkt, municipality: string, meetingKey: string): PunktSummary {
  // Keyed by the printed number through `caseKeyOf`, exactly as annotations are.
  return {
    number: p.number,
    title: p.title,
    caseNumber: p.caseNumber,
    caseKey: caseKeyOf(municipality, p.caseNumber, meetingKey, p.number)!,
    kle: p.case?.kle ?? null,
    closed: p.closed,
    decision: p.decision,
    deepLink: p.deepLink,
    history: p.history,
    upcoming: p.upcoming,
  };
}

function textKey(text: string): string {
  return normaliseName(text).slice(0, 80);
}

/** The appearances a meeting page tells about: its punkter, and their printed history and plan. */
export function appearancesOf(rec: MeetingRecord, now: number): Appearance[] {
  const out: Appearance[] = [];
  for (const p of rec.punkter) {
    out.push({
      id: `${p.caseKey}@${rec.key}#${p.number}`,
      caseKey: p.caseKey,
      meetingKey: rec.key,
      punktNumber: p.number,
      municipality: rec.municipality,
      date: rec.date,
      committee: rec.committee,
      title: p.title,
      decision: p.decision,
      deepLink: p.deepLink,
      text: null,
      source: 'visited',
      seenIn: rec.key,
      firstSeen: now,
    });
    // A punkt followed as itself has no history elsewhere.
    if (!p.caseNumber) continue;
    const refs: Array<{
      source: AppearanceSource;
      body: string | null;
      date: string | null;
      punkt: number | null;
      text: string;
    }> = [
      ...p.history.map((h) => ({ source: 'history' as const, ...h })),
      ...p.upcoming.map((u) => ({ source: 'upcoming' as const, punkt: null, ...u })),
    ];
    for (const r of refs) {
      const mk = r.body && r.date ? meetingKeyOf(rec.municipality, r.body, r.date) : null;
      if (mk === rec.key) continue;
      out.push({
        id: `${p.caseKey}@${mk ?? `undated:${r.source}:${textKey(r.text)}`}#${r.punkt ?? ''}`,
        caseKey: p.caseKey,
        meetingKey: mk,
        punktNumber: r.punkt,
        municipality: rec.municipality,
        date: r.date,
        committee: r.body,
        title: p.title,
        decision: null,
        deepLink: null,
        text: r.text,
        source: r.source,
        seenIn: rec.key,
        firstSeen: now,
      });
    }
  }
  return out;
}

export function mergeMeeting(old: MeetingRecord | undefined, next: MeetingRecord): MeetingRecord {
  if (!old) return next;
  const byNumber = new Map(old.punkter.map((p) => [p.number, p]));
  for (const p of next.punkter) byNumber.set(p.number, p);
  return {
    ...next,
    // A page that knows less (one punkt per page) must not erase what another page told.
    time: next.time ?? old.time,
    place: next.place ?? old.place,
    kind: next.kind ?? old.kind,
    platform: next.platform ?? old.platform,
    participants: next.participants.length ? next.participants : old.participants,
    absent: next.absent.length ? next.absent : old.absent,
    punkter: [...byNumber.values()].sort((a, b) => a.number - b.number),
    sourceUrls: [...new Set([...old.sourceUrls, ...next.sourceUrls])],
    firstSeen: old.firstSeen,
  };
}

/**
 * A punkt's id in search results and the in-memory index: date first, so hits can be ordered
 * newest first from their ids alone and only the shown ones loaded.
 */
export function punktIndexId(date: string | null, meetingKey: string, number: number): string {
  return `${date ?? '0000-00-00'} ${meetingKey}#${number}`;
}

/** The meeting key of a punkt id (`punktIndexId`: a 10-character date, a space, key, '#', number). */
export function meetingKeyOfPunktId(id: string): string {
  return id.slice(11, id.lastIndexOf('#'));
}

/**
 * The punkt rows for these ids, from their meetings (one read per meeting); unknown ids are left
 * out. Order follows `ids`.
 */
export async function punktRowsByIds(db: SagssporDB, ids: readonly string[]): Promise<PunktIndexRow[]> {
  const keys = [...new Set(ids.map(meetingKeyOfPunktId))];
  const meetings = await db.meetings.bulkGet(keys);
  const byId = new Map<string, PunktIndexRow>();
  for (const m of meetings) if (m) for (const r of punktRows(m)) byId.set(r.id, r);
  return ids.map((id) => byId.get(id)).filter((r): r is PunktIndexRow => r !== undefined);
}

/** One row per punkt of a meeting record: what search results and topic lists show. */
export function punktRows(rec: MeetingRecord): PunktIndexRow[] {
  return rec.punkter.map((p) => ({
    id: punktIndexId(rec.date, rec.key, p.number),
    meetingKey: rec.key,
    number: p.number,
    municipality: rec.municipality,
    committee: rec.committee,
    date: rec.date,
    title: p.title,
    caseNumber: p.caseNumber,
    caseKey: p.caseKey,
    kleGroup: kleGroupOf(p.kle),
    decision: p.decision,
    deepLink: p.deepLink,
    words: indexWords(p.title, p.caseNumber),
  }));
}

/** Builds the meeting record of a parsed page (no storage). */
export function meetingRecordOf(
  meeting: Meeting,
  url: string,
  platform: Platform | null,
  now: number,
): MeetingRecord {
  const municipality = municipalityOf(meeting.municipality, url);
  const key = meetingKeyOf(municipality, meeting.committee, meeting.date, url);
  return {
    key,
    municipality,
    committee: meeting.committee,
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    kind: meeting.kind,
    platform,
    participants: meeting.participants,
    absent: meeting.absent,
    punkter: meeting.punkter.map((p) => summarise(p, municipality, key)),
    sourceUrls: [canonicalUrl(url)],
    firstSeen: now,
    lastSeen: now,
  };
}

/**
 * The `page` of an annotation made on this meeting's page (whole meeting when `punktNumber` is
 * null), keyed exactly as `rememberMeeting` keys the meeting and its cases.
 */
export function pageRefOf(meeting: Meeting, url: string, punktNumber: number | null): AnnotationPage {
  const municipality = municipalityOf(meeting.municipality, url);
  const meetingKey = meetingKeyOf(municipality, meeting.committee, meeting.date, url);
  const p = punktNumber === null ? undefined : meeting.punkter.find((x) => x.number === punktNumber);
  const caseNumber = p?.caseNumber ?? null;
  return {
    url: canonicalUrl(url),
    municipality,
    meetingKey,
    punktNumber,
    caseNumber,
    caseKey: punktNumber === null ? null : caseKeyOf(municipality, caseNumber, meetingKey, punktNumber),
  };
}

/**
 * Remembers a recognised page's meeting (header and punkter, not the text), records every case
 * appearance it tells about, and updates followed cases. One transaction.
 */
export async function rememberMeeting(db: SagssporDB, input: RememberInput): Promise<RememberResult> {
  const meeting = validate<Meeting>('meeting', MeetingSchema, input.meeting);
  // Stored in the record: an unknown platform would make the row (and its backup) invalid.
  const platform = validate<Platform | null>('platform', z.nullable(Platform), input.platform ?? null);
  const now = input.now ?? Date.now();
  const fresh = meetingRecordOf(meeting, input.url, platform, now);
  if (!fresh.punkter.length) {
    return {
      stored: false,
      meetingKey: fresh.key,
      isNewMeeting: false,
      newAppearances: [],
      touchedFollows: [],
    };
  }
  return guarded(() =>
    db.transaction('rw', [db.meetings, db.appearances, db.follows], async () => {
      const old = await db.meetings.get(fresh.key);
      const rec = mergeMeeting(old, fresh);
      await db.meetings.put(rec);

      const candidates = appearancesOf(fresh, now);
      const caseKeys = [...new Set(candidates.map((a) => a.caseKey))];
      const known = await db.appearances.where('caseKey').anyOf(caseKeys).toArray();
      const byId = new Map(known.map((a) => [a.id, a]));
      const byCaseMeeting = new Map<string, Appearance[]>();
      for (const a of known) {
        if (!a.meetingKey) continue;
        const k = `${a.caseKey}@${a.meetingKey}`;
        byCaseMeeting.set(k, [...(byCaseMeeting.get(k) ?? []), a]);
      }

      const puts: Appearance[] = [];
      const deletes: string[] = [];
      const added: Appearance[] = [];
      for (const a of candidates) {
        const prev = byId.get(a.id);
        const sameMeeting = a.meetingKey ? (byCaseMeeting.get(`${a.caseKey}@${a.meetingKey}`) ?? []) : [];
        if (prev) {
          // Known: upgrade the source (upcoming → history → visited) and fill what was missing.
          if (SOURCE_RANK[a.source] >= SOURCE_RANK[prev.source]) {
            const merged: Appearance = {
              ...a,
              firstSeen: prev.firstSeen,
              decision: a.decision ?? prev.decision,
              deepLink: a.deepLink ?? prev.deepLink,
              text: a.text ?? prev.text,
            };
            puts.push(merged);
            if (prev.source === 'upcoming' && a.source !== 'upcoming') added.push(merged);
          }
          continue;
        }
        if (a.source !== 'visited' && a.punktNumber === null && sameMeeting.length) continue; // already known, more precisely
        if (a.source === 'visited') {
          // A visited punkt replaces the placeholder its history/plan lines made (no punkt number).
          for (const s of sameMeeting) if (s.punktNumber === null && s.id !== a.id) deletes.push(s.id);
        }
        puts.push(a);
        byId.set(a.id, a);
        if (a.meetingKey) byCaseMeeting.set(`${a.caseKey}@${a.meetingKey}`, [...sameMeeting, a]);
        const wasKnown = sameMeeting.some((s) => s.source !== 'upcoming' || a.source === 'upcoming');
        if (!wasKnown) added.push(a);
      }
      if (deletes.length) await db.appearances.bulkDelete(deletes);
      if (puts.length) await db.appearances.bulkPut(puts);

      // Followed cases: count what is new.
      const follows = (await db.follows.bulkGet(caseKeys)).filter(
        (f): f is Follow => !!f && f.unfollowedAt === null,
      );
      const followed = new Set(follows.map((f) => f.caseKey));
      const newAppearances = added.filter((a) => followed.has(a.caseKey));
      const touched: Follow[] = [];
      for (const f of follows) {
        const mine = newAppearances.filter((a) => a.caseKey === f.caseKey);
        if (!mine.length) continue;
        touched.push(withLatest({ ...f, newCount: f.newCount + mine.length, lastActivity: now }, mine));
      }
      if (touched.length) await db.follows.bulkPut(touched);

      return {
        stored: true,
        meetingKey: rec.key,
        isNewMeeting: !old,
        newAppearances,
        touchedFollows: touched.map((f) => f.caseKey),
      };
    }),
  );
}

/** The follow with its latest treatment (date, decision, committee) updated from `appearances`. */
export function withLatest(f: Follow, appearances: readonly Appearance[]): Follow {
  let next = f;
  for (const a of appearances) {
    if (a.source === 'upcoming' || !a.date) continue;
    if (next.latestDate && a.date < next.latestDate) continue;
    next = {
      ...next,
      latestDate: a.date,
      latestDecision: a.decision ?? (a.date === next.latestDate ? next.latestDecision : null),
      latestCommittee: a.committee,
    };
  }
  return next;
}

export async function getMeeting(db: SagssporDB, key: string): Promise<MeetingRecord | undefined> {
  return guarded(() => db.meetings.get(key));
}

/** The remembered meeting seen at this URL, if any. */
export async function meetingForUrl(db: SagssporDB, url: string): Promise<MeetingRecord | undefined> {
  return guarded(() => db.meetings.where('sourceUrls').equals(canonicalUrl(url)).first());
}

/** Remembered meetings, newest meeting date first. */
export async function listMeetings(db: SagssporDB, limit = 200): Promise<MeetingRecord[]> {
  return guarded(() => db.meetings.orderBy('date').reverse().limit(limit).toArray());
}

function sameBody(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  // "Økonomiudvalget" / "Økonomiudvalg" / "Økonomiudvalgets møde": compare the stem.
  const stem = (s: string) =>
    normaliseName(s)
      .replace(/[^\p{L}]/gu, '')
      .slice(0, 8);
  return stem(a) === stem(b);
}

/**
 * A case's timeline: every appearance in date order (undated last). A printed history or plan line
 * is left out when a visited punkt of the same date and committee tells the same, better.
 */
export async function caseTimeline(db: SagssporDB, caseKey: string): Promise<Appearance[]> {
  const all = await guarded(() => db.appearances.where('caseKey').equals(caseKey).toArray());
  const visited = all.filter((a) => a.source === 'visited');
  const rows = all.filter(
    (a) =>
      a.source === 'visited' ||
      !a.date ||
      !visited.some((v) => v.date === a.date && sameBody(v.committee, a.committee)),
  );
  return rows.sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      SOURCE_RANK[b.source] - SOURCE_RANK[a.source] ||
      (a.punktNumber ?? 0) - (b.punktNumber ?? 0),
  );
}
