// The data API: every message content scripts and extension pages send the background to read or
// write the database (the background is the only writer), with its response, as zod schemas.
//
// Every response is `{ ok: true, ...data }` or a `DataError` (`{ ok: false, error, message? }`).
// Content scripts may import this file (zod is already in the reader bundle); it never imports
// lib/db (Dexie) so the content bundle stays small.
import { Annotation, AnnotationColor, AnnotationInput, AnnotationStatus } from '../model/annotation';
import { BackupV1 } from '../model/backup';
import {
  CaseNumber,
  HistoryRef,
  type Meeting,
  MeetingKind,
  Platform,
  type Punkt,
  Upcoming,
} from '../model/minutes';
import { Appearance, Follow, MeetingRecord, PunktIndexRow, Topic, TopicKind } from '../model/records';
import { z } from '../model/zod';

// ─── shared pieces ─────────────────────────────────────────────────────────

const Text = (max: number) => z.string().check(z.maxLength(max));
const Key = z.string().check(z.minLength(1), z.maxLength(2000));
const Url = z.string().check(z.minLength(1), z.maxLength(8000));
const Id = z.uuid();
const Limit = z.optional(z.int().check(z.positive(), z.maximum(10_000)));

export const DATA_ERRORS = [
  /** The payload failed validation (by the router, or a record inside it). */
  'invalid-message',
  /** Disk or quota full: the write did not happen; the client keeps it pending. */
  'storage-full',
  /** No such record. */
  'not-found',
  /** A content script asked about another site's data, or for an extension-page-only operation. */
  'forbidden',
  /** The backup file is foreign, damaged, not JSON or from a newer version (`reason`). */
  'backup-format',
  /** Anything else (`message` says what). */
  'failed',
] as const;
export const DataErrorCode = z.enum(DATA_ERRORS);
export type DataErrorCode = z.infer<typeof DataErrorCode>;

export const BackupErrorReason = z.enum(['not-json', 'foreign', 'newer-version', 'corrupt']);

export const DataError = z.object({
  ok: z.literal(false),
  error: DataErrorCode,
  message: z.optional(z.string()),
  /** For 'backup-format'. */
  reason: z.optional(BackupErrorReason),
});
export type DataError = z.infer<typeof DataError>;

/** Success payload wrapper. */
function ok<S extends Record<string, z.core.SomeType>>(shape: S) {
  return z.object({ ok: z.literal(true), ...shape });
}

function msg<T extends string, S extends Record<string, z.core.SomeType>>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...shape });
}

export const Done = ok({});
export type Done = z.infer<typeof Done>;

// ─── annotations ───────────────────────────────────────────────────────────

/** Create or update by client id (idempotent). Retry with the same payload until acked. */
export const UpsertAnnotationMessage = msg('annotations/upsert', { annotation: AnnotationInput });
export const UpsertAnnotationResponse = ok({
  /** False when a newer version is stored (a stale retry): `annotation` is the stored one. */
  applied: z.boolean(),
  annotation: Annotation,
});

/** Live annotations of a page (by canonical URL and/or meeting key). */
export const ListForPageMessage = msg('annotations/listForPage', {
  url: Url,
  meetingKey: z.nullable(Key),
});
export const AnnotationsResponse = ok({ annotations: z.array(Annotation) });

export const DeleteAnnotationMessage = msg('annotations/delete', { id: Id });
export const UndoDeleteAnnotationMessage = msg('annotations/undoDelete', { id: Id });
export const AnnotationResponse = ok({ annotation: Annotation });

/** Anchored/orphaned after a re-anchoring batch (not a user edit). */
export const SetStatusMessage = msg('annotations/setStatus', {
  ids: z.array(Id).check(z.maxLength(20_000)),
  status: AnnotationStatus,
});
export const CountResponse = ok({ changed: z.int() });

/** Orphans of a page (content scripts must give the url), or all of them (extension pages). */
export const ListOrphansMessage = msg('annotations/listOrphans', {
  url: z.optional(Url),
  meetingKey: z.optional(z.nullable(Key)),
});

export const TagCount = z.object({ tag: z.string(), count: z.int() });
export const ListTagsMessage = msg('annotations/listTags', { prefix: Text(100), limit: Limit });
export const TagsResponse = ok({ tags: z.array(TagCount) });

