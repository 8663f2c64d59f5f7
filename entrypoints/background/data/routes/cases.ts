// Remembered meetings and followed cases: the reader remembers every recognised page and learns
// which punkter to flag; the popup and dashboard list, follow and open timelines.
import {
  caseTimeline,
  follow,
  followedAmong,
  getFollow,
  getMeeting,
  getMeta,
  kleGroupOf,
  listFollowed,
  listForCase,
  listMeetings,
  listTopics,
  markSeen,
  matchTopics,
  meetingRecordOf,
  NotFoundError,
  rememberMeeting,
  type SagssporDB,
  totalNewCount,
  undoUnfollow,
  unfollow,
} from '../../../../lib/db';
import { warmSearch } from '../../../../lib/db/search';
import {
  CaseTimelineMessage,
  FollowMessage,
  FollowStatusMessage,
  GetMeetingMessage,
  ListFollowedMessage,
  ListMeetingsMessage,
  MarkSeenMessage,
  type RememberMeeting,
  RememberMeetingMessage,
  UndoUnfollowMessage,
  UnfollowMessage,
} from '../../../../lib/messages/data';
import type { Meeting } from '../../../../lib/model/minutes';
import { changesOf, type WithChanges } from '../changes';
import { BOTH, CONTENT, type DataDeps, type DataRoute, defineData, PAGES } from '../define';
import { quietly } from '../errors';

/** The parser's model of a remembered meeting: no section texts, no DOM references. */
export function meetingOf(m: RememberMeeting): Meeting {
  return {
    ...m,
    punkter: m.punkter.map((p) => ({
      ...p,
      printedTitle: p.printedTitle ?? p.title,
      prefixes: p.prefixes ?? [],
      sections: [],
      attachments: [],
      dom: null,
    })),
  };
}

export function caseRoutes(deps: DataDeps & WithChanges): Record<string, DataRoute> {
  const def = defineData(deps);

  async function updateTotal(db: SagssporDB): Promise<number> {
    const total = await totalNewCount(db);
    await quietly(() => deps.badge?.setTotal(total));
    return total;
  }

  return {
    'meetings/remember': def(RememberMeetingMessage, CONTENT, async (m, { db, sender, access, now }) => {
      access.check(m.url);
      const meeting = meetingOf(m.meeting);
      const result = await rememberMeeting(db, { meeting, url: m.url, platform: m.platform, now });
      const rec = meetingRecordOf(meeting, m.url, m.platform, now);
      const [followed, topics] = await Promise.all([
        followedAmong(
          db,
          rec.punkter.map((p) => p.caseKey),
        ),
        listTopics(db),
      ]);
      const matched = matchTopics(
        topics,
        rec.punkter.map((p) => ({
          number: p.number,
          title: p.title,
          committee: rec.committee,
          kleGroup: kleGroupOf(p.kle),
        })),
      );
      const matchedIds = new Set([...matched.values()].flat());
      const newAppearances = result.newAppearances;
      const newCount = newAppearances.length;
      const totalNew = newCount ? await updateTotal(db) : await totalNewCount(db);
      if (newCount) {
        const tabId = sender.tab?.id;
        if (typeof tabId === 'number') await quietly(() => deps.badge?.showNew(tabId, newCount));
        if ((await getMeta(db, 'notifyNewAppearances')) === true) {
          await quietly(() => deps.notify?.(newAppearances));
        }
      }
      return {
        ok: true,
        stored: result.stored,
        meetingKey: result.meetingKey,
        isNewMeeting: result.isNewMeeting,
        punkter: rec.punkter.map((p) => ({
          number: p.number,
          caseKey: p.caseKey,
          followed: followed.has(p.caseKey),
          topics: matched.get(p.number) ?? [],
          newCount: newAppearances.filter((a) => a.caseKey === p.caseKey).length,
        })),
        topics: topics.filter((t) => matchedIds.has(t.id)),
        newAppearances,
        newCount,
        totalNew,
      };
    }),

    'meetings/get': def(GetMeetingMessage, PAGES, async (m, { db }) => {
      const meeting = await getMeeting(db, m.key);
      if (!meeting) throw new NotFoundError('meeting', m.key);
      return { ok: true, meeting };
    }),

    'meetings/list': def(ListMeetingsMessage, PAGES, async (m, { db }) => ({
      ok: true,
      meetings: await listMeetings(db, m.limit ?? 200),
    })),

    'follows/follow': def(FollowMessage, BOTH, async (m, { db, access, now }) => {
      let input: Parameters<typeof follow>[1];
      if ('meetingKey' in m) {
        const meeting = await getMeeting(db, m.meetingKey);
        if (!meeting) throw new NotFoundError('meeting', m.meetingKey);
        if (!access.page && !meeting.sourceUrls.some((u) => access.allows(u))) access.check(null);
        const p = meeting.punkter.find((x) => x.number === m.punktNumber);
        if (!p) throw new NotFoundError('punkt', `${m.meetingKey}#${m.punktNumber}`);
        input = {
          caseKey: p.caseKey,
          municipality: meeting.municipality,
          caseNumber: p.caseNumber,
          title: p.title,
        };
      } else {
        access.requirePage();
        input = {
          caseKey: m.caseKey,
          municipality: m.municipality,
          caseNumber: m.caseNumber,
          title: m.title,
        };
      }
      const f = await follow(db, input, now);
      await updateTotal(db);
      // Open readers (the page's own panel, other tabs) show the new state without a reload.
      changesOf(deps).followsChanged([f.caseKey]);
      return { ok: true, follow: f };
    }),

    'follows/unfollow': def(UnfollowMessage, BOTH, async (m, { db, now }) => {
      const f = await unfollow(db, m.caseKey, now);
      if (!f) throw new NotFoundError('follow', m.caseKey);
      await updateTotal(db);
      changesOf(deps).followsChanged([m.caseKey]);
      return { ok: true, follow: f };
    }),

    'follows/undoUnfollow': def(UndoUnfollowMessage, BOTH, async (m, { db }) => {
      const f = await undoUnfollow(db, m.caseKey);
      if (!f) throw new NotFoundError('follow', m.caseKey);
      await updateTotal(db);
      changesOf(deps).followsChanged([m.caseKey]);
      return { ok: true, follow: f };
    }),

    'follows/status': def(FollowStatusMessage, BOTH, async (m, { db }) => ({
      ok: true,
      followed: [...(await followedAmong(db, m.caseKeys))],
    })),

    'follows/list': def(ListFollowedMessage, PAGES, async (m, { db }) => {
      // The popup asks this first: warm the search path so its first query is not cold.
      void warmSearch(db);
      const follows = await listFollowed(db, m.limit ?? Infinity);
      return { ok: true, follows, totalNew: await totalNewCount(db) };
    }),

    'follows/markSeen': def(MarkSeenMessage, BOTH, async (m, { db }) => {
      if (m.caseKey) await markSeen(db, m.caseKey);
      else
        await db.follows
          .filter((f) => f.newCount > 0)
          .modify((f) => {
            f.newCount = 0;
          });
      return { ok: true, totalNew: await updateTotal(db) };
    }),

    'follows/timeline': def(CaseTimelineMessage, PAGES, async (m, { db }) => {
      const [follow, appearances, annotations] = await Promise.all([
        getFollow(db, m.caseKey),
        caseTimeline(db, m.caseKey),
        listForCase(db, m.caseKey),
      ]);
      return { ok: true, caseKey: m.caseKey, follow: follow ?? null, appearances, annotations };
    }),
  };
}
