// Followed cases (issue 4).
import type { Follow } from '../model/records';
import type { SagssporDB } from './db';
import { guarded } from './errors';
import { normaliseCaseNumber } from './keys';
import { withLatest } from './meetings';

export interface FollowInput {
  /** `caseKeyOf(...)` of the punkt's case (or of the punkt itself). */
  caseKey: string;
  municipality: string;
  /** As printed, or null for a punkt followed as itself. */
  caseNumber: string | null;
  title: string;
}

/**
 * Follows a case (or restores an unfollowed one, keeping its counts). The latest treatment is
 * filled from the appearances already remembered.
 */
export async function follow(db: SagssporDB, input: FollowInput, now = Date.now()): Promise<Follow> {
  return guarded(() =>
    db.transaction('rw', [db.follows, db.appearances], async () => {
      const existing = await db.follows.get(input.caseKey);
      if (existing) {
        const next = { ...existing, unfollowedAt: null, title: input.title || existing.title };
        await db.follows.put(next);
        return next;
      }
      const appearances = await db.appearances.where('caseKey').equals(input.caseKey).toArray();
      const f = withLatest(
        {
          caseKey: input.caseKey,
          municipality: input.municipality,
          caseNumber: input.caseNumber ? normaliseCaseNumber(input.caseNumber) : null,
          title: input.title,
          followedAt: now,
          lastActivity: now,
          newCount: 0,
          latestDate: null,
          latestDecision: null,
          latestCommittee: null,
          unfollowedAt: null,
        },
        appearances,
      );
      await db.follows.put(f);
      return f;
    }),
  );
}

/** Unfollows (soft, so `undoUnfollow` can restore it). */
export async function unfollow(
  db: SagssporDB,
  caseKey: string,
  now = Date.now(),
): Promise<Follow | undefined> {
  return guarded(() =>
    db.transaction('rw', db.follows, async () => {
      const f = await db.follows.get(caseKey);
      if (!f || f.unfollowedAt !== null) return f;
      const next = { ...f, unfollowedAt: now };
      await db.follows.put(next);
      return next;
    }),
  );
}

export async function undoUnfollow(db: SagssporDB, caseKey: string): Promise<Follow | undefined> {
  return guarded(() =>
    db.transaction('rw', db.follows, async () => {
      const f = await db.follows.get(caseKey);
      if (!f || f.unfollowedAt === null) return f;
      const next = { ...f, unfollowedAt: null };
      await db.follows.put(next);
      return next;
    }),
  );
}

/** Deletes follows unfollowed before `before` (ms). */
export async function purgeUnfollowed(db: SagssporDB, before: number): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.follows, () => db.follows.where('unfollowedAt').below(before).delete()),
  );
}

export async function getFollow(db: SagssporDB, caseKey: string): Promise<Follow | undefined> {
  const f = await guarded(() => db.follows.get(caseKey));
  return f && f.unfollowedAt === null ? f : undefined;
}

/** Which of these case keys are followed (outline flags). */
export async function followedAmong(db: SagssporDB, caseKeys: readonly string[]): Promise<Set<string>> {
  const rows = await guarded(() => db.follows.bulkGet([...caseKeys]));
  return new Set(rows.filter((f): f is Follow => !!f && f.unfollowedAt === null).map((f) => f.caseKey));
}

/** Followed cases, latest activity first. */
export async function listFollowed(db: SagssporDB, limit = Infinity): Promise<Follow[]> {
  return guarded(() => {
    const c = db.follows
      .orderBy('lastActivity')
      .reverse()
      .filter((f) => f.unfollowedAt === null);
    return (Number.isFinite(limit) ? c.limit(limit) : c).toArray();
  });
}

/** The user has seen a case's new appearances. */
export async function markSeen(db: SagssporDB, caseKey: string): Promise<void> {
  await guarded(() => db.follows.update(caseKey, { newCount: 0 }));
}

/** Sum of new appearances over followed cases (toolbar badge). */
export async function totalNewCount(db: SagssporDB): Promise<number> {
  let n = 0;
  await guarded(() =>
    db.follows.each((f) => {
      if (f.unfollowedAt === null) n += f.newCount;
    }),
  );
  return n;
}