const TagName = z.string().check(z.minLength(1), z.maxLength(100));
/** Rename (or merge into an existing tag) everywhere. Extension pages only. */
export const RenameTagMessage = msg('annotations/renameTag', { from: TagName, to: TagName });
/** Remove a tag from every annotation. Extension pages only. */
export const DeleteTagMessage = msg('annotations/deleteTag', { tag: TagName });
/** Undo a rename/delete with the token it returned (survives a service-worker restart). */
export const BulkEditResponse = ok({ changed: z.int(), undoToken: z.string() });
export const UndoBulkEditMessage = msg('annotations/undoBulkEdit', { undoToken: Key });
export const RestoredResponse = ok({ restored: z.int() });

export const AnnotationFilter = z.object({
  meetingKey: z.optional(Key),
  caseKey: z.optional(Key),
  tag: z.optional(TagName),
  color: z.optional(AnnotationColor),
  municipality: z.optional(Text(200)),
  includeDeleted: z.optional(z.boolean()),
});
/** Dashboard list, newest first. Extension pages only. */
export const ListAnnotationsMessage = msg('annotations/list', { filter: AnnotationFilter, limit: Limit });
export const ListAnnotationsResponse = ok({
  annotations: z.array(Annotation),
  /** How many matched (before `limit`). */
  total: z.int(),
});

// ─── meetings ──────────────────────────────────────────────────────────────

/** A punkt as remembered: metadata only, never section texts. */
export const RememberPunkt = z.object({
  number: z.int(),
  title: Text(2000),
  printedTitle: z.optional(Text(2000)),
  prefixes: z.optional(z.array(Text(200))),
  caseNumber: z.nullable(Text(200)),
  /** The parsed case number (its KLE number feeds KLE topics). */
  case: z.nullable(CaseNumber),
  closed: z.boolean(),
  decision: z.nullable(Text(100_000)),
  deepLink: z.nullable(Text(8000)),
  history: z.array(HistoryRef).check(z.maxLength(200)),
  upcoming: z.array(Upcoming).check(z.maxLength(200)),
});
export type RememberPunkt = z.infer<typeof RememberPunkt>;

/** The meeting header and punkt summaries. Extra keys (sections, dom, …) are stripped on parse. */
export const RememberMeeting = z.object({
  municipality: z.nullable(Text(200)),
  committee: z.nullable(Text(500)),
  date: z.nullable(z.iso.date()),
  time: z.nullable(Text(50)),
  place: z.nullable(Text(500)),
  participants: z.array(Text(500)).check(z.maxLength(500)),
  absent: z.array(Text(500)).check(z.maxLength(500)),
  kind: z.nullable(MeetingKind),
  sourceUrl: z.nullable(Text(8000)),
  punkter: z.array(RememberPunkt).check(z.maxLength(2000)),
});
export type RememberMeeting = z.infer<typeof RememberMeeting>;

function slimPunkt(p: Punkt): RememberPunkt {
  return {
    number: p.number,
    title: p.title,
    printedTitle: p.printedTitle,
    prefixes: p.prefixes,
    caseNumber: p.caseNumber,
    case: p.case,
    closed: p.closed,
    decision: p.decision,
    deepLink: p.deepLink,
    history: p.history,
    upcoming: p.upcoming,
  };
}

/** What a content script sends of a parsed meeting: no section texts, no DOM references. */
export function slimMeeting(m: Meeting): RememberMeeting {
  return {
    municipality: m.municipality,
    committee: m.committee,
    date: m.date,
    time: m.time,
    place: m.place,
    participants: m.participants,
    absent: m.absent,
    kind: m.kind,
    sourceUrl: m.sourceUrl,
    punkter: m.punkter.map(slimPunkt),
  };
}

/** The reader remembers every recognised page. Content scripts only, for their own page. */
export const RememberMeetingMessage = msg('meetings/remember', {
  url: Url,
  platform: z.nullable(Platform),
  meeting: RememberMeeting,
});

export const PunktFlags = z.object({
  number: z.int(),
  /** Follow this punkt's case with `follows/follow` ({ meetingKey, punktNumber }). */
  caseKey: z.string(),
  followed: z.boolean(),
  /** Ids of the live topics the punkt matches. */
  topics: z.array(z.string()),
  /** New appearances of this punkt's (followed) case found by this visit. */
  newCount: z.int(),
});
export type PunktFlags = z.infer<typeof PunktFlags>;

