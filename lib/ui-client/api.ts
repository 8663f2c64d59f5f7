// The typed interface extension pages (popup, dashboard) use to reach the background's data routes.
// Components depend on this interface only, so tests pass a fake and the wire format lives in one
// place (./runtime.ts).

import type { BackupStatus } from '../messages/data';
import type { Annotation, AnnotationColor } from '../model/annotation';
import type { BackupV1 } from '../model/backup';
import type { Appearance, Follow, MeetingRecord, PunktIndexRow, Topic, TopicKind } from '../model/records';

export interface FollowInput {
  caseKey: string;
  municipality: string;
  caseNumber: string | null;
  title: string;
}

export interface TopicWithCount {
  topic: Topic;
  count: number;
}

export interface SearchHits {
  annotations: Annotation[];
  punkter: PunktIndexRow[];
  truncated: boolean;
}

export interface CaseTimeline {
  follow: Follow | null;
  appearances: Appearance[];
  annotations: Annotation[];
}

export interface AnnotationQuery {
  meetingKey?: string;
  caseKey?: string;
  tag?: string;
  color?: AnnotationColor;
  municipality?: string;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** An edit that can be undone: pass `undoToken` back to `undoTagEdit`. */
export interface TagEdit {
  changed: number;
  undoToken: string;
}

export interface TableSummary {
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
}
export type { BackupStatus };

export type ImportTable = 'annotations' | 'meetings' | 'appearances' | 'follows' | 'topics';
export type ImportSummary = Record<ImportTable, TableSummary> & {
  problems: Array<{ table: string; index: number; message: string }>;
  dryRun: boolean;
};

/** Boolean settings kept by the background (`META_FLAGS` in lib/messages/data.ts). */
export type Flag = 'persistNoticeShown' | 'notifyNewAppearances';

export interface DataApi {
  getFlag(key: Flag): Promise<boolean>;
  setFlag(key: Flag, value: boolean): Promise<void>;
  listFollowed(): Promise<Follow[]>;
  follow(input: FollowInput): Promise<void>;
  unfollow(caseKey: string): Promise<void>;
  undoUnfollow(caseKey: string): Promise<void>;
  markSeen(caseKey: string): Promise<void>;
  caseTimeline(caseKey: string): Promise<CaseTimeline>;
  topics(): Promise<TopicWithCount[]>;
  addTopic(kind: TopicKind, value: string): Promise<void>;
  removeTopic(id: string): Promise<void>;
  restoreTopic(id: string): Promise<void>;
  /** A topic's matching punkter, newest meeting first. */
  topicPunkter(id: string, limit?: number): Promise<{ topic: Topic; punkter: PunktIndexRow[] }>;
  search(query: string, limit?: number): Promise<SearchHits>;
  listAnnotations(
    filter: AnnotationQuery,
    limit?: number,
  ): Promise<{ annotations: Annotation[]; total: number }>;
  listMeetings(limit?: number): Promise<MeetingRecord[]>;
  listTags(): Promise<TagCount[]>;
  renameTag(from: string, to: string): Promise<TagEdit>;
  deleteTag(tag: string): Promise<TagEdit>;
  undoTagEdit(undoToken: string): Promise<void>;
  exportBackup(): Promise<BackupV1>;
  /** The backup as JSON text, ready to save. */
  exportBackupText(): Promise<string>;
  /** Throws `ClientError` with code 'not-json' | 'foreign' | 'corrupt' | 'newer-version' for a bad file. */
  importBackup(text: string, dryRun: boolean): Promise<ImportSummary>;
  /** When the last backup was saved and whether to remind of one. */
  backupStatus(): Promise<BackupStatus>;
  /** The backup file was saved. */
  markBackupSaved(): Promise<BackupStatus>;
  /** "Not now" on the backup reminder. */
  snoozeBackupReminder(): Promise<BackupStatus>;
}

/** The background answered `{ ok: false, error }` (or not at all). */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(readonly code: string) {
    super(code);
  }
}
