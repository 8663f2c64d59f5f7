// A DataApi double for UI tests: in-memory follows/topics, every method a vi.fn.
import { vi } from 'vitest';
import type { Follow } from '../../../lib/model/records';
import type { BackupStatus, DataApi, SearchHits, TopicWithCount } from '../../../lib/ui-client/api';

export function follow(over: Partial<Follow> & Pick<Follow, 'caseKey' | 'title'>): Follow {
  return {
    municipality: 'Ballerup',
    caseNumber: null,
    followedAt: 1,
    lastActivity: 1,
    newCount: 0,
    latestDate: null,
    latestDecision: null,
    latestCommittee: null,
    unfollowedAt: null,
    ...over,
  };
}

const never = () => Promise.reject(new Error('not in this test'));

const DAY = 24 * 60 * 60 * 1000;

export function fakeApi(
  init: {
    follows?: Follow[];
    topics?: TopicWithCount[];
    hits?: SearchHits;
    annotations?: number;
    lastBackupAt?: number | null;
  } = {},
) {
  let follows = [...(init.follows ?? [])];
  let lastBackupAt = init.lastBackupAt ?? null;
  let snoozedUntil: number | null = null;
  /** As lib/db backupStatus: something to lose, no backup for 30 days, not snoozed. */
  const status = (): BackupStatus => {
    const now = Date.now();
    const annotations = init.annotations ?? 0;
    return {
      lastBackupAt,
      snoozedUntil,
      annotations,
      follows: follows.length,
      due:
        annotations + follows.length > 0 &&
        (lastBackupAt === null || now - lastBackupAt >= 30 * DAY) &&
        (snoozedUntil === null || now >= snoozedUntil),
    };
  };
  const unfollowed = new Map<string, Follow>();
  const topics = [...(init.topics ?? [])];
  const flags = new Map<string, boolean>();
  const api = {
    getFlag: vi.fn(async (key: string) => flags.get(key) ?? false),
    setFlag: vi.fn(async (key: string, value: boolean) => {
      flags.set(key, value);
    }),
    listFollowed: vi.fn(async () => follows.map((f) => ({ ...f }))),
    follow: vi.fn(
      async (input: { caseKey: string; municipality: string; caseNumber: string | null; title: string }) => {
        follows.push(follow({ ...input, lastActivity: Date.now() }));
      },
    ),
    unfollow: vi.fn(async (caseKey: string) => {
      const f = follows.find((x) => x.caseKey === caseKey);
      if (f) unfollowed.set(caseKey, f);
      follows = follows.filter((x) => x.caseKey !== caseKey);
    }),
    undoUnfollow: vi.fn(async (caseKey: string) => {
      const f = unfollowed.get(caseKey);
      if (f) follows.push(f);
    }),
    markSeen: vi.fn(async () => {}),
    caseTimeline: vi.fn(never),
    topics: vi.fn(async () => topics),
    addTopic: vi.fn(async (kind: 'phrase' | 'committee' | 'kle', value: string) => {
      topics.push({
        topic: { id: `t${topics.length}`, kind, value, createdAt: 1, deletedAt: null },
        count: 0,
      });
    }),
    removeTopic: vi.fn(async () => {}),
    restoreTopic: vi.fn(async () => {}),
    topicPunkter: vi.fn(never),
    search: vi.fn(async () => init.hits ?? { annotations: [], punkter: [], truncated: false }),
    listAnnotations: vi.fn(never),
    listMeetings: vi.fn(never),
    listTags: vi.fn(never),
    renameTag: vi.fn(never),
    deleteTag: vi.fn(never),
    undoTagEdit: vi.fn(never),
    exportBackup: vi.fn(never),
    exportBackupText: vi.fn(never),
    importBackup: vi.fn(never),
    backupStatus: vi.fn(async () => status()),
    markBackupSaved: vi.fn(async () => {
      lastBackupAt = Date.now();
      return status();
    }),
    snoozeBackupReminder: vi.fn(async () => {
      snoozedUntil = Date.now() + 30 * DAY;
      return status();
    }),
  } satisfies DataApi;
  return api;
}