export const RememberMeetingResponse = ok({
  /** False when the page had no punkter (nothing stored). */
  stored: z.boolean(),
  meetingKey: z.string(),
  isNewMeeting: z.boolean(),
  punkter: z.array(PunktFlags),
  /** Live topics matched on this page (for labels). */
  topics: z.array(Topic),
  /** Appearances of followed cases this visit revealed. */
  newAppearances: z.array(Appearance),
  /** `newAppearances.length`: the badge shows it. */
  newCount: z.int(),
  /** New appearances over all followed cases (popup). */
  totalNew: z.int(),
});
export type RememberMeetingResponse = z.infer<typeof RememberMeetingResponse>;

export const GetMeetingMessage = msg('meetings/get', { key: Key });
export const MeetingResponse = ok({ meeting: MeetingRecord });
export const ListMeetingsMessage = msg('meetings/list', { limit: Limit });
export const MeetingsResponse = ok({ meetings: z.array(MeetingRecord) });

// ─── follows ───────────────────────────────────────────────────────────────

/** Follow the case of a remembered punkt (the background derives the case). */
export const FollowPunkt = msg('follows/follow', { meetingKey: Key, punktNumber: z.int() });
/** Follow a case by key (popup/dashboard: e.g. from search results). Extension pages only. */
export const FollowCase = msg('follows/follow', {
  caseKey: Key,
  municipality: Text(200),
  caseNumber: z.nullable(Text(200)),
  title: Text(2000),
});
export const FollowMessage = z.union([FollowPunkt, FollowCase]);
export const FollowResponse = ok({ follow: Follow });

export const UnfollowMessage = msg('follows/unfollow', { caseKey: Key });
export const UndoUnfollowMessage = msg('follows/undoUnfollow', { caseKey: Key });

/** Which of these cases are followed (panel flags after a follow elsewhere). */
export const FollowStatusMessage = msg('follows/status', {
  caseKeys: z.array(Key).check(z.maxLength(2000)),
});
export const FollowStatusResponse = ok({ followed: z.array(z.string()) });

/** Followed cases, latest activity first (popup). Extension pages only. */
export const ListFollowedMessage = msg('follows/list', { limit: Limit });
export const ListFollowedResponse = ok({ follows: z.array(Follow), totalNew: z.int() });

/** The user saw a case's new appearances (all cases when caseKey is omitted). */
export const MarkSeenMessage = msg('follows/markSeen', { caseKey: z.optional(Key) });
export const TotalNewResponse = ok({ totalNew: z.int() });

/** A case's timeline (dashboard). Extension pages only. */
export const CaseTimelineMessage = msg('follows/timeline', { caseKey: Key });
export const CaseTimelineResponse = ok({
  caseKey: z.string(),
  /** Null when the case is not followed (a timeline can still be shown). */
  follow: z.nullable(Follow),
  /** Visited appearances, printed history and upcoming treatments, in date order (undated last). */
  appearances: z.array(Appearance),
  annotations: z.array(Annotation),
});
export type CaseTimelineResponse = z.infer<typeof CaseTimelineResponse>;

// ─── topics (extension pages) ──────────────────────────────────────────────

export const AddTopicMessage = msg('topics/add', {
  kind: TopicKind,
  value: z.string().check(z.minLength(1), z.maxLength(200)),
});
export const TopicResponse = ok({ topic: Topic });
export const RemoveTopicMessage = msg('topics/remove', { id: Key });
export const RestoreTopicMessage = msg('topics/restore', { id: Key });
export const ListTopicsMessage = msg('topics/list', {});
export const ListTopicsResponse = ok({ topics: z.array(z.object({ topic: Topic, count: z.int() })) });
export const TopicPunkterMessage = msg('topics/punkter', { id: Key, limit: Limit });
export const TopicPunkterResponse = ok({ topic: Topic, punkter: z.array(PunktIndexRow) });

// ─── search (extension pages) ──────────────────────────────────────────────

export const SearchMessage = msg('search/query', { query: Text(500), limit: Limit });
export const SearchResponse = ok({
  annotations: z.array(Annotation),
  punkter: z.array(PunktIndexRow),
  truncated: z.boolean(),
});

