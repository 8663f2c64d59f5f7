// Followed topics (issue 4): a phrase, a committee or a KLE main group.

import type { PunktIndexRow } from '../model/records';
import { type Topic, TopicKind } from '../model/records';
import type { SagssporDB } from './db';
import { guarded, validate } from './errors';
import { committeeTopicKey, normaliseName } from './keys';
import { punktRowsByIds } from './meetings';
import { memoryMatches, punktIdsOfCommittee, punktIdsOfKle, punktMemoryFor } from './search-memory';
import { foldText, queryTokens, tokenize } from './text';

function normaliseValue(kind: TopicKind, value: string): string {
  if (kind === 'kle') return value.trim().slice(0, 2);
  return kind === 'committee' ? committeeTopicKey(value) : normaliseName(value);
}

/** Adds a topic (or restores a deleted one with the same kind and value). */
export async function addTopic(
  db: SagssporDB,
  kind: TopicKind,
  value: string,
  now = Date.now(),
  id: string = crypto.randomUUID(),
): Promise<Topic> {
  validate('topic kind', TopicKind, kind);
  const v = normaliseValue(kind, value);
  if (!v) throw new RangeError('empty topic');
  return guarded(() =>
    db.transaction('rw', db.topics, async () => {
      const existing = await db.topics.where('[kind+value]').equals([kind, v]).first();
      if (existing) {
        const next = { ...existing, deletedAt: null };
        await db.topics.put(next);
        return next;
      }
      const t: Topic = { id, kind, value: v, createdAt: now, deletedAt: null };
      await db.topics.add(t);
      return t;
    }),
  );
}

/** Soft-deletes a topic (undo with `restoreTopic`). */
export async function removeTopic(db: SagssporDB, id: string, now = Date.now()): Promise<void> {
  await guarded(() => db.topics.update(id, { deletedAt: now }));
}

export async function restoreTopic(db: SagssporDB, id: string): Promise<void> {
  await guarded(() => db.topics.update(id, { deletedAt: null }));
}

export async function listTopics(db: SagssporDB): Promise<Topic[]> {
  const rows = await guarded(() => db.topics.toArray());
  return rows.filter((t) => t.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt);
}

/** What a topic is matched against: a punkt's title, its meeting's committee and its KLE group. */
export interface TopicSubject {
  title: string;
  committee: string | null;
  kleGroup: string | null;
}

/**
 * Does a punkt match a topic? A phrase matches when each of its words starts a word of the title
 * (Danish compounds: "skole" matches "Skolestruktur") and, for several words, the phrase occurs in
 * the title; a committee by name; a KLE topic by main group. The same rule the indexes answer.
 */
export function topicMatches(topic: Pick<Topic, 'kind' | 'value'>, p: TopicSubject): boolean {
  if (topic.kind === 'kle') return p.kleGroup === topic.value;
  if (topic.kind === 'committee')
    return !!p.committee && committeeTopicKey(p.committee) === committeeTopicKey(topic.value);
  const tokens = queryTokens(topic.value);
  if (!tokens.length) return false;
  const words = [...tokenize(p.title)];
  if (!tokens.every((t) => words.some((w) => w.startsWith(t)))) return false;
  return tokens.length === 1 || foldText(p.title).includes(foldText(topic.value).replace(/\s+/g, ' ').trim());
}

/** The live topics each punkt of a page matches (for flags on any recognised page): number → topic ids. */
export function matchTopics(
  topics: readonly Topic[],
  punkter: ReadonlyArray<TopicSubject & { number: number }>,
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const p of punkter) {
    const ids = topics.filter((t) => t.deletedAt === null && topicMatches(t, p)).map((t) => t.id);
    if (ids.length) out.set(p.number, ids);
  }
  return out;
}

/**
 * Ids of the remembered punkter a topic may match, from the in-memory index: exact for KLE and
 * committee topics, candidates for phrases (every word matched; the phrase itself is checked on the
 * rows). Null when the index could not be read.
 */
async function topicCandidates(db: SagssporDB, topic: Topic): Promise<{ ids: string[]; exact: boolean }> {
  const memory = await punktMemoryFor(db);
  if (!memory) throw new Error('The search index could not be read.');
  if (topic.kind === 'kle') return { ids: punktIdsOfKle(memory, topic.value), exact: true };
  if (topic.kind === 'committee') return { ids: punktIdsOfCommittee(memory, topic.value), exact: true };
  const tokens = queryTokens(topic.value);
  // Candidates only: the index also holds case-number words, a phrase matches titles.
  return { ids: tokens.length ? [...memoryMatches(memory.punkt, tokens)] : [], exact: false };
}

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** Remembered punkter matching a topic, newest first (at most `limit`). */
export async function punkterForTopic(db: SagssporDB, topic: Topic, limit = 500): Promise<PunktIndexRow[]> {
  return guarded(async () => {
    const { ids, exact } = await topicCandidates(db, topic);
    ids.sort(newestFirst);
    const rows = await db.transaction('r', db.meetings, () =>
      punktRowsByIds(db, exact ? ids.slice(0, limit) : ids),
    );
    return rows.filter((r) => topicMatches(topic, r)).slice(0, limit);
  });
}

/** Live topics with their number of matching remembered punkter (popup): KLE and committee counts from memory alone. */
export async function topicsWithCounts(db: SagssporDB): Promise<Array<{ topic: Topic; count: number }>> {
  const topics = await listTopics(db);
  return guarded(() =>
    Promise.all(
      topics.map(async (topic) => {
        const { ids, exact } = await topicCandidates(db, topic);
        if (exact) return { topic, count: ids.length };
        return { topic, count: (await punkterForTopic(db, topic, Infinity)).length };
      }),
    ),
  );
}
