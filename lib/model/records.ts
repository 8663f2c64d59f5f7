// Remembered meetings, case appearances, followed cases and topics (issue 4): the stored records,
// defined once here as zod schemas. Keys are made by lib/db/keys.
import { EpochMs } from './annotation';
import { HistoryRef, Platform, Upcoming } from './minutes';
import { z } from './zod';

/** One punkt of a remembered meeting: metadata only, never the full text. */
export const PunktSummary = z.object({
  number: z.int(),
  title: z.string(),
  /** As printed, or null. */
  caseNumber: z.nullable(z.string()),
  /** `caseKeyOf(...)`: municipality + ':' + normalised case number, or the punkt itself. */
  caseKey: z.string(),
  /** KLE number where the case number carries one, e.g. "24.00.00". */
  kle: z.nullable(z.string()),
  closed: z.boolean(),
  decision: z.nullable(z.string()),
  deepLink: z.nullable(z.string()),
  history: z.array(HistoryRef),
  upcoming: z.array(Upcoming),
});
export type PunktSummary = z.infer<typeof PunktSummary>;

export const MeetingRecord = z.object({
  /** `meetingKeyOf(...)`: municipality|committee|date, normalised. */
  key: z.string().check(z.minLength(1)),
  municipality: z.string(),
  committee: z.nullable(z.string()),
  date: z.nullable(z.iso.date()),
  time: z.nullable(z.string()),
  place: z.nullable(z.string()),
  kind: z.nullable(z.enum(['referat', 'dagsorden'])),
  platform: z.nullable(Platform),
  participants: z.array(z.string()),
  absent: z.array(z.string()),
  punkter: z.array(PunktSummary),
  /** Canonical URLs the meeting was seen at (a punkt-per-page site has several). */
  sourceUrls: z.array(z.string()),
  firstSeen: EpochMs,
  lastSeen: EpochMs,
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

export const APPEARANCE_SOURCES = ['visited', 'history', 'upcoming'] as const;
export const AppearanceSource = z.enum(APPEARANCE_SOURCES);
export type AppearanceSource = z.infer<typeof AppearanceSource>;

/** One treatment of a case: in a visited meeting, or printed as its history or plan. */
export const Appearance = z.object({
  /** `${caseKey}@${meetingKey or undated text key}#${punktNumber ?? ''}` — deterministic, so re-visits dedupe. */
  id: z.string(),
  caseKey: z.string(),
  /** Null for an undated history or upcoming line. */
  meetingKey: z.nullable(z.string()),
  punktNumber: z.nullable(z.int()),
  municipality: z.string(),
  date: z.nullable(z.iso.date()),
  committee: z.nullable(z.string()),
  title: z.string(),
  decision: z.nullable(z.string()),
  deepLink: z.nullable(z.string()),
  /** The printed history/upcoming line, for source 'history' and 'upcoming'. */
  text: z.nullable(z.string()),
  source: AppearanceSource,
  /** The meeting (key) whose page printed this line or was visited. */
  seenIn: z.string(),
  firstSeen: EpochMs,
});
export type Appearance = z.infer<typeof Appearance>;

export const Follow = z.object({
  caseKey: z.string(),
  municipality: z.string(),
  /** Normalised case number, or null when the punkt itself is followed. */
  caseNumber: z.nullable(z.string()),
  title: z.string(),
  followedAt: EpochMs,
  /** When a new appearance was last seen (or followedAt): the popup sorts by it. */
  lastActivity: EpochMs,
  /** New appearances since the user last looked. */
  newCount: z.int().check(z.nonnegative()),
  /** Latest treatment, denormalised so the popup needs no joins. */
  latestDate: z.nullable(z.iso.date()),
  latestDecision: z.nullable(z.string()),
  latestCommittee: z.nullable(z.string()),
  /** Soft unfollow (for undo); purged later. */
  unfollowedAt: z.nullable(EpochMs),
});
export type Follow = z.infer<typeof Follow>;

export const TOPIC_KINDS = ['phrase', 'committee', 'kle'] as const;
export const TopicKind = z.enum(TOPIC_KINDS);
export type TopicKind = z.infer<typeof TopicKind>;

export const Topic = z.object({
  id: z.string(),
  kind: TopicKind,
  /** A word or phrase, a committee name, or a KLE main group ("24"). */
  value: z.string().check(z.minLength(1)),
  createdAt: EpochMs,
  deletedAt: z.nullable(EpochMs),
});
export type Topic = z.infer<typeof Topic>;

/** One row per remembered punkt, for search and topic matching from indexes. */
export const PunktIndexRow = z.object({
  /** `punktIndexId(date, meetingKey, number)`: date first, for newest-first order from keys. */
  id: z.string(),
  meetingKey: z.string(),
  number: z.int(),
  municipality: z.string(),
  committee: z.nullable(z.string()),
  date: z.nullable(z.iso.date()),
  title: z.string(),
  caseNumber: z.nullable(z.string()),
  caseKey: z.string(),
  /** KLE main group (first two digits), for 'kle' topics. */
  kleGroup: z.nullable(z.string()),
  decision: z.nullable(z.string()),
  deepLink: z.nullable(z.string()),
  /** Search tokens of title and case number (see lib/db/text). */
  words: z.array(z.string()),
});
export type PunktIndexRow = z.infer<typeof PunktIndexRow>;

export const MetaEntry = z.object({
  key: z.string(),
  value: z.unknown(),
});
export type MetaEntry = z.infer<typeof MetaEntry>;