// ─── backup (extension pages) ──────────────────────────────────────────────

/**
 * Large backups cross the message boundary in parts of at most this many characters: Chromium
 * refuses a runtime message over 64 MiB (measured), and JSON escaping can make text up to 6× longer.
 */
export const TRANSFER_PART_CHARS = 8_000_000;
/** At most this many parts (8 GB of text is far beyond any real backup). */
export const TRANSFER_MAX_PARTS = 1000;
const TransferId = z.uuid();
const PartIndex = z.int().check(z.nonnegative(), z.maximum(TRANSFER_MAX_PARTS - 1));

/**
 * `asText`: the backup as a JSON string (for a download); else the object. A text longer than
 * `TRANSFER_PART_CHARS` comes as `transfer`: fetch its parts with `backup/exportPart`.
 */
export const ExportBackupMessage = msg('backup/export', { asText: z.optional(z.boolean()) });
export const ExportBackupResponse = ok({
  backup: z.optional(BackupV1),
  text: z.optional(z.string()),
  transfer: z.optional(z.object({ id: TransferId, parts: z.int().check(z.positive()) })),
});
/** One part of a staged export; the background forgets the export after its last part. */
export const ExportPartMessage = msg('backup/exportPart', { transfer: TransferId, index: PartIndex });
export const ExportPartResponse = ok({ text: z.string() });

/** One part of a backup file to import (`backup/import` with `transfer` then reads them). */
export const ImportPartMessage = msg('backup/importPart', {
  transfer: TransferId,
  index: PartIndex,
  count: z.int().check(z.positive(), z.maximum(TRANSFER_MAX_PARTS)),
  text: Text(TRANSFER_PART_CHARS),
});
export const ImportPartResponse = ok({ received: z.int() });

/**
 * `data`: the file's text or its parsed JSON; or `transfer`: the id of a file sent in parts
 * (`backup/importPart`), used once. Dry run first, then apply.
 */
export const ImportBackupMessage = msg('backup/import', {
  data: z.optional(z.union([z.string(), z.record(z.string(), z.unknown())])),
  transfer: z.optional(TransferId),
  dryRun: z.boolean(),
});
export const TableSummary = z.object({
  new: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  invalid: z.int(),
});
export const ImportSummary = z.object({
  annotations: TableSummary,
  meetings: TableSummary,
  appearances: TableSummary,
  follows: TableSummary,
  topics: TableSummary,
  problems: z.array(z.object({ table: z.string(), index: z.int(), message: z.string() })),
  dryRun: z.boolean(),
});
export const ImportBackupResponse = ok({ summary: ImportSummary });

/** When the last backup was saved, and whether to remind of one (popup, dashboard). */
export const BackupStatusMessage = msg('backup/status', {});
/** The dashboard saved a backup file. */
export const BackupSavedMessage = msg('backup/markSaved', {});
/** "Not now" on the reminder. */
export const BackupSnoozeMessage = msg('backup/snooze', {});
export const BackupStatus = z.object({
  lastBackupAt: z.nullable(z.number()),
  snoozedUntil: z.nullable(z.number()),
  annotations: z.int(),
  follows: z.int(),
  due: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;
export const BackupStatusResponse = ok({ status: BackupStatus });

// ─── meta ──────────────────────────────────────────────────────────────────

/** Settings and flags clients may read and write (booleans). */
export const META_FLAGS = [
  /** The one-time "uninstalling deletes your data — make a backup" notice was shown. */
  'persistNoticeShown',
  /** The user wants a system notification on new appearances of followed cases. */
  'notifyNewAppearances',
] as const;
export const MetaFlag = z.enum(META_FLAGS);
export type MetaFlag = z.infer<typeof MetaFlag>;

export const GetMetaMessage = msg('meta/get', { key: MetaFlag });
export const SetMetaMessage = msg('meta/set', { key: MetaFlag, value: z.boolean() });
export const MetaResponse = ok({ key: MetaFlag, value: z.boolean() });

/** Whether the browser granted persistent storage (asked at install and startup). */
export const PersistenceMessage = msg('meta/persistence', {});
export const PersistenceResponse = ok({ persisted: z.boolean(), supported: z.boolean() });

// ─── the API map ───────────────────────────────────────────────────────────

/** Every data message type → request and success-response schemas. */
export const DATA_API = {
  'annotations/upsert': { request: UpsertAnnotationMessage, response: UpsertAnnotationResponse },
  'annotations/listForPage': { request: ListForPageMessage, response: AnnotationsResponse },
  'annotations/delete': { request: DeleteAnnotationMessage, response: AnnotationResponse },
  'annotations/undoDelete': { request: UndoDeleteAnnotationMessage, response: AnnotationResponse },
  'annotations/setStatus': { request: SetStatusMessage, response: CountResponse },
  'annotations/listOrphans': { request: ListOrphansMessage, response: AnnotationsResponse },
  'annotations/listTags': { request: ListTagsMessage, response: TagsResponse },
  'annotations/renameTag': { request: RenameTagMessage, response: BulkEditResponse },
  'annotations/deleteTag': { request: DeleteTagMessage, response: BulkEditResponse },
  'annotations/undoBulkEdit': { request: UndoBulkEditMessage, response: RestoredResponse },
  'annotations/list': { request: ListAnnotationsMessage, response: ListAnnotationsResponse },
  'meetings/remember': { request: RememberMeetingMessage, response: RememberMeetingResponse },
  'meetings/get': { request: GetMeetingMessage, response: MeetingResponse },
  'meetings/list': { request: ListMeetingsMessage, response: MeetingsResponse },
  'follows/follow': { request: FollowMessage, response: FollowResponse },
  'follows/unfollow': { request: UnfollowMessage, response: FollowResponse },
  'follows/undoUnfollow': { request: UndoUnfollowMessage, response: FollowResponse },
  'follows/status': { request: FollowStatusMessage, response: FollowStatusResponse },
  'follows/list': { request: ListFollowedMessage, response: ListFollowedResponse },
  'follows/markSeen': { request: MarkSeenMessage, response: TotalNewResponse },
  'follows/timeline': { request: CaseTimelineMessage, response: CaseTimelineResponse },
  'topics/add': { request: AddTopicMessage, response: TopicResponse },
  'topics/remove': { request: RemoveTopicMessage, response: Done },
  'topics/restore': { request: RestoreTopicMessage, response: Done },
  'topics/list': { request: ListTopicsMessage, response: ListTopicsResponse },
  'topics/punkter': { request: TopicPunkterMessage, response: TopicPunkterResponse },
  'search/query': { request: SearchMessage, response: SearchResponse },
  'backup/export': { request: ExportBackupMessage, response: ExportBackupResponse },
  'backup/import': { request: ImportBackupMessage, response: ImportBackupResponse },
  'backup/importPart': { request: ImportPartMessage, response: ImportPartResponse },
  'backup/status': { request: BackupStatusMessage, response: BackupStatusResponse },
  'backup/markSaved': { request: BackupSavedMessage, response: BackupStatusResponse },
  'backup/snooze': { request: BackupSnoozeMessage, response: BackupStatusResponse },
  'backup/exportPart': { request: ExportPartMessage, response: ExportPartResponse },
  'meta/get': { request: GetMetaMessage, response: MetaResponse },
  'meta/set': { request: SetMetaMessage, response: MetaResponse },
  'meta/persistence': { request: PersistenceMessage, response: PersistenceResponse },
} as const;

export type DataType = keyof typeof DATA_API;
export type DataRequest<T extends DataType> = z.infer<(typeof DATA_API)[T]['request']>;
export type DataSuccess<T extends DataType> = z.infer<(typeof DATA_API)[T]['response']>;
export type DataResponse<T extends DataType> = DataSuccess<T> | DataError;

/**
 * Typed client: `await requestData(browser.runtime.sendMessage, { type: 'follows/list' })`.
 * The send function is passed in so lib stays free of extension APIs. A missing answer (no
 * listener, service worker restarting) comes back as `{ ok: false, error: 'failed' }`.
 */
export async function requestData<T extends DataType>(
  send: (message: unknown) => Promise<unknown>,
  message: DataRequest<T> & { type: T },
): Promise<DataResponse<T>> {
  try {
    const res = (await send(message)) as DataResponse<T> | undefined;
    if (res && typeof res === 'object' && 'ok' in res) return res;
    return { ok: false, error: 'failed', message: 'no answer' };
  } catch (e) {
    return { ok: false, error: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}
